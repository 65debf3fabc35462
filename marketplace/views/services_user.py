"""The side of the people who use services (guide §5.2), Personal and Mitra alike: Gunakan Jasa
(form → confirmation → request), Gunakan Jasa Terkirim (with Batalkan) and Jasa Tersimpan."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from marketplace import service_use_cases as use_cases
from marketplace.choices import ServiceRequestStatus
from marketplace.forms_services import ServiceRequestForm
from marketplace.models import SavedService, Service, ServiceRequest
from marketplace.querysets_services import PROVIDER_RELATED
from marketplace.use_cases import UseCaseError
from marketplace.views.common import redirect_back
from marketplace.views.services_provider import PER_PAGE, service_account_required


def _service_for_request(pk):
    return get_object_or_404(
        Service.objects.select_related("category", "provider", *PROVIDER_RELATED).prefetch_related("areas"),
        pk=pk,
    )


@require_http_methods(["GET", "POST"])
def request_create(request, pk):
    """Gunakan Jasa: the short form → "Konfirmasi" → the confirmation page → "Gunakan Jasa" sends
    the request ("Ubah" goes back with everything typed kept)."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path(), "users:login")
    service = _service_for_request(pk)
    existing = use_cases.open_request(user, service)
    action = request.POST.get("aksi", "") if request.method == "POST" else ""
    if existing and action == "kirim":  # the second click of a double submit
        messages.info(request, _("Permintaan Anda untuk jasa ini sudah terkirim dan masih berjalan."))
        return redirect("marketplace:service_requests_sent")
    context = {
        "service": service,
        "provider_name": use_cases.display_name(service.provider),
        "existing": existing,
        "blockers": [] if existing else use_cases.request_blockers(user, service),
    }
    staff = not (user.is_personal or user.is_mitra)
    if existing or context["blockers"]:
        return render(
            request, "marketplace/services/request_form.html", context, status=403 if staff else 200
        )
    form = ServiceRequestForm(request.POST or None, user=user)
    context["form"] = form
    if request.method == "GET" or action == "ubah":
        return render(request, "marketplace/services/request_form.html", context)
    if not form.is_valid():
        messages.error(request, _("Permintaan belum dapat diproses. Periksa isian yang ditandai di bawah."))
        return render(request, "marketplace/services/request_form.html", context)
    if action != "kirim":
        return render(request, "marketplace/services/request_confirm.html", context)
    try:
        _service_request, created = use_cases.request_service(user, service, **form.cleaned_data)
    except UseCaseError as error:
        messages.error(request, str(error))
        return redirect("marketplace:service_request_create", service.pk)
    if created:
        messages.success(
            request,
            _("Permintaan jasa %(title)s sudah terkirim ke %(name)s. Pantau statusnya di sini.")
            % {"title": service.title, "name": context["provider_name"]},
        )
    else:
        messages.info(request, _("Permintaan Anda untuk jasa ini sudah terkirim dan masih berjalan."))
    return redirect("marketplace:service_requests_sent")


@service_account_required
def requests_sent(request):
    """Gunakan Jasa Terkirim: every request sent, its status (with the reason of a Tolak) and,
    once accepted, the provider's contact details."""
    sent = (
        ServiceRequest.objects.for_requester(request.user)
        .prefetch_related("ratings")  # the rate link of each Selesai row
        .order_by("-created_at", "-pk")
    )
    page_obj = Paginator(sent, PER_PAGE).get_page(request.GET.get("halaman"))
    for service_request in page_obj:
        service_request.provider_name = use_cases.display_name(service_request.service.provider)
    return render(request, "marketplace/services/requests_sent.html", {"page_obj": page_obj})


@service_account_required
@require_POST
def request_cancel(request, pk):
    """Batalkan, while the request is still Dikirim."""
    service_request = get_object_or_404(
        ServiceRequest.objects.select_related("service"), pk=pk, requester=request.user
    )
    before = service_request.status
    try:
        use_cases.cancel_request(request.user, service_request)
    except UseCaseError as error:
        messages.error(request, str(error))
    else:
        if before == ServiceRequestStatus.DIBATALKAN:
            messages.info(request, _("Permintaan ini sudah dibatalkan."))
        else:
            messages.success(request, _("Permintaan dibatalkan. Penyedia jasa sudah diberi tahu."))
    return redirect_back(request, "marketplace:service_requests_sent")


@service_account_required
def saved_services(request):
    """Jasa Tersimpan."""
    saved = SavedService.objects.for_user(request.user)
    page_obj = Paginator(saved, PER_PAGE).get_page(request.GET.get("halaman"))
    for entry in page_obj:
        entry.provider_name = use_cases.display_name(entry.service.provider)
    return render(request, "marketplace/services/saved_services.html", {"page_obj": page_obj})


@service_account_required
@require_POST
def toggle_saved(request, pk):
    """Simpan / hapus dari Jasa Tersimpan ("aksi=hapus")."""
    service = get_object_or_404(Service, pk=pk)
    if request.POST.get("aksi") == "hapus":
        use_cases.unsave_service(request.user, service)
        messages.success(request, _("Jasa dihapus dari Jasa Tersimpan."))
    else:
        try:
            use_cases.save_service_for_later(request.user, service)
            messages.success(request, _("Jasa disimpan di Jasa Tersimpan."))
        except UseCaseError as error:
            messages.error(request, str(error))
    return redirect_back(request, "marketplace:saved_services")
