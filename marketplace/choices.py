from django.db import models
from django.utils.translation import gettext_lazy as _


class VacancyStatus(models.TextChoices):
    """Stored states of a vacancy. "Berakhir" is not stored: it is a published vacancy whose end
    date has passed (see Vacancy.display_status)."""

    DRAFT = "draft", _("Draf")
    PUBLISHED = "published", _("Tayang")
    CLOSED = "closed", _("Ditutup")
    FILLED = "filled", _("Terisi")


class ApplicationStatus(models.TextChoices):
    TERKIRIM = "terkirim", _("Terkirim")
    DIPROSES = "diproses", _("Dalam Proses")
    DITERIMA = "diterima", _("Diterima")
    DITOLAK = "ditolak", _("Ditolak")
    DITARIK = "ditarik", _("Ditarik")


# Applications still waiting for the Mitra's decision.
OPEN_APPLICATION_STATUSES = (ApplicationStatus.TERKIRIM, ApplicationStatus.DIPROSES)
# What a Mitra may set on an application (guide chapter 6, Pelamar).
MITRA_DECISIONS = (ApplicationStatus.DIPROSES, ApplicationStatus.DITERIMA, ApplicationStatus.DITOLAK)


class VacancySort(models.TextChoices):
    NEWEST = "terbaru", _("Terbaru")
    ENDING = "segera-berakhir", _("Segera berakhir")
    SALARY = "gaji", _("Gaji tertinggi")
