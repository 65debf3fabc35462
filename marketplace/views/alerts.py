"""Notifikasi Lowongan: "Simpan pencarian ini" on the Lowongan page and the Personal's list of
saved searches (channels, delete)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from marketplace import alerts
from marketplace.models import JobAlert
from marketplace.views.common import personal_required, redirect_back


def _channels(request):
    return {
        "by_email": bool(request.POST.get("by_email")),
        "by_whatsapp": bool(request.POST.get("by_whatsapp")),
    }


def _own_alert(request, pk):
    return get_object_or_404(JobAlert, pk=pk, personal__user=request.user)


@personal_required
@require_POST
def job_alert_create(request):
    """Simpan pencarian ini: the query string of the listing becomes an alert."""
    try:
        alert, created = alerts.save_alert(
            request.user.personal_profile, request.POST.get("query", ""), **_channels(request)
        )
    except alerts.AlertError as error:
        messages.error(request, str(error))
    else:
        if created:
            messages.success(
                request,
                _("Pencarian \u201c%(name)s\u201d disimpan. Lowongan baru yang cocok dikirim setiap hari.")
                % {"name": alert.name},
            )
        else:
            messages.info(request, _("Pencarian ini sudah tersimpan di Notifikasi Lowongan."))
    return redirect_back(request, "marketplace:job_alerts")


@personal_required
def job_alerts(request):
    personal_alerts = list(JobAlert.objects.filter(personal__user=request.user))
    base = alerts.listing_url() if personal_alerts else ""
    for alert in personal_alerts:
        alert.search_url = alerts.search_url(alert, base)
    return render(
        request,
        "marketplace/alerts/job_alerts.html",
        {"alerts": personal_alerts, "max_alerts": JobAlert.MAX_PER_PERSON},
    )


@personal_required
@require_POST
def job_alert_update(request, pk):
    alert = _own_alert(request, pk)
    channels = _channels(request)
    if not any(channels.values()):
        messages.error(request, _("Pilih minimal satu saluran: email atau WhatsApp."))
    else:
        JobAlert.objects.filter(pk=alert.pk).update(**channels)
        messages.success(
            request, _("Saluran notifikasi \u201c%(name)s\u201d disimpan.") % {"name": alert.name}
        )
    return redirect("marketplace:job_alerts")


@personal_required
@require_POST
def job_alert_delete(request, pk):
    alert = _own_alert(request, pk)
    alert.delete()
    messages.success(request, _("Notifikasi \u201c%(name)s\u201d dihapus.") % {"name": alert.name})
    return redirect("marketplace:job_alerts")
