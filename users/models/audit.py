from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from users.choices import StaffRole


class ProfileAccessAction(models.TextChoices):
    VIEW_PROFILE = "lihat_profil", _("Membuka profil")
    DOWNLOAD_DOCUMENT = "unduh_dokumen", _("Mengunduh dokumen")
    EXPORT = "ekspor", _("Mengekspor data pribadi")
    DOWNLOAD_EXPORT = "unduh_ekspor", _("Mengunduh berkas ekspor")


class ProfileAccessLog(models.Model):
    """Log Akses Data: one row each time a staff member opens a Personal's or Mitra's profile, one
    of their private documents, or an export of personal data (users/audit.py writes them; UU PDP
    accountability, docs/privacy.md). Rows are never edited; Super Admin reads them."""

    created_at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("petugas"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as written at the time, so that the row still says who it was if the account changes.
    staff_username = models.CharField(_("nama pengguna petugas"), max_length=150)
    staff_role = models.CharField(_("level akun"), max_length=12, choices=StaffRole.choices, blank=True)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pemilik data"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Kosong untuk ekspor yang memuat banyak akun."),
    )
    action = models.CharField(_("tindakan"), max_length=15, choices=ProfileAccessAction.choices)
    path = models.CharField(_("alamat halaman"), max_length=500)
    # Truncated on purpose (IPv4 /24, IPv6 /48): enough to tell networks apart, not a person.
    ip_network = models.CharField(_("jaringan IP"), max_length=50, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("log akses data")
        verbose_name_plural = _("log akses data")
        indexes = [models.Index(fields=["subject", "-created_at"], name="accesslog_of_subject")]

    def __str__(self):
        return f"{self.staff_username} · {self.get_action_display()} · {self.created_at:%Y-%m-%d %H:%M}"
