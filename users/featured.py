"""Mitra Unggulan (issue 8): Admin and Super Admin mark a verified Mitra as featured; the Beranda shows
featured Mitra first. Every change is written to Wagtail's audit log."""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from marketplace.use_cases import UseCaseError
from users import roles
from users.choices import VerificationStatus
from users.models import MitraProfile

FEATURE_ROLES = (roles.SUPER_ADMIN, roles.ADMIN)


def can_feature(user):
    return bool(user.is_authenticated and user.is_active and roles.role_of(user) in FEATURE_ROLES)


@transaction.atomic
def set_featured(profile, staff_user, featured):
    """Mark (featured=True) or unmark a Mitra as "Mitra Unggulan". Idempotent: asking for the state
    the Mitra already has changes nothing and logs nothing. Only a verified Mitra can be marked."""
    if not can_feature(staff_user):
        raise UseCaseError(_("Anda tidak berwenang mengubah Mitra Unggulan."))
    profile = MitraProfile.objects.select_for_update().get(pk=profile.pk)
    featured = bool(featured)
    if profile.featured == featured:
        return profile
    if featured and profile.verification_status != VerificationStatus.TERVERIFIKASI:
        raise UseCaseError(_("Hanya mitra yang sudah terverifikasi yang dapat dijadikan Mitra Unggulan."))
    profile.featured = featured
    profile.save(update_fields=["featured"])
    log(profile, "portal.feature" if featured else "portal.unfeature", user=staff_user)
    return profile
