"""Staff moderation of the marketplace (admin panel, guide §7.1–7.2): take a vacancy down with a
reason and restore it (List Lowongan), remind a Mitra of applications left unanswered (Lamaran Belum
Direspon), and pause a service with a reason (List Penawaran Jasa).

Each function is transactional and idempotent (repeating it changes nothing more and tells nobody
twice), writes Wagtail's audit log (actions registered in marketplace/admin_hooks_lists.py) and raises
``UseCaseError`` with an Indonesian message when refused. Who may act is checked here as well as in
the views:

- take down / restore a vacancy: Super Admin, Admin and Dinaker (the other roles see List Lowongan
  read-only);
- remind a Mitra: every role that opens Lamaran Belum Direspon, within its scope (the views pass the
  scoped queryset);
- pause a service: the roles that open List Penawaran Jasa (Super Admin, Admin).

The reminder is sent at most once per application per local day; that is derived from the audit log
(a ``portal.remind_application`` entry on the application since local midnight), so nothing new is
stored."""

import datetime
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from marketplace.choices import ApplicationStatus, ServiceStatus, VacancyStatus
from marketplace.models import Application, Service, Vacancy
from marketplace.use_cases import UseCaseError
from portal.admin_panel import can_open
from users import roles
from users.notifications import notify
from users.roles import AdminMenu

# Audit-log actions (registered with the ``register_log_actions`` hook).
TAKE_DOWN = "portal.take_down"
RESTORE_VACANCY = "portal.restore_vacancy"
REMIND_APPLICATION = "portal.remind_application"
PAUSE_SERVICE = "portal.pause_service"
RESUME_SERVICE = "portal.resume_service"

# Who may take a vacancy down or restore it.
VACANCY_MODERATORS = (roles.SUPER_ADMIN, roles.ADMIN, roles.DINAKER)

REASON_MAX_LENGTH = 1000


def may_moderate_vacancies(user):
    return can_open(user, AdminMenu.VACANCIES) and roles.role_of(user) in VACANCY_MODERATORS


def may_remind_applications(user):
    return can_open(user, AdminMenu.UNANSWERED_APPLICATIONS)


def may_moderate_services(user):
    return can_open(user, AdminMenu.SERVICES)


def _clean_reason(reason, message):
    reason = (reason or "").strip()
    if not reason:
        raise UseCaseError(message)
    return reason[:REASON_MAX_LENGTH]


# --- Vacancies (List Lowongan) --------------------------------------------------------------


def _locked_vacancy(vacancy):
    return Vacancy.objects.select_for_update(of=("self",)).select_related("mitra__user").get(pk=vacancy.pk)


@transaction.atomic
def take_down_vacancy(vacancy, staff_user, reason):
    """Turunkan: the vacancy leaves the public pages (``visible()`` excludes it) and takes no more
    applications; the Mitra is told why (in-app, email, WhatsApp) and the applicants still waiting
    are told it is no longer available. A draft is not public, so there is nothing to take down."""
    if not may_moderate_vacancies(staff_user):
        raise UseCaseError(_("Anda tidak berwenang menurunkan lowongan."))
    reason = _clean_reason(reason, _("Tuliskan alasan lowongan diturunkan."))
    vacancy = _locked_vacancy(vacancy)
    if vacancy.status == VacancyStatus.TAKEN_DOWN:
        return vacancy
    if vacancy.status == VacancyStatus.DRAFT:
        raise UseCaseError(_("Draf belum tayang, sehingga tidak perlu diturunkan."))
    previous_status = vacancy.status
    previous_closed_at = vacancy.closed_at
    vacancy.status = VacancyStatus.TAKEN_DOWN
    vacancy.taken_down_reason = reason
    vacancy.taken_down_by = staff_user
    vacancy.closed_at = timezone.now()
    vacancy.save(update_fields=["status", "taken_down_reason", "taken_down_by", "closed_at", "updated_at"])
    log(
        vacancy,
        TAKE_DOWN,
        user=staff_user,
        data={
            "reason": reason,
            "previous_status": previous_status,
            "previous_closed_at": previous_closed_at.isoformat() if previous_closed_at else None,
        },
    )
    notify(
        vacancy.mitra.user,
        "vacancy.taken_down",
        _('Lowongan "%(title)s" diturunkan oleh admin') % {"title": vacancy.title},
        _("Lowongan ini tidak lagi tampil di portal. Alasan: %(reason)s") % {"reason": reason},
        reverse("marketplace:mitra_vacancies"),
        important=True,
    )
    if previous_status == VacancyStatus.PUBLISHED:
        # Applicants of a closed or filled vacancy were told already.
        for application in vacancy.applications.open().select_related("personal__user"):
            notify(
                application.personal.user,
                "vacancy.taken_down",
                _("Lowongan %(title)s tidak tersedia lagi") % {"title": vacancy.title},
                _("Lowongan ini sudah tidak tersedia di portal. Status lamaran Anda tetap dapat dipantau."),
                reverse("marketplace:applications"),
            )
    return vacancy


