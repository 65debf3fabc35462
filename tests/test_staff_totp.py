"""Verifikasi Dua Langkah for staff (users/staff_otp.py): TOTP after the password at the admin login,
required for the roles of STAFF_TOTP_REQUIRED_ROLES (production: Super Admin and Admin), voluntary for
the others, and reset by a Super Admin when a phone is lost."""

import os
import subprocess
import sys
import time
from base64 import b32encode
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from users.choices import StaffRole
from users.factories import DEFAULT_PASSWORD, PersonalFactory
from users.staff_otp_middleware import StaffSecondFactorMiddleware

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
LOGIN_URL = reverse("wagtailadmin_login")
LOGOUT_URL = reverse("wagtailadmin_logout")
DASHBOARD_URL = reverse("wagtailadmin_home")
SETUP_URL = reverse("staff_otp:setup")
VERIFY_URL = reverse("staff_otp:verify")
ACCOUNT_URL = reverse("wagtailadmin_account")
REQUIRED = override_settings(STAFF_TOTP_REQUIRED_ROLES=("superadmin", "admin"))


def code_for(device, steps_ahead=0):
    """The code an authenticator app shows now (or `steps_ahead` time steps later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():06d}"


def wrong_code(device):
    valid = {code_for(device, offset) for offset in (-1, 0, 1, 2)}
    return next(code for code in ("123456", "654321", "111111") if code not in valid)


def wait_out_throttle(device):
    """django-otp makes a device wait 1, 2, 4 … seconds after a wrong code; skip the wait."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=timezone.now() - timedelta(hours=1)
    )


def log_in(client, user):
    return client.post(LOGIN_URL, {"username": user.username, "password": DEFAULT_PASSWORD}, follow=True)


def landed_on(response):
    return response.redirect_chain[-1][0].split("?")[0] if response.redirect_chain else None


def the_device(user):
    return TOTPDevice.objects.get(user=user)


def shows_dashboard(response):
    return response.status_code == 200 and "Ringkasan" in response.content.decode()


def set_up_device(client, user):
    """Log in with the password and confirm the device on the setup page (role requires TOTP)."""
    log_in(client, user)
    device = the_device(user)
    assert shows_dashboard(client.post(SETUP_URL, {"code": code_for(device)}, follow=True))
    device.refresh_from_db()
    return device


@REQUIRED
def test_admin_is_sent_to_setup_and_admin_pages_wait_until_the_device_is_confirmed(client, staff):
    admin = staff(StaffRole.ADMIN)
    response = log_in(client, admin)
    assert landed_on(response) == SETUP_URL
    page = response.content.decode()
    assert "Aktifkan Verifikasi Dua Langkah" in page and "<svg" in page
    device = the_device(admin)
    assert not device.confirmed
    secret = b32encode(device.bin_key).decode()
    assert " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)) in page

    for url in (DASHBOARD_URL, reverse("wagtailusers_users:index"), VERIFY_URL, "/"):
        refused = client.get(url, follow=True)
        assert landed_on(refused) == SETUP_URL, url
        assert "Ringkasan" not in refused.content.decode()
    assert client.get(SETUP_URL).content.decode().count(secret[:4]) == 1  # the same device on reload
    assert TOTPDevice.objects.filter(user=admin).count() == 1

    response = client.post(SETUP_URL, {"code": code_for(device)}, follow=True)
    assert shows_dashboard(response)
    assert "Verifikasi Dua Langkah sudah aktif untuk akun Anda." in response.content.decode()
    device.refresh_from_db()
    assert device.confirmed
    assert shows_dashboard(client.get(DASHBOARD_URL))


@REQUIRED
def test_wrong_code_is_refused_beside_the_field_and_the_device_stays_unconfirmed(client, staff):
    admin = staff(StaffRole.ADMIN)
    log_in(client, admin)
    device = the_device(admin)

    response = client.post(SETUP_URL, {"code": wrong_code(device)})
    assert response.status_code == 200
    assert "Kode salah, kedaluwarsa, atau sudah dipakai." in response.content.decode()
    assert client.post(SETUP_URL, {"code": "12ab"}).context["form"].errors["code"] == [
        "Kode terdiri dari 6 angka."
    ]
    device.refresh_from_db()
    assert not device.confirmed
    assert landed_on(client.get(DASHBOARD_URL, follow=True)) == SETUP_URL


@REQUIRED
def test_wrong_codes_are_throttled(client, staff):
    admin = staff(StaffRole.SUPER_ADMIN)
    log_in(client, admin)
    device = the_device(admin)
    client.post(SETUP_URL, {"code": wrong_code(device)})

    too_soon = client.post(SETUP_URL, {"code": code_for(device)})
    assert "Terlalu banyak kode yang salah. Coba lagi dalam" in too_soon.content.decode()
    device.refresh_from_db()
    assert not device.confirmed

    wait_out_throttle(device)
    assert shows_dashboard(client.post(SETUP_URL, {"code": code_for(device)}, follow=True))


