"""Ratings (guide §1.2 "Sistem Rating & Testimoni"): 1–5 stars and an optional comment, one per
finished relationship and side. The two sides of a relationship are revealed together — when both
have rated, or when the 14-day window closes — so neither can retaliate (marketplace/ratings.py)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from marketplace.choices import ServiceRatingDirection
from marketplace.querysets_ratings import RatingQuerySet

RATING_WINDOW_DAYS = 14


class Rating(models.Model):
    stars = models.PositiveSmallIntegerField(
        _("bintang"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("komentar"), max_length=1000, blank=True)
    # The end of the relationship + 14 days: editable until then, revealed by then at the latest.
    editable_until = models.DateTimeField(_("dapat diubah sampai"))
    revealed_at = models.DateTimeField(_("ditampilkan sejak"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("disembunyikan pada"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("disembunyikan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hidden_reason = models.CharField(_("alasan disembunyikan"), max_length=255, blank=True)
    report_count = models.PositiveIntegerField(_("jumlah laporan"), default=0)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    objects = RatingQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.stars}★"

    @property
    def is_hidden(self):
        return self.hidden_at is not None


def _stars_range(name):
    return models.CheckConstraint(condition=Q(stars__gte=1, stars__lte=5), name=name)


class MitraRating(Rating):
    """Rating Mitra: an applicant rates the Mitra once the application was decided."""

    application = models.OneToOneField(
        "marketplace.Application", on_delete=models.CASCADE, related_name="mitra_rating"
    )
    mitra = models.ForeignKey(
        "users.MitraProfile", verbose_name=_("mitra"), on_delete=models.CASCADE, related_name="ratings"
    )
    personal = models.ForeignKey(
        "users.PersonalProfile", verbose_name=_("penilai"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta(Rating.Meta):
        verbose_name = _("rating mitra")
        verbose_name_plural = _("rating mitra")
        constraints = [_stars_range("mitrarating_stars")]
        indexes = [models.Index(fields=["mitra", "-created_at"], name="mitrarating_of_mitra")]


class PersonalRating(Rating):
    """Rating Personal: the Mitra rates an applicant once the application was decided."""

    application = models.OneToOneField(
        "marketplace.Application", on_delete=models.CASCADE, related_name="personal_rating"
    )
    personal = models.ForeignKey(
        "users.PersonalProfile", verbose_name=_("personal"), on_delete=models.CASCADE, related_name="ratings"
    )
    mitra = models.ForeignKey(
        "users.MitraProfile", verbose_name=_("penilai"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta(Rating.Meta):
        verbose_name = _("rating personal")
        verbose_name_plural = _("rating personal")
        constraints = [_stars_range("personalrating_stars")]
        indexes = [models.Index(fields=["personal", "-created_at"], name="personalrating_of_personal")]


class ServiceRating(Rating):
    """Rating Personal (Jasa): after a Selesai request the user rates the provider (and the
    provider the user)."""

    service_request = models.ForeignKey(
        "marketplace.ServiceRequest", on_delete=models.CASCADE, related_name="ratings"
    )
    direction = models.CharField(_("arah"), max_length=10, choices=ServiceRatingDirection.choices)
    service = models.ForeignKey(
        "marketplace.Service", verbose_name=_("jasa"), on_delete=models.CASCADE, related_name="ratings"
    )
    rater = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("penilai"), on_delete=models.CASCADE, related_name="+"
    )
    ratee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("yang dinilai"),
        on_delete=models.CASCADE,
        related_name="service_ratings_received",
    )

    class Meta(Rating.Meta):
        verbose_name = _("rating personal (jasa)")
        verbose_name_plural = _("rating personal (jasa)")
        constraints = [
            _stars_range("servicerating_stars"),
            models.UniqueConstraint(fields=["service_request", "direction"], name="one_rating_per_side"),
        ]
        indexes = [
            models.Index(fields=["service", "direction"], name="servicerating_of_service"),
            models.Index(fields=["ratee", "direction"], name="servicerating_of_ratee"),
        ]


class RatingReport(models.Model):
    """A user's report of an abusive review; staff decide whether to hide the rating."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    rating = GenericForeignKey("content_type", "object_id")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("alasan"), max_length=1000)
    created_at = models.DateTimeField(_("dilaporkan"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("laporan ulasan")
        verbose_name_plural = _("laporan ulasan")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reporter"], name="one_report_per_reporter"
            )
        ]

    def __str__(self):
        return f"{self.content_type} #{self.object_id}"
