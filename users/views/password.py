from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django_ratelimit.decorators import ratelimit

from users import use_cases
from users.forms import AccountPasswordChangeForm, AccountPasswordResetForm, AccountSetPasswordForm


@method_decorator(ratelimit(key="ip", rate="10/h", method="POST", block=True), name="post")
@method_decorator(ratelimit(key="post:email", rate="3/h", method="POST", block=True), name="post")
class PasswordResetView(auth_views.PasswordResetView):
    form_class = AccountPasswordResetForm
    template_name = "users/password_reset.html"
    success_url = reverse_lazy("users:password_reset_done")
    heading = _("Lupa Kata Sandi Personal")
    login_url_name = "users:login"

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.heading, login_url_name=self.login_url_name, **kwargs)


class MitraPasswordResetView(PasswordResetView):
    heading = _("Lupa Kata Sandi Mitra")
    login_url_name = "users:login_mitra"


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "users/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = AccountSetPasswordForm
    template_name = "users/password_reset_confirm.html"
    success_url = reverse_lazy("users:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        use_cases.end_all_sessions(form.user)
        use_cases.tell_password_changed(form.user, self.request)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "users/password_reset_complete.html"


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = AccountPasswordChangeForm
    template_name = "users/password_change.html"
    success_url = reverse_lazy("users:password_change")

    def form_valid(self, form):
        messages.success(self.request, _("Password Anda sudah diganti."))
        response = super().form_valid(form)
        use_cases.tell_password_changed(form.user, self.request)
        return response