@REQUIRED
def test_later_logins_ask_for_the_code_and_a_used_code_is_refused(client, staff):
    admin = staff(StaffRole.ADMIN)
    device = set_up_device(client, admin)
    used_code = code_for(device)

    client.post(LOGOUT_URL)
    response = log_in(client, admin)
    assert landed_on(response) == VERIFY_URL
    assert "Verifikasi Dua Langkah" in response.content.decode()
    assert landed_on(client.get("/", follow=True)) == VERIFY_URL  # staff views outside the admin too

    reused = client.post(VERIFY_URL, {"code": used_code})
    assert "Kode salah, kedaluwarsa, atau sudah dipakai." in reused.content.decode()
    assert landed_on(client.get(DASHBOARD_URL, follow=True)) == VERIFY_URL

    wait_out_throttle(device)
    next_code = code_for(device, steps_ahead=1)  # within the allowed drift, and not used yet
    elsewhere = "https://contoh.invalid/"  # never sent to another site after the code
    response = client.post(f"{VERIFY_URL}?next={elsewhere}", {"code": next_code}, follow=True)
    assert landed_on(response) == DASHBOARD_URL and shows_dashboard(response)

    client.post(LOGOUT_URL)  # the verification ends with the session
    assert landed_on(log_in(client, admin)) == VERIFY_URL


@REQUIRED
def test_desa_operator_without_a_device_goes_straight_in(client, staff):
    operator = staff(StaffRole.DESA)
    response = log_in(client, operator)
    assert landed_on(response) == DASHBOARD_URL and shows_dashboard(response)
    assert not TOTPDevice.objects.filter(user=operator).exists()


def test_any_staff_member_may_enable_it_and_is_then_asked_for_the_code(client, staff):
    operator = staff(StaffRole.DESA)
    log_in(client, operator)
    account_page = client.get(ACCOUNT_URL).content.decode()
    assert "Aktifkan Verifikasi Dua Langkah" in account_page and SETUP_URL in account_page

    client.get(SETUP_URL)
    assert shows_dashboard(client.post(SETUP_URL, {"code": code_for(the_device(operator))}, follow=True))
    assert "Aktifkan Verifikasi Dua Langkah" not in client.get(ACCOUNT_URL).content.decode()

    client.post(LOGOUT_URL)
    assert landed_on(log_in(client, operator)) == VERIFY_URL


@REQUIRED
def test_personal_and_mitra_logins_are_unaffected(client):
    personal = PersonalFactory()
    response = client.post(
        reverse("users:login"), {"username": personal.username, "password": DEFAULT_PASSWORD}, follow=True
    )
    assert response.status_code == 200 and VERIFY_URL not in str(response.redirect_chain)
    assert client.get("/akun/profil/").status_code == 200


def test_second_factor_is_off_by_default_outside_production(client, staff, settings):
    assert settings.STAFF_TOTP_REQUIRED_ROLES == ()
    assert shows_dashboard(log_in(client, staff(StaffRole.SUPER_ADMIN)))


def production_setting(**env):
    environment = {key: value for key, value in os.environ.items() if key != "STAFF_TOTP_REQUIRED_ROLES"}
    environment.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="kerja.purbalinggakab.go.id",
        CSRF_TRUSTED_ORIGINS="https://kerja.purbalinggakab.go.id",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/unused",
        **env,
    )
    script = "from django.conf import settings; print(','.join(settings.STAFF_TOTP_REQUIRED_ROLES))"
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_requires_it_for_super_admin_and_admin_unless_configured_otherwise():
    assert production_setting() == "superadmin,admin"
    assert production_setting(STAFF_TOTP_REQUIRED_ROLES="superadmin, admin, verifikator") == (
        "superadmin,admin,verifikator"
    )


@override_settings(STAFF_TOTP_REQUIRED_ROLES=("superadmin", "admn"))
def test_a_misspelt_role_stops_the_server_instead_of_silently_disabling_the_check():
    with pytest.raises(ImproperlyConfigured, match="admn"):
        StaffSecondFactorMiddleware(lambda request: None)


@REQUIRED
def test_super_admin_resets_a_lost_device(client, staff):
    admin = staff(StaffRole.ADMIN)
    set_up_device(client, admin)
    client.post(LOGOUT_URL)

    superadmin = staff(StaffRole.SUPER_ADMIN)
    set_up_device(client, superadmin)
    reset_url = reverse("staff_otp:reset", args=[admin.pk])
    assert reset_url in client.get(reverse("wagtailusers_users:index")).content.decode()
    page = client.get(reset_url)
    assert page.status_code == 200 and "Ya, reset" in page.content.decode()

    personal = PersonalFactory()
    assert client.get(reverse("staff_otp:reset", args=[personal.pk])).status_code == 404
    response = client.post(reset_url, follow=True)
    assert "sudah direset" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=admin).exists()
    assert ModelLogEntry.objects.filter(
        action="portal.staff_otp_reset", object_id=str(admin.pk), user=superadmin
    ).exists()

    client.post(LOGOUT_URL)
    assert landed_on(log_in(client, admin)) == SETUP_URL  # sets up a new phone


def test_only_a_super_admin_may_reset(client, staff):
    operator = staff(StaffRole.DESA)
    device = TOTPDevice.objects.create(user=operator, name="ponsel", confirmed=True)
    client.force_login(staff(StaffRole.ADMIN))
    reset_url = reverse("staff_otp:reset", args=[operator.pk])

    assert client.get(reset_url).status_code == 403
    assert client.get(reverse("staff_otp:reset", args=[operator.pk + 1000])).status_code == 403
    assert client.post(reset_url).status_code == 403
    assert TOTPDevice.objects.filter(pk=device.pk).exists()
    assert reset_url not in client.get(reverse("wagtailusers_users:index")).content.decode()
