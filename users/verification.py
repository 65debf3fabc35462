"""Account verification (guide §4.3, §4.4): Belum → Diajukan → Terverifikasi | Ditolak, with who and
when recorded and both sides notified. Views, the admin and jobs all go through these functions."""

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from users import notifications, roles
from users.choices import AccountType, StaffRole, VerificationAction, VerificationStatus
from users.completeness import completeness_of
from users.models import MitraProfile, PersonalProfile, User, VerificationLog
from users.querysets import mitra_profiles_with_documents, personal_profiles_with_sections

# Who may decide (guide §7.1: the roles with "Data Profil Personal"; for Mitra the roles that verify
# businesses — Kecamatan and Desa operators only look at the Mitra of their area).
PERSONAL_VERIFIERS = (StaffRole.SUPER_ADMIN, StaffRole.ADMIN, StaffRole.DESA)
MITRA_VERIFIERS = (StaffRole.SUPER_ADMIN, StaffRole.ADMIN, StaffRole.DINAKER, StaffRole.VERIFIKATOR)


class VerificationRefused(Exception):
    """A user-facing reason why a transition is not possible now."""


def is_mitra(profile):
    return isinstance(profile, MitraProfile)


def can_verify(staff_user, profile):
    role = roles.role_of(staff_user)
    if is_mitra(profile):
        return role in MITRA_VERIFIERS
    if role == StaffRole.DESA:
        return profile.desa_id is not None and profile.desa_id == staff_user.scope_desa_id
    return role in PERSONAL_VERIFIERS


def verifiers_of(profile):
    """The active staff accounts who may decide on this profile (they are told of submissions)."""
    role_values = MITRA_VERIFIERS if is_mitra(profile) else PERSONAL_VERIFIERS
    staff = User.objects.filter(is_active=True).filter(
        Q(is_superuser=True) | Q(account_type=AccountType.STAFF, role__in=role_values)
    )
    if not is_mitra(profile):
        staff = staff.exclude(Q(role=StaffRole.DESA) & ~Q(scope_desa_id=profile.desa_id))
    return staff


def _lock(profile):
    return type(profile).objects.select_for_update().get(pk=profile.pk)


def _log(profile, action, actor=None, note=""):
    VerificationLog.objects.create(account_id=profile.user_id, action=action, actor=actor, note=note)


def _review_url(profile):
    """The profile's page in the admin (Data Profil Personal / Data Profil Mitra), with the decision."""
    namespace = "mitra_profiles" if is_mitra(profile) else "personal_profiles"
    return reverse(f"{namespace}:detail", args=[profile.pk])


def _owner_url(profile):
    return reverse("users:mitra_profile" if is_mitra(profile) else "users:personal_profile")


@transaction.atomic
def submit(profile):
    """ "Ajukan Verifikasi" by the owner of a complete profile."""
    profile = _lock(profile)
    if profile.verification_status == VerificationStatus.DIAJUKAN:
        return profile  # a double submit changes nothing
    if profile.verification_status == VerificationStatus.TERVERIFIKASI:
        raise VerificationRefused(_("Akun Anda sudah terverifikasi."))
    check = completeness_of(profile)
    if not check.complete:
        raise VerificationRefused(
            _("Lengkapi profil Anda terlebih dahulu: %(missing)s.")
            % {"missing": ", ".join(map(str, check.missing))}
        )
    profile.verification_status = VerificationStatus.DIAJUKAN
    profile.submitted_at = timezone.now()
    profile.verification_note = ""
    profile.save(update_fields=["verification_status", "submitted_at", "verification_note"])
    _log(profile, VerificationAction.SUBMITTED, actor=profile.user)
    _tell_verifiers(profile, _("Pengajuan verifikasi baru: %(name)s") % {"name": profile})
    return profile


