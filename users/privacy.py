"""Hapus Akun (UU PDP No. 27/2022, right to erasure): a Personal or Mitra closes their account.

What happens, in one transaction (docs/privacy.md, "Hapus Akun"):

1. Obligations towards others are ended through the marketplace's own use cases, so that the other
   side is told: the Mitra's draft and published vacancies are closed (waiting applicants are
   notified); the Personal's applications still "Terkirim" are withdrawn (the Mitra is notified);
   service requests still "Dikirim" are cancelled (sent) or refused (received), each with a
   notification; the provider of an accepted request the user sent is told the user left; the
   user's services are removed (archived when they have history) and their announcements deleted.
   A provider who accepted a request and has not finished it is refused: that work is owed to
   someone (``deletion_blockers``).
2. The account is anonymised, not deleted, because applications, ratings and service requests of
   other people point at it and the statistics count them: the username becomes "dihapus-<id>",
   the email an undeliverable placeholder, name, phone, NIK, birth data, address, photo, logo,
   documents, profile sections, notifications, saved items, alerts, testimonial, OTP codes, the
   WhatsApp outbox to the phone and the login-attempt records are erased; the password becomes
   unusable and every session ends. Kept without identity: kecamatan, gender and education level
   of the profile (the reports' aggregates), the registration date, the date of consent to the terms
   and privacy policy (proof that processing was lawful), the verification history, applications
   and ratings (anonymous on every page that shows them), and Log Akses Data rows about the account.
3. Files leave storage once the transaction commits.

Repeating it (double submit, two tabs) changes nothing more: ``delete_account`` returns False.
"""

from functools import partial

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace import community_use_cases, service_use_cases, use_cases
from marketplace.choices import ApplicationStatus, ServiceRequestStatus, ServiceStatus, VacancyStatus
from marketplace.models import (
    Application,
    JobAlert,
    MitraAnnouncement,
    SavedService,
    SavedVacancy,
    Service,
    ServicePhoto,
    ServiceRequest,
    Testimonial,
    Vacancy,
)
from portal.models import SiteSettings, WhatsAppMessage
from users.choices import VerificationStatus
from users.models import (
    Education,
    MitraDocument,
    MitraProfile,
    Notification,
    Organisation,
    PersonalProfile,
    PhoneOTP,
    Skill,
    User,
    WorkExperience,
)
from users.notifications import notify

DELETED_EMAIL_DOMAIN = "akun-dihapus.invalid"  # RFC 2606: never delivered
OPEN_VACANCY_STATUSES = (VacancyStatus.DRAFT, VacancyStatus.PUBLISHED)


class AccountDeletionRefused(Exception):
    """Why the account cannot be deleted now; ``str(error)`` is the Indonesian message."""


def deleted_username(user):
    return f"dihapus-{user.pk}"


def is_deleted(user):
    return not user.is_active and user.username == deleted_username(user)


def may_delete_own_account(user):
    """Personal and Mitra accounts only: staff accounts are closed by an administrator."""
    return user.is_authenticated and (user.is_personal or user.is_mitra)


def deletion_blockers(user):
    """The reasons (Indonesian) why ``user`` cannot delete the account now; empty: it can."""
    accepted = ServiceRequest.objects.filter(
        service__provider=user, status=ServiceRequestStatus.DITERIMA
    ).count()
    if not accepted:
        return []
    return [
        _(
            "Anda masih memiliki %(count)s permintaan jasa berstatus Diterima yang belum selesai. "
            "Tandai Selesai di menu Permintaan Jasa terlebih dahulu, karena pengguna jasa menunggu "
            "pekerjaan tersebut."
        )
        % {"count": accepted}
    ]


@transaction.atomic
def delete_account(user):
    """Close ``user``'s account as described in the module docstring. Returns True when it was
    deleted now, False when it already was; raises AccountDeletionRefused."""
    if not (user.is_personal or user.is_mitra):
        raise AccountDeletionRefused(_("Akun staf tidak dapat dihapus dari halaman ini."))
    account = User.objects.select_for_update().get(pk=user.pk)
    if is_deleted(account):
        return False
    blockers = deletion_blockers(account)
    if blockers:
        raise AccountDeletionRefused(" ".join(blockers))
    try:
        end_obligations(account)
    except use_cases.UseCaseError as error:
        raise AccountDeletionRefused(str(error)) from error
    for field_file in anonymise(account):
        transaction.on_commit(partial(field_file.storage.delete, field_file.name))
    return True


# ---------------------------------------------------------------------------------------------
# 1. Obligations towards others


