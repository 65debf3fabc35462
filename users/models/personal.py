from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.text_indexes import contains_index
from users.choices import Gender, JobSeekingStatus, SkillLevel
from users.models.verification import VerifiableProfile

NIK_VALIDATOR = RegexValidator(r"^\d{16}$", _("NIK terdiri dari 16 angka."))


class Pendidikan(models.Model):
    """Master data: education levels (SD … S3), ordered from lowest to highest."""

    name = models.CharField(_("jenjang pendidikan"), max_length=50, unique=True)
    rank = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["rank", "name"]
        verbose_name = _("pendidikan")
        verbose_name_plural = _("pendidikan")

    def __str__(self):
        return self.name


class PersonalProfile(VerifiableProfile):
    """Profil Saya: the Data Personal section; the other sections are the related lists below."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personal_profile"
    )
    nik = models.CharField(
        _("NIK"), max_length=16, unique=True, null=True, blank=True, validators=[NIK_VALIDATOR]
    )
    gender = models.CharField(_("jenis kelamin"), max_length=1, choices=Gender.choices, blank=True)
    birth_place = models.CharField(_("tempat lahir"), max_length=100, blank=True)
    birth_date = models.DateField(_("tanggal lahir"), null=True, blank=True)
    address = models.CharField(_("alamat"), max_length=255, blank=True)
    kecamatan = models.ForeignKey(
        "users.Kecamatan",
        verbose_name=_("kecamatan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    desa = models.ForeignKey(
        "users.Desa",
        verbose_name=_("desa/kelurahan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="personal_profiles",
    )
    photo = models.ImageField(_("foto"), upload_to="profil/foto/", blank=True)
    summary = models.TextField(_("ringkasan diri"), max_length=1000, blank=True)
    education_level = models.ForeignKey(
        Pendidikan,
        verbose_name=_("pendidikan terakhir"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    job_seeking_status = models.CharField(
        _("status mencari kerja"), max_length=10, choices=JobSeekingStatus.choices, blank=True
    )
    no_experience = models.BooleanField(_("tidak ada pengalaman kerja"), default=False)
    no_organisation = models.BooleanField(_("tidak ada pengalaman organisasi"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("profil personal")
        verbose_name_plural = _("profil personal")
        permissions = [
            ("verify_personalprofile", _("Dapat memverifikasi profil personal")),
            ("view_personal_report", _("Dapat melihat Laporan Personal")),
        ]
        indexes = [
            # Data Profil Personal: the verification queue, oldest submission first; NIK search.
            models.Index(fields=["verification_status", "submitted_at"], name="personal_queue"),
            contains_index("nik", "personal_nik_contains"),
        ]

    def __str__(self):
        return self.user.get_full_name() or self.user.username


class WorkExperience(models.Model):
    profile = models.ForeignKey(PersonalProfile, on_delete=models.CASCADE, related_name="experiences")
    position = models.CharField(_("jabatan/posisi"), max_length=100)
    company = models.CharField(_("nama perusahaan/usaha"), max_length=150)
    start_date = models.DateField(_("mulai"))
    end_date = models.DateField(
        _("selesai"), null=True, blank=True, help_text=_("Kosongkan bila masih bekerja.")
    )
    description = models.TextField(_("uraian tugas"), max_length=1000, blank=True)

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("pengalaman kerja")
        verbose_name_plural = _("pengalaman kerja")

    def __str__(self):
        return f"{self.position}, {self.company}"


class Education(models.Model):
    profile = models.ForeignKey(PersonalProfile, on_delete=models.CASCADE, related_name="educations")
    level = models.ForeignKey(
        Pendidikan, verbose_name=_("jenjang"), on_delete=models.PROTECT, related_name="+"
    )
    institution = models.CharField(_("nama sekolah/kampus"), max_length=150)
    major = models.CharField(_("jurusan"), max_length=100, blank=True)
    start_year = models.PositiveSmallIntegerField(_("tahun masuk"))
    end_year = models.PositiveSmallIntegerField(_("tahun lulus"), null=True, blank=True)

    class Meta:
        ordering = ["-start_year", "-pk"]
        verbose_name = _("pendidikan")
        verbose_name_plural = _("pendidikan")

    def __str__(self):
        return f"{self.level} {self.institution}"


class Skill(models.Model):
    profile = models.ForeignKey(PersonalProfile, on_delete=models.CASCADE, related_name="skills")
    name = models.CharField(_("keterampilan"), max_length=100)
    level = models.CharField(
        _("tingkat"), max_length=10, choices=SkillLevel.choices, default=SkillLevel.BASIC
    )

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("keterampilan")
        verbose_name_plural = _("keterampilan")

    def __str__(self):
        return self.name


class Organisation(models.Model):
    profile = models.ForeignKey(PersonalProfile, on_delete=models.CASCADE, related_name="organisations")
    name = models.CharField(_("nama organisasi"), max_length=150)
    role = models.CharField(_("jabatan"), max_length=100, blank=True)
    start_date = models.DateField(_("mulai"))
    end_date = models.DateField(_("selesai"), null=True, blank=True)
    description = models.TextField(_("uraian"), max_length=1000, blank=True)

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("organisasi")
        verbose_name_plural = _("organisasi")

    def __str__(self):
        return self.name
