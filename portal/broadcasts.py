"""Messages from staff to many accounts at once (admin "Testimoni, Pengumuman, Pemberitahuan"):

- **Pemberitahuan**: an in-app notification to all Personal, all Mitra, or the Personal of one
  kecamatan or desa;
- **Kirim Pesan**: a WhatsApp message to one Personal/Mitra or to a filtered group (account type,
  kecamatan, desa), only to accounts with a verified phone number that accept WhatsApp.

Scope (DESIGN §2): a Kecamatan operator reaches only the Personal of its kecamatan, a Desa operator
only the Personal of its desa; Dinaker, Verifikator, Admin and Super Admin reach everyone.

An audience is a small dict (kept on the ``Broadcast`` row) that the recipient queries read:
``{"target": "all_personal" | "all_mitra" | "kecamatan" | "desa", "kecamatan": id, "desa": id}`` for
notifications, ``{"target": "single", "user": id}`` or ``{"target": "group", "account_type": …,
"kecamatan": id | None, "desa": id | None}`` for WhatsApp. The send use cases store the broadcast
(idempotent under a repeated ``submission_key``), write the audit log and leave the fan-out to a
background job; the jobs run each broadcast once.
"""

import logging
import re

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from marketplace.use_cases import UseCaseError
from portal.models import Broadcast, SiteSettings
from portal.tasks import enqueue
from portal.whatsapp import requeue_failed, send_whatsapp
from users import roles
from users.choices import AccountType, StaffRole
from users.models import Desa, Kecamatan, MitraProfile, Notification, User

logger = logging.getLogger(__name__)

ALL_PERSONAL = "all_personal"
ALL_MITRA = "all_mitra"
KECAMATAN = "kecamatan"
DESA = "desa"
SINGLE = "single"
GROUP = "group"

NOTIFICATION_EVENT = "broadcast"
#: Notification rows written per INSERT by the broadcast job.
NOTIFICATION_CHUNK_SIZE = 500

#: Throttling of WhatsApp broadcasts: messages per batch and seconds between batches (settings may
#: override both). Batch k is handed to the gateway k × interval seconds after the send.
DEFAULT_WHATSAPP_BATCH_SIZE = 20
DEFAULT_WHATSAPP_BATCH_INTERVAL = 60


def whatsapp_batch_size():
    return max(1, int(getattr(settings, "WHATSAPP_BROADCAST_BATCH_SIZE", DEFAULT_WHATSAPP_BATCH_SIZE)))


def whatsapp_batch_interval():
    interval = getattr(settings, "WHATSAPP_BROADCAST_BATCH_INTERVAL", DEFAULT_WHATSAPP_BATCH_INTERVAL)
    return max(0, int(interval))


