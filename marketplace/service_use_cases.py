"""State changes of the service marketplace (guide §5.2, §6.2): Tambah Jasa and its edits, and the
life of a service request — one small state machine:

    Dikirim → Diterima | Ditolak | Dibatalkan | Kedaluwarsa;  Diterima → Selesai

Every transition is guarded (only the right party, only from the right state), recorded as a
ServiceRequestEvent, told to the other side, and idempotent: repeating it changes nothing more.
Refusals raise ``UseCaseError`` whose message is the Indonesian text for the user."""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.choices import OPEN_SERVICE_REQUEST_STATUSES, ServiceRequestStatus, ServiceStatus
from marketplace.models import SavedService, Service, ServicePhoto, ServiceRequest, ServiceRequestEvent
from marketplace.submission_keys import usable_key
from marketplace.use_cases import UseCaseError
from users.notifications import notify

S = ServiceRequestStatus

# Who may move a request from a state to another: "provider", "requester" or "system".
TRANSITIONS = {
    (S.DIKIRIM, S.DITERIMA): "provider",
    (S.DIKIRIM, S.DITOLAK): "provider",
    (S.DIKIRIM, S.DIBATALKAN): "requester",
    (S.DIKIRIM, S.KEDALUWARSA): "system",
    (S.DITERIMA, S.SELESAI): "provider",
}


def display_name(user):
    """The public name of a provider or requester: the Mitra's name or the person's full name."""
    mitra = getattr(user, "mitra_profile", None) if user.is_mitra else None
    return (mitra.name if mitra else "") or user.get_full_name() or user.username


def _requests_sent_url():
    return reverse("marketplace:service_requests_sent")


def _requests_received_url():
    return reverse("marketplace:service_requests")


# --- Services (provider) ----------------------------------------------------------------------


def provider_blocker(user):
    """Why ``user`` cannot offer services, or "" when they can."""
    if not user.is_authenticated or not (user.is_personal or user.is_mitra):
        return _("Hanya akun Personal dan Mitra yang dapat menawarkan jasa.")
    if not user.email_verified:
        return _("Verifikasi email Anda terlebih dahulu sebelum menawarkan jasa.")
    return ""


def _own_service(provider, service, *, lock=True):
    queryset = Service.objects.select_for_update() if lock else Service.objects
    service = queryset.get(pk=service.pk)
    if service.provider_id != provider.pk:
        raise UseCaseError(_("Jasa ini bukan milik Anda."))
    return service


@transaction.atomic
def save_service(provider, data, *, service=None, photos=(), remove_photos=(), submission_key=None):
    """Tambah Jasa (or update ``service``) from the form's cleaned ``data``
    (``Service.PROVIDER_FIELDS``), adding the uploaded ``photos`` and removing the ``remove_photos``
    ids. A repeated ``submission_key`` returns the service that key already created."""
    blocker = provider_blocker(provider)
    if blocker:
        raise UseCaseError(blocker)
    if service is None:
        submission_key = usable_key(Service, submission_key, provider=provider)
        if submission_key:
            existing = Service.objects.filter(provider=provider, submission_key=submission_key).first()
            if existing:
                return existing
        service = Service(provider=provider, submission_key=submission_key)
    else:
        service = _own_service(provider, service)
        if service.status == ServiceStatus.ARCHIVED:
            raise UseCaseError(_("Jasa yang sudah dihapus tidak dapat diubah."))
    for field in Service.PROVIDER_FIELDS:
        if field != "areas" and field in data:
            setattr(service, field, data[field])
    if service.is_negotiable:
        service.price = None
    try:
        with transaction.atomic():
            service.save()
    except IntegrityError:
        if service.pk or not submission_key:
            raise
        # The same form posted twice at the same moment: the other request created it.
        return Service.objects.get(provider=provider, submission_key=submission_key)
    if "areas" in data:
        service.areas.set(data["areas"])
    if remove_photos:
        for photo in service.photos.filter(pk__in=remove_photos):
            photo.image.delete(save=False)
            photo.delete()
    kept = service.photos.aggregate(count=Count("pk"), last=Max("sort_order"))
    room = Service.MAX_PHOTOS - kept["count"]
    # New photos come after the ones kept, in the order they were chosen.
    first = 0 if kept["last"] is None else kept["last"] + 1
    for order, image in enumerate(list(photos)[: max(room, 0)], start=first):
        ServicePhoto.objects.create(service=service, image=image, sort_order=order)
    return service


