"""State changes of the job marketplace: one transactional function per use case, called by views,
admin and jobs alike. Each is idempotent: repeating it (double click, two tabs) changes nothing more.
Refusals raise ``UseCaseError`` whose message is the Indonesian text to show the user."""

import datetime

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from marketplace.choices import MITRA_DECISIONS, ApplicationStatus, VacancyStatus
from marketplace.models import Application, SavedVacancy, Vacancy
from marketplace.submission_keys import usable_key
from portal.models import SiteSettings
from users.completeness import personal_completeness
from users.notifications import notify
from users.querysets import personal_profiles_with_sections


class UseCaseError(Exception):
    """A refused state change; ``str(error)`` is the message for the user."""


class MitraNotVerified(UseCaseError):
    pass


EDITABLE_STATUSES = (VacancyStatus.DRAFT, VacancyStatus.PUBLISHED)


def _locked(vacancy):
    """The vacancy, locked; not its Mitra, so applications to its other vacancies never wait."""
    return Vacancy.objects.select_for_update(of=("self",)).select_related("mitra__user").get(pk=vacancy.pk)


def _refuse_taken_down(vacancy):
    """A vacancy taken down by staff stays down: the Mitra cannot close or fill it back into view."""
    if vacancy.status == VacancyStatus.TAKEN_DOWN:
        raise UseCaseError(_("Lowongan ini diturunkan oleh admin dan tidak dapat diubah."))


def _applications_url():
    return reverse("marketplace:applications")


def _applicants_url(vacancy):
    return f"{reverse('marketplace:applicants')}?lowongan={vacancy.pk}"


# --- Vacancies (Mitra) ----------------------------------------------------------------------


@transaction.atomic
def save_draft(mitra, data, *, vacancy=None, submission_key=None):
    """Create a draft (or update ``vacancy``, keeping its status) from the form's cleaned ``data``
    (``Vacancy.MITRA_FIELDS``). A repeated ``submission_key`` returns the vacancy that
    key already created."""
    if vacancy is None:
        submission_key = usable_key(Vacancy, submission_key, mitra=mitra)
        if submission_key:
            existing = Vacancy.objects.filter(mitra=mitra, submission_key=submission_key).first()
            if existing:
                return existing
        vacancy = Vacancy(mitra=mitra, submission_key=submission_key)
    else:
        vacancy = _locked(vacancy)
        if vacancy.mitra_id != mitra.pk:
            raise UseCaseError(_("Lowongan ini bukan milik Anda."))
        if vacancy.status not in EDITABLE_STATUSES:
            raise UseCaseError(_("Lowongan yang sudah ditutup atau terisi tidak dapat diubah."))
    for field in Vacancy.MITRA_FIELDS:
        if field == "locations":
            continue  # many-to-many: set once the vacancy is saved
        if field in data:
            setattr(vacancy, field, data[field])
    if vacancy.salary_hidden:
        vacancy.salary_min = vacancy.salary_max = None
    try:
        with transaction.atomic():
            vacancy.save()
    except IntegrityError:
        # The same form posted twice at the same moment: the other request created it.
        return Vacancy.objects.get(mitra=mitra, submission_key=submission_key)
    if "locations" in data:
        vacancy.locations.set(data["locations"])
    return vacancy


@transaction.atomic
def publish(vacancy):
    """Draft → Tayang. Only a verified Mitra publishes; an unverified one keeps the draft."""
    vacancy = _locked(vacancy)
    if vacancy.status == VacancyStatus.PUBLISHED:
        return vacancy
    if vacancy.status != VacancyStatus.DRAFT:
        raise UseCaseError(_("Lowongan yang sudah ditutup atau terisi tidak dapat diposting lagi."))
    if not vacancy.mitra.is_verified:
        raise MitraNotVerified(
            _(
                "Lowongan disimpan sebagai draf. Lowongan dapat diposting setelah akun Mitra Anda "
                "terverifikasi."
            )
        )
    if vacancy.is_expired:
        raise UseCaseError(_("Tanggal berakhir sudah lewat. Perpanjang lowongan terlebih dahulu."))
    vacancy.status = VacancyStatus.PUBLISHED
    vacancy.published_at = timezone.now()
    vacancy.save(update_fields=["status", "published_at", "updated_at"])
    return vacancy


@transaction.atomic
def extend(vacancy, end_date):
    """Perpanjang: a new end date, today or later; an ended vacancy is shown again."""
    vacancy = _locked(vacancy)
    if vacancy.status not in EDITABLE_STATUSES:
        raise UseCaseError(_("Lowongan yang sudah ditutup atau terisi tidak dapat diperpanjang."))
    if end_date < timezone.localdate():
        raise UseCaseError(_("Tanggal berakhir yang baru tidak boleh sebelum hari ini."))
    vacancy.end_date = end_date
    vacancy.expiry_reminded_at = None  # remind again before the new end date
    vacancy.save(update_fields=["end_date", "expiry_reminded_at", "updated_at"])
    return vacancy


