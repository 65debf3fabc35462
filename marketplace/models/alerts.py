from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class JobAlert(models.Model):
    """Notifikasi Lowongan: a saved search of the Lowongan page whose new vacancies a Personal
    receives as a daily digest by email and/or WhatsApp (marketplace/alerts.py)."""

    MAX_PER_PERSON = 10

    personal = models.ForeignKey(
        "users.PersonalProfile",
        on_delete=models.CASCADE,
        related_name="job_alerts",
        verbose_name=_("pencari kerja"),
    )
    name = models.CharField(_("nama"), max_length=200)
    query = models.CharField(
        _("pencarian"),
        max_length=500,
        blank=True,
        help_text=_("Query string filter Lowongan (tanpa halaman/urut)."),
    )
    by_email = models.BooleanField(_("lewat email"), default=True)
    by_whatsapp = models.BooleanField(_("lewat WhatsApp"), default=False)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    last_sent_at = models.DateTimeField(_("terakhir dikirim"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notifikasi lowongan")
        verbose_name_plural = _("notifikasi lowongan")
        constraints = [
            models.UniqueConstraint(fields=["personal", "query"], name="one_alert_per_search"),
            models.CheckConstraint(
                condition=Q(by_email=True) | Q(by_whatsapp=True), name="alert_has_a_channel"
            ),
        ]

    def __str__(self):
        return self.name
