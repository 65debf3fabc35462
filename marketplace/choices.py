from django.db import models
from django.utils.translation import gettext_lazy as _


class VacancyStatus(models.TextChoices):
    """Stored states of a vacancy. "Berakhir" is not stored: it is a published vacancy whose end
    date has passed (see Vacancy.display_status)."""

    DRAFT = "draft", _("Draf")
    PUBLISHED = "published", _("Tayang")
    CLOSED = "closed", _("Ditutup")
    FILLED = "filled", _("Terisi")
    TAKEN_DOWN = "taken_down", _("Diturunkan")


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


class ServiceStatus(models.TextChoices):
    """Stored states of a service. A removed service with history is archived, never deleted, so
    that Pengguna Jasa and Gunakan Jasa Terkirim keep their records."""

    ACTIVE = "aktif", _("Aktif")
    PAUSED = "dijeda", _("Dijeda")
    ARCHIVED = "dihapus", _("Dihapus")


class PriceUnit(models.TextChoices):
    HOUR = "jam", _("per jam")
    DAY = "hari", _("per hari")
    PROJECT = "proyek", _("per proyek")
    UNIT = "unit", _("per unit")
    NEGOTIABLE = "nego", _("Nego")


class ServiceRequestStatus(models.TextChoices):
    DIKIRIM = "dikirim", _("Dikirim")
    DITERIMA = "diterima", _("Diterima")
    DITOLAK = "ditolak", _("Ditolak")
    DIBATALKAN = "dibatalkan", _("Dibatalkan")
    KEDALUWARSA = "kedaluwarsa", _("Kedaluwarsa")
    SELESAI = "selesai", _("Selesai")


# A request still running: at most one per (service, requester).
OPEN_SERVICE_REQUEST_STATUSES = (ServiceRequestStatus.DIKIRIM, ServiceRequestStatus.DITERIMA)


class ContactPreference(models.TextChoices):
    WHATSAPP = "whatsapp", _("WhatsApp")
    PHONE = "telepon", _("Telepon")
    EMAIL = "email", _("Email")


class ServiceSort(models.TextChoices):
    NEWEST = "terbaru", _("Terbaru")
    CHEAPEST = "harga-terendah", _("Harga terendah")
    RATING = "rating", _("Rating tertinggi")


class ServiceRatingDirection(models.TextChoices):
    """Who rates whom after a Selesai service request."""

    OF_PROVIDER = "penyedia", _("Pengguna menilai penyedia")
    OF_USER = "pengguna", _("Penyedia menilai pengguna")


class TestimonialStatus(models.TextChoices):
    PENDING = "menunggu", _("Menunggu persetujuan")
    APPROVED = "disetujui", _("Disetujui")
    REJECTED = "ditolak", _("Ditolak")