def remind_expiring_vacancies(today=None):
    """Tell each Mitra, once, that an open vacancy ends within the days set in Pengaturan →
    Aplikasi (SiteSettings.vacancy_reminder_days; in-app, email and
    WhatsApp). Run daily (`manage.py send_vacancy_reminders`); running it twice sends nothing more.
    Returns the number of reminders sent."""
    today = today or timezone.localdate()
    days_before = SiteSettings.current().vacancy_reminder_days
    due = (
        Vacancy.objects.open()
        .filter(end_date__lte=today + datetime.timedelta(days=days_before), expiry_reminded_at=None)
        .select_related("mitra__user")
    )
    sent = 0
    for vacancy in due:
        with transaction.atomic():
            claimed = Vacancy.objects.filter(pk=vacancy.pk, expiry_reminded_at=None).update(
                expiry_reminded_at=timezone.now()
            )
            if not claimed:
                continue  # another run took it
            notify(
                vacancy.mitra.user,
                "vacancy.expiring",
                _('Lowongan "%(title)s" segera berakhir') % {"title": vacancy.title},
                _(
                    "Lowongan ini berakhir pada %(date)s. "
                    "Perpanjang di List Lowongan bila masih membutuhkan pelamar."
                )
                % {"date": date_format(vacancy.end_date, "j F Y")},
                reverse("marketplace:mitra_vacancies"),
                important=True,
            )
            sent += 1
    return sent


@transaction.atomic
def close(vacancy):
    """Tutup: no more applications; the applicants still waiting are told."""
    vacancy = _locked(vacancy)
    _refuse_taken_down(vacancy)
    if vacancy.status in (VacancyStatus.CLOSED, VacancyStatus.FILLED):
        return vacancy
    vacancy.status = VacancyStatus.CLOSED
    vacancy.closed_at = timezone.now()
    vacancy.save(update_fields=["status", "closed_at", "updated_at"])
    for application in vacancy.applications.open().select_related("personal__user"):
        notify(
            application.personal.user,
            "vacancy_closed",
            _("Lowongan %(title)s sudah ditutup") % {"title": vacancy.title},
            _("%(mitra)s menutup lowongan ini. Status lamaran Anda tetap dapat dipantau.")
            % {"mitra": vacancy.mitra.name},
            _applications_url(),
        )
    return vacancy


@transaction.atomic
def mark_filled(vacancy, *, by=None):
    """Tandai terisi: the vacancy is closed as filled and every applicant still waiting gets a
    Ditolak with a message, so that nobody is left waiting."""
    vacancy = _locked(vacancy)
    _refuse_taken_down(vacancy)
    if vacancy.status == VacancyStatus.FILLED:
        return vacancy
    now = timezone.now()
    vacancy.status = VacancyStatus.FILLED
    vacancy.closed_at = now
    vacancy.save(update_fields=["status", "closed_at", "updated_at"])
    message = _("Lowongan ini sudah terisi. Terima kasih atas lamaran Anda.")
    decided = []
    for application in vacancy.applications.open().select_related("personal__user"):
        application.status = ApplicationStatus.DITOLAK
        application.mitra_message = message
        application.status_changed_at = application.decided_at = now
        application.status_changed_by = by
        application.save()
        notify(
            application.personal.user,
            "vacancy_filled",
            _("Lowongan %(title)s sudah terisi") % {"title": vacancy.title},
            message,
            _applications_url(),
            important=True,
        )
        decided.append(application)
    _notify_can_rate(decided, tell_mitra=False)
    return vacancy


# --- Applications -----------------------------------------------------------------------------


def apply_blockers(user, vacancy=None):
    """What stops ``user`` from applying: a list of messages, plus the profile completeness (or
    None when the user has no Personal profile). Empty list: the user may apply."""
    if not user.is_authenticated or not user.is_personal:
        return [_("Hanya akun Personal yang dapat melamar lowongan.")], None
    profile = personal_profiles_with_sections().filter(user=user).first()
    if profile is None:
        return [_("Lengkapi Profil Saya terlebih dahulu sebelum melamar.")], None
    completeness = personal_completeness(profile)
    blockers = []
    if vacancy is not None and not (vacancy.is_open and vacancy.mitra.is_verified):
        blockers.append(_("Lowongan ini sudah tidak menerima lamaran."))
    if not user.email_verified:
        blockers.append(_("Verifikasi email Anda terlebih dahulu sebelum melamar."))
    if not completeness.complete:
        blockers.append(
            _("Lengkapi profil Anda hingga 100%% sebelum melamar (saat ini %(percent)s%%).")
            % {"percent": completeness.percent}
        )
    return blockers, completeness