def _last_take_down(vacancy):
    return (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Vacancy),
            object_id=str(vacancy.pk),
            action=TAKE_DOWN,
        )
        .order_by("-timestamp", "-pk")
        .first()
    )


@transaction.atomic
def restore_vacancy(vacancy, staff_user):
    """Tayangkan Kembali: undo a take-down. The vacancy gets back the status it had (as the audit
    log of the take-down says; Tayang when unknown); a vacancy that was Tayang comes back only when
    its end date has not passed. The Mitra is told."""
    if not may_moderate_vacancies(staff_user):
        raise UseCaseError(_("Anda tidak berwenang menayangkan kembali lowongan."))
    vacancy = _locked_vacancy(vacancy)
    if vacancy.status != VacancyStatus.TAKEN_DOWN:
        return vacancy
    entry = _last_take_down(vacancy)
    data = entry.data if entry else {}
    status = data.get("previous_status") or VacancyStatus.PUBLISHED
    if status not in (VacancyStatus.PUBLISHED, VacancyStatus.CLOSED, VacancyStatus.FILLED):
        status = VacancyStatus.PUBLISHED
    if status == VacancyStatus.PUBLISHED and vacancy.is_expired:
        raise UseCaseError(
            _("Tanggal berakhir lowongan ini sudah lewat, sehingga tidak dapat ditayangkan kembali.")
        )
    vacancy.status = status
    if status == VacancyStatus.PUBLISHED:
        vacancy.closed_at = None
    elif data.get("previous_closed_at"):
        vacancy.closed_at = datetime.datetime.fromisoformat(data["previous_closed_at"])
    vacancy.taken_down_reason = ""
    vacancy.taken_down_by = None
    vacancy.save(update_fields=["status", "taken_down_reason", "taken_down_by", "closed_at", "updated_at"])
    log(vacancy, RESTORE_VACANCY, user=staff_user, data={"status": status})
    notify(
        vacancy.mitra.user,
        "vacancy.restored",
        _('Lowongan "%(title)s" ditayangkan kembali') % {"title": vacancy.title},
        _("Admin menayangkan kembali lowongan ini. Lowongan kembali tampil di portal."),
        reverse("marketplace:mitra_vacancies"),
        important=True,
    )
    return vacancy


# --- Unanswered applications (Lamaran Belum Direspon) -----------------------------------------


def start_of_today():
    """Local midnight (Asia/Jakarta) as an aware datetime."""
    now = timezone.localtime()
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def last_reminders(application_ids):
    """``{application id: time of the last reminder}`` for the given ids, in one query."""
    rows = (
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Application),
            action=REMIND_APPLICATION,
            object_id__in=[str(pk) for pk in application_ids],
        )
        .values("object_id")
        .annotate(last=Max("timestamp"))
        .order_by()
    )
    return {int(row["object_id"]): row["last"] for row in rows}


def unanswered_since(days, now=None):
    """The moment before which a Terkirim application counts as unanswered."""
    return (now or timezone.now()) - datetime.timedelta(days=days)


