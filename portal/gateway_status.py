"""Pengaturan → Status Gateway WhatsApp: a read-only page for Super Admin and Admin (whoever may edit
the application settings) showing how the WhatsApp gateway is configured and how it has been doing.

The API token is never shown, only whether it is set; of the API URL only the host is shown. Counts
are of the outbox (``portal.models.WhatsAppMessage``) by the time a message was queued.
"""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.models import WhatsAppMessage
from portal.viewsets import OUTBOX_NAME
from portal.whatsapp.backends import BACKENDS, backend_name

PERMISSION = "portal.change_sitesettings"
WINDOW = timedelta(hours=24)
ERROR_PREVIEW_LENGTH = 200

BACKEND_DESCRIPTIONS = {
    "http": _("HTTP API gateway: pesan dikirim ke WhatsApp lewat gateway."),
    "console": _("Konsol: pesan hanya ditulis ke log server, tidak dikirim ke WhatsApp."),
    "file": _("Berkas: pesan hanya disimpan sebagai berkas di server, tidak dikirim ke WhatsApp."),
    "locmem": _("Memori (pengujian): pesan tidak dikirim ke WhatsApp."),
}


def can_view_gateway_status(user):
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(PERMISSION))


def _api_host(url):
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def _redact(text, secret):
    return text.replace(secret, "******") if secret else text


def gateway_status(now=None):
    """What the status page shows, as a dict (no secret in it)."""
    now = now or timezone.now()
    name = backend_name()
    api_url = settings.WHATSAPP_API_URL or ""
    token = settings.WHATSAPP_API_TOKEN or ""
    is_http = BACKENDS.get(name, name) == BACKENDS["http"]

    status_counts = {status: Q(status=status) for status in WhatsAppMessage.Status.values}
    totals = WhatsAppMessage.objects.filter(created_at__gte=now - WINDOW).aggregate(
        total=Count("pk"), **{status: Count("pk", filter=q) for status, q in status_counts.items()}
    )
    counts = [
        {"status": status, "label": label, "count": totals[status]}
        for status, label in WhatsAppMessage.Status.choices
    ]
    last_failure = (
        WhatsAppMessage.objects.filter(status=WhatsAppMessage.Status.FAILED)
        .only("pk", "created_at", "attempts", "error")
        .order_by("-created_at", "-pk")
        .first()
    )
    last_sent_at = WhatsAppMessage.objects.aggregate(last=Max("sent_at"))["last"]

    warnings = []
    if not is_http:
        warnings.append(
            _("Backend ini tidak mengirim pesan ke WhatsApp; atur WHATSAPP_BACKEND=http di server.")
        )
    elif not (api_url and token):
        warnings.append(_("Alamat API atau token gateway belum diatur: setiap pengiriman akan gagal."))
    if totals["failed"]:
        warnings.append(_("Ada pesan yang gagal dalam 24 jam terakhir; periksa Kotak Keluar WhatsApp."))

    return {
        "backend": name,
        "backend_description": BACKEND_DESCRIPTIONS.get(name, _("Kelas backend khusus.")),
        "is_http": is_http,
        "api_url_set": bool(api_url),
        "api_host": _api_host(api_url),
        "token_set": bool(token),
        "counts": counts,
        "total": totals["total"],
        "last_failure": last_failure,
        "last_failure_error": (
            Truncator(_redact(last_failure.error, token)).chars(ERROR_PREVIEW_LENGTH) if last_failure else ""
        ),
        "last_sent_at": last_sent_at,
        "warnings": warnings,
        "window_start": now - WINDOW,
    }


class GatewayStatusView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "portal/admin/gateway_status.html"
    page_title = _("Status Gateway WhatsApp")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not can_view_gateway_status(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        status = gateway_status()
        outbox_url = reverse(f"{OUTBOX_NAME}:index")
        failure = status["last_failure"]
        return super().get_context_data(
            status=status,
            outbox_url=outbox_url,
            failed_url=f"{outbox_url}?status={WhatsAppMessage.Status.FAILED}",
            last_failure_url=reverse(f"{OUTBOX_NAME}:inspect", args=[failure.pk]) if failure else "",
            settings_url=reverse("wagtailsettings:edit", args=["portal", "sitesettings"]),
            **kwargs,
        )
