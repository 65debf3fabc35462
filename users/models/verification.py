from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from users.choices import VerificationAction, VerificationStatus


class VerifiableProfile(models.Model):
    """Verification state of an account (guide §4.3, §4.4): Belum → Diajukan → Terverifikasi | Ditolak.
    Transitions live in users/verification.py; every decision is logged in VerificationLog."""

    verification_status = models.CharField(
        _("status verifikasi"),
        max_length=15,
        choices=VerificationStatus.choices,
        default=VerificationStatus.BELUM,
        db_index=True,
    )
    verification_note = models.TextField(_("alasan penolakan"), blank=True)
    submitted_at = models.DateTimeField(_("diajukan pada"), null=True, blank=True)
    verified_at = models.DateTimeField(_("diverifikasi pada"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diverifikasi oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def is_verified(self):
        return self.verification_status == VerificationStatus.TERVERIFIKASI


class VerificationLog(models.Model):
    """Who did what, when, to which account's verification."""

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="verification_logs"
    )
    action = models.CharField(_("tindakan"), max_length=15, choices=VerificationAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("catatan"), blank=True)
    created_at = models.DateTimeField(_("waktu"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("riwayat verifikasi")
        verbose_name_plural = _("riwayat verifikasi")

    def __str__(self):
        return f"{self.get_action_display()} · {self.created_at:%Y-%m-%d %H:%M}"
