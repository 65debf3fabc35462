"""Verifikasi Akun in the admin panel (guide §4.3): the queue of submitted accounts and the review
page with "Verifikasi" / "Tolak". Step 7's Data Profil screens reuse users/verification.py."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from users import roles, verification
from users.completeness import completeness_of
from users.models import VerificationLog
from users.notifications import unread_count
from users.querysets import mitra_profiles_with_documents, personal_profiles_with_sections

KINDS = {"personal": personal_profiles_with_sections, "mitra": mitra_profiles_with_documents}


def may_use_verification(user):
    role_values = set(verification.PERSONAL_VERIFIERS) | set(verification.MITRA_VERIFIERS)
    return roles.role_of(user) in role_values


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Alasan penolakan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        error_messages={"required": gettext_lazy("Tuliskan alasan penolakan.")},
    )


class QueueView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "users/admin/verification_queue.html"
    page_title = gettext_lazy("Verifikasi Akun")
    header_icon = "tick-inverse"

    def dispatch(self, request, *args, **kwargs):
        if not may_use_verification(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            personal_queue=verification.queue(user, "personal"),
            mitra_queue=verification.queue(user, "mitra"),
            **kwargs,
        )


class ReviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "users/admin/verification_review.html"
    header_icon = "user"

    def dispatch(self, request, kind, pk):
        if kind not in KINDS:
            raise PermissionDenied
        self.kind = kind
        self.profile = get_object_or_404(KINDS[kind](), pk=pk)
        if not verification.can_verify(request.user, self.profile):
            raise PermissionDenied
        return super().dispatch(request, kind, pk)

    def get_page_title(self):
        return _("Verifikasi Akun: %(name)s") % {"name": self.profile}

    def get_context_data(self, reject_form=None, **kwargs):
        return super().get_context_data(
            kind=self.kind,
            profile=self.profile,
            account=self.profile.user,
            completeness=completeness_of(self.profile),
            logs=VerificationLog.objects.filter(account=self.profile.user).select_related("actor")[:20],
            reject_form=reject_form or RejectForm(),
            **kwargs,
        )

    def post(self, request, kind, pk):
        action = request.POST.get("action")
        try:
            if action == "verify":
                verification.verify(self.profile, request.user)
                messages.success(request, _("Akun %(name)s sudah diverifikasi.") % {"name": self.profile})
            elif action == "reject":
                form = RejectForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(reject_form=form))
                verification.reject(self.profile, request.user, form.cleaned_data["reason"])
                messages.success(request, _("Pengajuan %(name)s ditolak.") % {"name": self.profile})
            else:
                raise PermissionDenied
        except verification.VerificationRefused as error:
            messages.error(request, str(error))
        return redirect(reverse("account_verification:queue"))


class VerificationMenuItem(MenuItem):
    """ "Verifikasi Akun", shown to the roles that decide on verifications."""

    def is_shown(self, request):
        return may_use_verification(request.user)


class NotificationsMenuItem(MenuItem):
    """ "Pemberitahuan" for staff (verification requests and other events), with the unread count."""

    def render_component(self, request):
        unread = unread_count(request.user)
        label = _("Pemberitahuan (%(count)s)") % {"count": unread} if unread else self.label
        return LinkMenuItemComponent(
            self.name, label, self.url, icon_name=self.icon_name, classname=self.classname, attrs=self.attrs
        )
