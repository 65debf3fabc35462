"""Admin registrations of Pengaturan: the "Status Gateway WhatsApp" page in Wagtail's Settings
menu, and a plain 403 (instead of Wagtail's redirect to the dashboard) on the settings and
redirects pages for those who may not use them. Imported by portal/wagtail_hooks.py."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.contrib.redirects import urls as redirects_urls
from wagtail.contrib.settings import urls as settings_urls

from portal.admin_access import answer_403, refusing_urlpatterns
from portal.gateway_status import GatewayStatusView, can_view_gateway_status

GATEWAY_STATUS_URL_NAME = "portal_gateway_status"
GATEWAY_STATUS_ORDER = 901  # right after "Kotak Keluar WhatsApp" (portal/viewsets.py)


class GatewayStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_gateway_status(request.user)


@hooks.register("register_admin_urls")
def register_gateway_status_url():
    return [
        path(
            "status-gateway-whatsapp/",
            answer_403(GatewayStatusView.as_view()),
            name=GATEWAY_STATUS_URL_NAME,
        )
    ]


@hooks.register("register_admin_urls", order=-1)
def register_refusing_settings_and_redirects_urls():
    """Wagtail's settings and redirects pages again, earlier (order -1), answering 403 instead of
    Wagtail's redirect to the dashboard. Wagtail's own views do the work and the permission checks."""
    return refusing_urlpatterns("settings/", settings_urls.urlpatterns) + refusing_urlpatterns(
        "redirects/", redirects_urls.urlpatterns
    )


@hooks.register("register_settings_menu_item")
def register_gateway_status_menu_item():
    return GatewayStatusMenuItem(
        _("Status Gateway WhatsApp"),
        reverse(GATEWAY_STATUS_URL_NAME),
        name="status-gateway-whatsapp",
        icon_name="mail",
        order=GATEWAY_STATUS_ORDER,
    )
