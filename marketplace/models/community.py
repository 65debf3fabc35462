from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.choices import TestimonialStatus
from users.choices import VerificationStatus


class TestimonialQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=TestimonialStatus.APPROVED)

    def with_author(self):
        return self.select_related("author__personal_profile__kecamatan", "author__mitra_profile__kecamatan")

    def public(self):
        """Approved and not hidden by staff: what Beranda and the Testimonial page show."""
        return self.approved().filter(hidden_at__isnull=True)

    def newest_approved(self):
        """The public testimonials of active accounts, newest approval first (served by the
        "testimonial_public" index)."""
        return self.public().filter(author__is_active=True).with_author().order_by("-decided_at", "-pk")


class Testimonial(models.Model):
    """Testimoni: a Personal's or Mitra's words about the portal, public once staff approve it.
    One per author; editing it sends it back for approval."""

    author = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penulis"),
        on_delete=models.CASCADE,
        related_name="testimonial",
    )
    text = models.TextField(_("testimoni"), max_length=1000)
    stars = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    status = models.CharField(
        _("status"), max_length=10, choices=TestimonialStatus.choices, default=TestimonialStatus.PENDING
    )
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # "Sembunyikan": staff take an approved testimonial off the public pages (it stays approved).
    hidden_at = models.DateTimeField(_("disembunyikan"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("disembunyikan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    objects = TestimonialQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("testimoni")
        verbose_name_plural = _("testimoni")
        indexes = [models.Index(fields=["status", "-decided_at"], name="testimonial_public")]

    def __str__(self):
        return f"{self.author} · {self.get_status_display()}"

    @property
    def is_pending(self):
        return self.status == TestimonialStatus.PENDING

    @property
    def is_approved(self):
        return self.status == TestimonialStatus.APPROVED

    @property
    def is_rejected(self):
        return self.status == TestimonialStatus.REJECTED

    @property
    def is_hidden(self):
        return self.hidden_at is not None

    @property
    def is_public(self):
        return self.is_approved and not self.is_hidden

    # What the public sees of the author (no contact data): name, account type and kecamatan.
    # Fetch with ``Testimonial.objects.with_author()`` so that none of these costs a query.

    def _profile(self):
        attribute = "mitra_profile" if self.author.is_mitra else "personal_profile"
        return getattr(self.author, attribute, None)

    @property
    def author_name(self):
        if self.author.is_mitra:
            profile = self._profile()
            if profile is not None and profile.name:
                return profile.name
        return self.author.get_full_name() or _("Pengguna Kepenak Ngodene")

    @property
    def author_type(self):
        return _("Mitra") if self.author.is_mitra else _("Personal")

    @property
    def author_kecamatan(self):
        profile = self._profile()
        return profile.kecamatan if profile is not None else None


def announcement_attachment_path(announcement, filename):
    return f"pengumuman-mitra/{announcement.mitra_id}/{filename}"


class MitraAnnouncementQuerySet(models.QuerySet):
    def public(self):
        """Announcements of verified Mitra not hidden by staff: what the Pengumuman page shows."""
        return self.filter(
            mitra__verification_status=VerificationStatus.TERVERIFIKASI, hidden_at__isnull=True
        ).select_related("mitra", "vacancy")


class MitraAnnouncement(models.Model):
    """Pengumuman from a Mitra, shown with the government's on the Pengumuman page."""

    mitra = models.ForeignKey(
        "users.MitraProfile", verbose_name=_("mitra"), on_delete=models.CASCADE, related_name="announcements"
    )
    title = models.CharField(_("judul"), max_length=200)
    body = models.TextField(_("isi"), max_length=5000)
    attachment = models.FileField(
        _("lampiran"), upload_to=announcement_attachment_path, blank=True, max_length=255
    )
    vacancy = models.ForeignKey(
        "marketplace.Vacancy",
        verbose_name=_("lowongan terkait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="announcements",
    )
    # One-time key of the "Buat Pengumuman" form: a double submit creates one announcement.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    # "Sembunyikan" in the admin Pengumuman list: off the public pages, with a reason the Mitra sees.
    hidden_at = models.DateTimeField(_("disembunyikan"), null=True, blank=True, editable=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("disembunyikan oleh"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_reason = models.TextField(_("alasan disembunyikan"), blank=True, editable=False)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    objects = MitraAnnouncementQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("pengumuman mitra")
        verbose_name_plural = _("pengumuman mitra")
        indexes = [models.Index(fields=["-created_at"], name="mitraannouncement_newest")]

    def __str__(self):
        return self.title

    @property
    def is_hidden(self):
        return self.hidden_at is not None

    @property
    def is_public(self):
        return self.mitra.is_verified and not self.is_hidden

    @property
    def attachment_extension(self):
        return self.attachment.name.rsplit(".", 1)[-1].upper() if self.attachment else ""
