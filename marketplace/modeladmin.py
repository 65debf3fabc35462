"""Master Data lists of the marketplace app; shared behaviour (ordering by "urutan" then name, 403,
refusal to delete values in use) is portal/master_data.py."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from marketplace.models import KategoriJasa, KategoriLowongan, TipePekerjaan
from portal.master_data import SORT_ORDER_HELP, MasterDataAdmin


class SortedMasterDataAdmin(MasterDataAdmin):
    """For the ``marketplace.models.master.MasterData`` models: name and sort_order."""

    list_display = ("name", "sort_order")
    search_fields = ("name",)
    ordering = ("sort_order", "name")
    panels = [FieldPanel("name"), FieldPanel("sort_order", help_text=SORT_ORDER_HELP)]


class TipePekerjaanAdmin(SortedMasterDataAdmin):
    model = TipePekerjaan
    menu_label = _("Tipe Pekerjaan")


class KategoriLowonganAdmin(SortedMasterDataAdmin):
    model = KategoriLowongan
    menu_label = _("Kategori Lowongan")


class KategoriJasaAdmin(SortedMasterDataAdmin):
    model = KategoriJasa
    menu_label = _("Kategori Jasa")
