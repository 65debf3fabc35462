"""Admin views of the users app that are not a screen of their own: the redirects of step 3's interim
"Verifikasi Akun" URLs to Data Profil Personal / Data Profil Mitra, and the "Pemberitahuan" menu entry."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent

from portal.admin_panel import can_open, check_menu
from users import roles, verification
from users.choices import VerificationStatus
from users.notifications import unread_count
from users.roles import AdminMenu

KIND_MENUS = {"personal": AdminMenu.PERSONAL_PROFILES, "mitra": AdminMenu.MITRA_PROFILES}


def may_use_verification(user):
    """Whether the account decides on some verifications (users/verification.py's verifier roles)."""
    role_values = set(verification.PERSONAL_VERIFIERS) | set(verification.MITRA_VERIFIERS)
    return roles.role_of(user) in role_values


def queue_redirect(request):
    """The old queue: the list of submitted accounts of the first profile menu the viewer has."""
    for kind, menu in KIND_MENUS.items():
        if can_open(request.user, menu):
            url = reverse(f"{kind}_profiles:index")
            return redirect(f"{url}?status={VerificationStatus.DIAJUKAN}")
    raise PermissionDenied


def review_redirect(request, kind, pk):
    if kind not in KIND_MENUS:
        raise Http404
    check_menu(request.user, KIND_MENUS[kind])
    return redirect(reverse(f"{kind}_profiles:detail", args=[pk]))


class NotificationsMenuItem(MenuItem):
    """ "Pemberitahuan" for staff (verification requests and other events), with the unread count."""

    def render_component(self, request):
        unread = unread_count(request.user)
        label = _("Pemberitahuan (%(count)s)") % {"count": unread} if unread else self.label
        return LinkMenuItemComponent(
            self.name, label, self.url, icon_name=self.icon_name, classname=self.classname, attrs=self.attrs
        )
