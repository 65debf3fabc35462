"""Forms of Data Profil Personal / Data Profil Mitra in the admin panel: the list filters and the
reason of "Tolak"."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.text_indexes import ContainsSearchField
from portal.widgets import LongSelect
from users.choices import MitraCategory, VerificationStatus
from users.forms_regions import DesaChoiceField
from users.models import BidangUsaha, Desa, Kecamatan, User

YES, NO = "ya", "tidak"


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan penolakan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("Pemilik akun membaca alasan ini dan dapat memperbaiki profilnya lalu mengajukan lagi."),
        error_messages={"required": _("Tuliskan alasan penolakan.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Tuliskan alasan penolakan."), code="required")
        return reason


class ProfileFilterForm(forms.Form):
    """Search and filters of a profile list (GET). Invalid values are reported beside their field and
    ignored; the region fields follow the viewer's scope (a Desa operator has nothing to choose)."""

    search_fields = ()
    search_label = _("Cari")

    q = ContainsSearchField(label=_("Cari"))
    status = forms.ChoiceField(
        label=_("Status verifikasi"),
        required=False,
        choices=[("", _("Semua status"))] + list(VerificationStatus.choices),
    )
    kecamatan = forms.ModelChoiceField(
        label=_("Kecamatan"),
        queryset=Kecamatan.objects.all(),
        required=False,
        empty_label=_("Semua kecamatan"),
        widget=LongSelect,
    )
    desa = DesaChoiceField(
        label=_("Desa/Kelurahan"),
        queryset=Desa.objects.select_related("kecamatan"),
        required=False,
        empty_label=_("Semua desa/kelurahan"),
        widget=LongSelect,
    )

    def __init__(self, data=None, *, scope_kecamatan_id=None, scope_desa_id=None):
        super().__init__(data)
        self.fields["q"].label = self.search_label
        if scope_desa_id is not None:
            del self.fields["kecamatan"]
            del self.fields["desa"]
        elif scope_kecamatan_id is not None:
            del self.fields["kecamatan"]
            self.fields["desa"].queryset = self.fields["desa"].queryset.filter(
                kecamatan_id=scope_kecamatan_id
            )

    def value(self, name):
        """The cleaned value of a filter, or None when it is empty, invalid or not offered."""
        if not self.is_bound or not self.is_valid() and name in self.errors:
            return None
        return self.cleaned_data.get(name) or None

    def filter(self, queryset):
        self.is_valid()
        for term in (self.value("q") or "").split()[:5]:
            queryset = queryset.filter(pk__in=self.matching(queryset.model, term))
        if status := self.value("status"):
            queryset = queryset.filter(verification_status=status)
        if kecamatan := self.value("kecamatan"):
            queryset = queryset.filter(kecamatan=kecamatan)
        if desa := self.value("desa"):
            queryset = queryset.filter(desa=desa)
        return queryset

    def matching(self, model, term):
        """The ids of the profiles with ``term`` in one of ``search_fields``: those matching on
        their own fields, then (UNION) those whose account matches, so that each side is read
        through its trigram indexes (portal/text_indexes.py). One OR over the two tables could only
        be checked row by row, over every profile."""
        own = [field for field in self.search_fields if not field.startswith("user__")]
        of_account = [
            field.removeprefix("user__") for field in self.search_fields if field.startswith("user__")
        ]
        matches = []
        if own:
            matches.append(model.objects.filter(contains_any(own, term)).values("pk"))
        if of_account:
            accounts = User.objects.filter(contains_any(of_account, term)).values("pk")
            matches.append(model.objects.filter(user__in=accounts).values("pk"))
        return matches[0].union(*matches[1:])

    @property
    def active(self):
        return self.is_bound and any(self.value(name) for name in self.fields)


def contains_any(fields, term):
    return Q.create([(f"{field}__icontains", term) for field in fields], connector=Q.OR)


class PersonalFilterForm(ProfileFilterForm):
    search_fields = ("user__first_name", "user__last_name", "user__username", "user__email", "nik")
    search_label = _("Cari nama, nama pengguna, email atau NIK")


class MitraFilterForm(ProfileFilterForm):
    search_fields = ("name", "user__username", "user__email", "contact_person")
    search_label = _("Cari nama mitra, nama pengguna, email atau narahubung")

    kategori = forms.ChoiceField(
        label=_("Kategori Mitra"),
        required=False,
        choices=[("", _("Semua kategori"))] + list(MitraCategory.choices),
    )
    bidang_usaha = forms.ModelChoiceField(
        label=_("Bidang Usaha"),
        queryset=BidangUsaha.objects.all(),
        required=False,
        empty_label=_("Semua bidang usaha"),
    )
    unggulan = forms.ChoiceField(
        label=_("Mitra Unggulan"),
        required=False,
        choices=[("", _("Semua mitra")), (YES, _("Mitra Unggulan")), (NO, _("Bukan Mitra Unggulan"))],
    )

    def filter(self, queryset):
        queryset = super().filter(queryset)
        if category := self.value("kategori"):
            queryset = queryset.filter(category=category)
        if business_field := self.value("bidang_usaha"):
            queryset = queryset.filter(business_field=business_field)
        if featured := self.value("unggulan"):
            queryset = queryset.filter(featured=featured == YES)
        return queryset