def whatsapp_delay(index):
    """Seconds to wait before delivering the ``index``-th message (0-based) of a broadcast."""
    return (index // whatsapp_batch_size()) * whatsapp_batch_interval()


# --- Scope ----------------------------------------------------------------------------------


def staff_region(user):
    """``(kecamatan_id, desa_id)`` the staff account is bound to; ``(None, None)`` when it sees all."""
    role = roles.role_of(user)
    if role == StaffRole.DESA:
        desa = user.scope_desa
        return (desa.kecamatan_id if desa else None), user.scope_desa_id
    if role == StaffRole.KECAMATAN:
        return user.scope_kecamatan_id, None
    return None, None


def is_scoped(user):
    return roles.role_of(user) in (StaffRole.DESA, StaffRole.KECAMATAN)


def kecamatan_choices(user):
    """The kecamatan ``user`` may address: its own when bound to a region, else all."""
    kecamatan_id, _desa_id = staff_region(user)
    if is_scoped(user):
        return Kecamatan.objects.filter(pk=kecamatan_id)
    return Kecamatan.objects.all()


def desa_choices(user):
    """The desa ``user`` may address: its own (Desa), those of its kecamatan (Kecamatan), or all."""
    kecamatan_id, desa_id = staff_region(user)
    queryset = Desa.objects.select_related("kecamatan")
    if roles.role_of(user) == StaffRole.DESA:
        return queryset.filter(pk=desa_id)
    if roles.role_of(user) == StaffRole.KECAMATAN:
        return queryset.filter(kecamatan_id=kecamatan_id)
    return queryset.all()


def _in_region(prefix, kecamatan_id=None, desa_id=None):
    """Accounts whose profile (``personal_profile`` / ``mitra_profile``) lies in the region."""
    condition = Q()
    if kecamatan_id:
        condition &= Q(**{f"{prefix}__kecamatan_id": kecamatan_id}) | Q(
            **{f"{prefix}__desa__kecamatan_id": kecamatan_id}
        )
    if desa_id:
        condition &= Q(**{f"{prefix}__desa_id": desa_id})
    return condition


def _scope_filter(user):
    """The accounts a (possibly region-bound) staff account may message."""
    if not is_scoped(user):
        return Q(account_type__in=[AccountType.PERSONAL, AccountType.MITRA])
    kecamatan_id, desa_id = staff_region(user)
    if kecamatan_id is None and desa_id is None:
        return Q(pk__in=[])  # a bound role without its region set reaches nobody
    return Q(account_type=AccountType.PERSONAL) & _in_region("personal_profile", kecamatan_id, desa_id)


def reachable_accounts(user):
    """Personal and Mitra accounts ``user`` may message (the single-recipient search)."""
    return User.objects.filter(is_active=True).filter(_scope_filter(user))


def accounts_matching(query):
    """The ids of the accounts whose username, first or last name, Mitra name or phone number holds
    ``query`` (the Kirim Pesan recipient search): a UNION of matches, each read through its
    trigram index (portal/text_indexes.py), not one OR across the accounts and the Mitra profiles,
    which PostgreSQL could only check account by account. A number typed as 08… is stored as
    62…; a phone number is searched from four digits."""
    matches = [
        User.objects.filter(**{f"{field}__icontains": query}).values("pk").order_by()
        for field in ("username", "first_name", "last_name")
    ]
    matches.append(MitraProfile.objects.filter(name__icontains=query).values("user_id").order_by())
    digits = re.sub(r"\D", "", query)
    if len(digits) >= 4:
        phone = "62" + digits[1:] if digits.startswith("0") else digits
        matches.append(User.objects.filter(phone__icontains=phone).values("pk").order_by())
    return matches[0].union(*matches[1:])


def whatsapp_reachable(queryset):
    """Only accounts with a verified phone number that accept WhatsApp messages."""
    return queryset.filter(notify_by_whatsapp=True, phone_verified_at__isnull=False).exclude(phone="")


# --- Audiences ------------------------------------------------------------------------------


def notification_recipients(audience):
    """Active accounts an in-app broadcast reaches."""
    target = audience.get("target")
    accounts = User.objects.filter(is_active=True)
    if target == ALL_PERSONAL:
        return accounts.filter(account_type=AccountType.PERSONAL)
    if target == ALL_MITRA:
        return accounts.filter(account_type=AccountType.MITRA)
    if target == KECAMATAN:
        return accounts.filter(account_type=AccountType.PERSONAL).filter(
            _in_region("personal_profile", kecamatan_id=audience["kecamatan"])
        )
    if target == DESA:
        return accounts.filter(account_type=AccountType.PERSONAL).filter(
            _in_region("personal_profile", desa_id=audience["desa"])
        )
    return accounts.none()


def whatsapp_recipients(audience):
    """Accounts a WhatsApp broadcast reaches (verified phone, WhatsApp accepted)."""
    accounts = User.objects.filter(is_active=True)
    if audience.get("target") == SINGLE:
        accounts = accounts.filter(
            pk=audience.get("user"), account_type__in=[AccountType.PERSONAL, AccountType.MITRA]
        )
    elif audience.get("target") == GROUP:
        account_type = audience.get("account_type")
        if account_type not in (AccountType.PERSONAL, AccountType.MITRA):
            return accounts.none()
        prefix = "personal_profile" if account_type == AccountType.PERSONAL else "mitra_profile"
        accounts = accounts.filter(account_type=account_type).filter(
            _in_region(prefix, audience.get("kecamatan"), audience.get("desa"))
        )
    else:
        return accounts.none()
    return whatsapp_reachable(accounts)


def check_notification_audience(user, audience):
    """Raise UseCaseError unless ``user`` may address ``audience`` (the forms already limit choices)."""
    target = audience.get("target")
    if target in (ALL_PERSONAL, ALL_MITRA):
        if is_scoped(user):
            raise UseCaseError(_("Anda hanya dapat mengirim ke wilayah tugas Anda."))
    elif target == KECAMATAN:
        if not kecamatan_choices(user).filter(pk=audience.get("kecamatan")).exists() or (
            roles.role_of(user) == StaffRole.DESA
        ):
            raise UseCaseError(_("Anda hanya dapat mengirim ke wilayah tugas Anda."))
    elif target == DESA:
        if not desa_choices(user).filter(pk=audience.get("desa")).exists():
            raise UseCaseError(_("Anda hanya dapat mengirim ke wilayah tugas Anda."))
    else:
        raise UseCaseError(_("Pilih penerima pemberitahuan."))


def check_whatsapp_audience(user, audience):
    target = audience.get("target")
    if target == SINGLE:
        if not reachable_accounts(user).filter(pk=audience.get("user")).exists():
            raise UseCaseError(_("Akun ini tidak dapat Anda kirimi pesan."))
    elif target == GROUP:
        if audience.get("account_type") not in (AccountType.PERSONAL, AccountType.MITRA):
            raise UseCaseError(_("Pilih jenis akun penerima."))
        if is_scoped(user):
            if audience.get("account_type") != AccountType.PERSONAL:
                raise UseCaseError(_("Anda hanya dapat mengirim ke wilayah tugas Anda."))
            kecamatan_id, desa_id = staff_region(user)
            if audience.get("kecamatan") != kecamatan_id or (desa_id and audience.get("desa") != desa_id):
                raise UseCaseError(_("Anda hanya dapat mengirim ke wilayah tugas Anda."))
        if audience.get("kecamatan") and not Kecamatan.objects.filter(pk=audience["kecamatan"]).exists():
            raise UseCaseError(_("Kecamatan tidak ditemukan."))
        if audience.get("desa"):
            desa = Desa.objects.filter(pk=audience["desa"]).first()
            if desa is None or (audience.get("kecamatan") and desa.kecamatan_id != audience["kecamatan"]):
                raise UseCaseError(_("Desa tidak berada di kecamatan yang dipilih."))
    else:
        raise UseCaseError(_("Pilih penerima pesan."))


def describe_notification_audience(audience):
    target = audience.get("target")
    if target == ALL_PERSONAL:
        return _("Semua Personal")
    if target == ALL_MITRA:
        return _("Semua Mitra")
    if target == KECAMATAN:
        kecamatan = Kecamatan.objects.filter(pk=audience.get("kecamatan")).first()
        return _("Personal di kecamatan %(name)s") % {"name": kecamatan.name if kecamatan else "?"}
    if target == DESA:
        desa = Desa.objects.select_related("kecamatan").filter(pk=audience.get("desa")).first()
        return _("Personal di desa %(name)s") % {"name": str(desa) if desa else "?"}
    return "?"


def describe_whatsapp_audience(audience):
    """A readable audience for the admin lists (never a phone number)."""
    if audience.get("target") == SINGLE:
        account = User.objects.filter(pk=audience.get("user")).first()
        name = (account.get_full_name() or account.username) if account else "?"
        return _("Satu akun: %(name)s") % {"name": name}
    personal = audience.get("account_type") == AccountType.PERSONAL
    if audience.get("desa"):
        desa = Desa.objects.select_related("kecamatan").filter(pk=audience["desa"]).first()
        name = str(desa) if desa else "?"
        return (_("Personal di desa %(name)s") if personal else _("Mitra di desa %(name)s")) % {"name": name}
    if audience.get("kecamatan"):
        kecamatan = Kecamatan.objects.filter(pk=audience["kecamatan"]).first()
        name = kecamatan.name if kecamatan else "?"
        template = _("Personal di kecamatan %(name)s") if personal else _("Mitra di kecamatan %(name)s")
        return template % {"name": name}
    return _("Semua Personal") if personal else _("Semua Mitra")


# --- Use cases ------------------------------------------------------------------------------


def broadcasts_of(kind, user):
    """The past broadcasts of one kind, newest first, with the sender. A region-bound operator sees
    only its own (others' audiences may name people outside its region)."""
    queryset = Broadcast.objects.filter(kind=kind).select_related("created_by").order_by("-created_at", "-pk")
    return queryset.filter(created_by=user) if is_scoped(user) else queryset


def _create_broadcast(user, kind, audience, label, recipients_count, submission_key, **fields):
    """Store the broadcast once per ``submission_key``; returns ``(broadcast, created)``."""
    if submission_key:
        existing = Broadcast.objects.filter(submission_key=submission_key).first()
        if existing:
            return existing, False
    try:
        with transaction.atomic():
            broadcast = Broadcast.objects.create(
                kind=kind,
                audience=audience,
                audience_label=label[:255],
                recipients_count=recipients_count,
                created_by=user,
                submission_key=submission_key,
                **fields,
            )
    except IntegrityError:
        # Another request with the same key won the race.
        return Broadcast.objects.get(submission_key=submission_key), False
    return broadcast, True


@transaction.atomic
def send_notification_broadcast(user, audience, title, body, url="", *, submission_key=None):
    """Pemberitahuan: queue an in-app notification for every account of ``audience``.

    Returns the Broadcast; a repeated ``submission_key`` returns the first one and sends nothing more.
    """
    check_notification_audience(user, audience)
    label = describe_notification_audience(audience)
    count = notification_recipients(audience).count()
    broadcast, created = _create_broadcast(
        user,
        Broadcast.Kind.NOTIFICATION,
        audience,
        label,
        count,
        submission_key,
        title=title,
        body=body,
        url=url,
    )
    if created:
        log(
            broadcast,
            "portal.broadcast",
            user=user,
            data={"kind": broadcast.kind, "target": audience.get("target"), "recipients": count},
        )
        enqueue(deliver_notification_broadcast, broadcast.pk)
    return broadcast


@transaction.atomic
def send_whatsapp_broadcast(user, audience, body, *, submission_key=None):
    """Kirim Pesan: queue one WhatsApp message per reachable account of ``audience`` (throttled)."""
    check_whatsapp_audience(user, audience)
    label = describe_whatsapp_audience(audience)
    count = whatsapp_recipients(audience).count()
    if count == 0:
        raise UseCaseError(_("Tidak ada penerima dengan nomor WhatsApp terverifikasi."))
    broadcast, created = _create_broadcast(
        user, Broadcast.Kind.WHATSAPP, audience, label, count, submission_key, body=body
    )
    if created:
        log(
            broadcast,
            "portal.whatsapp_broadcast",
            user=user,
            data={"kind": broadcast.kind, "target": audience.get("target"), "recipients": count},
        )
        enqueue(deliver_whatsapp_broadcast, broadcast.pk)
    return broadcast


def _lock_pending(broadcast_id, kind):
    broadcast = Broadcast.objects.select_for_update().filter(pk=broadcast_id, kind=kind).first()
    if broadcast is None:
        logger.warning("broadcast %s no longer exists; nothing to send", broadcast_id)
        return None
    if broadcast.status == Broadcast.Status.DONE:
        logger.info("broadcast %s was already sent; skipping", broadcast_id)
        return None
    return broadcast


def _finish(broadcast, count):
    broadcast.recipients_count = count
    broadcast.status = Broadcast.Status.DONE
    broadcast.finished_at = timezone.now()
    broadcast.save(update_fields=["recipients_count", "status", "finished_at"])


@transaction.atomic
def deliver_notification_broadcast(broadcast_id):
    """Background job: bulk-create the notifications of a broadcast, in chunks; runs each broadcast once."""
    broadcast = _lock_pending(broadcast_id, Broadcast.Kind.NOTIFICATION)
    if broadcast is None:
        return 0
    user_ids = notification_recipients(broadcast.audience).order_by("pk").values_list("pk", flat=True)
    count = 0
    chunk = []
    for user_id in user_ids.iterator(chunk_size=NOTIFICATION_CHUNK_SIZE):
        chunk.append(
            Notification(
                user_id=user_id,
                event=NOTIFICATION_EVENT,
                title=broadcast.title,
                body=broadcast.body,
                url=broadcast.url,
            )
        )
        if len(chunk) >= NOTIFICATION_CHUNK_SIZE:
            Notification.objects.bulk_create(chunk)
            count += len(chunk)
            chunk = []
    if chunk:
        Notification.objects.bulk_create(chunk)
        count += len(chunk)
    _finish(broadcast, count)
    logger.info("broadcast %s: %s notifications created", broadcast_id, count)
    return count


def whatsapp_text(body):
    app_name = SiteSettings.current().app_name
    return f"[{app_name}] {body}"


@transaction.atomic
def deliver_whatsapp_broadcast(broadcast_id):
    """Background job: one outbox message per recipient through ``send_whatsapp``, delivered in
    batches (``whatsapp_delay``); runs each broadcast once. Logs carry ids and counts only."""
    broadcast = _lock_pending(broadcast_id, Broadcast.Kind.WHATSAPP)
    if broadcast is None:
        return 0
    text = whatsapp_text(broadcast.body)
    phones = whatsapp_recipients(broadcast.audience).order_by("pk").values_list("phone", flat=True)
    count = 0
    for index, phone in enumerate(phones.iterator(chunk_size=500)):
        send_whatsapp(phone, text, delay=whatsapp_delay(index))
        count += 1
    _finish(broadcast, count)
    logger.info("broadcast %s: %s WhatsApp messages queued", broadcast_id, count)
    return count


# --- Outbox ---------------------------------------------------------------------------------


def can_retry_whatsapp(user):
    """ "Kirim Ulang" in the outbox: Super Admin and Admin."""
    return roles.role_of(user) in (StaffRole.SUPER_ADMIN, StaffRole.ADMIN) and user.has_perm(
        "portal.view_whatsappmessage"
    )


@transaction.atomic
def retry_whatsapp(user, message_id):
    """Kirim Ulang: queue a failed outbox message again (same row, error cleared, attempts kept),
    written to the audit log. A message already queued again or sent is refused, so a double submit
    queues it once."""
    if not can_retry_whatsapp(user):
        raise UseCaseError(_("Anda tidak berhak mengirim ulang pesan."))
    message = requeue_failed(message_id)
    if message is None:
        raise UseCaseError(_("Hanya pesan yang gagal yang dapat dikirim ulang."))
    log(
        message,
        "portal.whatsapp_retry",
        user=user,
        title=_("Pesan WhatsApp #%(id)s") % {"id": message.pk},
        data={"message": message.pk, "attempts": message.attempts},
    )
    return message
