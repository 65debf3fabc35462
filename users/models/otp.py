from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from users.choices import OTPPurpose


class PhoneOTP(models.Model):
    """A one-time code sent by WhatsApp; only its hash is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="otps")
    phone = models.CharField(_("nomor HP"), max_length=16)
    purpose = models.CharField(_("tujuan"), max_length=20, choices=OTPPurpose.choices)
    code_hash = models.CharField(max_length=128)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("kode OTP")
        verbose_name_plural = _("kode OTP")
        indexes = [models.Index(fields=["user", "purpose", "-created_at"])]

    def __str__(self):
        return f"{self.get_purpose_display()} · {self.created_at:%Y-%m-%d %H:%M}"
