from django.shortcuts import render
from django.utils.translation import gettext as _


def rate_limited(request, exception=None):
    """Shown when django-ratelimit refuses a request (429)."""
    return render(
        request,
        "users/rate_limited.html",
        {"message": _("Terlalu banyak permintaan. Silakan tunggu beberapa menit, lalu coba lagi.")},
        status=429,
    )
