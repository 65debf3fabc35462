"""Admin registrations of "Pemberitahuan" and "Kirim Pesan" (submenu "Testimoni, Pengumuman,
Pemberitahuan") and the audit-log actions of broadcasts and the WhatsApp outbox; imported by
portal/wagtail_hooks.py."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from portal import admin_views
from portal.admin_menu import COMMUNICATIONS_MENU_HOOK
from portal.admin_panel import AdminMenuItem
from users.roles import AdminMenu

NOTIFICATION_ORDER = 300
WHATSAPP_ORDER = 400


@hooks.register("register_admin_urls")
def register_message_urls():
    return admin_views.register_admin_urls()


def _entry(url_name, label, name, order):
    item = AdminMenuItem(
        AdminMenu.COMMUNICATIONS, reverse(url_name), icon_name="mail", label=label, order=order
    )
    item.name = name  # distinct from the submenu's other entries
    return item


@hooks.register(COMMUNICATIONS_MENU_HOOK)
def register_notification_broadcast_menu_item():
    return _entry(
        "admin_notification_broadcasts:index", _("Pemberitahuan"), "kirim-pemberitahuan", NOTIFICATION_ORDER
    )


@hooks.register(COMMUNICATIONS_MENU_HOOK)
def register_whatsapp_broadcast_menu_item():
    return _entry("admin_whatsapp_broadcasts:index", _("Kirim Pesan"), "kirim-pesan", WHATSAPP_ORDER)


@hooks.register("register_log_actions")
def register_message_log_actions(actions):
    actions.register_action("portal.broadcast", _("Kirim pemberitahuan"), _("Pemberitahuan dikirim"))
    actions.register_action(
        "portal.whatsapp_broadcast", _("Kirim pesan WhatsApp"), _("Pesan WhatsApp dikirim")
    )
    actions.register_action(
        "portal.whatsapp_retry", _("Kirim ulang pesan WhatsApp"), _("Pesan WhatsApp dikirim ulang")
    )
