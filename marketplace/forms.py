import uuid

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.choices import MITRA_DECISIONS, ApplicationStatus, VacancySort
from marketplace.models import KategoriLowongan, TipePekerjaan, Vacancy
from portal.widgets import LongSelect, PlainChoices
from users.choices import MitraCategory
from users.models import Kecamatan, Pendidikan


class VacancyForm(forms.ModelForm):
    """Memposting Lowongan (guide §6.1) and its edit form."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Vacancy
        fields = Vacancy.MITRA_FIELDS
        labels = {
            "title": _("Judul"),
            "description": _("Deskripsi"),
            "qualifications": _("Kualifikasi"),
            "salary_min": _("Gaji minimal (Rp)"),
            "salary_max": _("Gaji maksimal (Rp)"),
            "salary_hidden": _("Gaji dirahasiakan / nego"),
            "job_type": _("Tipe pekerjaan"),
            "category": _("Kategori/Bidang"),
            "min_education": _("Pendidikan minimal"),
            "locations": _("Lokasi (kecamatan)"),
            "quota": _("Kuota"),
            "end_date": _("Tanggal berakhir"),
        }
        help_texts = {
            "salary_min": _("Per bulan, tanpa titik. Contoh: 2500000."),
            "salary_max": _("Boleh dikosongkan bila gajinya satu angka."),
            "locations": _("Pilih satu kecamatan atau lebih."),
            "quota": _("Jumlah orang yang dibutuhkan."),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "qualifications": forms.Textarea(attrs={"rows": 4}),
            "locations": forms.CheckboxSelectMultiple,
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "title": {"required": _("Judul wajib diisi.")},
            "description": {"required": _("Deskripsi wajib diisi.")},
            "qualifications": {"required": _("Kualifikasi wajib diisi.")},
            "job_type": {"required": _("Pilih tipe pekerjaan.")},
            "category": {"required": _("Pilih kategori/bidang.")},
            "locations": {"required": _("Pilih minimal satu kecamatan.")},
            "quota": {"required": _("Kuota wajib diisi.")},
            "end_date": {
                "required": _("Tanggal berakhir wajib diisi."),
                "invalid": _("Tanggal tidak valid."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["min_education"].empty_label = _("Tanpa syarat pendidikan")
        self.fields["job_type"].empty_label = self.fields["category"].empty_label = _("Pilih …")
        if not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("submission_key", uuid.uuid4())

    def clean_end_date(self):
        end_date = self.cleaned_data["end_date"]
        if end_date < timezone.localdate() and end_date != self.instance.end_date:
            raise forms.ValidationError(_("Tanggal berakhir tidak boleh sebelum hari ini."))
        return end_date

    def clean(self):
        data = super().clean()
        low, high = data.get("salary_min"), data.get("salary_max")
        if not data.get("salary_hidden"):
            if low is None and "salary_min" not in self.errors:
                self.add_error("salary_min", _("Isi gaji minimal, atau centang Gaji dirahasiakan / nego."))
            elif low is not None and high is not None and high < low:
                self.add_error("salary_max", _("Gaji maksimal tidak boleh lebih kecil dari gaji minimal."))
        return data


class ExtendForm(forms.Form):
    end_date = forms.DateField(
        label=_("Tanggal berakhir baru"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Tanggal berakhir wajib diisi."), "invalid": _("Tanggal tidak valid.")},
    )

    def clean_end_date(self):
        end_date = self.cleaned_data["end_date"]
        if end_date < timezone.localdate():
            raise forms.ValidationError(_("Tanggal berakhir yang baru tidak boleh sebelum hari ini."))
        return end_date


class ApplicationStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=[(s.value, s.label) for s in MITRA_DECISIONS])
    message = forms.CharField(
        label=_("Pesan untuk pelamar (opsional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ApplicantFilterForm(forms.Form):
    """Pelamar: search by the applicant's name, filter by vacancy and status (the vacancy choices
    are the Mitra's own)."""

    q = forms.CharField(label=_("Nama pelamar"), required=False, max_length=100)
    lowongan = forms.TypedChoiceField(
        coerce=int, empty_value=None, required=False, label=_("Lowongan"), widget=LongSelect
    )
    status = forms.ChoiceField(
        choices=[("", _("Semua status")), *ApplicationStatus.choices], required=False, label=_("Status")
    )

    def __init__(self, *args, mitra, **kwargs):
        super().__init__(*args, **kwargs)
        # (id, title) pairs, not model instances: a large employer has hundreds of vacancies.
        own_vacancies = Vacancy.objects.of_mitra(mitra).values_list("pk", "title")
        self.fields["lowongan"].choices = PlainChoices([("", _("Semua lowongan")), *own_vacancies])

    def filter(self, applications):
        if not (self.is_bound and self.is_valid()):
            return applications
        data = self.cleaned_data
        for word in data["q"].split()[:5]:
            applications = applications.filter(
                Q(personal__user__first_name__icontains=word) | Q(personal__user__last_name__icontains=word)
            )
        if data["lowongan"]:
            applications = applications.filter(vacancy_id=data["lowongan"])
        if data["status"]:
            applications = applications.filter(status=data["status"])
        return applications


