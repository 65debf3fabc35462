from wagtail import hooks

from portal.admin_menu import master_data_menu_item

hooks.register("register_admin_menu_item", master_data_menu_item)
