"""Forms of Profil Saya (guide chapter 5): Data Personal and the entries of Pengalaman Kerja,
Pendidikan, Keterampilan and Organisasi. Every message is Indonesian and sits beside its field."""

import secrets
from io import BytesIO

from django import forms
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from users import upload_quota, verification
from users.forms_regions import RegionForm
from users.models import (
    Education,
    Organisation,
    Pendidikan,
    PersonalProfile,
    Skill,
    WorkExperience,
)

EARLIEST_YEAR = 1940
MIN_AGE, MAX_AGE = 14, 100
PHOTO_MAX_BYTES = 2 * 1024 * 1024
PHOTO_MAX_SIDE = 800
PHOTO_MAX_PIXELS = 40_000_000  # a small file may still decode to a huge image
PHOTO_FORMATS = {"JPEG": "jpg", "PNG": "png"}

NIK_INVALID = _("NIK harus terdiri dari 16 angka, sesuai KTP.")
NIK_TAKEN = _(
    "NIK ini sudah terdaftar pada akun lain. Periksa kembali, atau hubungi admin bila ini NIK Anda."
)
IDENTITY_FIELDS = {"first_name": _("Nama Depan"), "last_name": _("Nama Belakang"), "nik": _("NIK")}


def _today():
    return timezone.localdate()


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _year_input():
    return forms.NumberInput(attrs={"inputmode": "numeric", "min": EARLIEST_YEAR, "max": _today().year})


def validate_not_future(value):
    if value is not None and value > _today():
        raise forms.ValidationError(_("Tanggal tidak boleh di masa depan."), code="future")


def validate_past_date(value):
    if value is None:
        return
    validate_not_future(value)
    if value.year < EARLIEST_YEAR:
        raise forms.ValidationError(
            _("Periksa tahunnya: tidak boleh sebelum tahun %(year)s.") % {"year": EARLIEST_YEAR},
            code="too_old",
        )


def validate_sensible_year(value):
    if value is None:
        return
    if not EARLIEST_YEAR <= value <= _today().year:
        raise forms.ValidationError(
            _("Tahun harus antara %(first)s dan %(last)s.") % {"first": EARLIEST_YEAR, "last": _today().year},
            code="year_range",
        )


class NIKField(forms.CharField):
    """16 digits; spaces typed between groups of digits are dropped; empty means "not filled in"."""

    def __init__(self, **kwargs):
        super().__init__(max_length=24, empty_value=None, **kwargs)
        self.widget.attrs.update(inputmode="numeric", autocomplete="off", maxlength="24")

    def to_python(self, value):
        value = super().to_python(value)
        return "".join(value.split()) if value else value

    def validate(self, value):
        super().validate(value)
        if value and not (len(value) == 16 and value.isascii() and value.isdigit()):
            raise forms.ValidationError(NIK_INVALID, code="invalid_nik")


class PhotoField(forms.ImageField):
    """A JPG or PNG of at most 2 MB, recognised by its content (Pillow), never by its file name.
    The accepted image is re-encoded: turned upright, at most 800 px, without its EXIF data (which
    may hold the place where it was taken), and stored under a random name."""

    default_validators = []  # the content decides, not the extension
    default_error_messages = {
        "invalid_image": _("Berkas ini bukan gambar JPG atau PNG. Pilih foto berformat JPG atau PNG."),
    }

    def to_python(self, data):
        if data and getattr(data, "size", 0) > PHOTO_MAX_BYTES:
            raise forms.ValidationError(
                _("Ukuran foto paling besar 2 MB. Perkecil foto lalu unggah lagi."), code="too_large"
            )
        upload = super().to_python(data)
        if upload is None:
            return None
        extension = PHOTO_FORMATS.get(upload.image.format)
        if extension is None:
            raise forms.ValidationError(self.error_messages["invalid_image"], code="invalid_image")
        width, height = upload.image.size
        if width * height > PHOTO_MAX_PIXELS:
            raise forms.ValidationError(
                _("Resolusi foto terlalu besar. Perkecil foto lalu unggah lagi."), code="too_many_pixels"
            )
        try:
            return self._normalised(upload, upload.image.format, extension)
        except Exception:  # a truncated image fails only when its pixels are decoded
            raise forms.ValidationError(self.error_messages["invalid_image"], code="invalid_image") from None

    @staticmethod
    def _normalised(upload, image_format, extension):
        upload.seek(0)
        with Image.open(upload) as original:
            image = ImageOps.exif_transpose(original)
            image.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
            output = BytesIO()
            if image_format == "JPEG":
                image.convert("RGB").save(output, "JPEG", quality=85, optimize=True)
            else:
                image.save(output, "PNG", optimize=True)
        return ContentFile(output.getvalue(), name=f"{secrets.token_hex(10)}.{extension}")


