"""Log Akses Data: staff access to personal data is recorded (UU PDP No. 27/2022 accountability).

Views call one line after their access check has passed::

    audit.record_profile_access(request, profile, audit.VIEW_PROFILE)

``subject`` is the account whose data were opened — a User, or a Personal/Mitra profile (its account
is logged) — or None for an export covering many accounts. Only staff are logged: a Mitra opening its
own document is not an access to someone else's data. The list is read by Super Admin only
(``roles.AUDIT_LOG_ROLES``; users/audit_viewsets.py)."""

import ipaddress

from axes.helpers import get_client_ip_address

from users import roles
from users.models import ProfileAccessAction, ProfileAccessLog, User

VIEW_PROFILE = ProfileAccessAction.VIEW_PROFILE
DOWNLOAD_DOCUMENT = ProfileAccessAction.DOWNLOAD_DOCUMENT
EXPORT = ProfileAccessAction.EXPORT
DOWNLOAD_EXPORT = ProfileAccessAction.DOWNLOAD_EXPORT

IPV4_PREFIX = 24
IPV6_PREFIX = 48
PATH_LENGTH = ProfileAccessLog._meta.get_field("path").max_length


def truncate_ip(address):
    """The network of an address ("203.0.113.0/24", "2001:db8:1::/48"), or "" when unreadable."""
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return ""
    prefix = IPV4_PREFIX if ip.version == 4 else IPV6_PREFIX
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False))


def _subject_id(subject):
    if subject is None:
        return None
    if isinstance(subject, User):
        return subject.pk
    return subject.user_id


def record_profile_access(request, subject, action):
    """Write a ProfileAccessLog row when a staff member opens someone's personal data. Returns the
    row, or None when nothing was logged (not staff, or the staff member's own account)."""
    staff = request.user
    role = roles.role_of(staff)
    subject_id = _subject_id(subject)
    if role is None or subject_id == staff.pk:
        return None
    return ProfileAccessLog.objects.create(
        staff=staff,
        staff_username=staff.get_username(),
        staff_role=role,
        subject_id=subject_id,
        action=action,
        path=request.get_full_path()[:PATH_LENGTH],
        ip_network=truncate_ip(get_client_ip_address(request)),
    )


def can_view_audit_log(user):
    return bool(user.is_authenticated and user.is_active and roles.role_of(user) in roles.AUDIT_LOG_ROLES)
