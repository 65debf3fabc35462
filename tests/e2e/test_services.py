"""Guide §5.2/§6.2 in a browser (issue 6): a Personal offers a service (Tawarkan Jasa → "Tambah
Jasa"); a Mitra finds it on Penawaran Jasa and uses it ("Gunakan Jasa" → Konfirmasi → "Gunakan
Jasa"); the provider accepts it and marks it Selesai; the requester sees each status, and the
provider's contact details only once the request is accepted."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.ui import account_menu, field, heading, log_in
from users.choices import VerificationStatus
from users.factories import complete_mitra_profile, complete_personal_profile
from users.models import Desa

pytestmark = pytest.mark.browser

TITLE = "Pijat Refleksi Tradisional"


def test_offer_find_use_accept_and_finish_a_service(site, desktop, second_desktop, assert_accessible):
    desa = Desa.objects.get(name="Bancar", kecamatan__name="Purbalingga")
    provider = complete_personal_profile(desa).user
    mitra = complete_mitra_profile(desa)
    mitra.verification_status = VerificationStatus.TERVERIFIKASI
    mitra.verified_at = timezone.now()
    mitra.save()

    # The Personal offers a service: Tawarkan Jasa → "Tambah Jasa" → Simpan.
    provider_page = desktop
    log_in(provider_page, "/akun/login/", provider.username)
    account_menu(provider_page, "Tawarkan Jasa")
    assert_accessible(provider_page)
    provider_page.get_by_role("link", name="Tambah Jasa", exact=True).click()
    heading(provider_page, "Tambah Jasa")
    field(provider_page, "Judul").fill(TITLE)
    field(provider_page, "Deskripsi").fill("Pijat refleksi kaki dan punggung, datang ke rumah pelanggan.")
    field(provider_page, "Kategori").select_option(label="Pijat dan Kesehatan Tradisional")
    field(provider_page, "Harga/biaya (Rp)").fill("60000")
    field(provider_page, "Satuan harga").select_option(label="per jam")
    provider_page.get_by_label("Purbalingga", exact=True).check()
    assert_accessible(provider_page)
    provider_page.get_by_role("button", name="Simpan").click()
    heading(provider_page, "Tawarkan Jasa")
    expect(provider_page.get_by_text("Jasa disimpan dan tampil di halaman Penawaran Jasa.")).to_be_visible()

    # A Mitra finds it on Penawaran Jasa with a keyword and uses it.
    user_page = second_desktop
    log_in(user_page, "/akun/login-mitra/", mitra.user.username)
    user_page.get_by_role("navigation", name="Menu utama").get_by_role(
        "link", name="Penawaran Jasa", exact=True
    ).click()
    heading(user_page, "Penawaran Jasa")
    field(user_page, "Kata kunci").fill("refleksi")
    user_page.get_by_role("button", name="Cari").click()
    expect(user_page).to_have_url(re.compile(r"q=refleksi"))
    assert_accessible(user_page)
    user_page.get_by_role("link", name=TITLE).click()
    heading(user_page, TITLE)
    expect(user_page.get_by_text(provider.email)).to_have_count(0)
    assert_accessible(user_page)
    user_page.get_by_role("link", name="Gunakan Jasa").click()
    heading(user_page, "Gunakan Jasa")
    field(user_page, "Pesan").fill("Mohon pijat untuk ayah saya hari Sabtu sore.")
    user_page.get_by_label("Email", exact=True).check()
    assert_accessible(user_page)
    user_page.get_by_role("button", name="Konfirmasi").click()
    heading(user_page, "Konfirmasi Penggunaan Jasa")
    user_page.get_by_role("button", name="Gunakan Jasa").click()
    heading(user_page, "Gunakan Jasa Terkirim")
    sent = user_page.locator("li", has_text=TITLE)
    expect(sent.locator(".request-status")).to_have_text("Dikirim")
    expect(sent.get_by_text(provider.email)).to_have_count(0)
    assert_accessible(user_page)

    # The provider accepts it in Permintaan Jasa…
    account_menu(provider_page, "Permintaan Jasa")
    received = provider_page.locator("li", has_text=mitra.name)
    expect(received.locator(".request-status")).to_have_text("Dikirim")
    assert_accessible(provider_page)
    received.get_by_role("button", name=re.compile("^Terima")).click()
    expect(received.locator(".request-status")).to_have_text("Diterima")

    # …the requester now sees Diterima and the provider's contact details…
    user_page.reload()
    expect(sent.locator(".request-status")).to_have_text("Diterima")
    expect(sent.get_by_text(provider.email)).to_be_visible()

    # …the provider marks it Selesai, and the requester sees it with the notification.
    received.get_by_role("button", name=re.compile("^Selesai")).click()
    expect(received.locator(".request-status")).to_have_text("Selesai")
    user_page.reload()
    expect(sent.locator(".request-status")).to_have_text("Selesai")
    user_page.goto("/akun/pemberitahuan/")
    expect(user_page.get_by_text(f"Jasa selesai: {TITLE}")).to_be_visible()
    assert_accessible(user_page)
