"""Pelamar → bulk status change (guide §6.1): tick several applicants, choose Dalam Proses / Diterima /
Ditolak and an optional message; each applicant is told through ``use_cases.set_status``. Ids of
applications of other Mitra are ignored (they are never changed); a double submit changes nothing
more."""

from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from marketplace import use_cases
from marketplace.choices import ApplicationStatus
from marketplace.forms import ApplicationStatusForm
from marketplace.views.common import mitra_required, redirect_back

FIELD = "lamaran"


def _selected_ids(request):
    return {int(value) for value in request.POST.getlist(FIELD) if value.strip().isdigit()}


@mitra_required
@require_POST
def applicants_bulk_status(request):
    mitra = request.user.mitra_profile
    ids = _selected_ids(request)
    form = ApplicationStatusForm(request.POST, prefix="massal")
    if not ids:
        messages.error(
            request, _("Belum ada pelamar yang dipilih. Centang pelamar yang statusnya akan diubah.")
        )
        return redirect_back(request, "marketplace:applicants")
    if not form.is_valid():
        messages.error(request, _("Status belum diubah. Pilih status Dalam Proses, Diterima atau Ditolak."))
        return redirect_back(request, "marketplace:applicants")
    status = form.cleaned_data["status"]
    result = use_cases.set_status_bulk(mitra, ids, status, form.cleaned_data["message"], by=request.user)
    label = ApplicationStatus(status).label
    changed, unchanged, skipped = (len(result[key]) for key in ("changed", "unchanged", "skipped"))
    if not (changed or unchanged or skipped):
        messages.error(request, _("Pelamar yang dipilih tidak ditemukan di lowongan Anda."))
        return redirect_back(request, "marketplace:applicants")
    if changed:
        messages.success(
            request,
            ngettext(
                "%(count)d pelamar diubah menjadi %(status)s. Pelamar sudah diberi tahu.",
                "%(count)d pelamar diubah menjadi %(status)s. Pelamar sudah diberi tahu.",
                changed,
            )
            % {"count": changed, "status": label},
        )
    if unchanged:
        messages.info(
            request,
            ngettext(
                "%(count)d pelamar sudah berstatus %(status)s; tidak ada yang diubah.",
                "%(count)d pelamar sudah berstatus %(status)s; tidak ada yang diubah.",
                unchanged,
            )
            % {"count": unchanged, "status": label},
        )
    if skipped:
        messages.warning(
            request,
            ngettext(
                "%(count)d lamaran dilewati karena sudah ditarik oleh pelamar.",
                "%(count)d lamaran dilewati karena sudah ditarik oleh pelamar.",
                skipped,
            )
            % {"count": skipped},
        )
    return redirect_back(request, "marketplace:applicants")
