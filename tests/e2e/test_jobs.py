"""Guide §5.1/§6.1 in a browser (issue 5): a verified Mitra posts a vacancy (Konfirmasi → Posting);
a Personal finds it with a keyword and a filter, saves it and applies; the Mitra opens the applicant
and sets Diterima with a message; the Personal sees the status, the message and the notification."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.ui import account_menu, field, heading, log_in
from users.choices import VerificationStatus
from users.factories import complete_mitra_profile, complete_personal_profile
from users.models import Desa

pytestmark = pytest.mark.browser

TITLE = "Penjahit Konveksi Seragam"
MESSAGE = "Silakan datang Senin pukul 08.00 membawa KTP."


def test_post_find_save_apply_and_accept(site, desktop, second_desktop, assert_accessible):
    desa = Desa.objects.get(name="Bancar", kecamatan__name="Purbalingga")
    mitra = complete_mitra_profile(desa)
    mitra.verification_status = VerificationStatus.TERVERIFIKASI
    mitra.verified_at = timezone.now()
    mitra.save()
    personal = complete_personal_profile(desa)

    # The Mitra posts a vacancy: the form → "Konfirmasi" (preview) → "Posting".
    mitra_page = desktop
    log_in(mitra_page, "/akun/login-mitra/", mitra.user.username)
    account_menu(mitra_page, "Memposting Lowongan")
    assert_accessible(mitra_page)
    field(mitra_page, "Judul").fill(TITLE)
    field(mitra_page, "Deskripsi").fill("Menjahit seragam sekolah di konveksi kami.")
    field(mitra_page, "Kualifikasi").fill("Bisa menjahit dengan mesin jahit high speed.")
    field(mitra_page, "Gaji minimal (Rp)").fill("2500000")
    field(mitra_page, "Gaji maksimal (Rp)").fill("3000000")
    field(mitra_page, "Tipe pekerjaan").select_option(label="Penuh Waktu")
    field(mitra_page, "Kategori/Bidang").select_option(label="Jahit dan Konveksi")
    mitra_page.get_by_label("Bobotsari", exact=True).check()
    field(mitra_page, "Kuota").fill("3")
    end_date = timezone.localdate() + datetime.timedelta(days=20)
    field(mitra_page, "Tanggal berakhir").fill(end_date.isoformat())
    mitra_page.get_by_role("button", name="Konfirmasi").click()
    heading(mitra_page, "Konfirmasi Lowongan")
    expect(mitra_page.get_by_role("heading", name=TITLE)).to_be_visible()
    assert_accessible(mitra_page)
    mitra_page.get_by_role("button", name="Posting").click()
    heading(mitra_page, "List Lowongan")
    expect(mitra_page.get_by_text("Lowongan sudah diposting")).to_be_visible()

    # The Personal finds it from the menu with a keyword and a filter, saves it and applies.
    personal_page = second_desktop
    log_in(personal_page, "/akun/login/", personal.user.username)
    personal_page.get_by_role("navigation", name="Menu utama").get_by_role(
        "link", name="Lowongan", exact=True
    ).click()
    heading(personal_page, "Lowongan")
    field(personal_page, "Kata kunci").fill("penjahit")
    field(personal_page, "Kecamatan").select_option(label="Bobotsari")
    personal_page.get_by_role("button", name="Cari").click()
    expect(personal_page).to_have_url(re.compile(r"q=penjahit"))
    expect(personal_page.get_by_text("1 lowongan", exact=True)).to_be_visible()
    assert_accessible(personal_page)
    personal_page.get_by_role("link", name=TITLE).click()
    heading(personal_page, TITLE)
    assert_accessible(personal_page)
    personal_page.get_by_role("button", name="Simpan", exact=True).click()
    expect(personal_page.get_by_role("button", name="Tersimpan (hapus)")).to_be_visible()
    personal_page.get_by_role("link", name="Lamar Sekarang").click()
    heading(personal_page, "Lamar Sekarang")
    assert_accessible(personal_page)
    personal_page.get_by_role("button", name="Kirim Lamaran").click()
    heading(personal_page, "Lamaran Terkirim")
    application = personal_page.locator("li", has=personal_page.get_by_role("link", name=TITLE))
    expect(application.locator(".application-status")).to_have_text("Terkirim")
    assert_accessible(personal_page)

    # The Mitra opens Pelamar, then the applicant, and sets Diterima with a message.
    account_menu(mitra_page, "Pelamar")
    name = personal.user.get_full_name()
    assert_accessible(mitra_page)
    mitra_page.get_by_role("link", name=name, exact=True).click()
    heading(mitra_page, name)
    expect(mitra_page.get_by_text("Penjahit berpengalaman.")).to_be_visible()
    expect(mitra_page.get_by_text(personal.nik)).to_have_count(0)
    assert_accessible(mitra_page)
    field(mitra_page, "Status").select_option(label="Diterima")
    field(mitra_page, "Pesan untuk pelamar (opsional)").fill(MESSAGE)
    mitra_page.get_by_role("button", name="Ubah Status").click()
    expect(mitra_page.get_by_text("Pelamar sudah diberi tahu.")).to_be_visible()
    heading(mitra_page, name)
    expect(mitra_page.locator(".application-status")).to_have_text("Diterima")

    # The Personal sees the status with the message, and the notification.
    personal_page.reload()
    expect(application.locator(".application-status")).to_have_text("Diterima")
    expect(application.get_by_text(MESSAGE)).to_be_visible()
    personal_page.goto("/akun/pemberitahuan/")
    expect(personal_page.get_by_text(f"Lamaran {TITLE}: Diterima")).to_be_visible()
    assert_accessible(personal_page)
