"""Guide §4.3/§4.4 in a browser: "Ajukan Verifikasi" → the Desa operator verifies in the admin
(Data Profil Personal) → the owner sees the notification."""

import pytest
from playwright.sync_api import expect

from tests.e2e.ui import log_in
from users.choices import StaffRole
from users.factories import DEFAULT_PASSWORD, UserFactory, complete_personal_profile
from users.models import Desa
from users.staff import save_staff_account

pytestmark = pytest.mark.browser


def test_ajukan_verifikasi_then_desa_operator_verifies(site, phone, desktop, assert_accessible):
    desa = Desa.objects.get(name="Bancar", kecamatan__name="Purbalingga")
    profile = complete_personal_profile(desa)
    operator = save_staff_account(
        UserFactory(username="operator.bancar", account_type="staff"), StaffRole.DESA, desa=desa
    )

    log_in(phone, "/akun/login/", profile.user.username)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Profil Saya")
    phone.get_by_role("button", name="Ajukan Verifikasi").click()
    expect(phone.get_by_text("Pengajuan verifikasi terkirim")).to_be_visible()
    assert_accessible(phone)

    desktop.goto("/app/v1/admin/login/")
    desktop.locator("input[name=username]").fill(operator.username)
    desktop.locator("input[name=password]").fill(DEFAULT_PASSWORD)
    desktop.get_by_role("button", name="Login").click()
    desktop.get_by_role("link", name="Data Profil Personal").click()
    expect(desktop.get_by_text("1 akun menunggu verifikasi")).to_be_visible()
    desktop.get_by_role("link", name="Siti Aminah").click()
    expect(desktop.get_by_text(profile.nik)).to_be_visible()
    assert_accessible(desktop)
    desktop.get_by_role("button", name="Tolak", exact=True).click()
    expect(desktop.get_by_text("Tuliskan alasan penolakan.")).to_be_visible()
    desktop.get_by_role("button", name="Verifikasi", exact=True).click()
    expect(desktop.get_by_text("sudah diverifikasi")).to_be_visible()
    expect(desktop.get_by_role("cell", name="Diverifikasi")).to_be_visible()

    phone.goto("/akun/pemberitahuan/")
    expect(phone.get_by_text("Akun Anda sudah diverifikasi")).to_be_visible()
    assert_accessible(phone)
    phone.goto("/akun/profil/")
    expect(phone.get_by_text("Terverifikasi").first).to_be_visible()
