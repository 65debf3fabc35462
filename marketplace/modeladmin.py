from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.options import ModelAdmin

from marketplace.models import KategoriJasa, KategoriLowongan, TipePekerjaan


class TipePekerjaanAdmin(ModelAdmin):
    model = TipePekerjaan
    menu_label = _("Tipe Pekerjaan")
    menu_icon = "tag"
    list_display = ("name", "sort_order")
    search_fields = ("name",)


class KategoriLowonganAdmin(ModelAdmin):
    model = KategoriLowongan
    menu_label = _("Kategori Lowongan")
    menu_icon = "tag"
    list_display = ("name", "sort_order")
    search_fields = ("name",)


class KategoriJasaAdmin(ModelAdmin):
    model = KategoriJasa
    menu_label = _("Kategori Jasa")
    menu_icon = "tag"
    list_display = ("name", "sort_order")
    search_fields = ("name",)
