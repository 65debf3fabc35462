from django.http import HttpResponseRedirect
from django.shortcuts import redirect

from users.access import account_type_required
from users.choices import AccountType
from users.redirects import safe_next_url

mitra_required = account_type_required(AccountType.MITRA, "users:login_mitra")
personal_required = account_type_required(AccountType.PERSONAL, "users:login")


def redirect_back(request, fallback, *args):
    """Back to the page the form came from (``next``), when it is one of ours."""
    target = safe_next_url(request)
    return HttpResponseRedirect(target) if target else redirect(fallback, *args)
