"""Admin registration of "Log Akses Data" (users/audit_viewsets.py) under Pengaturan, with its
permission policy. Imported by users/wagtail_hooks.py."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from users.audit_viewsets import ProfileAccessLogViewSet, audit_log_permission_policy
from users.models import ProfileAccessLog

register_permission_policy(ProfileAccessLog, audit_log_permission_policy)
hooks.register("register_admin_viewset", ProfileAccessLogViewSet)
