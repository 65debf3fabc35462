"""The provider's side of the service marketplace (guide §5, §6.2), for Personal and Mitra accounts:
Tawarkan Jasa (with Tambah Jasa, Ubah, Jeda / Aktifkan kembali, Hapus), Permintaan Jasa (Terima,
Tolak, Selesai) and Pengguna Jasa. A provider only ever reaches their own services and the
requests for them; anything else is a 404."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from marketplace import service_use_cases as use_cases
from marketplace.choices import ServiceRequestStatus, ServiceStatus
from marketplace.forms_services import RejectForm, RequestStatusFilterForm, ServiceForm
from marketplace.models import Service, ServiceRequest
from marketplace.use_cases import UseCaseError
from marketplace.views.common import redirect_back

PER_PAGE = 20
USED_STATUSES = (ServiceRequestStatus.DITERIMA, ServiceRequestStatus.SELESAI)


def service_account_required(view):
    """Personal and Mitra accounts only: others get 403, anonymous visitors go to the login."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path(), "users:login")
        if not (user.is_personal or user.is_mitra):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _own_service(request, pk):
    return get_object_or_404(Service, pk=pk, provider=request.user)


def _own_request(request, pk):
    return get_object_or_404(
        ServiceRequest.objects.select_related("service", "requester"), pk=pk, service__provider=request.user
    )


# --- Tawarkan Jasa ----------------------------------------------------------------------------


@service_account_required
def services(request):
    """Tawarkan Jasa: the provider's services with their status and request counts; removed
    (archived) services apart, below."""
    mine = (
        Service.objects.of_provider(request.user)
        .with_request_counts()
        .select_related("category")
        .prefetch_related("areas")
        .order_by("-created_at", "-pk")
    )
    page_obj = Paginator(mine.exclude(status=ServiceStatus.ARCHIVED), PER_PAGE).get_page(
        request.GET.get("halaman")
    )
    archived = list(mine.filter(status=ServiceStatus.ARCHIVED))
    return render(
        request,
        "marketplace/services/services.html",
        {"page_obj": page_obj, "archived": archived, "blocker": use_cases.provider_blocker(request.user)},
    )


def _form_page(request, form, service=None, blocker=""):
    return render(
        request,
        "marketplace/services/service_form.html",
        {"form": form, "service": service, "blocker": blocker, "max_photos": Service.MAX_PHOTOS},
    )


def _saved_message(request, service):
    if service.is_active:
        messages.success(request, _("Jasa disimpan dan tampil di halaman Penawaran Jasa."))
    else:
        messages.success(
            request, _("Jasa disimpan. Jasa ini sedang dijeda, jadi belum tampil di halaman Penawaran Jasa.")
        )


@service_account_required
@require_http_methods(["GET", "POST"])
def service_create(request):
    """Tambah Jasa. A double submit (same one-time key) makes one service."""
    blocker = use_cases.provider_blocker(request.user)
    if blocker:
        return _form_page(request, None, blocker=blocker)
    if request.method == "GET":
        return _form_page(request, ServiceForm())
    form = ServiceForm(request.POST, request.FILES, owner=request.user)
    if not form.is_valid():
        messages.error(request, _("Jasa belum tersimpan. Periksa isian yang ditandai di bawah."))
        return _form_page(request, form)
    key = form.cleaned_data.get("submission_key")
    if key and Service.objects.filter(provider=request.user, submission_key=key).exists():
        messages.info(request, _("Jasa ini sudah tersimpan."))
        return redirect("marketplace:services")
    try:
        service = use_cases.save_service(
            request.user, form.cleaned_data, photos=form.cleaned_data["photos"], submission_key=key
        )
    except UseCaseError as error:
        messages.error(request, str(error))
        return _form_page(request, form)
    _saved_message(request, service)
    return redirect("marketplace:services")


