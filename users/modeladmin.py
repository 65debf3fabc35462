"""Master Data lists of the users app (Wilayah, Bidang Usaha, Pendidikan); shared behaviour (ordering,
403, refusal to delete values in use) is portal/master_data.py."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from portal.master_data import SORT_ORDER_HELP, MasterDataAdmin
from users.models import BidangUsaha, Desa, Kecamatan, Pendidikan


class KecamatanAdmin(MasterDataAdmin):
    model = Kecamatan
    menu_label = _("Wilayah: Kecamatan")
    menu_icon = "site"
    list_display = ("name", "code")
    search_fields = ("name", "code")
    ordering = ("name",)


class DesaAdmin(MasterDataAdmin):
    model = Desa
    menu_label = _("Wilayah: Desa/Kelurahan")
    menu_icon = "site"
    list_display = ("name", "kecamatan", "postal_code", "code")
    list_filter = ("kecamatan",)
    list_select_related = ("kecamatan",)
    search_fields = ("name", "postal_code", "kecamatan__name")
    ordering = ("kecamatan__name", "name")


class BidangUsahaAdmin(MasterDataAdmin):
    model = BidangUsaha
    menu_label = _("Bidang Usaha")
    list_display = ("name", "sort_order")
    search_fields = ("name",)
    ordering = ("sort_order", "name")
    panels = [FieldPanel("name"), FieldPanel("sort_order", help_text=SORT_ORDER_HELP)]


class PendidikanAdmin(MasterDataAdmin):
    model = Pendidikan
    menu_label = _("Pendidikan")
    list_display = ("name", "rank")
    search_fields = ("name",)
    ordering = ("rank", "name")
    panels = [
        FieldPanel("name"),
        FieldPanel(
            "rank",
            help_text=_(
                "Urutan jenjang dari yang terendah (SD) ke yang tertinggi; dipakai juga untuk "
                "mencocokkan pendidikan minimal lowongan, jadi jenjang yang lebih tinggi harus "
                "mendapat angka lebih besar."
            ),
        ),
    ]
