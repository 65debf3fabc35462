"""Admin definitions of the portal package: the WhatsApp outbox under Settings. Rows are a record,
never edited; Super Admin and Admin can "Kirim Ulang" a failed message (portal/broadcasts.py)."""

from django.contrib import messages
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy

from marketplace.use_cases import UseCaseError
from portal import broadcasts
from portal.admin_access import RefusingViewSetMixin, answer_403
from portal.models import WhatsAppMessage

OUTBOX_NAME = "kotak-keluar-whatsapp"


def retry_url(message):
    if message.status == WhatsAppMessage.Status.FAILED:
        return reverse(f"{OUTBOX_NAME}:retry", args=[message.pk])
    return None


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Grants at most the "view" permission, to superusers too: the outbox is a record, not data to edit."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action == "view"])


whatsapp_outbox_permission_policy = ViewOnlyPermissionPolicy(WhatsAppMessage)


class OutboxIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if (url := retry_url(instance)) and broadcasts.can_retry_whatsapp(self.request.user):
            buttons.append(MenuItem(gettext("Kirim Ulang"), url=url, icon_name="resubmit", priority=5))
        return buttons


class OutboxInspectView(InspectView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if (url := retry_url(self.object)) and broadcasts.can_retry_whatsapp(self.request.user):
            buttons.append(Button(gettext("Kirim Ulang"), url=url, icon_name="resubmit", priority=5))
        return buttons


class RetryView(WagtailAdminTemplateMixin, TemplateView):
    """Kirim Ulang: a confirmation page (GET) and the re-queueing (POST), for Super Admin and Admin."""

    template_name = "portal/admin/whatsapp_retry.html"
    page_title = _("Kirim Ulang")
    header_icon = "mail"

    def dispatch(self, request, pk):
        if not broadcasts.can_retry_whatsapp(request.user):
            raise PermissionDenied
        self.message = get_object_or_404(WhatsAppMessage, pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return gettext("Pesan WhatsApp #%(id)s") % {"id": self.message.pk}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            message=self.message, index_url=reverse(f"{OUTBOX_NAME}:index"), **kwargs
        )

    def post(self, request, pk):
        try:
            broadcasts.retry_whatsapp(request.user, self.message.pk)
        except UseCaseError as error:
            messages.warning(request, str(error))
        else:
            messages.success(
                request,
                gettext("Pesan WhatsApp #%(id)s diantre untuk dikirim ulang.") % {"id": self.message.pk},
            )
        return redirect(f"{OUTBOX_NAME}:index")


class RecordViewSet(RefusingViewSetMixin, ModelViewSet):
    """A record staff only read (list with a status filter, inspect), with one action that queues a
    failed row again: no add, edit, delete, history or usage views, and only the "view" permission
    offered in the group editor. Subclasses name the action's URL segment and view."""

    retry_path = ""
    retry_view_class = None
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_filter = ["status"]
    add_to_reference_index = False

    def get_common_view_kwargs(self, **kwargs):
        unused = ["add_url_name", "edit_url_name", "delete_url_name", "history_url_name", "usage_url_name"]
        return super().get_common_view_kwargs(**{name: None for name in unused}, **kwargs)

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(f"inspect/<{self.pk_path_converter}:pk>/", self.inspect_view, name="inspect"),
            path(f"{self.retry_path}/<int:pk>/", answer_403(self.retry_view_class.as_view()), name="retry"),
        ]

    def get_permissions_to_register(self):
        return (
            super()
            .get_permissions_to_register()
            .filter(codename=get_permission_codename("view", self.model_opts))
        )


class WhatsAppOutboxViewSet(RecordViewSet):
    model = WhatsAppMessage
    name = OUTBOX_NAME
    index_view_class = OutboxIndexView
    inspect_view_class = OutboxInspectView
    retry_path = "kirim-ulang"
    retry_view_class = RetryView
    icon = "mail"
    menu_label = _("Kotak Keluar WhatsApp")
    menu_order = 900
    inspect_view_fields = ["to", "status", "attempts", "error", "created_at", "sent_at", "body"]
    list_display = ["to", "status", "attempts", "created_at", "sent_at"]
    search_fields = ["to"]
