from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class UsersConfig(AppConfig):
    default = True
    name = "users"
    verbose_name = _("Pengguna")


class StaffUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user management ("wagtail.users") serving staff accounts: Pengaturan → Pengguna.

    Installed in place of "wagtail.users"; the viewset is Wagtail's documented `user_viewset` hook.
    """

    default = False
    user_viewset = "users.viewsets.StaffUserViewSet"
