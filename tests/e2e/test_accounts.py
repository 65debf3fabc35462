"""Guide chapters 2, 3, 4.1 and 4.2 in a real browser: Daftar → email link → Login, Daftar Mitra →
Login Mitra, Verifikasi No HP with the code read from the WhatsApp gateway's files."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.ui import field, fill, open_menu
from users.factories import PersonalFactory
from users.models import BidangUsaha

pytestmark = pytest.mark.browser

PASSWORD = "Kerja#Keras2026"


def test_daftar_verify_email_then_login(site, phone, outboxes, assert_accessible):
    phone.goto("/")
    open_menu(phone)
    phone.get_by_role("banner").get_by_role("link", name="Daftar", exact=True).click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Daftar")
    assert_accessible(phone)

    fill(
        phone,
        {
            "Nama Depan": "Siti",
            "Nama Belakang": "Aminah",
            "Email": "siti.aminah@contoh.id",
            "Nomor HP": "0812 3456 7890",
            "Nama Pengguna": "siti.aminah",
            "Password": PASSWORD,
            "Konfirmasi Password": "salah",
        },
    )
    phone.get_by_label(re.compile("Ketentuan Penggunaan")).check()
    phone.get_by_role("button", name="Daftar").click()
    # A mistake keeps everything typed except the passwords, with the message beside the field.
    expect(phone.get_by_text("Konfirmasi Password tidak sama dengan Password.")).to_be_visible()
    expect(field(phone, "Nama Depan")).to_have_value("Siti")
    expect(field(phone, "Email")).to_have_value("siti.aminah@contoh.id")
    assert_accessible(phone)

    fill(phone, {"Password": PASSWORD, "Konfirmasi Password": PASSWORD})
    phone.get_by_label(re.compile("Ketentuan Penggunaan")).check()
    phone.get_by_role("button", name="Daftar").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Cek email Anda")
    expect(phone.get_by_role("button", name="Kirim Ulang")).to_be_visible()
    assert_accessible(phone)

    link = outboxes.email_link(r"http://\S+/akun/verifikasi-email/\S+/")
    phone.goto(link)
    expect(phone.get_by_text("Terima kasih, email Anda sudah terverifikasi.")).to_be_visible()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Profil Saya")

    # Verifikasi No HP: the code arrives through the WhatsApp gateway (file backend here).
    phone.get_by_role("button", name="Verifikasi No HP").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Verifikasi No HP")
    assert_accessible(phone)
    field(phone, "Kode OTP").fill(outboxes.whatsapp_code())
    phone.get_by_role("button", name="Verifikasi", exact=True).click()
    expect(phone.get_by_text("Nomor HP Anda sudah terverifikasi.")).to_be_visible()

    open_menu(phone)
    with phone.expect_navigation():
        phone.get_by_role("button", name="Keluar", exact=True).click()
    open_menu(phone)
    expect(phone.get_by_role("link", name="Log in", exact=True)).to_be_visible()
    phone.goto("/akun/login/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Login")
    assert_accessible(phone)
    fill(phone, {"Email / Nama Pengguna": "siti.aminah@contoh.id", "Password": PASSWORD})
    phone.get_by_role("button", name="Login").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Profil Saya")
    assert_accessible(phone)


def test_daftar_mitra_then_login_mitra(site, desktop, outboxes, assert_accessible):
    business_field = BidangUsaha.objects.get(name="Industri Rambut dan Bulu Mata Palsu")
    desktop.goto("/akun/daftar-mitra/")
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Daftar Mitra")
    assert_accessible(desktop)
    fill(
        desktop,
        {
            "Nama Mitra": "PT Rambut Indah",
            "Email": "hrd@rambutindah.co.id",
            "Nomor HP": "+62 857 4000 1234",
            "Nama Pengguna": "rambut_indah",
            "Password": PASSWORD,
            "Konfirmasi Password": PASSWORD,
        },
    )
    field(desktop, "Bidang Usaha").select_option(str(business_field.pk))
    desktop.get_by_label("Formal", exact=True).check()
    desktop.get_by_label(re.compile("Ketentuan Penggunaan")).check()
    desktop.get_by_role("button", name="Daftar").click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Cek email Anda")

    link = outboxes.email_link(r"http://\S+/akun/verifikasi-email/\S+/")
    desktop.goto(link)
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Profil Mitra")
    expect(desktop.get_by_text("PT Rambut Indah")).to_be_visible()
    with desktop.expect_navigation():
        desktop.get_by_role("button", name="Keluar", exact=True).click()
    expect(desktop.get_by_role("link", name="Log in", exact=True)).to_be_visible()

    # The Personal login tells a Mitra where to go.
    desktop.goto("/akun/login/")
    fill(desktop, {"Email / Nama Pengguna": "rambut_indah", "Password": PASSWORD})
    desktop.get_by_role("button", name="Login").click()
    desktop.get_by_role("alert").get_by_role("link", name="Login Mitra").click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Login Mitra")
    fill(desktop, {"Email / Nama Pengguna": "rambut_indah", "Password": PASSWORD})
    desktop.get_by_role("button", name="Login").click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Profil Mitra")
    assert_accessible(desktop)


def test_lupa_kata_sandi_personal(site, phone, outboxes, assert_accessible):
    PersonalFactory(username="budi", email="budi@contoh.id")
    phone.goto("/akun/login/")
    phone.get_by_role("link", name="Lupa Kata Sandi?").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Lupa Kata Sandi Personal")
    assert_accessible(phone)
    field(phone, "Email").fill("budi@contoh.id")
    phone.get_by_role("button", name="Kirim Tautan Reset").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Cek email Anda")

    phone.goto(outboxes.email_link(r"http://\S+/akun/reset/\S+/"))
    expect(phone.get_by_role("heading", level=1)).to_have_text("Buat password baru")
    assert_accessible(phone)
    field(phone, "Password baru").fill("BaruSekali#2026")
    field(phone, "Konfirmasi Password baru").fill("BaruSekali#2026")
    phone.get_by_role("button", name="Simpan Password").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Password sudah diganti")
    phone.get_by_role("main").get_by_role("link", name="Login", exact=True).click()
    fill(phone, {"Email / Nama Pengguna": "budi", "Password": "BaruSekali#2026"})
    phone.get_by_role("button", name="Login").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Profil Saya")
