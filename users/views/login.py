from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from users import use_cases
from users.choices import AccountType
from users.forms import LoginForm
from users.redirects import safe_next_url
from users.views.registration import profile_url

PAGES = {
    AccountType.PERSONAL: {
        "heading": _("Login"),
        "register_url_name": "users:register",
        "reset_url_name": "users:password_reset",
        "other_login": ("users:login_mitra", _("Login Mitra")),
    },
    AccountType.MITRA: {
        "heading": _("Login Mitra"),
        "register_url_name": "users:register_mitra",
        "reset_url_name": "users:password_reset_mitra",
        "other_login": ("users:login", _("Login Personal")),
    },
}


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
def login_view(request, account_type):
    if request.user.is_authenticated and request.user.account_type == account_type:
        return redirect(profile_url(request.user))
    form = LoginForm(request, account_type, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        login(request, form.user)
        return redirect(safe_next_url(request) or profile_url(form.user))
    context = {
        "form": form,
        "next": request.GET.get("next", request.POST.get("next", "")),
        **PAGES[account_type],
    }
    return render(request, "users/login.html", context)


@require_POST
def logout_view(request):
    logout(request)
    return redirect("/")


@require_POST
@login_required
def logout_everywhere(request):
    use_cases.end_all_sessions(request.user)
    logout(request)
    return redirect("/")


def locked_out(request, credentials=None, *args, **kwargs):
    return render(request, "users/locked_out.html", status=429)