@service_account_required
@require_http_methods(["GET", "POST"])
def service_edit(request, pk):
    service = _own_service(request, pk)
    if service.status == ServiceStatus.ARCHIVED:
        messages.error(request, _("Jasa yang sudah dihapus tidak dapat diubah."))
        return redirect("marketplace:services")
    blocker = use_cases.provider_blocker(request.user)
    if blocker:
        return _form_page(request, None, service, blocker)
    form = ServiceForm(request.POST or None, request.FILES or None, instance=service)
    if request.method == "POST":
        if form.is_valid():
            try:
                service = use_cases.save_service(
                    request.user,
                    form.cleaned_data,
                    service=service,
                    photos=form.cleaned_data["photos"],
                    remove_photos=[photo.pk for photo in form.cleaned_data["remove_photos"]],
                )
            except UseCaseError as error:
                messages.error(request, str(error))
                return redirect("marketplace:services")
            _saved_message(request, service)
            return redirect("marketplace:services")
        messages.error(request, _("Perubahan belum tersimpan. Periksa isian yang ditandai di bawah."))
    return _form_page(request, form, service)


def _service_action(request, pk, action, done, already):
    """Run ``action`` on the provider's own service; a repeat (double submit) gets a calm note."""
    service = _own_service(request, pk)
    before = service.status
    try:
        service = action(request.user, service)
    except UseCaseError as error:
        messages.error(request, str(error))
    else:
        if service.status == before:
            messages.info(request, already)
        else:
            messages.success(request, done)
    return redirect_back(request, "marketplace:services")


@service_account_required
@require_POST
def service_pause(request, pk):
    return _service_action(
        request,
        pk,
        use_cases.pause_service,
        _(
            "Jasa dijeda dan tidak tampil di Penawaran Jasa. Permintaan yang berjalan tetap dapat "
            "Anda tanggapi."
        ),
        _("Jasa ini sudah dijeda."),
    )


@service_account_required
@require_POST
def service_resume(request, pk):
    return _service_action(
        request,
        pk,
        use_cases.resume_service,
        _("Jasa aktif kembali dan tampil di halaman Penawaran Jasa."),
        _("Jasa ini sudah aktif."),
    )


@service_account_required
@require_http_methods(["GET", "POST"])
def service_delete(request, pk):
    """Hapus, after a confirmation page. Refused while requests are running; a service with
    history is archived (its users keep their records); one never requested is deleted."""
    if request.method == "GET":
        service = get_object_or_404(Service.objects.with_request_counts(), pk=pk, provider=request.user)
        if service.status == ServiceStatus.ARCHIVED:
            messages.info(request, _("Jasa ini sudah dihapus."))
            return redirect("marketplace:services")
        return render(request, "marketplace/services/service_delete.html", {"service": service})
    service = Service.objects.filter(pk=pk, provider=request.user).first()
    if service is None:
        if Service.objects.filter(pk=pk).exists():
            raise Http404  # someone else's service
        # Deleted by the first of two clicks: nothing more to do.
        messages.info(request, _("Jasa ini sudah dihapus."))
        return redirect("marketplace:services")
    try:
        outcome = use_cases.remove_service(request.user, service)
    except UseCaseError as error:
        messages.error(request, str(error))
        return redirect("marketplace:services")
    if outcome == "deleted":
        messages.success(request, _("Jasa %(title)s sudah dihapus.") % {"title": service.title})
    elif outcome == "archived":
        messages.success(
            request,
            _(
                "Jasa %(title)s sudah dihapus dari Penawaran Jasa. Riwayatnya tetap tersimpan untuk Anda "
                "dan pengguna jasa."
            )
            % {"title": service.title},
        )
    else:
        messages.info(request, _("Jasa ini sudah dihapus."))
    return redirect("marketplace:services")


# --- Permintaan Jasa --------------------------------------------------------------------------


def _by_service(request, requests):
    """The provider's services for the "Jasa" filter, the one chosen (``?jasa=``) and ``requests``
    narrowed to it; each request also gets ``requester_name``."""
    my_services = list(Service.objects.of_provider(request.user).only("pk", "title").order_by("title"))
    chosen = request.GET.get("jasa", "")
    selected = next((service for service in my_services if str(service.pk) == chosen), None)
    if selected:
        requests = requests.filter(service=selected)
    return my_services, selected, requests