@transaction.atomic
def remind_unanswered(applications, staff_user):
    """Kirim Pengingat: tell each Mitra about its applications among ``applications`` (a queryset
    the caller has scoped to what ``staff_user`` may see) that are still Terkirim — one notification
    per vacancy, with a link to its Pelamar — skipping those reminded already today. Each reminded
    application gets an audit-log entry. Returns the number of applications reminded about."""
    if not may_remind_applications(staff_user):
        raise UseCaseError(_("Anda tidak berwenang mengirim pengingat."))
    ids = list(applications.values_list("pk", flat=True))
    locked = list(
        Application.objects.select_for_update(of=("self",))
        .filter(pk__in=ids, status=ApplicationStatus.TERKIRIM)
        .select_related("vacancy__mitra__user", "personal__user")
        .order_by("created_at", "pk")
    )
    reminded_at = last_reminders([application.pk for application in locked])
    today = start_of_today()
    due = [a for a in locked if not (a.pk in reminded_at and reminded_at[a.pk] >= today)]
    by_vacancy = defaultdict(list)
    for application in due:
        by_vacancy[application.vacancy].append(application)
    now = timezone.now()
    for vacancy, waiting in by_vacancy.items():
        oldest_days = (now - waiting[0].created_at).days
        notify(
            vacancy.mitra.user,
            "application.reminder",
            ngettext(
                'Ada %(count)d lamaran belum direspon untuk lowongan "%(title)s"',
                'Ada %(count)d lamaran belum direspon untuk lowongan "%(title)s"',
                len(waiting),
            )
            % {"count": len(waiting), "title": vacancy.title},
            _(
                "Pelamar menunggu tanggapan Anda (terlama %(days)d hari): %(names)s. "
                "Tinjau lamaran mereka di menu Pelamar."
            )
            % {
                "days": oldest_days,
                "names": ", ".join(
                    a.personal.user.get_full_name() or a.personal.user.username for a in waiting
                ),
            },
            f"{reverse('marketplace:applicants')}?lowongan={vacancy.pk}",
            important=True,
        )
        for application in waiting:
            log(
                application,
                REMIND_APPLICATION,
                user=staff_user,
                data={
                    "vacancy": vacancy.pk,
                    "mitra": vacancy.mitra_id,
                    "days_waiting": (now - application.created_at).days,
                },
            )
    return len(due)


# --- Services (List Penawaran Jasa) -----------------------------------------------------------


@transaction.atomic
def pause_service(service, staff_user, reason):
    """Jeda by staff: the service leaves Penawaran Jasa (running requests and history are kept)
    and its provider is told why (in-app, email, WhatsApp)."""
    if not may_moderate_services(staff_user):
        raise UseCaseError(_("Anda tidak berwenang menjeda jasa."))
    reason = _clean_reason(reason, _("Tuliskan alasan jasa dijeda."))
    service = Service.objects.select_for_update().select_related("provider").get(pk=service.pk)
    if service.status == ServiceStatus.PAUSED:
        return service
    if service.status != ServiceStatus.ACTIVE:
        raise UseCaseError(_("Jasa yang sudah dihapus tidak dapat dijeda."))
    service.status = ServiceStatus.PAUSED
    service.admin_pause_reason = reason
    service.save(update_fields=["status", "admin_pause_reason", "updated_at"])
    log(service, PAUSE_SERVICE, user=staff_user, data={"reason": reason})
    notify(
        service.provider,
        "service.paused_by_admin",
        _('Jasa "%(title)s" dijeda oleh admin') % {"title": service.title},
        _("Jasa ini tidak lagi tampil di Penawaran Jasa. Alasan: %(reason)s") % {"reason": reason},
        reverse("marketplace:services"),
        important=True,
    )
    return service


@transaction.atomic
def lift_service_pause(service, staff_user):
    """Aktifkan kembali a service paused by staff; the provider is told."""
    if not may_moderate_services(staff_user):
        raise UseCaseError(_("Anda tidak berwenang mengaktifkan jasa."))
    service = Service.objects.select_for_update().select_related("provider").get(pk=service.pk)
    if not service.is_paused_by_admin:
        return service
    service.status = ServiceStatus.ACTIVE
    service.admin_pause_reason = ""
    service.save(update_fields=["status", "admin_pause_reason", "updated_at"])
    log(service, RESUME_SERVICE, user=staff_user)
    notify(
        service.provider,
        "service.resumed_by_admin",
        _('Jasa "%(title)s" diaktifkan kembali oleh admin') % {"title": service.title},
        _("Jasa ini tampil lagi di Penawaran Jasa."),
        reverse("marketplace:services"),
    )
    return service
