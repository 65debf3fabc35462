from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from marketplace.choices import (
    OPEN_SERVICE_REQUEST_STATUSES,
    ContactPreference,
    PriceUnit,
    ServiceRequestStatus,
    ServiceStatus,
)
from marketplace.querysets_services import SavedServiceQuerySet, ServiceQuerySet, ServiceRequestQuerySet
from portal.text_indexes import contains_index


class Service(index.Indexed, models.Model):
    """Jasa offered by a Personal or a Mitra (guide §5 and §6, "Tawarkan Jasa"). Public on
    Penawaran Jasa while active and its provider's email is verified."""

    provider = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penyedia"),
        on_delete=models.CASCADE,
        related_name="services",
    )
    title = models.CharField(_("judul"), max_length=150)
    description = models.TextField(_("deskripsi"), max_length=5000)
    category = models.ForeignKey(
        "marketplace.KategoriJasa",
        verbose_name=_("kategori"),
        on_delete=models.PROTECT,
        related_name="services",
    )
    price = models.PositiveIntegerField(_("harga/biaya (Rp)"), null=True, blank=True)
    price_unit = models.CharField(_("satuan harga"), max_length=10, choices=PriceUnit.choices)
    areas = models.ManyToManyField(
        "users.Kecamatan", verbose_name=_("wilayah layanan"), related_name="services"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE
    )
    # Set when staff pause the service (List Penawaran Jasa): only staff can make it active again.
    admin_pause_reason = models.TextField(_("alasan dijeda admin"), max_length=1000, blank=True)
    # The form's one-time key: posting the same form twice (double click, two tabs) makes one service.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    objects = ServiceQuerySet.as_manager()

    # What the provider fills in on "Tambah Jasa", in the order of the form (photos apart).
    PROVIDER_FIELDS = ("title", "description", "category", "price", "price_unit", "areas")
    MAX_PHOTOS = 3

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("description"),
        index.RelatedFields("category", [index.SearchField("name", boost=2)]),
        index.FilterField("status"),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("jasa")
        verbose_name_plural = _("jasa")
        indexes = [
            models.Index(fields=["status", "-created_at"], name="service_newest"),
            models.Index(fields=["status", "price"], name="service_price"),
            models.Index(fields=["provider", "-created_at"], name="service_of_provider"),
            # List Penawaran Jasa of the admin panel: searched by title.
            contains_index("title", "service_title_contains"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(price_unit=PriceUnit.NEGOTIABLE) | Q(price__isnull=False),
                name="service_price_unless_nego",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def is_active(self):
        return self.status == ServiceStatus.ACTIVE

    @property
    def is_paused_by_admin(self):
        return self.status == ServiceStatus.PAUSED and bool(self.admin_pause_reason)

    @property
    def is_negotiable(self):
        return self.price_unit == PriceUnit.NEGOTIABLE


def service_photo_path(photo, filename):
    return f"jasa/{photo.service_id}/{filename}"


class ServicePhoto(models.Model):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("foto"), upload_to=service_photo_path)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("foto jasa")
        verbose_name_plural = _("foto jasa")

    def __str__(self):
        return self.image.name


class ServiceRequest(models.Model):
    """Gunakan Jasa. Lifecycle (marketplace/service_requests.py): Dikirim → Diterima | Ditolak |
    Dibatalkan | Kedaluwarsa; Diterima → Selesai. Each transition is a ServiceRequestEvent."""

    service = models.ForeignKey(
        Service, verbose_name=_("jasa"), on_delete=models.CASCADE, related_name="requests"
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna jasa"),
        on_delete=models.CASCADE,
        related_name="service_requests",
    )
    message = models.TextField(_("pesan"), max_length=1000)
    wished_date = models.DateField(_("tanggal yang diinginkan"), null=True, blank=True)
    contact_preference = models.CharField(
        _("dihubungi lewat"),
        max_length=10,
        choices=ContactPreference.choices,
        default=ContactPreference.WHATSAPP,
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ServiceRequestStatus.choices, default=ServiceRequestStatus.DIKIRIM
    )
    reject_reason = models.TextField(_("alasan penolakan"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("dikirim"), auto_now_add=True)
    responded_at = models.DateTimeField(_("ditanggapi"), null=True, blank=True)
    completed_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    # When the request left Dikirim/Diterima for good (Selesai, Ditolak, …).
    ended_at = models.DateTimeField(_("berakhir"), null=True, blank=True)

    objects = ServiceRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("permintaan jasa")
        verbose_name_plural = _("permintaan jasa")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "requester"],
                condition=Q(status__in=OPEN_SERVICE_REQUEST_STATUSES),
                name="one_open_request_per_service",
            )
        ]
        indexes = [
            models.Index(fields=["service", "status"], name="request_service_status"),
            models.Index(fields=["requester", "-created_at"], name="request_requester_recent"),
            models.Index(fields=["status", "created_at"], name="request_status_age"),
        ]

    def __str__(self):
        return f"{self.requester} · {self.service}"

    @property
    def is_open(self):
        return self.status in OPEN_SERVICE_REQUEST_STATUSES

    @property
    def shows_provider_contact(self):
        """The provider's contact details are shown to the requester once the request is accepted."""
        return self.status in (ServiceRequestStatus.DITERIMA, ServiceRequestStatus.SELESAI)


class ServiceRequestEvent(models.Model):
    """One transition of a service request: who moved it from which state to which, and when."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=12, choices=ServiceRequestStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=ServiceRequestStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("riwayat permintaan jasa")
        verbose_name_plural = _("riwayat permintaan jasa")

    def __str__(self):
        return f"{self.request_id}: {self.from_status} → {self.to_status}"


class SavedService(models.Model):
    """Jasa Tersimpan."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_services"
    )
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="saved_by")
    created_at = models.DateTimeField(_("disimpan"), auto_now_add=True)

    objects = SavedServiceQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("jasa tersimpan")
        verbose_name_plural = _("jasa tersimpan")
        constraints = [models.UniqueConstraint(fields=["user", "service"], name="one_save_per_service")]

    def __str__(self):
        return f"{self.user} · {self.service}"
