"""The official user guide (reference/panduan-penggunaan.txt) walked chapter by chapter in a real
browser, with the guide's own labels: one test per part of the guide, each a continuous story.

- ch. 2.1, 3.1, 4, 5 and 4.3/4.4: a Personal registers ("Daftar"), verifies the email and the phone,
  completes "Profil Saya", downloads the resume, asks for verification; the Desa operator verifies;
- ch. 2.2, 3.2, 4, 6 and 4.3: a Mitra registers ("Daftar Mitra"), uploads its documents, asks for
  verification; the Verifikator verifies; the Mitra posts a vacancy (6.1);
- ch. 5.1, 6 (Pelamar) and the ratings: find, save, apply, accept, print, rate both ways;
- ch. 5.2 and 6.2: a service offered, used, accepted, finished and rated both ways;
- ch. 8: the three "Lupa Kata Sandi" flows;
- ch. 3.3 and 7.1: each admin role and its menu; ch. 9: every public menu entry.

The Personal is on a phone (mobile first), the Mitra and the staff on desktops. The people of the
first two stories register through the UI; staff accounts come from `users.staff` (as Pengaturan →
Pengguna makes them). The later stories start from accounts made with the factories, see their
docstrings. The DB is emptied between tests, so no test relies on another.
"""

import datetime
import re
from io import BytesIO
from pathlib import Path

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader, PdfWriter

from marketplace.factories import VacancyFactory
from tests.e2e.test_public_menu import follow
from tests.e2e.test_ratings import give_rating
from tests.e2e.ui import account_menu, field, fill, heading, log_in, open_menu
from users.choices import StaffRole, VerificationStatus
from users.factories import DEFAULT_PASSWORD, UserFactory, complete_mitra_profile, complete_personal_profile
from users.models import Desa, Kecamatan
from users.staff import install_role_groups, save_staff_account

pytestmark = pytest.mark.browser

PASSWORD = "Kepenak#Ngodene26"
ADMIN_LOGIN = "/app/v1/admin/login/"
EMAIL_LINK = r"http://\S+/akun/verifikasi-email/\S+/"


# --- small helpers --------------------------------------------------------------------------------


