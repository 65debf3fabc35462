from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from users.choices import MitraCategory


class BidangUsaha(models.Model):
    """Master data: the line of business a Mitra chooses at registration."""

    name = models.CharField(_("nama bidang usaha"), max_length=100, unique=True)
    sort_order = models.PositiveIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("bidang usaha")
        verbose_name_plural = _("bidang usaha")

    def __str__(self):
        return self.name


class MitraProfile(models.Model):
    """The employer behind a Mitra account (step 3 adds address, documents and verification)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mitra_profile"
    )
    name = models.CharField(_("nama mitra"), max_length=150)
    business_field = models.ForeignKey(
        BidangUsaha, verbose_name=_("bidang usaha"), on_delete=models.PROTECT, related_name="+"
    )
    category = models.CharField(_("kategori mitra"), max_length=10, choices=MitraCategory.choices)

    class Meta:
        verbose_name = _("profil mitra")
        verbose_name_plural = _("profil mitra")

    def __str__(self):
        return self.name
