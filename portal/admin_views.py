"""Admin screens "Pemberitahuan" (in-app broadcast) and "Kirim Pesan" (WhatsApp) under
"Testimoni, Pengumuman, Pemberitahuan" (all six roles; scope by region). Each has a list of past
broadcasts and a compose → preview ("Pesan akan dikirim ke N akun") → "Kirim" flow; the use cases
are in portal/broadcasts.py. Registered by portal/admin_hooks_messages.py."""

import re
import uuid

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from marketplace.use_cases import UseCaseError
from portal import broadcasts
from portal.admin_access import answer_403
from portal.admin_panel import AdminMenuRequiredMixin
from portal.models import Broadcast
from portal.text_indexes import MIN_WORD_LENGTH, too_short_message
from users.choices import AccountType, StaffRole
from users.roles import AdminMenu, role_of

PER_PAGE = 20
SEARCH_LIMIT = 20

# --- Forms ----------------------------------------------------------------------------------


class ScopedRegionMixin:
    """Kecamatan and desa fields whose choices are the regions the staff account may address."""

    def setup_regions(self, user):
        self.user = user
        self.fields["kecamatan"].queryset = broadcasts.kecamatan_choices(user)
        self.fields["desa"].queryset = broadcasts.desa_choices(user)
        kecamatan_id, desa_id = broadcasts.staff_region(user)
        if broadcasts.is_scoped(user) and not self.is_bound:
            self.initial.setdefault("kecamatan", kecamatan_id)
            if desa_id:
                self.initial.setdefault("desa", desa_id)


def validate_site_path(value):
    """A link to a page of this site: a path such as /lowongan/ (no other site, no scheme)."""
    if value and (not value.startswith("/") or value.startswith("//") or re.search(r"[\s\\]", value)):
        raise forms.ValidationError(_("Tautan harus berupa alamat halaman di situs ini, mis. /lowongan/."))


