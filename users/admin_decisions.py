"""The "Verifikasi Akun" decisions taken in Data Profil Personal / Data Profil Mitra (guide §4.3, §7.2):
users/verification.py's state machine, plus an entry in Wagtail's audit log in the same transaction."""

from django.db import transaction
from wagtail.log_actions import log

from users import verification


@transaction.atomic
def verify(profile, staff_user):
    profile = verification.verify(profile, staff_user)
    log(profile, "portal.verify", user=staff_user)
    return profile


@transaction.atomic
def reject(profile, staff_user, reason):
    profile = verification.reject(profile, staff_user, reason)
    log(profile, "portal.reject", user=staff_user, data={"reason": profile.verification_note})
    return profile
