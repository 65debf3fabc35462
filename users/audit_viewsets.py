"""Admin definition of "Log Akses Data" (Pengaturan): a read-only list of users/audit.py's rows, for
Super Admin only (``roles.AUDIT_LOG_ROLES``); everyone else gets 403. Registered by
users/admin_hooks_audit.py."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from portal.admin_access import RefusingViewSetMixin
from users.audit import can_view_audit_log
from users.models import ProfileAccessLog, User

AUDIT_LOG_NAME = "log-akses-data"


class AuditLogPermissionPolicy(ModelPermissionPolicy):
    """ "view" for the audit-log roles, nothing else for anyone: the log is a record, never edited, and
    no group permission can open it."""

    def user_has_permission(self, user, action):
        return action == "view" and can_view_audit_log(user)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return User.objects.none()
        return User.objects.filter(is_active=True, is_superuser=True)


audit_log_permission_policy = AuditLogPermissionPolicy(ProfileAccessLog)


class AuditLogIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("subject")


class ProfileAccessLogViewSet(RefusingViewSetMixin, ModelViewSet):
    model = ProfileAccessLog
    name = AUDIT_LOG_NAME
    index_view_class = AuditLogIndexView
    icon = "history"
    menu_label = _("Log Akses Data")
    add_to_settings_menu = True
    menu_order = 905
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "created_at",
        "staff_username",
        "staff_role",
        "action",
        "subject",
        "path",
        "ip_network",
    ]
    list_display = ["created_at", "staff_username", "staff_role", "action", "subject", "path", "ip_network"]
    list_filter = ["action", "staff_role"]
    search_fields = ["staff_username", "subject__username", "path"]
    add_to_reference_index = False

    def get_common_view_kwargs(self, **kwargs):
        unused = ["add_url_name", "edit_url_name", "delete_url_name", "history_url_name", "usage_url_name"]
        return super().get_common_view_kwargs(**{name: None for name in unused}, **kwargs)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(f"inspect/<{self.pk_path_converter}:pk>/", self.inspect_view, name="inspect"),
        ]

    def get_permissions_to_register(self):
        """Nothing to offer in the group editor: only ``roles.AUDIT_LOG_ROLES`` read the log."""
        return super().get_permissions_to_register().none()
