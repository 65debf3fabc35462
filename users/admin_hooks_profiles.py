"""Admin registrations of Data Profil Personal and Data Profil Mitra (issue 8): menu entries, URLs,
the audit-log actions of their staff decisions, and the redirects of step 3's "Verifikasi Akun" URLs.
Imported by users/wagtail_hooks.py."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from portal.admin_panel import AdminMenuItem
from users import admin_urls
from users.profile_admin_urls import mitra_urlpatterns, personal_urlpatterns
from users.roles import AdminMenu


@hooks.register("register_admin_urls")
def register_profile_urls():
    return [
        path("data-profil-personal/", include((personal_urlpatterns, "personal_profiles"))),
        path("data-profil-mitra/", include((mitra_urlpatterns, "mitra_profiles"))),
        # step 3's interim "Verifikasi Akun" URLs (links in notifications already sent): redirects
        path("verifikasi-akun/", include(admin_urls, namespace="account_verification")),
    ]


@hooks.register("register_admin_menu_item")
def register_personal_profiles_menu_item():
    return AdminMenuItem(AdminMenu.PERSONAL_PROFILES, reverse("personal_profiles:index"), icon_name="user")


@hooks.register("register_admin_menu_item")
def register_mitra_profiles_menu_item():
    return AdminMenuItem(AdminMenu.MITRA_PROFILES, reverse("mitra_profiles:index"), icon_name="group")


@hooks.register("register_log_actions")
def register_profile_log_actions(actions):
    actions.register_action("portal.verify", _("Diverifikasi"), _("Akun diverifikasi"))

    @actions.register_action("portal.reject")
    class RejectFormatter(LogFormatter):
        label = _("Ditolak")

        def format_message(self, log_entry):
            reason = (log_entry.data or {}).get("reason", "")
            return _("Pengajuan verifikasi ditolak: %(reason)s") % {"reason": reason}

    actions.register_action("portal.feature", _("Dijadikan Mitra Unggulan"), _("Dijadikan Mitra Unggulan"))
    actions.register_action(
        "portal.unfeature", _("Dilepas dari Mitra Unggulan"), _("Tidak lagi menjadi Mitra Unggulan")
    )
