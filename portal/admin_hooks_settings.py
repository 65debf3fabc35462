"""Admin registrations of Pengaturan → Aplikasi: the "Status Gateway WhatsApp" page in Wagtail's
Settings menu, and a plain 403 (instead of Wagtail's redirect to the dashboard) on the settings edit
pages for those who may not edit them. Imported by portal/wagtail_hooks.py."""

from django.urls import include, path, reverse
from django.urls.resolvers import URLPattern
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.contrib.settings import urls as settings_urls

from portal.admin_access import answer_403
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
def register_settings_403_urls():
    """The patterns of wagtail.contrib.settings again, under the same "settings/" prefix but earlier
    (order -1) and without names (reversing still uses "wagtailsettings:…"), with PermissionDenied
    answered 403. Wagtail's own views do the work and the permission checks."""
    guarded = [
        URLPattern(pattern.pattern, answer_403(pattern.callback), pattern.default_args)
        for pattern in settings_urls.urlpatterns
    ]
    return [path("settings/", include(guarded))]


@hooks.register("register_settings_menu_item")
def register_gateway_status_menu_item():
    return GatewayStatusMenuItem(
        _("Status Gateway WhatsApp"),
        reverse(GATEWAY_STATUS_URL_NAME),
        name="status-gateway-whatsapp",
        icon_name="mail",
        order=GATEWAY_STATUS_ORDER,
    )