def photo_file():
    buffer = BytesIO()
    Image.new("RGB", (480, 640), (40, 110, 160)).save(buffer, "JPEG")
    return {"name": "foto.jpg", "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


def pdf_file(name):
    """A small valid one-page PDF."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = BytesIO()
    writer.write(buffer)
    return {"name": name, "mimeType": "application/pdf", "buffer": buffer.getvalue()}


def png_file(name):
    buffer = BytesIO()
    Image.new("RGB", (400, 300), (250, 250, 250)).save(buffer, "PNG")
    return {"name": name, "mimeType": "image/png", "buffer": buffer.getvalue()}


def downloaded_pdf_text(download_info):
    """The text of a downloaded PDF (whitespace collapsed), after checking it is one."""
    data = Path(download_info.value.path()).read_bytes()
    assert data.startswith(b"%PDF"), data[:20]
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)
    return " ".join(text.split())


def verify_email_from_inbox(page, outboxes, email):
    """§4.1: the link in the email opens the account, logged in."""
    page.goto(outboxes.email_link(EMAIL_LINK, to=email))
    expect(page.get_by_text("Terima kasih, email Anda sudah terverifikasi.")).to_be_visible()


def verify_phone(page, outboxes, phone_62, assert_accessible=None):
    """§4.2: "Verifikasi No HP" on the profile, the OTP arrives by WhatsApp, "Verifikasi"."""
    page.get_by_role("button", name="Verifikasi No HP").click()
    heading(page, "Verifikasi No HP")
    if assert_accessible:
        assert_accessible(page)
    field(page, "Kode OTP").fill(outboxes.whatsapp_code(to=phone_62))
    page.get_by_role("button", name="Verifikasi", exact=True).click()
    expect(page.get_by_text("Nomor HP Anda sudah terverifikasi.")).to_be_visible()


def admin_log_in(page, username, password=DEFAULT_PASSWORD):
    """§3.3: the one login page of every admin level, landing on the Dasbor."""
    page.context.clear_cookies()
    page.goto(ADMIN_LOGIN)
    submit_admin_login(page, username, password)


def submit_admin_login(page, username, password):
    expect(page).to_have_title(re.compile("Login Admin"))
    # §3.3 step 2 "Username" and "Password" (the form says "Nama pengguna").
    field(page, "Nama pengguna").fill(username)
    field(page, "Password").fill(password)
    page.get_by_role("button", name="Login").click()
    expect(page.locator(".sidebar-main-menu")).to_be_visible()


def account_menu_labels(page):
    """The entries of the account menu (sidebar), as shown."""
    links = page.get_by_role("navigation", name="Menu akun").get_by_role("link")
    return [text.strip() for text in links.all_inner_texts()]


# ch. 5 and ch. 6: the menus of the Personal and the Mitra, in the guide's words ("Ganti Password" is
# part of "Profil Saya"/"Profil Mitra" in the guide; "Dokumen" too for the Mitra).
PERSONAL_MENU = [
    "Profil Saya",
    "Resume",
    "Testimoni",
    "Lowongan Tersimpan",
    "Lamaran Terkirim",
    "Pemberitahuan",
    "Tawarkan Jasa",
    "Permintaan Jasa",
    "Pengguna Jasa",
    "Jasa Tersimpan",
    "Gunakan Jasa Terkirim",
    "Ganti Password",
]
MITRA_MENU = [
    "Profil Mitra",
    "Dokumen",
    "Pemberitahuan",
    "Testimoni",
    "Memposting Lowongan",
    "List Lowongan",
    "Pelamar",
    "Pengumuman",
    "Tawarkan Jasa",
    "Permintaan Jasa",
    "Pengguna Jasa",
    "Jasa Tersimpan",
    "Gunakan Jasa Terkirim",
    "Ganti Password",
]


def verification_badge(page):
    return page.get_by_role("heading", name=re.compile(r"^Verifikasi Akun"))


def staff(username, role, **scope):
    return save_staff_account(UserFactory(username=username, account_type="staff"), role, **scope)


# --- ch. 2.1, 3.1, 4, 5: a Personal from "Daftar" to "Terverifikasi" ------------------------------


def test_personal_from_daftar_to_verified(site, phone, desktop, outboxes, assert_accessible):
    bancar = Desa.objects.get(name="Bancar", kecamatan__name="Purbalingga")
    operator = staff("operator.bancar", StaffRole.DESA, desa=bancar)

    # §2.1 step 1: the "Daftar" button at the top right (inside the menu on a phone).
    phone.goto("/")
    open_menu(phone)
    phone.get_by_role("banner").get_by_role("link", name="Daftar", exact=True).click()
    heading(phone, "Daftar")
    # §2.1 steps 2–4: the form, the consent, "Daftar".
    fill(
        phone,
        {
            "Nama Depan": "Wulan",
            "Nama Belakang": "Sari",
            "Email": "wulan.sari@contoh.id",
            "Nomor HP": "0812 7000 1234",
            "Nama Pengguna": "wulan.sari",
            "Password": PASSWORD,
            "Konfirmasi Password": PASSWORD,
        },
    )
    phone.get_by_label(re.compile("Ketentuan Penggunaan")).check()
    phone.get_by_role("button", name="Daftar").click()
    # §2.1 step 5, §4.1: check the email; "Kirim Ulang" is there if it does not arrive.
    heading(phone, "Cek email Anda")
    expect(phone.get_by_role("button", name="Kirim Ulang")).to_be_visible()
    # §2.1 step 6: the link activates the account.
    verify_email_from_inbox(phone, outboxes, "wulan.sari@contoh.id")
    heading(phone, "Profil Saya")

    # §3.1: "Log in" at the top right → Login → Profil Personal ("Profil Saya").
    open_menu(phone)
    with phone.expect_navigation():
        phone.get_by_role("button", name="Keluar", exact=True).click()
    open_menu(phone)
    phone.get_by_role("banner").get_by_role("link", name="Log in", exact=True).click()
    heading(phone, "Login")
    fill(phone, {"Email / Nama Pengguna": "wulan.sari", "Password": PASSWORD})
    phone.get_by_role("button", name="Login").click()
    heading(phone, "Profil Saya")

    # ch. 5: every entry of the Personal's menu.
    assert set(PERSONAL_MENU) <= set(account_menu_labels(phone)), account_menu_labels(phone)

    # §4.2: "Verifikasi No HP", OTP read from the WhatsApp gateway's output.
    verify_phone(phone, outboxes, "6281270001234")

    # §4.4 step 1: "Ajukan Verifikasi" waits for a complete profile.
    expect(
        phone.get_by_text("Lengkapi profil hingga 100% untuk dapat menekan tombol Ajukan Verifikasi.")
    ).to_be_visible()
    expect(phone.get_by_role("button", name="Ajukan Verifikasi")).to_have_count(0)

    # ch. 5 "Profil Saya": Data Personal, Pengalaman Kerja, Pendidikan, Keterampilan, Organisasi.
    phone.get_by_role("link", name="Ubah Data Personal").click()
    heading(phone, "Data Personal")
    fill(
        phone,
        {
            "NIK": "3303014507980002",
            "Tempat Lahir": "Purbalingga",
            "Tanggal Lahir": "1999-03-12",
            "Alamat": "Jl. Jenderal Sudirman 20, RT 01/RW 02",
            "Ringkasan Diri": "Penjahit rapi dan tepat waktu.",
        },
    )
    field(phone, "Jenis Kelamin").select_option(label="Perempuan")
    field(phone, "Kecamatan").select_option(label="Purbalingga")
    field(phone, "Desa/Kelurahan").select_option(label="Bancar")
    field(phone, "Pendidikan Terakhir").select_option(label="SMA/SMK/Sederajat")
    field(phone, "Status Mencari Kerja").select_option(label="Sedang mencari kerja")
    field(phone, "Foto").set_input_files(photo_file())
    phone.get_by_role("button", name="Simpan", exact=True).click()
    expect(phone.get_by_text("Data Personal disimpan.")).to_be_visible()

    phone.get_by_role("link", name="Tambah Pengalaman Kerja").click()
    fill(
        phone,
        {
            "Jabatan/Posisi": "Penjahit",
            "Nama Perusahaan/Usaha": "Konveksi Maju Jaya",
            "Tanggal Mulai": "2021-02-01",
            "Tanggal Selesai": "2024-01-31",
        },
    )
    phone.get_by_role("button", name="Simpan", exact=True).click()
    expect(phone.get_by_text("Pengalaman Kerja ditambahkan.")).to_be_visible()

    phone.get_by_role("link", name="Tambah Pendidikan").click()
    field(phone, "Jenjang").select_option(label="SMA/SMK/Sederajat")
    fill(
        phone,
        {
            "Nama Sekolah/Kampus": "SMK Negeri 1 Purbalingga",
            "Jurusan": "Tata Busana",
            "Tahun Masuk": "2014",
            "Tahun Lulus": "2017",
        },
    )
    phone.get_by_role("button", name="Simpan", exact=True).click()
    expect(phone.get_by_text("Pendidikan ditambahkan.")).to_be_visible()

    phone.get_by_role("link", name="Tambah Keterampilan").click()
    field(phone, "Keterampilan").fill("Menjahit")
    field(phone, "Tingkat").select_option(label="Mahir")
    phone.get_by_role("button", name="Simpan", exact=True).click()
    expect(phone.get_by_text("Keterampilan ditambahkan.")).to_be_visible()

    phone.get_by_label("Saya tidak memiliki pengalaman organisasi (tidak ada)").check()
    phone.get_by_role("button", name="Simpan Organisasi").click()
    expect(phone.get_by_role("heading", name="Kelengkapan profil: 100%")).to_be_visible()

    # ch. 5 "Resume": view and download the PDF made from the profile.
    account_menu(phone, "Resume")
    expect(phone.get_by_role("heading", name="Wulan Sari")).to_be_visible()
    with phone.expect_download() as resume:
        phone.get_by_role("link", name="Unduh Resume").click()
    text = downloaded_pdf_text(resume)
    assert "Wulan Sari" in text
    assert "Konveksi Maju Jaya" in text

    # §4.4 steps 2–3: "Ajukan Verifikasi", then the Desa operator of Bancar decides.
    account_menu(phone, "Profil Saya")
    phone.get_by_role("button", name="Ajukan Verifikasi").click()
    expect(phone.get_by_text("Pengajuan verifikasi terkirim")).to_be_visible()
    expect(verification_badge(phone)).to_contain_text("Diajukan")

    # §4.3, §7.2 "Verifikasi Akun" in the menu Data Profil (Data Profil Personal).
    admin_log_in(desktop, operator.username)
    desktop.get_by_role("link", name="Data Profil Personal").click()
    expect(desktop.get_by_text("1 akun menunggu verifikasi")).to_be_visible()
    desktop.get_by_role("link", name="Wulan Sari").click()
    expect(desktop.get_by_role("heading", name="Verifikasi Akun")).to_be_visible()
    desktop.get_by_role("button", name="Verifikasi", exact=True).click()
    expect(desktop.get_by_text("Akun Wulan Sari sudah diverifikasi.")).to_be_visible()

    # §4.4 step 4: the Personal is told ("Pemberitahuan") and the profile says so.
    account_menu(phone, "Pemberitahuan")
    expect(phone.get_by_text("Akun Anda sudah diverifikasi")).to_be_visible()
    account_menu(phone, "Profil Saya")
    expect(verification_badge(phone)).to_contain_text("Terverifikasi")
    assert_accessible(phone)


# --- ch. 2.2, 3.2, 4, 6: a Mitra from "Daftar Mitra" to its first vacancy -------------------------


def test_mitra_from_daftar_mitra_to_posting(site, desktop, second_desktop, outboxes, assert_accessible):
    verifikator = staff("verifikator", StaffRole.VERIFIKATOR)
    mitra_page, staff_page = desktop, second_desktop

    # §2.2 step 1: the "Daftar Mitra" page, from "Daftar" at the top right.
    mitra_page.goto("/")
    mitra_page.get_by_role("banner").get_by_role("link", name="Daftar", exact=True).click()
    mitra_page.get_by_role("main").get_by_role("link", name="Daftar Mitra", exact=True).click()
    heading(mitra_page, "Daftar Mitra")
    # §2.2 steps 2–4: Nama Mitra, Bidang Usaha, Kategori Mitra (Formal), Email, Nomor HP, Nama
    # Pengguna, Password; the consent; "Daftar".
    fill(
        mitra_page,
        {
            "Nama Mitra": "CV Konveksi Maju",
            "Email": "hrd@konveksimaju.co.id",
            "Nomor HP": "0857 4000 5678",
            "Nama Pengguna": "konveksi_maju",
            "Password": PASSWORD,
            "Konfirmasi Password": PASSWORD,
        },
    )
    field(mitra_page, "Bidang Usaha").select_option(label="Industri Rambut dan Bulu Mata Palsu")
    mitra_page.get_by_label("Formal", exact=True).check()
    mitra_page.get_by_label(re.compile("Ketentuan Penggunaan")).check()
    mitra_page.get_by_role("button", name="Daftar").click()
    heading(mitra_page, "Cek email Anda")
    # §2.2 step 5: the email link.
    verify_email_from_inbox(mitra_page, outboxes, "hrd@konveksimaju.co.id")
    heading(mitra_page, "Profil Mitra")

    # §3.2: Login Mitra → Profil Mitra.
    with mitra_page.expect_navigation():
        mitra_page.get_by_role("button", name="Keluar", exact=True).click()
    mitra_page.get_by_role("banner").get_by_role("link", name="Log in", exact=True).click()
    mitra_page.get_by_role("main").get_by_role("link", name="Login Mitra", exact=True).click()
    heading(mitra_page, "Login Mitra")
    fill(mitra_page, {"Email / Nama Pengguna": "hrd@konveksimaju.co.id", "Password": PASSWORD})
    mitra_page.get_by_role("button", name="Login").click()
    heading(mitra_page, "Profil Mitra")
    expect(mitra_page.get_by_text("CV Konveksi Maju")).to_be_visible()
    # ch. 6: every entry of the Mitra's menu.
    assert set(MITRA_MENU) <= set(account_menu_labels(mitra_page)), account_menu_labels(mitra_page)

    # §4.2 on the Mitra's profile.
    verify_phone(mitra_page, outboxes, "6285740005678")

    # ch. 6 "Profil Mitra": Data Mitra …
    fill(
        mitra_page,
        {
            "Alamat": "Jl. Raya Bobotsari 8",
            "Deskripsi": "Konveksi seragam sekolah dan kantor sejak 2010, 25 karyawan.",
            "Nama Narahubung": "Bu Ratna",
            "Nomor HP Narahubung": "081390001111",
        },
    )
    field(mitra_page, "Kecamatan").select_option(label="Bobotsari")
    field(mitra_page, "Desa/Kelurahan").select_option(label="Bobotsari")
    mitra_page.get_by_role("button", name="Simpan Data Mitra").click()
    expect(mitra_page.get_by_text("Data Mitra sudah disimpan.")).to_be_visible()

    # … and Dokumen (SIUP, NPWP, …): a PDF and a PNG.
    account_menu(mitra_page, "Dokumen")
    assert_accessible(mitra_page)
    for doc_type, upload in (("SIUP", pdf_file("siup-konveksi.pdf")), ("NPWP", png_file("npwp.png"))):
        field(mitra_page, "Jenis dokumen").select_option(label=doc_type)
        field(mitra_page, "Berkas").set_input_files(upload)
        mitra_page.get_by_role("button", name="Unggah", exact=True).click()
        expect(mitra_page.get_by_text(f"{doc_type} {upload['name']} sudah diunggah.")).to_be_visible()

    # §4.4: complete profile → "Ajukan Verifikasi".
    account_menu(mitra_page, "Profil Mitra")
    expect(mitra_page.get_by_role("heading", name="Kelengkapan profil: 100%")).to_be_visible()
    mitra_page.get_by_role("button", name="Ajukan Verifikasi").click()
    expect(mitra_page.get_by_text("Pengajuan verifikasi terkirim")).to_be_visible()
    expect(verification_badge(mitra_page)).to_contain_text("Diajukan")

    # §4.3, §7.2: the Verifikator checks the documents in Data Profil Mitra and verifies.
    admin_log_in(staff_page, verifikator.username)
    staff_page.get_by_role("link", name="Data Profil Mitra").click()
    expect(staff_page.get_by_text("1 akun menunggu verifikasi")).to_be_visible()
    assert_accessible(staff_page)
    staff_page.get_by_role("link", name="CV Konveksi Maju").click()
    documents = staff_page.locator("section", has=staff_page.get_by_role("heading", name="Dokumen"))
    expect(documents.get_by_role("link", name="siup-konveksi.pdf")).to_be_visible()
    expect(documents.get_by_role("link", name="npwp.png")).to_be_visible()
    assert_accessible(staff_page)
    staff_page.get_by_role("button", name="Verifikasi", exact=True).click()
    expect(staff_page.get_by_text("Akun CV Konveksi Maju sudah diverifikasi.")).to_be_visible()

    account_menu(mitra_page, "Pemberitahuan")
    expect(mitra_page.get_by_text("Akun Anda sudah diverifikasi")).to_be_visible()

    # §6.1: "Memposting Lowongan" → the form → "Konfirmasi" → "Posting".
    title = "Operator Jahit Seragam"
    account_menu(mitra_page, "Memposting Lowongan")
    field(mitra_page, "Judul").fill(title)
    field(mitra_page, "Deskripsi").fill("Menjahit seragam sekolah di konveksi kami.")
    field(mitra_page, "Kualifikasi").fill("Bisa mengoperasikan mesin jahit high speed.")
    field(mitra_page, "Gaji minimal (Rp)").fill("2300000")
    field(mitra_page, "Gaji maksimal (Rp)").fill("2800000")
    field(mitra_page, "Tipe pekerjaan").select_option(label="Penuh Waktu")
    field(mitra_page, "Kategori/Bidang").select_option(label="Jahit dan Konveksi")
    mitra_page.get_by_label("Bobotsari", exact=True).check()
    field(mitra_page, "Kuota").fill("2")
    end_date = timezone.localdate() + datetime.timedelta(days=30)
    field(mitra_page, "Tanggal berakhir").fill(end_date.isoformat())
    mitra_page.get_by_role("button", name="Konfirmasi").click()
    heading(mitra_page, "Konfirmasi Lowongan")
    mitra_page.get_by_role("button", name="Posting").click()
    heading(mitra_page, "List Lowongan")
    expect(mitra_page.get_by_text("Lowongan sudah diposting")).to_be_visible()
    # ch. 6 "List Lowongan": see, edit ("Ubah"), extend ("Perpanjang"), its applicants.
    row = mitra_page.locator("li", has_text=title)
    expect(row.get_by_role("link", name=title, exact=True)).to_be_visible()
    expect(row.get_by_role("link", name=f"Ubah {title}")).to_be_visible()
    expect(row.get_by_role("link", name="Perpanjang")).to_be_visible()
    expect(row.get_by_role("link", name="0 pelamar")).to_be_visible()

    # §2.3/§9: the category decides where the Mitra is shown; the vacancy is on Lowongan.
    nav = mitra_page.get_by_role("navigation", name="Menu utama")
    nav.get_by_role("link", name="Mitra Formal", exact=True).click()
    heading(mitra_page, "Mitra Formal")
    expect(mitra_page.get_by_role("link", name="CV Konveksi Maju")).to_be_visible()
    nav.get_by_role("link", name="Lowongan", exact=True).click()
    heading(mitra_page, "Lowongan")
    expect(mitra_page.get_by_role("link", name=title)).to_be_visible()


# --- ch. 5.1, 6 (Pelamar) and ratings -----------------------------------------------------------


def test_find_save_apply_accept_print_and_rate(site, phone, desktop, assert_accessible):
    """Starts from a verified Personal with a complete profile and a verified Mitra with one
    published vacancy, all made with the factories (their registration is walked in the two
    tests above); everything the guide has them do from here is done in the browser."""
    bancar = Desa.objects.get(name="Bancar", kecamatan__name="Purbalingga")
    personal = complete_personal_profile(bancar, first_name="Dewi", last_name="Lestari")
    personal.verification_status = VerificationStatus.TERVERIFIKASI
    personal.verified_at = timezone.now()
    personal.save()
    mitra = complete_mitra_profile(bancar)
    mitra.name = "PT Busana Perwira"
    mitra.verification_status = VerificationStatus.TERVERIFIKASI
    mitra.verified_at = timezone.now()
    mitra.save()
    title = "Penjahit Busana Muslim"
    VacancyFactory(mitra=mitra, title=title, locations=[Kecamatan.objects.get(name="Bobotsari")])
    # Found by the keyword too, left out by the Kecamatan filter.
    VacancyFactory(mitra=mitra, title="Penjahit Rumahan", locations=[Kecamatan.objects.get(name="Kutasari")])

    # §5.1 steps 1–3: Lowongan from the main menu, search and filter, the detail.
    personal_page = phone
    log_in(personal_page, "/akun/login/", personal.user.username)
    open_menu(personal_page).get_by_role("link", name="Lowongan", exact=True).click()
    heading(personal_page, "Lowongan")
    field(personal_page, "Kata kunci").fill("penjahit")
    field(personal_page, "Kecamatan").select_option(label="Bobotsari")
    personal_page.get_by_role("button", name="Cari").click()
    expect(personal_page.get_by_text("1 lowongan", exact=True)).to_be_visible()
    personal_page.get_by_role("link", name=title).click()
    heading(personal_page, title)

    # ch. 5 "Lowongan Tersimpan": save it, find it again there.
    personal_page.get_by_role("button", name="Simpan", exact=True).click()
    expect(personal_page.get_by_role("button", name="Tersimpan (hapus)")).to_be_visible()
    open_menu(personal_page)
    personal_page.get_by_role("banner").get_by_role("link", name="Profil Saya", exact=True).click()
    account_menu(personal_page, "Lowongan Tersimpan")
    assert_accessible(personal_page)
    personal_page.get_by_role("link", name=title).click()

    # §5.1 steps 4–6: "Lamar Sekarang", confirm, it is in "Lamaran Terkirim".
    personal_page.get_by_role("link", name="Lamar Sekarang").click()
    heading(personal_page, "Lamar Sekarang")
    personal_page.get_by_role("button", name="Kirim Lamaran").click()
    heading(personal_page, "Lamaran Terkirim")
    application = personal_page.locator("li", has=personal_page.get_by_role("link", name=title))
    expect(application.locator(".application-status")).to_have_text("Terkirim")

    # ch. 6 "Pelamar": the Mitra opens the applicant, sets "Diterima", prints the PDF.
    mitra_page = desktop
    log_in(mitra_page, "/akun/login-mitra/", mitra.user.username)
    account_menu(mitra_page, "Pemberitahuan")
    expect(mitra_page.get_by_text(f"Lamaran baru untuk {title}")).to_be_visible()
    account_menu(mitra_page, "Pelamar")
    mitra_page.get_by_role("link", name="Dewi Lestari", exact=True).click()
    heading(mitra_page, "Dewi Lestari")
    field(mitra_page, "Status").select_option(label="Diterima")
    mitra_page.get_by_role("button", name="Ubah Status").click()
    expect(mitra_page.get_by_text("Pelamar sudah diberi tahu.")).to_be_visible()
    expect(mitra_page.locator(".application-status")).to_have_text("Diterima")
    with mitra_page.expect_download() as printed:
        mitra_page.get_by_role("link", name="Cetak PDF").click()
    text = downloaded_pdf_text(printed)
    assert "Dewi Lestari" in text
    assert title in text
    assert personal.nik not in text

    # Ratings: the Mitra rates the applicant (Pelamar) …
    mitra_page.get_by_role("link", name=re.compile(r"^Berikan Rating")).click()
    give_rating(mitra_page, 5, "Rajin dan tepat waktu.")
    mitra_page.get_by_role("button", name="Simpan Rating").click()
    expect(mitra_page.get_by_text("Rating Anda:")).to_be_visible()

    # … and the Personal rates the Mitra from "Lamaran Terkirim" (ch. 5).
    personal_page.reload()
    expect(application.locator(".application-status")).to_have_text("Diterima")
    application.get_by_role("link", name=re.compile(r"^Berikan Rating")).click()
    give_rating(personal_page, 4, "Proses rekrutmen cepat dan jelas.")
    personal_page.get_by_role("button", name="Simpan Rating").click()
    heading(personal_page, "Lamaran Terkirim")
    expect(application.get_by_text("Rating Anda:")).to_be_visible()

    # Both have rated: the review is public on the Mitra's page (Mitra Formal).
    personal_page.goto(f"/mitra-formal/{mitra.pk}/")
    heading(personal_page, "PT Busana Perwira")
    expect(personal_page.get_by_text("Proses rekrutmen cepat dan jelas.")).to_be_visible()


# --- ch. 5.2, 6.2: a service offered, used, accepted, finished and rated -------------------------


def test_service_offered_used_accepted_finished_rated(site, phone, desktop, assert_accessible):
    """Starts from a verified Mitra (the provider, §6.2) and a Personal with a complete profile (the
    user, §5.2), made with the factories; everything else is done in the browser."""
    bancar = Desa.objects.get(name="Bancar", kecamatan__name="Purbalingga")
    mitra = complete_mitra_profile(bancar)
    mitra.name = "Bengkel Las Sinar Jaya"
    mitra.verification_status = VerificationStatus.TERVERIFIKASI
    mitra.verified_at = timezone.now()
    mitra.save()
    personal = complete_personal_profile(bancar, first_name="Agus", last_name="Prasetyo")
    title = "Las Pagar dan Teralis"

    # §6.2: "Tawarkan Jasa" → "Tambah Jasa" → Judul, Deskripsi, Kategori, Harga/biaya → Simpan.
    provider_page = desktop
    log_in(provider_page, "/akun/login-mitra/", mitra.user.username)
    account_menu(provider_page, "Tawarkan Jasa")
    provider_page.get_by_role("link", name="Tambah Jasa", exact=True).click()
    heading(provider_page, "Tambah Jasa")
    field(provider_page, "Judul").fill(title)
    field(provider_page, "Deskripsi").fill("Pembuatan dan perbaikan pagar, teralis dan kanopi besi.")
    field(provider_page, "Kategori").select_option(index=1)
    field(provider_page, "Harga/biaya (Rp)").fill("150000")
    field(provider_page, "Satuan harga").select_option(label="per jam")
    provider_page.get_by_label("Purbalingga", exact=True).check()
    provider_page.get_by_role("button", name="Simpan").click()
    heading(provider_page, "Tawarkan Jasa")
    expect(provider_page.get_by_text("Jasa disimpan dan tampil di halaman Penawaran Jasa.")).to_be_visible()

    # §5.2 steps 1–5: Penawaran Jasa → search → detail → "Gunakan Jasa" → confirm.
    user_page = phone
    log_in(user_page, "/akun/login/", personal.user.username)
    open_menu(user_page).get_by_role("link", name="Penawaran Jasa", exact=True).click()
    heading(user_page, "Penawaran Jasa")
    field(user_page, "Kata kunci").fill("teralis")
    user_page.get_by_role("button", name="Cari").click()
    user_page.get_by_role("link", name=title).click()
    heading(user_page, title)
    user_page.get_by_role("link", name="Gunakan Jasa").click()
    heading(user_page, "Gunakan Jasa")
    field(user_page, "Pesan").fill("Mohon dibuatkan teralis untuk dua jendela depan rumah.")
    user_page.get_by_label("Email", exact=True).check()
    user_page.get_by_role("button", name="Konfirmasi").click()
    heading(user_page, "Konfirmasi Penggunaan Jasa")
    user_page.get_by_role("button", name="Gunakan Jasa").click()
    # §5.2 step 6: "Gunakan Jasa Terkirim".
    heading(user_page, "Gunakan Jasa Terkirim")
    sent = user_page.locator("li", has_text=title)
    expect(sent.locator(".request-status")).to_have_text("Dikirim")

    # "Permintaan Jasa": the provider accepts ("Terima") and then finishes ("Selesai").
    account_menu(provider_page, "Permintaan Jasa")
    received = provider_page.locator("li", has_text="Agus Prasetyo")
    received.get_by_role("button", name=re.compile("^Terima")).click()
    expect(received.locator(".request-status")).to_have_text("Diterima")
    user_page.reload()
    expect(sent.locator(".request-status")).to_have_text("Diterima")
    received.get_by_role("button", name=re.compile("^Selesai")).click()
    expect(received.locator(".request-status")).to_have_text("Selesai")

    # The user rates the provider from "Gunakan Jasa Terkirim" …
    user_page.reload()
    expect(sent.locator(".request-status")).to_have_text("Selesai")
    sent.get_by_role("link", name=re.compile(r"^Berikan Rating")).click()
    give_rating(user_page, 5, "Rapi, cepat dan harga sesuai.")
    user_page.get_by_role("button", name="Simpan Rating").click()
    heading(user_page, "Gunakan Jasa Terkirim")
    expect(sent.get_by_text("Rating Anda:")).to_be_visible()

    # … and the provider rates the user from "Pengguna Jasa".
    account_menu(provider_page, "Pengguna Jasa")
    assert_accessible(provider_page)
    row = provider_page.get_by_role("row", name=re.compile("Agus Prasetyo"))
    row.get_by_role("link", name=re.compile(r"^Berikan Rating")).click()
    give_rating(provider_page, 5)
    provider_page.get_by_role("button", name="Simpan Rating").click()
    heading(provider_page, "Pengguna Jasa")
    expect(row.get_by_text("Rating Anda:")).to_be_visible()


# --- ch. 8: Lupa Password ---------------------------------------------------------------------------


def set_new_password(page, outboxes, email, new_password):
    """§8.1/§8.2 steps 3–4: the link in the email, then the new password."""
    page.goto(outboxes.email_link(r"http://\S+/akun/reset/\S+/", to=email))
    heading(page, "Buat password baru")
    field(page, "Password baru").fill(new_password)
    field(page, "Konfirmasi Password baru").fill(new_password)
    page.get_by_role("button", name="Simpan Password").click()
    heading(page, "Password sudah diganti")


def test_lupa_kata_sandi_personal_mitra_and_staff(
    site, phone, desktop, outboxes, assert_accessible, settings, server_url
):
    """The three accounts are made with the factories; each resets its password in the browser."""
    # The admin's emails link to WAGTAILADMIN_BASE_URL ("http://testserver" in the test settings;
    # `make prod-check` sets it to the stack's address).
    settings.WAGTAILADMIN_BASE_URL = server_url
    bancar = Desa.objects.get(name="Bancar", kecamatan__name="Purbalingga")
    personal = complete_personal_profile(bancar, username="rina", email="rina@contoh.id")
    mitra = complete_mitra_profile(bancar, username="tokobaru", email="admin@tokobaru.id")
    operator = save_staff_account(
        UserFactory(username="desa.bancar", email="desa.bancar@purbalinggakab.go.id", account_type="staff"),
        StaffRole.DESA,
        desa=bancar,
    )

    # §8.1 Personal: Login → "Lupa Kata Sandi?" → "Lupa Kata Sandi Personal".
    phone.goto("/akun/login/")
    phone.get_by_role("link", name="Lupa Kata Sandi?", exact=True).click()
    heading(phone, "Lupa Kata Sandi Personal")
    field(phone, "Email").fill(personal.user.email)
    phone.get_by_role("button", name="Kirim Tautan Reset").click()
    heading(phone, "Cek email Anda")
    set_new_password(phone, outboxes, personal.user.email, "Personal#Baru26")
    phone.get_by_role("main").get_by_role("link", name="Login", exact=True).click()
    fill(phone, {"Email / Nama Pengguna": "rina", "Password": "Personal#Baru26"})
    phone.get_by_role("button", name="Login").click()
    heading(phone, "Profil Saya")

    # §8.2 Mitra: Login Mitra → "Lupa Kata Sandi?" → "Lupa Kata Sandi Mitra".
    desktop.goto("/akun/login-mitra/")
    heading(desktop, "Login Mitra")
    desktop.get_by_role("link", name="Lupa Kata Sandi?", exact=True).click()
    heading(desktop, "Lupa Kata Sandi Mitra")
    field(desktop, "Email").fill(mitra.user.email)
    desktop.get_by_role("button", name="Kirim Tautan Reset").click()
    heading(desktop, "Cek email Anda")
    set_new_password(desktop, outboxes, mitra.user.email, "Mitra#Baru2026")
    desktop.get_by_role("main").get_by_role("link", name="Login Mitra", exact=True).click()
    fill(desktop, {"Email / Nama Pengguna": "tokobaru", "Password": "Mitra#Baru2026"})
    desktop.get_by_role("button", name="Login").click()
    heading(desktop, "Profil Mitra")

    # §8.3 Admin: "Lupa Kata Sandi?" on the admin login page (Wagtail's reset pages, in Indonesian).
    desktop.context.clear_cookies()
    desktop.goto(ADMIN_LOGIN)
    desktop.get_by_role("link", name="Lupa Kata Sandi?").click()
    heading(desktop, "Atur ulang kata sandi Anda")
    assert_accessible(desktop)
    desktop.get_by_label("Masukkan alamat surel untuk atur ulang kata sandi anda").fill(operator.email)
    desktop.get_by_role("button", name="Atur ulang kata sandi").click()
    heading(desktop, "Periksa surel Anda")
    desktop.goto(
        outboxes.email_link(r"http://\S+/app/v1/admin/password_reset/confirm/\S+/", to=operator.email)
    )
    heading(desktop, "Atur kata sandi baru Anda")
    field(desktop, "Sandi baru").fill("Staf#Baru2026")
    field(desktop, "Konfirmasi sandi baru").fill("Staf#Baru2026")
    desktop.get_by_role("button", name="Atur ulang kata sandi").click()
    heading(desktop, "Kata sandi berhasil diubah")
    desktop.get_by_role("link", name="Login", exact=True).click()
    submit_admin_login(desktop, operator.username, "Staf#Baru2026")
    expect(desktop.get_by_role("link", name="Data Profil Personal")).to_be_visible()


# --- ch. 3.3, 7.1: each admin level and its menu ------------------------------------------------

# Guide §7.1, the matrix as printed (its footnote splits the rating row: Rating Mitra for every
# level, Rating Personal and Rating Personal (Jasa) for Super Admin, Admin and Desa).
SA, A, DIN, KEC, VER, DESA = (
    StaffRole.SUPER_ADMIN,
    StaffRole.ADMIN,
    StaffRole.DINAKER,
    StaffRole.KECAMATAN,
    StaffRole.VERIFIKATOR,
    StaffRole.DESA,
)
GUIDE_MATRIX = {
    "Dasbor": (SA, A, DIN, KEC, VER, DESA),
    "Laporan Personal": (SA, A, DIN, KEC),
    "Laporan Mitra": (SA, A, DIN, KEC),
    "Data Profil Personal": (SA, A, DESA),
    "Data Profil Mitra": (SA, A, DIN, KEC, VER, DESA),
    "List Lowongan": (SA, A, DIN, KEC, VER, DESA),
    "Lamaran Belum Direspon": (SA, A, DIN, KEC, VER, DESA),
    "List Penawaran Jasa": (SA, A),
    "Testimoni, Pengumuman, Pemberitahuan": (SA, A, DIN, KEC, VER, DESA),
    "Rating Mitra": (SA, A, DIN, KEC, VER, DESA),
    "Rating Personal": (SA, A, DESA),
    "Rating Personal (Jasa)": (SA, A, DESA),
    "Master Data": (SA, A),
    "Pengaturan": (SA, A),
}
TOP_LEVEL = ".sidebar-main-menu__list > li > .sidebar-menu-item__link .menuitem-label"
SUBMENUS = ".sidebar-main-menu__list > li.sidebar-sub-menu-item > button .menuitem-label"


def test_each_admin_level_logs_in_and_sees_its_menu(site, desktop, assert_accessible):
    """Compact: the sidebar of each level against the guide's matrix as printed (the exhaustive
    check, submenus included, is test_admin_menus.py)."""
    install_role_groups()
    kecamatan = Kecamatan.objects.get(name="Bobotsari")
    scopes = {KEC: {"kecamatan": kecamatan}, DESA: {"desa": kecamatan.desa_set.first()}}
    for role in StaffRole:
        user = staff(f"level.{role.value}", role, **scopes.get(role, {}))
        admin_log_in(desktop, user.username)
        entries = desktop.locator(f"{TOP_LEVEL}, {SUBMENUS}").all_inner_texts()
        shown = {text.strip() for text in entries}
        for menu, levels in GUIDE_MATRIX.items():
            assert (menu in shown) == (role in levels), f"{role.label}: {menu!r} in {sorted(shown)}"
        if role == SA:
            assert_accessible(desktop)


# --- ch. 9: Menu Publik (Tanpa Login) ----------------------------------------------------------------

PUBLIC_MENU = [
    "Beranda",
    "Lowongan",
    "Penawaran Jasa",
    "Pengumuman",
    "Mitra Formal",
    "Mitra Informal",
    "Testimonial",
    "Tentang Kami",
    "FAQ",
    "Panduan Penggunaan",
]


def test_every_public_menu_entry_opens(site, desktop):
    """§9 on a desktop, without logging in (test_public_menu.py taps them on a phone with axe)."""
    desktop.goto("/")
    nav = desktop.get_by_role("navigation", name="Menu utama")
    for label in PUBLIC_MENU:
        follow(desktop, nav.get_by_role("link", name=label, exact=True))
        expect(nav.get_by_role("link", name=label, exact=True)).to_have_attribute("aria-current", "page")
        if label != "Beranda":
            heading(desktop, label)
    # "Kebijakan Privasi & Ketentuan Penggunaan": in the footer.
    for title in ("Kebijakan Privasi", "Ketentuan Penggunaan"):
        follow(desktop, desktop.get_by_role("contentinfo").get_by_role("link", name=title, exact=True))
        heading(desktop, title)
