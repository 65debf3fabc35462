from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.options import ModelAdmin

from users.models import BidangUsaha, Desa, Kecamatan, Pendidikan


class KecamatanAdmin(ModelAdmin):
    model = Kecamatan
    menu_label = _("Wilayah: Kecamatan")
    menu_icon = "site"
    list_display = ("name", "code")
    search_fields = ("name", "code")


class DesaAdmin(ModelAdmin):
    model = Desa
    menu_label = _("Wilayah: Desa/Kelurahan")
    menu_icon = "site"
    list_display = ("name", "kecamatan", "postal_code", "code")
    list_filter = ("kecamatan",)
    list_select_related = ("kecamatan",)
    search_fields = ("name", "postal_code", "kecamatan__name")


class BidangUsahaAdmin(ModelAdmin):
    model = BidangUsaha
    menu_label = _("Bidang Usaha")
    menu_icon = "tag"
    list_display = ("name", "sort_order")
    search_fields = ("name",)


class PendidikanAdmin(ModelAdmin):
    model = Pendidikan
    menu_label = _("Pendidikan")
    menu_icon = "tag"
    list_display = ("name", "rank")
