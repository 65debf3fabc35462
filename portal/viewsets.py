"""Admin definitions of the portal package: the WhatsApp outbox, read-only, under Settings."""

from django.contrib.auth import get_permission_codename
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from portal.models import WhatsAppMessage


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Grants at most the "view" permission, to superusers too: the outbox is a record, not data to edit."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action == "view"])


whatsapp_outbox_permission_policy = ViewOnlyPermissionPolicy(WhatsAppMessage)


class WhatsAppOutboxViewSet(ModelViewSet):
    model = WhatsAppMessage
    name = "kotak-keluar-whatsapp"
    icon = "mail"
    menu_label = _("Kotak Keluar WhatsApp")
    add_to_settings_menu = True
    menu_order = 900
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["to", "status", "attempts", "error", "created_at", "sent_at", "body"]
    list_display = ["to", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["to"]
    add_to_reference_index = False

    def get_common_view_kwargs(self, **kwargs):
        # No add, edit, delete, history or usage views exist for the outbox: link to none of them.
        unused = ["add_url_name", "edit_url_name", "delete_url_name", "history_url_name", "usage_url_name"]
        return super().get_common_view_kwargs(**{name: None for name in unused}, **kwargs)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(f"inspect/<{self.pk_path_converter}:pk>/", self.inspect_view, name="inspect"),
        ]

    def get_permissions_to_register(self):
        """Offer only "view" in the group editor: nobody adds, edits or deletes outbox rows."""
        return (
            super()
            .get_permissions_to_register()
            .filter(codename=get_permission_codename("view", self.model_opts))
        )
