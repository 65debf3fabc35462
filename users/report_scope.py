"""Who and what the reports and the Dasbor count: the region a staff account may see, and the
conditions of Laporan Personal's measures as SQL on PersonalProfile (shared with the region
tallies that keep those measures, portal/region_tallies.py)."""

from django.db.models import Exists, OuterRef, Q

from marketplace.choices import ApplicationStatus
from marketplace.models import Application
from users.choices import StaffRole, VerificationStatus
from users.models import Education, Kecamatan, Organisation, Skill, WorkExperience
from users.roles import role_of

NOTHING = Q(pk__in=[])


def region_scope_q(user, prefix=""):
    """The profiles (Personal or Mitra, both have ``kecamatan`` and ``desa``) ``user`` may see in
    reports and on the Dasbor; ``prefix`` reaches the profile from another model ("mitra__")."""
    role = role_of(user)
    if role == StaffRole.DESA:
        return Q(**{f"{prefix}desa_id": user.scope_desa_id}) if user.scope_desa_id else NOTHING
    if role == StaffRole.KECAMATAN:
        return Q(**{f"{prefix}kecamatan_id": user.scope_kecamatan_id}) if user.scope_kecamatan_id else NOTHING
    if role is None:
        return NOTHING
    return Q()


def kecamatan_in_scope(user):
    """The kecamatan a user's reports may list (one for a Kecamatan or Desa operator)."""
    role = role_of(user)
    if role == StaffRole.KECAMATAN:
        return Kecamatan.objects.filter(pk=user.scope_kecamatan_id)
    if role == StaffRole.DESA:
        return Kecamatan.objects.filter(desa_set=user.scope_desa_id)
    return Kecamatan.objects.all()


def _exists(model, **lookups):
    return Exists(model.objects.filter(profile=OuterRef("pk"), **lookups))


def personal_verified_q():
    return Q(verification_status=VerificationStatus.TERVERIFIKASI)


def personal_complete_q():
    """A 100 % profile (users/completeness.py ``personal_completeness``) as one SQL condition on
    PersonalProfile. tests/test_reports.py checks that both always agree."""
    return (
        Q(user__email_verified_at__isnull=False, user__phone_verified_at__isnull=False)
        & ~Q(user__first_name="")
        & Q(nik__isnull=False)
        & ~Q(nik="")
        & ~Q(gender="")
        & ~Q(birth_place="")
        & Q(birth_date__isnull=False)
        & ~Q(address="")
        & Q(desa__isnull=False)
        & ~Q(photo="")
        & Q(photo__isnull=False)
        & ~Q(summary="")
        & Q(education_level__isnull=False)
        & ~Q(job_seeking_status="")
        & (Q(no_experience=True) | _exists(WorkExperience))
        & _exists(Education)
        & _exists(Skill)
        & (Q(no_organisation=True) | _exists(Organisation))
    )


def personal_applied_q():
    return Q(Exists(Application.objects.filter(personal=OuterRef("pk"))))


def personal_accepted_q():
    return Q(Exists(Application.objects.filter(personal=OuterRef("pk"), status=ApplicationStatus.DITERIMA)))
