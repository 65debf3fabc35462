"""The one check that guards every transaction of the marketplace (apply, post a vacancy, offer or
request a service): the account must be a Personal or Mitra account with a verified email."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _


def can_transact(user):
    return user.is_authenticated and (user.is_personal or user.is_mitra) and user.email_verified


def verified_email_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (user.is_personal or user.is_mitra):
            raise PermissionDenied
        if not user.email_verified:
            messages.warning(
                request,
                _("Verifikasi email Anda terlebih dahulu. Klik tautan di email kami atau tekan Kirim Ulang."),
            )
            return redirect("users:registration_done")
        return view(request, *args, **kwargs)

    return wrapper


def account_type_required(account_type, login_url):
    """Only accounts of this type; others get 403, anonymous visitors go to the right login."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), login_url)
            if request.user.account_type != account_type:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
