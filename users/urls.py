from django.urls import include, path

from users.choices import AccountType
from users.views import account, login, password, registration

app_name = "users"

urlpatterns = [
    path("daftar/", registration.PersonalRegistrationView.as_view(), name="register"),
    path("daftar-mitra/", registration.MitraRegistrationView.as_view(), name="register_mitra"),
    path("daftar/terkirim/", registration.registration_done, name="registration_done"),
    path("verifikasi-email/kirim-ulang/", registration.resend_verification, name="resend_verification"),
    path("verifikasi-email/<str:token>/", registration.verify_email, name="verify_email"),
    path("login/", login.login_view, {"account_type": AccountType.PERSONAL}, name="login"),
    path("login-mitra/", login.login_view, {"account_type": AccountType.MITRA}, name="login_mitra"),
    path("logout/", login.logout_view, name="logout"),
    path("logout/semua-perangkat/", login.logout_everywhere, name="logout_everywhere"),
    path("lupa-kata-sandi/", password.PasswordResetView.as_view(), name="password_reset"),
    path("lupa-kata-sandi-mitra/", password.MitraPasswordResetView.as_view(), name="password_reset_mitra"),
    path("lupa-kata-sandi/terkirim/", password.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "reset/<uidb64>/<token>/", password.PasswordResetConfirmView.as_view(), name="password_reset_confirm"
    ),
    path("reset/selesai/", password.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
    path("ganti-password/", password.PasswordChangeView.as_view(), name="password_change"),
    path("ubah-email-nomor-hp/", account.change_contact, name="contact_change"),
    path("verifikasi-hp/kirim/", account.send_phone_code, name="send_phone_code"),
    path("verifikasi-hp/", account.verify_phone, name="verify_phone"),
    # Each area of the account has its own URL module (one owner each).
    path("", include("users.urls_personal")),
    path("", include("users.urls_mitra")),
    path("", include("users.urls_notifications")),
    path("", include("users.urls_verification")),
    path("", include("users.urls_privacy")),
]
