"""The admin submenus shared by several apps: "Master Data" and "Testimoni, Pengumuman,
Pemberitahuan" (guide §7.1). Each app adds its entries through the submenu's hook."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

from portal.admin_panel import MENU_ORDER
from users.roles import AdminMenu

MASTER_DATA_MENU_HOOK = "register_master_data_menu_item"
COMMUNICATIONS_MENU_HOOK = "register_communications_menu_item"


def master_data_menu_item():
    return SubmenuMenuItem(
        _("Master Data"),
        Menu(register_hook_name=MASTER_DATA_MENU_HOOK),
        name="master-data",
        icon_name="list-ul",
        order=MENU_ORDER[AdminMenu.MASTER_DATA],
    )


def communications_menu_item():
    """Testimoni, Pengumuman, Pemberitahuan: entries register with ``COMMUNICATIONS_MENU_HOOK``
    (e.g. ``hooks.register(COMMUNICATIONS_MENU_HOOK, lambda: AdminMenuItem(...))``)."""
    return SubmenuMenuItem(
        AdminMenu.COMMUNICATIONS.label,
        Menu(register_hook_name=COMMUNICATIONS_MENU_HOOK),
        name=AdminMenu.COMMUNICATIONS.value,
        icon_name="mail",
        order=MENU_ORDER[AdminMenu.COMMUNICATIONS],
    )


def register_master_data_modeladmin(modeladmin_class):
    """Register a wagtail-modeladmin class with its menu entry under "Master Data"."""
    modeladmin = modeladmin_class()
    modeladmin.add_to_admin_menu = False
    modeladmin.register_with_wagtail()
    hooks.register(MASTER_DATA_MENU_HOOK, modeladmin.get_menu_item)
    return modeladmin_class