@transaction.atomic
def pause_service(provider, service):
    """Jeda: hidden from Penawaran Jasa, history and running requests kept."""
    service = _own_service(provider, service)
    if service.status == ServiceStatus.ACTIVE:
        service.status = ServiceStatus.PAUSED
        service.save(update_fields=["status", "updated_at"])
    return service


@transaction.atomic
def resume_service(provider, service):
    """Aktifkan kembali a paused service."""
    service = _own_service(provider, service)
    if service.status == ServiceStatus.ARCHIVED:
        raise UseCaseError(_("Jasa yang sudah dihapus tidak dapat diaktifkan kembali."))
    if service.is_paused_by_admin:
        raise UseCaseError(
            _("Jasa ini dijeda oleh admin (alasan: %(reason)s). Hubungi admin untuk mengaktifkannya kembali.")
            % {"reason": service.admin_pause_reason}
        )
    blocker = provider_blocker(provider)
    if blocker:
        raise UseCaseError(blocker)
    if service.status == ServiceStatus.PAUSED:
        service.status = ServiceStatus.ACTIVE
        service.save(update_fields=["status", "updated_at"])
    return service


@transaction.atomic
def remove_service(provider, service):
    """Hapus. Refused while requests are running (the provider answers or finishes them first);
    a service with history is archived so that its users keep their records; one that was never
    requested is deleted. Returns "deleted", "archived" or "already"."""
    try:
        service = _own_service(provider, service)
    except Service.DoesNotExist:
        return "already"
    if service.status == ServiceStatus.ARCHIVED:
        return "already"
    if service.requests.filter(status__in=OPEN_SERVICE_REQUEST_STATUSES).exists():
        raise UseCaseError(
            _(
                "Jasa ini masih memiliki permintaan yang berjalan. Tanggapi atau selesaikan permintaan "
                "tersebut terlebih dahulu, atau jeda jasa ini."
            )
        )
    if service.requests.exists():
        service.status = ServiceStatus.ARCHIVED
        service.save(update_fields=["status", "updated_at"])
        SavedService.objects.filter(service=service).delete()
        return "archived"
    for photo in service.photos.all():
        photo.image.delete(save=False)
    service.delete()
    return "deleted"


# --- Requests ---------------------------------------------------------------------------------


def request_blockers(user, service):
    """What stops ``user`` from using ``service``: a list of messages (empty: they may)."""
    if not user.is_authenticated or not (user.is_personal or user.is_mitra):
        return [_("Hanya akun Personal dan Mitra yang dapat menggunakan jasa.")]
    blockers = []
    if service.provider_id == user.pk:
        blockers.append(_("Ini jasa Anda sendiri."))
    elif not Service.objects.public().filter(pk=service.pk).exists():
        blockers.append(_("Jasa ini sedang tidak menerima permintaan."))
    if not user.email_verified:
        blockers.append(_("Verifikasi email Anda terlebih dahulu sebelum menggunakan jasa."))
    return blockers


def open_request(user, service):
    """The running (Dikirim/Diterima) request of ``user`` for ``service``, if any."""
    if not user.is_authenticated:
        return None
    return ServiceRequest.objects.open().filter(service=service, requester=user).first()


