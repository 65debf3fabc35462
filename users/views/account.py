from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from users import use_cases
from users.forms import OTPForm
from users.forms_contact import ContactChangeForm


@login_required
@sensitive_post_parameters("current_password")
@ratelimit(key="user", rate="10/h", method="POST", block=True)
def change_contact(request):
    """Ubah Email dan Nomor HP, with the current password."""
    form = ContactChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        changed = use_cases.change_contact(
            request.user, form.cleaned_data["email"], form.cleaned_data["phone"], request
        )
        if not changed:
            messages.info(request, _("Tidak ada yang berubah."))
        else:
            messages.success(request, _("Email dan Nomor HP Anda sudah disimpan."))
            if "email" in changed:
                messages.info(
                    request, _("Buka tautan yang kami kirim ke email baru Anda untuk memverifikasinya.")
                )
            if "phone" in changed:
                messages.info(request, _("Verifikasi Nomor HP baru Anda dengan Verifikasi No HP."))
        return redirect("users:contact_change")
    return render(request, "users/contact_change.html", {"form": form})


@require_POST
@login_required
@ratelimit(key="user", rate="5/h", method="POST", block=True)
def send_phone_code(request):
    """ "Verifikasi No HP": send a code by WhatsApp, then ask for it."""
    user = request.user
    if user.phone_verified:
        messages.info(request, _("Nomor HP Anda sudah terverifikasi."))
        return redirect(_profile(user))
    if not user.phone:
        messages.error(request, _("Isi Nomor HP Anda terlebih dahulu."))
        return redirect(_profile(user))
    try:
        use_cases.send_phone_otp(user)
    except use_cases.VerificationError as error:
        messages.warning(request, str(error))
    else:
        messages.success(request, _("Kode OTP sudah dikirim melalui WhatsApp ke nomor Anda."))
    return redirect("users:verify_phone")


@login_required
@ratelimit(key="user", rate="20/h", method="POST", block=True)
def verify_phone(request):
    user = request.user
    form = OTPForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            use_cases.verify_phone_otp(user, form.cleaned_data["code"])
        except use_cases.VerificationError as error:
            form.add_error("code", str(error))
        else:
            messages.success(request, _("Nomor HP Anda sudah terverifikasi."))
            return redirect(_profile(user))
    return render(request, "users/verify_phone.html", {"form": form, "account": user})


def _profile(user):
    return "users:mitra_profile" if user.is_mitra else "users:personal_profile"