@transaction.atomic
def apply(user, vacancy):
    """Lamar Sekarang. Returns ``(application, created)``; applying again returns the existing one
    (a withdrawn application is sent again)."""
    vacancy = _locked(vacancy)
    existing = Application.objects.filter(vacancy=vacancy, personal__user=user).first()
    if existing and existing.status != ApplicationStatus.DITARIK:
        return existing, False
    blockers, _completeness = apply_blockers(user, vacancy)
    if blockers:
        raise UseCaseError(" ".join(str(b) for b in blockers))
    if existing:
        existing.status = ApplicationStatus.TERKIRIM
        existing.mitra_message = ""
        existing.status_changed_at = timezone.now()
        existing.status_changed_by = user
        existing.save()
        application = existing
    else:
        application = Application.objects.create(vacancy=vacancy, personal=user.personal_profile)
    notify(
        vacancy.mitra.user,
        "application_received",
        _("Lamaran baru untuk %(title)s") % {"title": vacancy.title},
        _("%(name)s melamar lowongan %(title)s.")
        % {"name": user.get_full_name() or user.username, "title": vacancy.title},
        _applicants_url(vacancy),
    )
    return application, True


@transaction.atomic
def withdraw(user, application):
    """Tarik lamaran: only while the application is still Terkirim."""
    application = (
        Application.objects.select_for_update()
        .select_related("vacancy__mitra__user")
        .get(pk=application.pk, personal__user=user)
    )
    if application.status == ApplicationStatus.DITARIK:
        return application
    if application.status != ApplicationStatus.TERKIRIM:
        raise UseCaseError(_("Lamaran yang sudah diproses mitra tidak dapat ditarik."))
    application.status = ApplicationStatus.DITARIK
    application.status_changed_at = timezone.now()
    application.status_changed_by = user
    application.save()
    vacancy = application.vacancy
    notify(
        vacancy.mitra.user,
        "application_withdrawn",
        _("Lamaran untuk %(title)s ditarik") % {"title": vacancy.title},
        _("%(name)s menarik lamarannya.") % {"name": user.get_full_name() or user.username},
        _applicants_url(vacancy),
    )
    return application


@transaction.atomic
def set_status(mitra, application, status, message="", *, by=None):
    """Dalam Proses / Diterima / Ditolak with an optional message the applicant sees; the applicant
    is told (an important notification: in-app, email, WhatsApp)."""
    if status not in MITRA_DECISIONS:
        raise UseCaseError(_("Status lamaran tidak dikenal."))
    application = (
        Application.objects.select_for_update()
        .select_related("vacancy", "personal__user")
        .get(pk=application.pk, vacancy__mitra=mitra)
    )
    if application.status == ApplicationStatus.DITARIK:
        raise UseCaseError(_("Lamaran ini sudah ditarik oleh pelamar."))
    message = message.strip()
    if application.status == status and application.mitra_message == message:
        return application
    was_decided = application.decided_at is not None
    now = timezone.now()
    application.status = status
    application.mitra_message = message
    application.status_changed_at = now
    application.status_changed_by = by
    application.decided_at = now if status != ApplicationStatus.DIPROSES else None
    application.save()
    vacancy = application.vacancy
    notify(
        application.personal.user,
        "application_status",
        _("Lamaran %(title)s: %(status)s")
        % {"title": vacancy.title, "status": application.get_status_display()},
        message or _("Status lamaran Anda di %(mitra)s berubah.") % {"mitra": mitra.name},
        _applications_url(),
        important=True,
    )
    if application.decided_at and not was_decided:
        _notify_can_rate([application])
    return application


def _notify_can_rate(applications, *, tell_mitra=True):
    """Decided applications: both sides may now rate each other (marketplace/rating_use_cases.py)."""
    from marketplace.rating_use_cases import notify_can_rate_application

    for application in applications:
        notify_can_rate_application(application, tell_mitra=tell_mitra)


@transaction.atomic
def set_status_bulk(mitra, applications, status, message="", *, by=None):
    """Bulk status change on Pelamar: ``set_status`` for each of ``applications`` (or their ids)
    in one transaction. Applications of other Mitra are ignored. Returns a dict of lists of
    applications: ``changed``, ``unchanged`` (already so, e.g. a double submit) and ``skipped``
    (refused, e.g. withdrawn by the applicant)."""
    if status not in MITRA_DECISIONS:
        raise UseCaseError(_("Status lamaran tidak dikenal."))
    ids = {getattr(application, "pk", application) for application in applications}
    locked = list(
        Application.objects.select_for_update().filter(pk__in=ids, vacancy__mitra=mitra).order_by("pk")
    )
    message = message.strip()
    result = {"changed": [], "unchanged": [], "skipped": []}
    for application in locked:
        if application.status == status and application.mitra_message == message:
            result["unchanged"].append(application)
            continue
        try:
            result["changed"].append(set_status(mitra, application, status, message, by=by))
        except UseCaseError:
            result["skipped"].append(application)
    return result


# --- Saved vacancies --------------------------------------------------------------------------


def save_vacancy(personal, vacancy):
    saved, _created = SavedVacancy.objects.get_or_create(personal=personal, vacancy=vacancy)
    return saved


def unsave_vacancy(personal, vacancy):
    SavedVacancy.objects.filter(personal=personal, vacancy=vacancy).delete()