@transaction.atomic
def request_service(user, service, *, message, wished_date=None, contact_preference):
    """Gunakan Jasa. Returns ``(request, created)``; while a request for this service is still
    running, sending again returns it (double click, two tabs)."""
    service = Service.objects.select_for_update().select_related("provider").get(pk=service.pk)
    existing = open_request(user, service)
    if existing:
        return existing, False
    blockers = request_blockers(user, service)
    if blockers:
        raise UseCaseError(" ".join(str(blocker) for blocker in blockers))
    if wished_date and wished_date < timezone.localdate():
        raise UseCaseError(_("Tanggal yang diinginkan tidak boleh sebelum hari ini."))
    try:
        with transaction.atomic():
            request = ServiceRequest.objects.create(
                service=service,
                requester=user,
                message=message.strip(),
                wished_date=wished_date,
                contact_preference=contact_preference,
            )
    except IntegrityError:
        return open_request(user, service), False
    _record(request, "", S.DIKIRIM, user)
    notify(
        service.provider,
        "service_request.received",
        _("Permintaan jasa baru: %(title)s") % {"title": service.title},
        _("%(name)s ingin menggunakan jasa Anda.") % {"name": display_name(user)},
        _requests_received_url(),
        important=True,
    )
    return request, True


def _record(request, from_status, to_status, actor, note=""):
    ServiceRequestEvent.objects.create(
        request=request, from_status=from_status, to_status=to_status, actor=actor, note=note
    )


def _locked_request(request):
    return (
        ServiceRequest.objects.select_for_update()
        .select_related("service__provider", "requester")
        .get(pk=request.pk)
    )


def _transition(request, to_status, actor, *, party, note=""):
    """Move ``request`` to ``to_status`` for ``actor`` acting as ``party``. Returns
    ``(request, changed)``; raises UseCaseError when the party or the state is wrong."""
    request = _locked_request(request)
    if party == "provider" and request.service.provider_id != getattr(actor, "pk", None):
        raise UseCaseError(_("Permintaan ini bukan untuk jasa Anda."))
    if party == "requester" and request.requester_id != getattr(actor, "pk", None):
        raise UseCaseError(_("Permintaan ini bukan milik Anda."))
    if request.status == to_status:
        return request, False
    if TRANSITIONS.get((request.status, to_status)) != party:
        raise UseCaseError(
            _("Permintaan berstatus %(status)s tidak dapat diubah menjadi %(target)s.")
            % {"status": request.get_status_display(), "target": S(to_status).label}
        )
    now = timezone.now()
    from_status = request.status
    request.status = to_status
    if from_status == S.DIKIRIM and to_status in (S.DITERIMA, S.DITOLAK):
        request.responded_at = now
    if to_status == S.SELESAI:
        request.completed_at = now
    if to_status not in OPEN_SERVICE_REQUEST_STATUSES:
        request.ended_at = now
    if to_status == S.DITOLAK:
        request.reject_reason = note
    request.save()
    _record(request, from_status, to_status, actor, note)
    return request, True


@transaction.atomic
def accept_request(provider, request):
    """Terima: the requester is told and now sees the provider's contact details."""
    request, changed = _transition(request, S.DITERIMA, provider, party="provider")
    if changed:
        notify(
            request.requester,
            "service_request.accepted",
            _("Permintaan jasa diterima: %(title)s") % {"title": request.service.title},
            _("%(name)s menerima permintaan Anda. Kontak penyedia kini dapat dilihat.")
            % {"name": display_name(provider)},
            _requests_sent_url(),
            important=True,
        )
    return request


@transaction.atomic
def reject_request(provider, request, reason):
    """Tolak, with a reason the requester sees."""
    reason = reason.strip()
    if not reason:
        raise UseCaseError(_("Tuliskan alasan penolakan."))
    request, changed = _transition(request, S.DITOLAK, provider, party="provider", note=reason)
    if changed:
        notify(
            request.requester,
            "service_request.rejected",
            _("Permintaan jasa ditolak: %(title)s") % {"title": request.service.title},
            reason,
            _requests_sent_url(),
            important=True,
        )
    return request