@transaction.atomic
def verify(profile, staff_user):
    profile = _lock(profile)
    _check_decision(profile, staff_user)
    profile.verification_status = VerificationStatus.TERVERIFIKASI
    profile.verified_at = timezone.now()
    profile.verified_by = staff_user
    profile.verification_note = ""
    profile.save(update_fields=["verification_status", "verified_at", "verified_by", "verification_note"])
    _log(profile, VerificationAction.VERIFIED, actor=staff_user)
    notifications.notify(
        profile.user,
        "verification.verified",
        _("Akun Anda sudah diverifikasi"),
        _("Selamat, akun %(name)s sudah terverifikasi.") % {"name": profile},
        _owner_url(profile),
        important=True,
    )
    return profile


@transaction.atomic
def reject(profile, staff_user, reason):
    reason = (reason or "").strip()
    if not reason:
        raise VerificationRefused(_("Tuliskan alasan penolakan agar pemilik akun dapat memperbaikinya."))
    profile = _lock(profile)
    _check_decision(profile, staff_user)
    profile.verification_status = VerificationStatus.DITOLAK
    profile.verification_note = reason
    profile.verified_at = None
    profile.verified_by = None
    profile.save(update_fields=["verification_status", "verification_note", "verified_at", "verified_by"])
    _log(profile, VerificationAction.REJECTED, actor=staff_user, note=reason)
    notifications.notify(
        profile.user,
        "verification.rejected",
        _("Pengajuan verifikasi akun Anda ditolak"),
        _("Alasan: %(reason)s. Perbaiki profil Anda lalu ajukan verifikasi kembali.") % {"reason": reason},
        _owner_url(profile),
        important=True,
    )
    return profile


@transaction.atomic
def review_again_after_identity_change(profile, changed_fields):
    """Editing key identity data of a verified account sends it back to the verifiers' queue."""
    profile = _lock(profile)
    if profile.verification_status != VerificationStatus.TERVERIFIKASI:
        return profile
    profile.verification_status = VerificationStatus.DIAJUKAN
    profile.submitted_at = timezone.now()
    profile.verified_at = None
    profile.verified_by = None
    profile.save(update_fields=["verification_status", "submitted_at", "verified_at", "verified_by"])
    note = _("Data yang diubah: %(fields)s") % {"fields": ", ".join(map(str, changed_fields))}
    _log(profile, VerificationAction.RESET, actor=profile.user, note=note)
    _tell_verifiers(profile, _("Data identitas diubah, mohon tinjau ulang: %(name)s") % {"name": profile})
    notifications.notify(
        profile.user,
        "verification.review_again",
        _("Akun Anda ditinjau ulang"),
        _("Karena data identitas berubah, verifikasi akun Anda ditinjau ulang oleh petugas."),
        _owner_url(profile),
    )
    return profile


def _check_decision(profile, staff_user):
    if not can_verify(staff_user, profile):
        raise VerificationRefused(_("Anda tidak berwenang memverifikasi akun ini."))
    if profile.verification_status != VerificationStatus.DIAJUKAN:
        raise VerificationRefused(_("Akun ini tidak sedang menunggu verifikasi."))


def _tell_verifiers(profile, title):
    notifications.notify_all(verifiers_of(profile), "verification.submitted", title, url=_review_url(profile))


def queue(staff_user, kind):
    """The profiles waiting for this staff member's decision (kind: "personal" or "mitra")."""
    if kind == "mitra":
        if roles.role_of(staff_user) not in MITRA_VERIFIERS:
            return MitraProfile.objects.none()
        profiles = mitra_profiles_with_documents()
    else:
        role = roles.role_of(staff_user)
        if role not in PERSONAL_VERIFIERS:
            return PersonalProfile.objects.none()
        profiles = personal_profiles_with_sections()
        if role == StaffRole.DESA:
            profiles = profiles.filter(desa_id=staff_user.scope_desa_id)
    return profiles.filter(verification_status=VerificationStatus.DIAJUKAN).order_by("submitted_at")
