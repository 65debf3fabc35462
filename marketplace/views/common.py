from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from users.access import account_type_required
from users.choices import AccountType

mitra_required = account_type_required(AccountType.MITRA, "users:login_mitra")
personal_required = account_type_required(AccountType.PERSONAL, "users:login")


def redirect_back(request, fallback, *args):
    """Back to the page the form came from (``next``), when it is one of ours."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback, *args)