def end_obligations(user):
    _end_service_requests(user)
    for service in Service.objects.filter(provider=user).exclude(status=ServiceStatus.ARCHIVED):
        service_use_cases.remove_service(user, service)
    if user.is_personal:
        waiting = Application.objects.filter(personal__user=user, status=ApplicationStatus.TERKIRIM)
        for application in waiting:
            use_cases.withdraw(user, application)
    if user.is_mitra:
        for vacancy in Vacancy.objects.filter(mitra__user=user, status__in=OPEN_VACANCY_STATUSES):
            use_cases.close(vacancy)
        for announcement in MitraAnnouncement.objects.filter(mitra__user=user).select_related("mitra"):
            community_use_cases.delete_announcement(announcement.mitra, announcement.pk)


def _end_service_requests(user):
    sent = ServiceRequest.objects.filter(requester=user)
    for request in sent.filter(status=ServiceRequestStatus.DIKIRIM):
        service_use_cases.cancel_request(user, request)
    received = ServiceRequest.objects.filter(service__provider=user, status=ServiceRequestStatus.DIKIRIM)
    reason = _("Penyedia jasa menutup akunnya di %(app)s.") % {"app": SiteSettings.current().app_name}
    for request in received:
        service_use_cases.reject_request(user, request, reason)
    name = service_use_cases.display_name(user)
    for request in sent.filter(status=ServiceRequestStatus.DITERIMA).select_related("service__provider"):
        notify(
            request.service.provider,
            "service_request.requester_left",
            _("Pengguna jasa menutup akunnya: %(title)s") % {"title": request.service.title},
            _("%(name)s menutup akunnya. Anda tetap dapat menandai permintaan ini Selesai.") % {"name": name},
            reverse("marketplace:service_requests"),
        )


# ---------------------------------------------------------------------------------------------
# 2. Anonymisation


def anonymise(user):
    """Erase the personal data of ``user`` (see the module docstring). Returns the stored files
    to delete once the transaction commits."""
    files = []
    profile = PersonalProfile.objects.filter(user=user).first()
    if profile is not None:
        files += _anonymise_personal(profile)
    mitra = MitraProfile.objects.filter(user=user).first()
    if mitra is not None:
        files += _anonymise_mitra(mitra)
    photos = list(ServicePhoto.objects.filter(service__provider=user))
    files += [photo.image for photo in photos if photo.image]
    ServicePhoto.objects.filter(pk__in=[photo.pk for photo in photos]).delete()
    Testimonial.objects.filter(author=user).delete()
    SavedService.objects.filter(user=user).delete()
    Notification.objects.filter(user=user).delete()
    PhoneOTP.objects.filter(user=user).delete()
    if user.phone:
        WhatsAppMessage.objects.filter(to=user.phone).delete()
    login_records = Q(username__iexact=user.username) | Q(username__iexact=user.email)
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(login_records).delete()
    _anonymise_account(user)
    return files


def _unverified():
    return {
        "verification_status": VerificationStatus.BELUM,
        "verification_note": "",
        "submitted_at": None,
        "verified_at": None,
        "verified_by": None,
        "updated_at": timezone.now(),
    }


def _anonymise_personal(profile):
    files = [profile.photo] if profile.photo else []
    for model in (WorkExperience, Education, Skill, Organisation):
        model.objects.filter(profile=profile).delete()
    JobAlert.objects.filter(personal=profile).delete()
    SavedVacancy.objects.filter(personal=profile).delete()
    # Kept for the aggregate reports: kecamatan, gender, education level.
    PersonalProfile.objects.filter(pk=profile.pk).update(
        nik=None,
        birth_place="",
        birth_date=None,
        address="",
        desa=None,
        photo="",
        summary="",
        job_seeking_status="",
        no_experience=False,
        no_organisation=False,
        **_unverified(),
    )
    return files


def _anonymise_mitra(mitra):
    documents = list(MitraDocument.objects.filter(mitra=mitra))
    files = [document.file for document in documents if document.file]
    if mitra.logo:
        files.append(mitra.logo)
    MitraDocument.objects.filter(mitra=mitra).delete()
    # Kept for the aggregate reports: category, business field, kecamatan.
    MitraProfile.objects.filter(pk=mitra.pk).update(
        name=_("Akun dihapus"),
        address="",
        desa=None,
        description="",
        logo="",
        website="",
        contact_person="",
        contact_phone="",
        featured=False,
        **_unverified(),
    )
    return files


def _anonymise_account(user):
    user.username = deleted_username(user)
    user.email = f"{deleted_username(user)}@{DELETED_EMAIL_DOMAIN}"
    user.first_name = ""
    user.last_name = ""
    user.phone = ""
    user.email_verified_at = None
    user.phone_verified_at = None
    user.last_login = None
    user.is_active = False
    user.notify_by_email = False
    user.notify_by_whatsapp = False
    user.session_version += 1  # every session ends (users.models.User.get_session_auth_hash)
    user.set_unusable_password()
    user.save()
