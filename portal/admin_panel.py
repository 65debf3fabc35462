"""Who opens which entry of the admin panel (guide §7.1). The matrix lives in users/roles.py and
becomes group permissions (users/staff.py); this module reads those permissions back, so that menus
and views ask one question: ``can_open(user, AdminMenu.X)``.

- ``AdminMenuItem`` shows a sidebar entry only to those who may open it.
- ``admin_menu_required(menu)`` guards function views; ``AdminMenuRequiredMixin`` class views
  (``admin_menu = AdminMenu.X``). Refusals answer a plain 403, never a redirect.
- The submenus ("Master Data", "Testimoni, Pengumuman, Pemberitahuan") are in portal/admin_menu.py.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from wagtail.admin.menu import MenuItem

from portal.admin_access import answer_403
from users.roles import MENU_PERMISSIONS, AdminMenu

# Sidebar order of the guide's §7.1 entries (Wagtail's own items: Pages 200, Images 300, …).
MENU_ORDER = {
    AdminMenu.DASHBOARD: 10,
    AdminMenu.PERSONAL_REPORT: 110,
    AdminMenu.MITRA_REPORT: 120,
    AdminMenu.PERSONAL_PROFILES: 130,
    AdminMenu.MITRA_PROFILES: 140,
    AdminMenu.VACANCIES: 150,
    AdminMenu.UNANSWERED_APPLICATIONS: 160,
    AdminMenu.SERVICES: 170,
    AdminMenu.COMMUNICATIONS: 180,
    AdminMenu.MITRA_RATINGS: 190,
    AdminMenu.PERSONAL_RATINGS: 191,
    AdminMenu.SERVICE_RATINGS: 192,
    AdminMenu.MASTER_DATA: 800,
}


def menu_permission(menu):
    """The permission that opens ``menu``: its first spec, "view_" for a model wildcard."""
    spec = MENU_PERMISSIONS[menu][0]
    app_label, codename = spec.split(".")
    if codename.startswith("*_"):
        codename = "view_" + codename[2:]
    return f"{app_label}.{codename}"


def can_open(user, menu):
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(menu_permission(menu)))


def check_menu(user, menu):
    if not can_open(user, menu):
        raise PermissionDenied


def admin_menu_required(menu):
    """Decorator of an admin function view: only for those who may open ``menu``; others get 403."""

    def decorator(view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            check_menu(request.user, menu)
            return view(request, *args, **kwargs)

        return answer_403(guarded)

    return decorator


class AdminMenuRequiredMixin:
    """For admin class-based views: set ``admin_menu``; others get 403."""

    admin_menu = None

    def dispatch(self, request, *args, **kwargs):
        check_menu(request.user, self.admin_menu)
        return super().dispatch(request, *args, **kwargs)


class AdminMenuItem(MenuItem):
    """A sidebar entry of guide §7.1, shown only to the roles that may open it."""

    def __init__(self, menu, url, *, icon_name="list-ul", label=None, order=None, **kwargs):
        self.admin_menu = menu
        super().__init__(
            label or menu.label,
            url,
            name=menu.value,
            icon_name=icon_name,
            order=MENU_ORDER.get(menu, 500) if order is None else order,
            **kwargs,
        )

    def is_shown(self, request):
        return can_open(request.user, self.admin_menu)
