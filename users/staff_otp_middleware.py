"""Until a staff session has passed its second factor (users/staff_otp.py), every page except logging in
and out and the two "Verifikasi Dua Langkah" pages redirects to the step still to do. Public pages are
refused as well: staff permissions also open views outside the admin (e.g. Mitra documents)."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from users import staff_otp
from users.choices import StaffRole

OTP_MIDDLEWARE = "django_otp.middleware.OTPMiddleware"

OPEN_VIEWS = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "users:logout",
        "staff_otp:setup",
        "staff_otp:verify",
    }
)

STEP_VIEWS = {staff_otp.Step.SETUP: "staff_otp:setup", staff_otp.Step.VERIFY: "staff_otp:verify"}


def _check_configuration():
    middleware = list(settings.MIDDLEWARE)
    if OTP_MIDDLEWARE not in middleware or middleware.index(OTP_MIDDLEWARE) > middleware.index(
        f"{__name__}.StaffSecondFactorMiddleware"
    ):
        raise ImproperlyConfigured(f"{OTP_MIDDLEWARE} must come before StaffSecondFactorMiddleware.")
    unknown = set(settings.STAFF_TOTP_REQUIRED_ROLES) - set(StaffRole.values)
    if unknown:
        raise ImproperlyConfigured(f"STAFF_TOTP_REQUIRED_ROLES has unknown roles: {sorted(unknown)}")


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        _check_configuration()
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.resolver_match.view_name in OPEN_VIEWS or request.path.startswith(
            (settings.STATIC_URL, settings.MEDIA_URL)
        ):
            return None
        step = staff_otp.pending_step(request.user)
        if step is None:
            return None
        target = reverse(STEP_VIEWS[step])
        if request.method == "GET":
            target = f"{target}?{urlencode({'next': request.get_full_path()})}"
        return redirect(target)