class DataPersonalForm(RegionForm, forms.ModelForm):
    """Data Personal. Nothing but Nama Depan is required: the completeness checklist says what is
    still missing, and a half-filled form can be saved and finished later."""

    first_name = forms.CharField(
        label=_("Nama Depan"), max_length=150, error_messages={"required": _("Nama Depan wajib diisi.")}
    )
    last_name = forms.CharField(label=_("Nama Belakang"), max_length=150, required=False)
    nik = NIKField(
        label=_("NIK"),
        required=False,
        help_text=_("16 angka Nomor Induk Kependudukan, sesuai KTP."),
        error_messages={"unique": NIK_TAKEN},
    )
    birth_date = forms.DateField(
        label=_("Tanggal Lahir"), required=False, widget=_date_input(), validators=[validate_not_future]
    )
    photo = PhotoField(
        label=_("Foto"),
        required=False,
        help_text=_("Gambar JPG atau PNG, paling besar 2 MB. Foto wajah yang jelas."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png"}),
    )
    education_level = forms.ModelChoiceField(
        label=_("Pendidikan Terakhir"),
        queryset=Pendidikan.objects.all(),
        required=False,
        empty_label=_("— Pilih Pendidikan Terakhir —"),
    )

    class Meta:
        model = PersonalProfile
        fields = [
            "nik",
            "gender",
            "birth_place",
            "birth_date",
            "address",
            "kecamatan",
            "desa",
            "photo",
            "summary",
            "education_level",
            "job_seeking_status",
        ]
        labels = {
            "gender": _("Jenis Kelamin"),
            "birth_place": _("Tempat Lahir"),
            "address": _("Alamat"),
            "summary": _("Ringkasan Diri"),
            "job_seeking_status": _("Status Mencari Kerja"),
        }
        help_texts = {
            "address": _("Nama jalan/dusun, RT/RW."),
            "summary": _("Ceritakan singkat tentang diri dan keahlian Anda (maksimal 1000 karakter)."),
        }
        widgets = {"summary": forms.Textarea(attrs={"rows": 4, "maxlength": 1000})}

    field_order = ["first_name", "last_name", *Meta.fields]

    def clean_photo(self):
        """A new photo (already re-encoded by PhotoField) must fit in the account's storage quota."""
        photo = self.cleaned_data.get("photo")
        if isinstance(photo, ContentFile):
            saved = self.instance.photo.name if self.instance.photo else ""
            upload_quota.check_quota(self.instance.user, [photo.size], replacing=[saved])
        return photo

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.instance.user
        self.fields["first_name"].initial = user.first_name
        self.fields["last_name"].initial = user.last_name
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"
        self.fields["birth_date"].widget.attrs["autocomplete"] = "bday"
        self.fields["address"].widget.attrs["autocomplete"] = "street-address"
        self.fields["gender"].choices = [
            ("", _("— Pilih Jenis Kelamin —")),
            *self.fields["gender"].choices[1:],
        ]
        status = self.fields["job_seeking_status"]
        status.choices = [("", _("— Pilih Status —")), *status.choices[1:]]
        self._before = {
            "first_name": user.first_name,
            "last_name": user.last_name,
            "nik": self.instance.nik,
            "photo": self.instance.photo.name,
        }

    def clean_birth_date(self):
        born = self.cleaned_data.get("birth_date")
        if born:
            today = _today()
            age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
            if not MIN_AGE <= age <= MAX_AGE:
                raise forms.ValidationError(
                    _("Usia harus antara %(min)s dan %(max)s tahun. Periksa kembali Tanggal Lahir.")
                    % {"min": MIN_AGE, "max": MAX_AGE},
                    code="age",
                )
        return born

    def identity_changes(self):
        """Labels of the key identity data this form changes (name, NIK)."""
        after = {
            "first_name": self.cleaned_data["first_name"],
            "last_name": self.cleaned_data["last_name"],
            "nik": self.cleaned_data["nik"],
        }
        return [
            str(label)
            for name, label in IDENTITY_FIELDS.items()
            if (after[name] or "") != (self._before[name] or "")
        ]

    @transaction.atomic
    def save(self):
        """Save (always committing) the names on the account and the rest on the profile; a verified
        profile whose name or NIK changes goes back to the verifiers, in the same transaction."""
        profile = super().save(commit=False)
        user = profile.user
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["first_name", "last_name"])
        # Only the fields of this form: the verification state is changed by its own use cases.
        profile.save(update_fields=[*self.Meta.fields, "updated_at"])
        changed = self.identity_changes()
        if changed and profile.is_verified:
            verification.review_again_after_identity_change(profile, changed)
        old_photo = self._before["photo"]
        if old_photo and profile.photo.name != old_photo:
            storage = profile.photo.storage
            transaction.on_commit(lambda: storage.delete(old_photo))
        return profile


