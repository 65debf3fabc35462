"""Admin registrations of "Verifikasi Dua Langkah" (users/staff_otp.py): its URLs under
/app/v1/admin/dua-langkah/, the account-page link to enable it, the Super Admin's "Reset Verifikasi
Dua Langkah" entry in Pengaturan → Pengguna, and its audit-log action. Imported by users/wagtail_hooks.py.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from portal.admin_access import answer_403
from users import staff, staff_otp, staff_otp_views

urlpatterns = [
    path("verifikasi/", staff_otp_views.verify, name="verify"),
    path("aktifkan/", staff_otp_views.setup, name="setup"),
    path("reset/<int:pk>/", answer_403(staff_otp_views.reset), name="reset"),
]


@hooks.register("register_admin_urls")
def register_staff_otp_urls():
    return [path("dua-langkah/", include((urlpatterns, "staff_otp")))]


@hooks.register("register_account_menu_item")
def register_enable_second_factor_item(request):
    """Staff members without a device may enable it themselves (Akun Saya → Tindakan)."""
    user = request.user
    if staff.is_staff_account(user) and not staff_otp.has_confirmed_device(user):
        return {
            "url": reverse("staff_otp:setup"),
            "label": _("Aktifkan Verifikasi Dua Langkah"),
            "help_text": _("Selain kata sandi, login meminta kode 6 angka dari aplikasi autentikator."),
        }
    return None


@hooks.register("register_user_listing_buttons")
def register_reset_second_factor_button(user, request_user):
    if not (staff_otp.can_reset(request_user) and staff.is_staff_account(user)):
        return []
    return [
        Button(
            _("Reset Verifikasi Dua Langkah"),
            url=reverse("staff_otp:reset", args=[user.pk]),
            icon_name="key",
            priority=50,
        )
    ]


@hooks.register("register_log_actions")
def register_staff_otp_log_actions(actions):
    actions.register_action(
        staff_otp.RESET_ACTION, _("Reset Verifikasi Dua Langkah"), _("Verifikasi Dua Langkah direset")
    )
