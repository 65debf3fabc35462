from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

import users.admin_hooks_audit  # noqa: F401  (registers on import)
import users.admin_hooks_otp  # noqa: F401  (registers on import)
from portal.admin_menu import register_master_data_modeladmin
from users import admin_hooks_profiles, admin_hooks_reports  # noqa: F401  (registers on import)
from users.admin_views import NotificationsMenuItem
from users.modeladmin import BidangUsahaAdmin, DesaAdmin, KecamatanAdmin, PendidikanAdmin
from users.viewsets import STAFF_BULK_ACTIONS

register_master_data_modeladmin(KecamatanAdmin)
register_master_data_modeladmin(DesaAdmin)
register_master_data_modeladmin(BidangUsahaAdmin)
register_master_data_modeladmin(PendidikanAdmin)

# Replace Wagtail's user bulk actions (same action types, registered after them).
for bulk_action in STAFF_BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action, order=1)


@hooks.register("register_admin_menu_item")
def register_notifications_menu_item():
    return NotificationsMenuItem(
        _("Pemberitahuan Saya"),
        reverse("users:notifications"),
        name="pemberitahuan",
        icon_name="mail",
        order=160,
    )
