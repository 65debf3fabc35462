from django.db import models
from django.utils.translation import gettext_lazy as _


class MasterData(models.Model):
    name = models.CharField(_("nama"), max_length=100, unique=True)
    sort_order = models.PositiveIntegerField(_("urutan"), default=0)

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class TipePekerjaan(MasterData):
    """Master data: penuh waktu, paruh waktu, kontrak, harian, magang …"""

    class Meta(MasterData.Meta):
        verbose_name = _("tipe pekerjaan")
        verbose_name_plural = _("tipe pekerjaan")


class KategoriLowongan(MasterData):
    """Master data: the field of work of a vacancy (Kategori/Bidang)."""

    class Meta(MasterData.Meta):
        verbose_name = _("kategori lowongan")
        verbose_name_plural = _("kategori lowongan")


class KategoriJasa(MasterData):
    """Master data "Kategori Jasa": the kind of a service offered on Penawaran Jasa."""

    class Meta(MasterData.Meta):
        verbose_name = _("kategori jasa")
        verbose_name_plural = _("kategori jasa")
