from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView
from django_ratelimit.decorators import ratelimit
from wagtail.models import Site

from portal.models import SiteSettings
from users import use_cases
from users.forms import MitraRegistrationForm, PersonalRegistrationForm
from users.redirects import safe_next_url

RESEND_WAIT_SECONDS = 60


class RegistrationView(FormView):
    template_name = "users/register.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return redirect(profile_url(request.user))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        site_settings = SiteSettings.current(self.request)
        site = Site.find_for_request(self.request)
        for key, page in (
            ("terms_url", site_settings.terms_page),
            ("privacy_url", site_settings.privacy_page),
        ):
            kwargs[key] = page.get_url(self.request, current_site=site) if page else ""
        return kwargs

    def form_valid(self, form):
        user = self.register(form)
        login(self.request, user, backend="django.contrib.auth.backends.ModelBackend")
        cache.set(_resend_key(user), True, RESEND_WAIT_SECONDS)
        return redirect("users:registration_done")


@method_decorator(ratelimit(key="ip", rate="20/h", method="POST", block=True), name="post")
class PersonalRegistrationView(RegistrationView):
    form_class = PersonalRegistrationForm
    extra_context = {"heading": _("Daftar"), "login_url_name": "users:login"}

    def register(self, form):
        data = form.cleaned_data
        return use_cases.register_personal(
            first_name=data["first_name"],
            last_name=data["last_name"],
            request=self.request,
            **form.account_fields(),
        )


@method_decorator(ratelimit(key="ip", rate="20/h", method="POST", block=True), name="post")
class MitraRegistrationView(RegistrationView):
    form_class = MitraRegistrationForm
    extra_context = {"heading": _("Daftar Mitra"), "login_url_name": "users:login_mitra"}

    def register(self, form):
        data = form.cleaned_data
        return use_cases.register_mitra(
            name=data["name"],
            business_field=data["business_field"],
            category=data["category"],
            request=self.request,
            **form.account_fields(),
        )


@login_required
def registration_done(request):
    return render(request, "users/registration_done.html")


@require_POST
@login_required
@ratelimit(key="user", rate="5/h", method="POST", block=True)
def resend_verification(request):
    user = request.user
    if user.email_verified:
        messages.info(request, _("Email Anda sudah terverifikasi."))
    elif not cache.add(_resend_key(user), True, RESEND_WAIT_SECONDS):
        messages.warning(
            request, _("Email verifikasi baru saja dikirim. Tunggu satu menit sebelum Kirim Ulang.")
        )
    else:
        use_cases.send_verification_email(user, request)
        messages.success(
            request, _("Email verifikasi sudah dikirim ulang ke %(email)s.") % {"email": user.email}
        )
    return redirect(safe_next_url(request) or reverse("users:registration_done"))


def verify_email(request, token):
    try:
        user = use_cases.verify_email(token)
    except use_cases.VerificationError as error:
        return render(request, "users/verify_email_failed.html", {"reason": str(error)}, status=400)
    messages.success(request, _("Terima kasih, email Anda sudah terverifikasi."))
    if request.user.is_authenticated and request.user.pk == user.pk:
        return redirect(profile_url(user))
    return redirect("users:login_mitra" if user.is_mitra else "users:login")


def profile_url(user):
    if user.is_mitra:
        return reverse("users:mitra_profile")
    if user.is_personal:
        return reverse("users:personal_profile")
    return reverse("wagtailadmin_home")


def _resend_key(user):
    return f"users:resend-verification:{user.pk}"
