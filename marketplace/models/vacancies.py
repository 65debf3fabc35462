from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from marketplace.choices import ApplicationStatus, VacancyStatus
from marketplace.querysets import ApplicationQuerySet, SavedVacancyQuerySet, VacancyQuerySet
from portal.text_indexes import contains_index


class Vacancy(index.Indexed, models.Model):
    """Lowongan. Lifecycle (marketplace/use_cases.py): draft → published (verified Mitra only) →
    closed | filled; "berakhir" is computed from the end date; "Perpanjang" moves the end date."""

    mitra = models.ForeignKey(
        "users.MitraProfile", verbose_name=_("mitra"), on_delete=models.CASCADE, related_name="vacancies"
    )
    title = models.CharField(_("judul"), max_length=150)
    description = models.TextField(_("deskripsi"), max_length=5000)
    qualifications = models.TextField(_("kualifikasi"), max_length=3000)
    salary_min = models.PositiveIntegerField(_("gaji minimal (Rp)"), null=True, blank=True)
    salary_max = models.PositiveIntegerField(_("gaji maksimal (Rp)"), null=True, blank=True)
    salary_hidden = models.BooleanField(_("gaji dirahasiakan / nego"), default=False)
    job_type = models.ForeignKey(
        "marketplace.TipePekerjaan",
        verbose_name=_("tipe pekerjaan"),
        on_delete=models.PROTECT,
        related_name="vacancies",
    )
    category = models.ForeignKey(
        "marketplace.KategoriLowongan",
        verbose_name=_("kategori/bidang"),
        on_delete=models.PROTECT,
        related_name="vacancies",
    )
    min_education = models.ForeignKey(
        "users.Pendidikan",
        verbose_name=_("pendidikan minimal"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    locations = models.ManyToManyField("users.Kecamatan", verbose_name=_("lokasi"), related_name="vacancies")
    quota = models.PositiveSmallIntegerField(_("kuota"), default=1, validators=[MinValueValidator(1)])
    end_date = models.DateField(_("tanggal berakhir"))
    status = models.CharField(
        _("status"), max_length=10, choices=VacancyStatus.choices, default=VacancyStatus.DRAFT
    )
    published_at = models.DateTimeField(_("diposting pada"), null=True, blank=True)
    expiry_reminded_at = models.DateTimeField(_("pengingat berakhir dikirim"), null=True, blank=True)
    closed_at = models.DateTimeField(_("ditutup pada"), null=True, blank=True)
    # Taken down by staff (admin List Lowongan) with a reason the Mitra sees.
    taken_down_reason = models.TextField(_("alasan diturunkan"), max_length=1000, blank=True)
    taken_down_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diturunkan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The form's one-time key: posting the same form twice (double click, two tabs) makes one vacancy.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    objects = VacancyQuerySet.as_manager()

    # What the Mitra fills in on "Memposting Lowongan", in the order of the form.
    MITRA_FIELDS = (
        "title",
        "description",
        "qualifications",
        "salary_min",
        "salary_max",
        "salary_hidden",
        "job_type",
        "category",
        "min_education",
        "locations",
        "quota",
        "end_date",
    )

    # Wagtail search: PostgreSQL full text with the "indonesian" stemmer (SEARCH_CONFIG) in
    # production, SQLite FTS in the embedded default.
    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("description"),
        index.SearchField("qualifications"),
        index.RelatedFields("mitra", [index.SearchField("name", boost=2)]),
        index.FilterField("status"),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("lowongan")
        verbose_name_plural = _("lowongan")
        indexes = [
            models.Index(fields=["status", "-published_at"], name="vacancy_newest"),
            models.Index(fields=["status", "end_date"], name="vacancy_ending"),
            models.Index(fields=["status", "salary_max"], name="vacancy_salary"),
            # The three orders of Lowongan (VacancyQuerySet.sorted_by) over published vacancies, so
            # that a page, page 50 as much as page 1, is read off an index instead of sorting them all.
            models.Index(
                F("published_at").desc(nulls_last=True),
                F("id").desc(),
                name="vacancy_published_newest",
                condition=Q(status="published"),
            ),
            models.Index(
                "end_date",
                F("published_at").desc(nulls_last=True),
                F("id").desc(),
                name="vacancy_published_ending",
                condition=Q(status="published"),
            ),
            models.Index(
                Coalesce("salary_max", "salary_min").desc(nulls_last=True),
                F("published_at").desc(nulls_last=True),
                F("id").desc(),
                name="vacancy_published_salary",
                condition=Q(status="published"),
            ),
            models.Index(fields=["mitra", "-created_at"], name="vacancy_of_mitra"),
            # List Lowongan of the admin panel: every vacancy, newest first; searched by title.
            models.Index(fields=["-created_at", "-id"], name="vacancy_created"),
            contains_index("title", "vacancy_title_contains"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(salary_max__isnull=True)
                | models.Q(salary_min__isnull=True)
                | models.Q(salary_max__gte=models.F("salary_min")),
                name="vacancy_salary_range",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_expired(self):
        return self.end_date < timezone.localdate()

    @property
    def is_open(self):
        """Takes applications (the Mitra's verification is checked by the querysets and use cases)."""
        return self.status == VacancyStatus.PUBLISHED and not self.is_expired

    @property
    def days_left(self):
        return (self.end_date - timezone.localdate()).days

    @property
    def display_status(self):
        """Draf, Tayang, Berakhir, Ditutup, Terisi or Diturunkan."""
        if self.status == VacancyStatus.PUBLISHED and self.is_expired:
            return _("Berakhir")
        return self.get_status_display()

    @property
    def display_status_key(self):
        if self.status == VacancyStatus.PUBLISHED and self.is_expired:
            return "expired"
        return self.status


class Application(models.Model):
    """Lamaran: Terkirim → Dalam Proses → Diterima | Ditolak, or Ditarik by the applicant while Terkirim."""

    vacancy = models.ForeignKey(
        Vacancy, verbose_name=_("lowongan"), on_delete=models.CASCADE, related_name="applications"
    )
    personal = models.ForeignKey(
        "users.PersonalProfile",
        verbose_name=_("pelamar"),
        on_delete=models.CASCADE,
        related_name="applications",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ApplicationStatus.choices, default=ApplicationStatus.TERKIRIM
    )
    mitra_message = models.TextField(_("pesan dari mitra"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("dikirim"), auto_now_add=True)
    status_changed_at = models.DateTimeField(_("status diubah"), null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("status diubah oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("lamaran")
        verbose_name_plural = _("lamaran")
        constraints = [
            models.UniqueConstraint(fields=["vacancy", "personal"], name="one_application_per_vacancy")
        ]
        indexes = [
            models.Index(fields=["vacancy", "status"], name="application_vacancy_status"),
            models.Index(fields=["personal", "-created_at"], name="application_personal_recent"),
        ]

    def __str__(self):
        return f"{self.personal} · {self.vacancy}"

    @property
    def can_withdraw(self):
        return self.status == ApplicationStatus.TERKIRIM


class SavedVacancy(models.Model):
    """Lowongan Tersimpan."""

    personal = models.ForeignKey(
        "users.PersonalProfile", on_delete=models.CASCADE, related_name="saved_vacancies"
    )
    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="saved_by")
    created_at = models.DateTimeField(_("disimpan"), auto_now_add=True)

    objects = SavedVacancyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("lowongan tersimpan")
        verbose_name_plural = _("lowongan tersimpan")
        constraints = [models.UniqueConstraint(fields=["personal", "vacancy"], name="one_save_per_vacancy")]

    def __str__(self):
        return f"{self.personal} · {self.vacancy}"
