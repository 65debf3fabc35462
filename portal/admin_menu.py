"""The admin "Master Data" menu: each app adds its master-data lists to one shared submenu."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, SubmenuMenuItem

MASTER_DATA_MENU_HOOK = "register_master_data_menu_item"


def master_data_menu_item():
    return SubmenuMenuItem(
        _("Master Data"),
        Menu(register_hook_name=MASTER_DATA_MENU_HOOK),
        name="master-data",
        icon_name="list-ul",
        order=800,
    )


def register_master_data_modeladmin(modeladmin_class):
    """Register a wagtail-modeladmin class with its menu entry under "Master Data"."""
    modeladmin = modeladmin_class()
    modeladmin.add_to_admin_menu = False
    modeladmin.register_with_wagtail()
    hooks.register(MASTER_DATA_MENU_HOOK, modeladmin.get_menu_item)
    return modeladmin_class