@transaction.atomic
def complete_request(provider, request):
    """Selesai: the work is done; both sides may now rate each other."""
    request, changed = _transition(request, S.SELESAI, provider, party="provider")
    if changed:
        notify(
            request.requester,
            "service_request.completed",
            _("Jasa selesai: %(title)s") % {"title": request.service.title},
            _("%(name)s menandai jasa ini selesai. Berikan rating untuk penyedia jasa.")
            % {"name": display_name(provider)},
            _requests_sent_url(),
            important=True,
        )
        notify(
            provider,
            "service_request.rate_user",
            _("Berikan rating untuk pengguna jasa %(title)s") % {"title": request.service.title},
            _("Anda dapat memberi rating untuk %(name)s.") % {"name": display_name(request.requester)},
            reverse("marketplace:service_users"),
        )
    return request


@transaction.atomic
def cancel_request(requester, request):
    """Batalkan, while the request is still Dikirim."""
    request, changed = _transition(request, S.DIBATALKAN, requester, party="requester")
    if changed:
        notify(
            request.service.provider,
            "service_request.cancelled",
            _("Permintaan jasa dibatalkan: %(title)s") % {"title": request.service.title},
            _("%(name)s membatalkan permintaannya.") % {"name": display_name(requester)},
            _requests_received_url(),
        )
    return request


def expire_stale_requests(now=None):
    """Requests left unanswered (Dikirim) for ``SERVICE_REQUEST_EXPIRY_DAYS`` become Kedaluwarsa and
    both sides are told. Run daily (`manage.py expire_service_requests`); running it twice changes
    nothing more. Returns the number of requests expired."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.SERVICE_REQUEST_EXPIRY_DAYS)
    expired = 0
    stale = ServiceRequest.objects.filter(status=S.DIKIRIM, created_at__lt=cutoff).values_list(
        "pk", flat=True
    )
    for pk in list(stale):
        with transaction.atomic():
            request = ServiceRequest(pk=pk)
            try:
                request, changed = _transition(
                    request, S.KEDALUWARSA, None, party="system", note=_("Tidak ditanggapi penyedia.")
                )
            except UseCaseError:
                continue  # answered in the meantime
            if not changed:
                continue
            notify(
                request.requester,
                "service_request.expired",
                _("Permintaan jasa kedaluwarsa: %(title)s") % {"title": request.service.title},
                _(
                    "Penyedia jasa tidak menanggapi permintaan Anda dalam %(days)s hari. "
                    "Silakan cari jasa lain di Penawaran Jasa."
                )
                % {"days": settings.SERVICE_REQUEST_EXPIRY_DAYS},
                _requests_sent_url(),
                important=True,
            )
            notify(
                request.service.provider,
                "service_request.expired",
                _("Permintaan jasa kedaluwarsa: %(title)s") % {"title": request.service.title},
                _("Permintaan dari %(name)s tidak ditanggapi dan kini kedaluwarsa.")
                % {"name": display_name(request.requester)},
                _requests_received_url(),
            )
            expired += 1
    return expired


# --- Jasa Tersimpan ---------------------------------------------------------------------------


def save_service_for_later(user, service):
    """Jasa Tersimpan keeps the services of other providers that are on Penawaran Jasa."""
    if service.provider_id == user.pk:
        raise UseCaseError(_("Ini jasa Anda sendiri; jasa Anda ada di menu Tawarkan Jasa."))
    saved = SavedService.objects.filter(user=user, service=service).first()
    if saved:
        return saved
    if not Service.objects.public().filter(pk=service.pk).exists():
        raise UseCaseError(_("Jasa ini sedang tidak tersedia di Penawaran Jasa."))
    try:
        with transaction.atomic():
            return SavedService.objects.create(user=user, service=service)
    except IntegrityError:  # saved at the same moment by a second click
        return SavedService.objects.get(user=user, service=service)


def unsave_service(user, service):
    SavedService.objects.filter(user=user, service=service).delete()
