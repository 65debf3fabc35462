from django.urls import reverse
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from portal import admin_hooks_messages, admin_hooks_settings  # noqa: F401  (registers on import)
from portal.admin_menu import communications_menu_item, master_data_menu_item
from portal.admin_panel import AdminMenuItem
from portal.job_admin import BackgroundJobViewSet, background_job_permission_policy, register_job_log_actions
from portal.models import BackgroundJob, WhatsAppMessage
from portal.viewsets import WhatsAppOutboxViewSet, whatsapp_outbox_permission_policy
from users.roles import AdminMenu

register_permission_policy(WhatsAppMessage, whatsapp_outbox_permission_policy)

hooks.register("register_admin_menu_item", master_data_menu_item)
hooks.register("register_admin_menu_item", communications_menu_item)
hooks.register("register_admin_viewset", WhatsAppOutboxViewSet)
register_permission_policy(BackgroundJob, background_job_permission_policy)
hooks.register("register_admin_viewset", BackgroundJobViewSet)
hooks.register("register_log_actions", register_job_log_actions)


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return AdminMenuItem(AdminMenu.DASHBOARD, reverse("wagtailadmin_home"), icon_name="home")