def _with_names(page_obj):
    for service_request in page_obj:
        service_request.requester_name = use_cases.display_name(service_request.requester)
    return page_obj


@service_account_required
def service_requests(request):
    """Permintaan Jasa: incoming requests, newest first, filtered by status (and service)."""
    filter_form = RequestStatusFilterForm(request.GET)
    received = ServiceRequest.objects.for_provider(request.user).order_by("-created_at", "-pk")
    status = filter_form.cleaned_data["status"] if filter_form.is_valid() else ""
    if status:
        received = received.filter(status=status)
    my_services, selected, received = _by_service(request, received)
    page_obj = _with_names(Paginator(received, PER_PAGE).get_page(request.GET.get("halaman")))
    return render(
        request,
        "marketplace/services/requests_received.html",
        {
            "page_obj": page_obj,
            "filter_form": filter_form,
            "status": status,
            "my_services": my_services,
            "selected": selected,
        },
    )


def _request_action(request, pk, action, target, done, already):
    service_request = _own_request(request, pk)
    before = service_request.status
    try:
        action(request.user, service_request)
    except UseCaseError as error:
        messages.error(request, str(error))
    else:
        if before == target:
            messages.info(request, already)
        else:
            messages.success(request, done)
    return redirect_back(request, "marketplace:service_requests")


@service_account_required
@require_POST
def request_accept(request, pk):
    return _request_action(
        request,
        pk,
        use_cases.accept_request,
        ServiceRequestStatus.DITERIMA,
        _("Permintaan diterima. Pengguna jasa sudah diberi tahu; hubungi dia lewat kontak yang tertera."),
        _("Permintaan ini sudah diterima."),
    )


@service_account_required
@require_POST
def request_complete(request, pk):
    return _request_action(
        request,
        pk,
        use_cases.complete_request,
        ServiceRequestStatus.SELESAI,
        _("Permintaan ditandai Selesai. Pengguna jasa sudah diberi tahu."),
        _("Permintaan ini sudah ditandai Selesai."),
    )


@service_account_required
@require_http_methods(["GET", "POST"])
def request_reject(request, pk):
    """Tolak, with a reason the requester reads (a missing reason: an error beside the field)."""
    service_request = _own_request(request, pk)
    if service_request.status == ServiceRequestStatus.DITOLAK:
        messages.info(request, _("Permintaan ini sudah ditolak."))
        return redirect_back(request, "marketplace:service_requests")
    if service_request.status != ServiceRequestStatus.DIKIRIM:
        messages.error(
            request,
            _("Permintaan berstatus %(status)s tidak dapat ditolak.")
            % {"status": service_request.get_status_display()},
        )
        return redirect_back(request, "marketplace:service_requests")
    if request.method == "POST":
        form = RejectForm(request.POST)
        if form.is_valid():
            try:
                use_cases.reject_request(request.user, service_request, form.cleaned_data["reason"])
            except UseCaseError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Permintaan ditolak. Pengguna jasa sudah diberi tahu alasannya."))
            return redirect_back(request, "marketplace:service_requests")
    else:
        form = RejectForm()
    return render(
        request,
        "marketplace/services/request_reject.html",
        {
            "form": form,
            "service_request": service_request,
            "requester_name": use_cases.display_name(service_request.requester),
        },
    )


# --- Pengguna Jasa ----------------------------------------------------------------------------


@service_account_required
def service_users(request):
    """Pengguna Jasa: everyone whose request was accepted (Diterima, Selesai), per service."""
    used = (
        ServiceRequest.objects.for_provider(request.user)
        .filter(status__in=USED_STATUSES)
        .prefetch_related("ratings")  # the rate link of each Selesai row
        .order_by(F("responded_at").desc(nulls_last=True), "-pk")
    )
    my_services, selected, used = _by_service(request, used)
    page_obj = _with_names(Paginator(used, PER_PAGE).get_page(request.GET.get("halaman")))
    return render(
        request,
        "marketplace/services/service_users.html",
        {"page_obj": page_obj, "my_services": my_services, "selected": selected},
    )
