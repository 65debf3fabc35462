"""The "Verifikasi Dua Langkah" pages of the admin (users/staff_otp.py has the rules):

- Aktifkan Verifikasi Dua Langkah: QR code and secret of a new device, confirmed with a first code;
- Verifikasi Dua Langkah: the code asked after the password when the account has a device;
- Reset Verifikasi Dua Langkah: a Super Admin removes another staff member's device (lost phone).

Registered under /app/v1/admin/dua-langkah/ by users/admin_hooks_otp.py (Wagtail requires a logged-in
admin user on these URLs).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django.views.generic import TemplateView
from django_otp import login as otp_login
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from users import staff, staff_otp
from users.redirects import safe_next_url
from users.staff_otp_forms import CodeForm


def _next_url(request):
    return safe_next_url(request) or reverse("wagtailadmin_home")


def _step_url(view_name, request):
    """The URL of the other step, carrying the page the user wanted."""
    wanted = request.GET.get("next")
    return reverse(view_name) + (f"?{urlencode({'next': wanted})}" if wanted else "")


def _mark_verified(request, device):
    """Second factor passed: a new session key for the raised privilege, then django-otp's marker
    (stored in the session, so it ends with the logout that flushes it)."""
    request.session.cycle_key()
    otp_login(request, device)


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    step = staff_otp.pending_step(request.user)
    if step is staff_otp.Step.SETUP:
        return redirect(_step_url("staff_otp:setup", request))
    if step is None:
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        result = staff_otp.verify_code(request.user, form.cleaned_data["code"])
        if result.accepted:
            _mark_verified(request, result.device)
            return redirect(_next_url(request))
        form.refuse(result.error)
    return render(request, "users/otp/verify.html", {"form": form, "next": _next_url(request)})


@never_cache
@require_http_methods(["GET", "POST"])
def setup(request):
    user = request.user
    if not staff.is_staff_account(user):
        raise PermissionDenied
    if staff_otp.has_confirmed_device(user):
        if not user.is_verified():
            return redirect(_step_url("staff_otp:verify", request))
        messages.info(request, _("Verifikasi Dua Langkah untuk akun Anda sudah aktif."))
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if form.is_valid():
        result = staff_otp.confirm_device(user, form.cleaned_data["code"])
        if result.accepted:
            _mark_verified(request, result.device)
            messages.success(request, _("Verifikasi Dua Langkah sudah aktif untuk akun Anda."))
            return redirect(_next_url(request))
        form.refuse(result.error)
    device = staff_otp.pending_device(user)
    context = {
        "form": form,
        "next": _next_url(request),
        "qr_code": staff_otp.qr_code_svg(device),
        "secret": staff_otp.secret_text(device),
        "required": staff_otp.is_required_for(user),
    }
    return render(request, "users/otp/setup.html", context)


class ResetView(WagtailAdminTemplateMixin, TemplateView):
    """GET asks for confirmation, POST removes the devices. Super Admin only (403 for others)."""

    template_name = "users/otp/reset.html"
    header_icon = "key"
    http_method_names = ["get", "post"]

    def dispatch(self, request, pk):
        if not staff_otp.can_reset(request.user):
            raise PermissionDenied
        self.account = get_object_or_404(staff.staff_accounts(), pk=pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return _("Reset Verifikasi Dua Langkah")

    def get_page_subtitle(self):
        return self.account.get_full_name() or self.account.get_username()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailusers_users:index"), "label": _("Pengguna")},
            {"url": self.edit_url(), "label": self.get_page_subtitle()},
            {"url": "", "label": self.get_page_title()},
        ]

    def edit_url(self):
        return reverse("wagtailusers_users:edit", args=[self.account.pk])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            account=self.account,
            has_device=staff_otp.has_confirmed_device(self.account),
            edit_url=self.edit_url(),
            **kwargs,
        )

    def post(self, request, pk):
        staff_otp.reset_devices(self.account, request.user)
        messages.success(
            request,
            _("Verifikasi Dua Langkah %(name)s sudah direset.") % {"name": self.get_page_subtitle()},
        )
        return redirect(self.edit_url())


reset = ResetView.as_view()