class ProfileEntryForm(forms.ModelForm):
    """An entry of one of the lists of Profil Saya; knows its profile to check dates against it."""

    def __init__(self, *args, profile, **kwargs):
        self.profile = profile
        super().__init__(*args, **kwargs)

    def _check_after_birth(self, field, value):
        born = self.profile.birth_date
        if value and born and value < born:
            message = _("Tidak boleh sebelum Tanggal Lahir Anda (%(date)s).")
            self.add_error(field, message % {"date": date_format(born, "j F Y")})


class PeriodForm(ProfileEntryForm):
    """Entries with a start date and an optional end date (empty: still going on)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("start_date", "end_date"):
            field = self.fields[name]
            field.widget = _date_input()
            field.validators.append(validate_past_date)
        self.fields["start_date"].label = _("Tanggal Mulai")
        self.fields["end_date"].label = _("Tanggal Selesai")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Tanggal Selesai tidak boleh sebelum Tanggal Mulai."))
        self._check_after_birth("start_date", start)
        return cleaned


class WorkExperienceForm(PeriodForm):
    class Meta:
        model = WorkExperience
        fields = ["position", "company", "start_date", "end_date", "description"]
        labels = {
            "position": _("Jabatan/Posisi"),
            "company": _("Nama Perusahaan/Usaha"),
            "description": _("Uraian Tugas"),
        }
        help_texts = {"end_date": _("Kosongkan bila masih bekerja di sini.")}
        widgets = {"description": forms.Textarea(attrs={"rows": 3, "maxlength": 1000})}


class OrganisationForm(PeriodForm):
    class Meta:
        model = Organisation
        fields = ["name", "role", "start_date", "end_date", "description"]
        labels = {"name": _("Nama Organisasi"), "role": _("Jabatan"), "description": _("Uraian Kegiatan")}
        help_texts = {"end_date": _("Kosongkan bila masih aktif.")}
        widgets = {"description": forms.Textarea(attrs={"rows": 3, "maxlength": 1000})}


class EducationForm(ProfileEntryForm):
    level = forms.ModelChoiceField(
        label=_("Jenjang"), queryset=Pendidikan.objects.all(), empty_label=_("— Pilih Jenjang —")
    )
    start_year = forms.IntegerField(label=_("Tahun Masuk"), validators=[validate_sensible_year])
    end_year = forms.IntegerField(
        label=_("Tahun Lulus"),
        required=False,
        validators=[validate_sensible_year],
        help_text=_("Kosongkan bila masih bersekolah/kuliah."),
    )

    class Meta:
        model = Education
        fields = ["level", "institution", "major", "start_year", "end_year"]
        labels = {"institution": _("Nama Sekolah/Kampus"), "major": _("Jurusan")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start_year"].widget = _year_input()
        self.fields["end_year"].widget = _year_input()

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_year"), cleaned.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("Tahun Lulus tidak boleh sebelum Tahun Masuk."))
        born = self.profile.birth_date
        if start and born and start < born.year:
            self.add_error(
                "start_year", _("Tidak boleh sebelum tahun lahir Anda (%(year)s).") % {"year": born.year}
            )
        return cleaned


class SkillForm(ProfileEntryForm):
    class Meta:
        model = Skill
        fields = ["name", "level"]
        labels = {"name": _("Keterampilan"), "level": _("Tingkat")}
        help_texts = {"name": _("Misalnya: menjahit, mengemudi (SIM A), Microsoft Excel.")}

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("name")
        if name:
            others = self.profile.skills.filter(name__iexact=name).exclude(pk=self.instance.pk)
            adding = self.instance.pk is None
            # Adding exactly the same skill again (a double submit) is not an error: the view keeps one.
            if others.exists() and not (adding and others.filter(level=cleaned.get("level")).exists()):
                self.add_error("name", _("Keterampilan ini sudah ada di profil Anda."))
        return cleaned