class NotificationBroadcastForm(ScopedRegionMixin, forms.Form):
    target = forms.ChoiceField(
        label=gettext_lazy("Penerima"),
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Pilih penerima pemberitahuan.")},
    )
    kecamatan = forms.ModelChoiceField(
        label=gettext_lazy("Kecamatan"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Pilih kecamatan …"),
    )
    desa = forms.ModelChoiceField(
        label=gettext_lazy("Desa/Kelurahan"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Pilih desa/kelurahan …"),
    )
    title = forms.CharField(
        label=gettext_lazy("Judul"),
        max_length=200,
        error_messages={"required": gettext_lazy("Tuliskan judul pemberitahuan.")},
    )
    body = forms.CharField(
        label=gettext_lazy("Isi"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": gettext_lazy("Tuliskan isi pemberitahuan.")},
    )
    url = forms.CharField(
        label=gettext_lazy("Tautan (opsional)"),
        max_length=300,
        required=False,
        validators=[validate_site_path],
        help_text=gettext_lazy("Alamat halaman di situs ini, mis. /lowongan/."),
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_regions(user)
        role = role_of(user)
        choices = [
            (broadcasts.ALL_PERSONAL, _("Semua Personal")),
            (broadcasts.ALL_MITRA, _("Semua Mitra")),
            (broadcasts.KECAMATAN, _("Personal di kecamatan …")),
            (broadcasts.DESA, _("Personal di desa …")),
        ]
        if role == StaffRole.KECAMATAN:
            choices = choices[2:]
        elif role == StaffRole.DESA:
            choices = choices[3:]
        self.fields["target"].choices = choices
        if len(choices) == 1 and not self.is_bound:
            self.initial.setdefault("target", choices[0][0])
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())

    def clean(self):
        data = super().clean()
        target = data.get("target")
        if target == broadcasts.KECAMATAN and not data.get("kecamatan"):
            self.add_error("kecamatan", _("Pilih kecamatan."))
        if target == broadcasts.DESA and not data.get("desa"):
            self.add_error("desa", _("Pilih desa/kelurahan."))
        return data

    def audience(self):
        data = self.cleaned_data
        target = data["target"]
        audience = {"target": target}
        if target == broadcasts.KECAMATAN:
            audience["kecamatan"] = data["kecamatan"].pk
        elif target == broadcasts.DESA:
            audience["desa"] = data["desa"].pk
        return audience


class WhatsAppBroadcastForm(ScopedRegionMixin, forms.Form):
    target = forms.ChoiceField(
        label=gettext_lazy("Penerima"),
        widget=forms.RadioSelect,
        choices=[
            (broadcasts.SINGLE, gettext_lazy("Satu akun")),
            (broadcasts.GROUP, gettext_lazy("Kelompok")),
        ],
        error_messages={"required": gettext_lazy("Pilih penerima pesan.")},
    )
    recipient = forms.ModelChoiceField(
        label=gettext_lazy("Akun penerima"),
        queryset=None,
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": gettext_lazy("Akun ini tidak dapat Anda kirimi pesan.")},
    )
    account_type = forms.ChoiceField(
        label=gettext_lazy("Jenis akun"),
        required=False,
        choices=[
            (AccountType.PERSONAL, AccountType.PERSONAL.label),
            (AccountType.MITRA, AccountType.MITRA.label),
        ],
    )
    kecamatan = forms.ModelChoiceField(
        label=gettext_lazy("Kecamatan"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Semua kecamatan"),
    )
    desa = forms.ModelChoiceField(
        label=gettext_lazy("Desa/Kelurahan"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Semua desa/kelurahan"),
    )
    body = forms.CharField(
        label=gettext_lazy("Isi pesan"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": gettext_lazy("Tuliskan isi pesan.")},
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_regions(user)
        self.fields["recipient"].queryset = broadcasts.whatsapp_reachable(broadcasts.reachable_accounts(user))
        if broadcasts.is_scoped(user):
            self.fields["account_type"].choices = [(AccountType.PERSONAL, AccountType.PERSONAL.label)]
            self.fields["kecamatan"].empty_label = None
            if role_of(user) == StaffRole.DESA:
                self.fields["desa"].empty_label = None
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())

    def clean(self):
        data = super().clean()
        target = data.get("target")
        if target == broadcasts.SINGLE and not data.get("recipient") and "recipient" not in self.errors:
            self.add_error("recipient", _("Cari lalu pilih akun penerima."))
        if target == broadcasts.GROUP:
            if not data.get("account_type") and "account_type" not in self.errors:
                self.add_error("account_type", _("Pilih jenis akun penerima."))
            desa, kecamatan = data.get("desa"), data.get("kecamatan")
            if desa and kecamatan and desa.kecamatan_id != kecamatan.pk:
                self.add_error("desa", _("Desa/kelurahan ini tidak berada di kecamatan yang dipilih."))
            if broadcasts.is_scoped(self.user):
                # Bound to a region: the group is always inside it (the choices hold only that region).
                if not kecamatan and "kecamatan" not in self.errors:
                    self.add_error("kecamatan", _("Pilih kecamatan."))
                if role_of(self.user) == StaffRole.DESA and not desa and "desa" not in self.errors:
                    self.add_error("desa", _("Pilih desa/kelurahan."))
        return data

    def audience(self):
        data = self.cleaned_data
        if data["target"] == broadcasts.SINGLE:
            return {"target": broadcasts.SINGLE, "user": data["recipient"].pk}
        return {
            "target": broadcasts.GROUP,
            "account_type": data["account_type"],
            "kecamatan": data["kecamatan"].pk if data.get("kecamatan") else None,
            "desa": data["desa"].pk if data.get("desa") else None,
        }


# --- Views ----------------------------------------------------------------------------------


class BroadcastListView(AdminMenuRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Past broadcasts of one kind with their recipient counts (newest first, paginated)."""

    admin_menu = AdminMenu.COMMUNICATIONS
    template_name = "portal/admin/broadcast_list.html"
    kind = None
    compose_url_name = None

    def get_context_data(self, **kwargs):
        page_obj = Paginator(broadcasts.broadcasts_of(self.kind, self.request.user), PER_PAGE).get_page(
            self.request.GET.get("halaman")
        )
        return super().get_context_data(
            page_obj=page_obj, kind=self.kind, compose_url=reverse(self.compose_url_name), **kwargs
        )


class NotificationListView(BroadcastListView):
    page_title = gettext_lazy("Pemberitahuan")
    header_icon = "mail"
    kind = Broadcast.Kind.NOTIFICATION
    compose_url_name = "admin_notification_broadcasts:compose"


class WhatsAppListView(BroadcastListView):
    page_title = gettext_lazy("Kirim Pesan")
    header_icon = "mail"
    kind = Broadcast.Kind.WHATSAPP
    compose_url_name = "admin_whatsapp_broadcasts:compose"


class ComposeView(AdminMenuRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Compose (GET), "Lihat Pratinjau" (POST action=preview), "Ubah" (action=edit), "Kirim" (action=send)."""

    admin_menu = AdminMenu.COMMUNICATIONS
    form_class = None
    template_name = None
    preview_template_name = "portal/admin/broadcast_preview.html"
    list_url_name = None

    def get_form(self, data=None):
        return self.form_class(data, user=self.request.user)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.get_form())
        return super().get_context_data(list_url=reverse(self.list_url_name), **kwargs)

    def recipient_count(self, audience):
        raise NotImplementedError

    def describe(self, audience):
        raise NotImplementedError

    def send(self, form):
        raise NotImplementedError

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        action = request.POST.get("action")
        if not form.is_valid() or action == "edit":
            return self.render_to_response(self.get_context_data(form=form))
        audience = form.audience()
        if action == "send":
            try:
                broadcast = self.send(form)
            except UseCaseError as error:
                form.add_error(None, str(error))
                return self.render_to_response(self.get_context_data(form=form))
            messages.success(request, self.sent_message(broadcast))
            return redirect(self.list_url_name)
        self.template_name = self.preview_template_name
        return self.render_to_response(
            self.get_context_data(
                form=form,
                recipients_count=self.recipient_count(audience),
                audience_label=self.describe(audience),
                preview=self.preview(form),
            )
        )


class NotificationComposeView(ComposeView):
    page_title = gettext_lazy("Kirim Pemberitahuan")
    header_icon = "mail"
    form_class = NotificationBroadcastForm
    template_name = "portal/admin/notification_compose.html"
    list_url_name = "admin_notification_broadcasts:index"

    def recipient_count(self, audience):
        return broadcasts.notification_recipients(audience).count()

    def describe(self, audience):
        return broadcasts.describe_notification_audience(audience)

    def preview(self, form):
        data = form.cleaned_data
        return {"title": data["title"], "body": data["body"], "url": data["url"]}

    def send(self, form):
        data = form.cleaned_data
        return broadcasts.send_notification_broadcast(
            self.request.user,
            form.audience(),
            data["title"],
            data["body"],
            data["url"],
            submission_key=data.get("submission_key"),
        )

    def sent_message(self, broadcast):
        return _("Pemberitahuan sedang dikirim ke %(count)s akun.") % {"count": broadcast.recipients_count}


class WhatsAppComposeView(ComposeView):
    page_title = gettext_lazy("Kirim Pesan")
    header_icon = "mail"
    form_class = WhatsAppBroadcastForm
    template_name = "portal/admin/whatsapp_compose.html"
    list_url_name = "admin_whatsapp_broadcasts:index"

    def get_context_data(self, query="", **kwargs):
        reachable = self.reachable()
        form = kwargs.setdefault("form", self.get_form())
        picked = form["recipient"].value()
        too_short = 0 < len(query) < MIN_WORD_LENGTH
        return super().get_context_data(
            query=query,
            search_error=too_short_message() if too_short else "",
            search_results=self.search(reachable, query) if query and not too_short else None,
            picked=reachable.filter(pk=picked).first() if str(picked or "").isdigit() else None,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if request.POST.get("action") == "search":
            # "Cari" inside the compose form: keep what was typed, show the matching accounts.
            form = self.form_class(user=request.user, initial=request.POST.dict())
            query = request.POST.get("q", "").strip()
            return self.render_to_response(self.get_context_data(form=form, query=query))
        return super().post(request, *args, **kwargs)

    def reachable(self):
        return broadcasts.whatsapp_reachable(broadcasts.reachable_accounts(self.request.user)).select_related(
            "mitra_profile"
        )

    def search(self, accounts, query):
        matches = broadcasts.accounts_matching(query)
        return list(accounts.filter(pk__in=matches).order_by("first_name", "username")[:SEARCH_LIMIT])

    def recipient_count(self, audience):
        return broadcasts.whatsapp_recipients(audience).count()

    def describe(self, audience):
        return broadcasts.describe_whatsapp_audience(audience)

    def preview(self, form):
        return {"body": broadcasts.whatsapp_text(form.cleaned_data["body"])}

    def send(self, form):
        return broadcasts.send_whatsapp_broadcast(
            self.request.user,
            form.audience(),
            form.cleaned_data["body"],
            submission_key=form.cleaned_data.get("submission_key"),
        )

    def sent_message(self, broadcast):
        return _("Pesan WhatsApp sedang dikirim ke %(count)s akun.") % {"count": broadcast.recipients_count}


notification_urlpatterns = [
    path("", answer_403(NotificationListView.as_view()), name="index"),
    path("buat/", answer_403(NotificationComposeView.as_view()), name="compose"),
]
whatsapp_urlpatterns = [
    path("", answer_403(WhatsAppListView.as_view()), name="index"),
    path("buat/", answer_403(WhatsAppComposeView.as_view()), name="compose"),
]


def register_admin_urls():
    """For the ``register_admin_urls`` hook."""
    return [
        path(
            "kirim-pemberitahuan/",
            include(
                (notification_urlpatterns, "admin_notification_broadcasts"),
                namespace="admin_notification_broadcasts",
            ),
        ),
        path(
            "kirim-pesan/",
            include(
                (whatsapp_urlpatterns, "admin_whatsapp_broadcasts"), namespace="admin_whatsapp_broadcasts"
            ),
        ),
    ]
