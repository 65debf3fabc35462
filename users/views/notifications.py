"""Pemberitahuan (guide chapters 5 and 6): the list with the delivery preferences, opening one
notification, "Tandai semua dibaca", and the cheap unread count the header bell polls."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from users import notifications
from users.forms_notifications import NotificationPreferencesForm

PER_PAGE = 20


@login_required
@require_http_methods(["GET", "POST"])
def notification_list(request):
    """Newest first, 20 a page (``?halaman=``); a POST saves the delivery preferences."""
    user = request.user
    form = NotificationPreferencesForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Pilihan pemberitahuan sudah disimpan."))
        return redirect("users:notifications")
    page_obj = Paginator(notifications.for_user(user), PER_PAGE).get_page(request.GET.get("halaman"))
    return render(
        request,
        "users/notifications.html",
        {
            "account": user,
            "page_obj": page_obj,
            "unread": notifications.unread_count(user),
            "form": form,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def notification_open(request, pk):
    """Mark one of the user's notifications read, then go to its link when that link stays on this
    site; otherwise (no link, or an outside address) back to the list."""
    notification = get_object_or_404(notifications.for_user(request.user), pk=pk)
    notifications.mark_read(request.user, notification.pk)
    return redirect(_safe_target(request, notification.url) or "users:notifications")


@login_required
@require_POST
def notification_mark_all_read(request):
    """ "Tandai semua dibaca"; a repeated submit changes nothing."""
    if notifications.mark_all_read(request.user):
        messages.success(request, _("Semua pemberitahuan sudah ditandai dibaca."))
    return redirect("users:notifications")


@never_cache
@require_GET
def notification_unread_count(request):
    """``{"unread": n}`` for the header bell: one indexed COUNT besides the session and user lookups.
    Anonymous visitors (e.g. after logging out in another tab) get 401, which stops the polling."""
    if not request.user.is_authenticated:
        return JsonResponse({"detail": _("Silakan login terlebih dahulu.")}, status=401)
    return JsonResponse({"unread": notifications.unread_count(request.user)})


def _safe_target(request, url):
    """``url`` when it is a path on this site (or an address on this very host), else None."""
    if not url or not (url.startswith("/") or url.lower().startswith(("http://", "https://"))):
        return None
    host = request.get_host()
    return url if url_has_allowed_host_and_scheme(url, {host}, require_https=request.is_secure()) else None