class VacancySearchForm(forms.Form):
    """The public Lowongan page: keyword, filters and sorting, all in the query string."""

    q = forms.CharField(label=_("Kata kunci"), required=False, max_length=100)
    kecamatan = forms.ModelChoiceField(
        queryset=Kecamatan.objects.order_by("name"),
        required=False,
        label=_("Kecamatan"),
        empty_label=_("Semua kecamatan"),
        widget=LongSelect,
    )
    tipe = forms.ModelChoiceField(
        queryset=TipePekerjaan.objects.all(),
        required=False,
        label=_("Tipe pekerjaan"),
        empty_label=_("Semua tipe"),
        widget=LongSelect,
    )
    kategori = forms.ModelChoiceField(
        queryset=KategoriLowongan.objects.all(),
        required=False,
        label=_("Kategori"),
        empty_label=_("Semua kategori"),
        widget=LongSelect,
    )
    pendidikan = forms.ModelChoiceField(
        queryset=Pendidikan.objects.all(),
        required=False,
        label=_("Pendidikan"),
        empty_label=_("Semua jenjang"),
        help_text=_("Lowongan yang dapat dilamar dengan pendidikan ini."),
        widget=LongSelect,
    )
    gaji = forms.IntegerField(label=_("Gaji minimal (Rp)"), required=False, min_value=0)
    mitra = forms.ChoiceField(
        label=_("Mitra"),
        required=False,
        choices=[("", _("Formal dan Informal")), *MitraCategory.choices],
        widget=LongSelect,
    )
    urut = forms.ChoiceField(
        label=_("Urutkan"), required=False, choices=VacancySort.choices, widget=LongSelect
    )

    def filter(self, vacancies):
        """``vacancies`` narrowed and sorted by the valid fields (invalid ones are ignored)."""
        self.is_valid()
        data = {name: value for name, value in getattr(self, "cleaned_data", {}).items() if value}
        if data.get("q"):
            vacancies = vacancies.search(data["q"].strip())
        if data.get("kecamatan"):
            vacancies = vacancies.filter(locations=data["kecamatan"])
        if data.get("tipe"):
            vacancies = vacancies.filter(job_type=data["tipe"])
        if data.get("kategori"):
            vacancies = vacancies.filter(category=data["kategori"])
        if data.get("pendidikan"):
            vacancies = vacancies.for_education(data["pendidikan"])
        if data.get("gaji"):
            vacancies = vacancies.salary_at_least(data["gaji"])
        if data.get("mitra"):
            vacancies = vacancies.filter(mitra__category=data["mitra"])
        return vacancies.sorted_by(data.get("urut", VacancySort.NEWEST))

    @property
    def filtered(self):
        return any(
            value not in (None, "")
            for name, value in getattr(self, "cleaned_data", {}).items()
            if name != "urut"
        )
