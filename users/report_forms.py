"""The filter form of Laporan Personal and Laporan Mitra (a GET form: bookmarkable, exportable).

The choices are limited to the viewer's scope, so a Kecamatan operator can neither pick nor type
another kecamatan (an id outside the choices is a form error, and the report then shows nothing
beyond the scope anyway: the scope is applied to the querysets, not only to the form)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.widgets import LongSelect
from users.choices import Gender
from users.models import Desa, Pendidikan
from users.report_scope import kecamatan_in_scope
from users.reports import ReportFilters


class ReportFilterForm(forms.Form):
    dari = forms.DateField(
        label=_("Terdaftar dari tanggal"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Tulis tanggal dengan format yang benar.")},
    )
    sampai = forms.DateField(
        label=_("sampai tanggal"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Tulis tanggal dengan format yang benar.")},
    )
    kecamatan = forms.ModelChoiceField(
        label=_("Kecamatan"),
        queryset=None,
        required=False,
        empty_label=_("Semua kecamatan"),
        error_messages={"invalid_choice": _("Pilih kecamatan dari daftar.")},
        widget=LongSelect,
    )
    desa = forms.ModelChoiceField(
        label=_("Desa/Kelurahan"),
        queryset=None,
        required=False,
        empty_label=_("Semua desa/kelurahan"),
        error_messages={"invalid_choice": _("Pilih desa/kelurahan dari daftar.")},
        widget=LongSelect,  # the 239 desa of the regency
    )
    pendidikan = forms.ModelChoiceField(
        label=_("Pendidikan terakhir"),
        queryset=Pendidikan.objects.all(),
        required=False,
        empty_label=_("Semua jenjang"),
        error_messages={"invalid_choice": _("Pilih jenjang pendidikan dari daftar.")},
    )
    jenis_kelamin = forms.ChoiceField(
        label=_("Jenis kelamin"),
        choices=[("", _("Semua"))] + list(Gender.choices),
        required=False,
        error_messages={"invalid_choice": _("Pilih jenis kelamin dari daftar.")},
    )

    PERSONAL_ONLY = ("desa", "pendidikan", "jenis_kelamin")

    def __init__(self, data=None, *, user, personal=True):
        super().__init__(data)
        self.fields["kecamatan"].queryset = kecamatan_in_scope(user).order_by("name")
        self.fields["desa"].queryset = Desa.objects.filter(
            kecamatan__in=kecamatan_in_scope(user)
        ).select_related("kecamatan")
        self.fields["desa"].label_from_instance = lambda desa: f"{desa.name} ({desa.kecamatan.name})"
        if not personal:
            for name in self.PERSONAL_ONLY:
                del self.fields[name]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("dari"), cleaned.get("sampai")
        if start and end and start > end:
            self.add_error("sampai", _("Tanggal akhir tidak boleh sebelum tanggal awal."))
        desa, kecamatan = cleaned.get("desa"), cleaned.get("kecamatan")
        if desa and kecamatan and desa.kecamatan_id != kecamatan.pk:
            self.add_error("desa", _("Desa/kelurahan ini tidak berada di kecamatan yang dipilih."))
        return cleaned

    def filters(self):
        """The valid filters (fields with errors are left out, so the report still shows)."""
        cleaned = {}
        if self.is_bound:
            self.is_valid()
            cleaned = self.cleaned_data
        return ReportFilters(
            date_from=cleaned.get("dari"),
            date_to=cleaned.get("sampai"),
            kecamatan=cleaned.get("kecamatan"),
            desa=cleaned.get("desa"),
            education_level=cleaned.get("pendidikan"),
            gender=cleaned.get("jenis_kelamin") or "",
        )
