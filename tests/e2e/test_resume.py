"""Guide chapter 5 in a real browser: a Personal completes Profil Saya section by section on a phone,
reaches 100 % and downloads the resume ("Unduh Resume")."""

import re
from io import BytesIO

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from tests.e2e.ui import field, fill
from users.factories import DEFAULT_PASSWORD, PersonalFactory
from users.models import Desa

pytestmark = pytest.mark.browser


def save(page):
    page.get_by_role("button", name="Simpan", exact=True).click()


def photo_file():
    buffer = BytesIO()
    Image.new("RGB", (600, 800), (40, 110, 160)).save(buffer, "JPEG")
    return {"name": "foto-siti.jpg", "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


def test_complete_profil_saya_then_unduh_resume(site, phone, assert_accessible):
    user = PersonalFactory(
        username="siti.nuraini", first_name="Siti", last_name="Aini", phone_verified_at=timezone.now()
    )
    bancar = Desa.objects.get(name="Bancar", kecamatan__name="Purbalingga")

    phone.goto("/akun/login/")
    phone.get_by_label("Email / Nama Pengguna").fill(user.username)
    phone.get_by_label("Password").fill(DEFAULT_PASSWORD)
    phone.get_by_role("button", name="Login").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Profil Saya")
    expect(phone.get_by_role("heading", name=re.compile("Kelengkapan profil"))).to_contain_text("%")
    assert_accessible(phone)

    # The resume is refused until the profile is complete, with the checklist.
    phone.goto("/akun/resume/")
    expect(
        phone.get_by_text("Resume dapat dilihat dan diunduh setelah profil Anda lengkap 100%")
    ).to_be_visible()
    expect(phone.locator(".completeness-missing")).to_contain_text("NIK")
    assert_accessible(phone)
    phone.goto("/akun/profil/")

    # Data Personal
    phone.get_by_role("link", name="Ubah Data Personal").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Data Personal")
    assert_accessible(phone)
    fill(
        phone,
        {
            "Nama Belakang": "Nur Aini",
            "NIK": "3303 0145 0798 0001",
            "Tempat Lahir": "Purbalingga",
            "Tanggal Lahir": "1998-07-05",
            "Alamat": "Jl. Jenderal Sudirman 12, RT 02/RW 03",
            "Ringkasan Diri": "Penjahit teliti; suka café kecil dan kerja tim.",
        },
    )
    field(phone, "Jenis Kelamin").select_option(label="Perempuan")
    field(phone, "Kecamatan").select_option(label="Purbalingga")
    desa = field(phone, "Desa/Kelurahan")
    expect(desa.locator("option")).to_have_count(1 + Desa.objects.filter(kecamatan=bancar.kecamatan).count())
    desa.select_option(label="Bancar")
    field(phone, "Pendidikan Terakhir").select_option(label="SMA/SMK/Sederajat")
    field(phone, "Status Mencari Kerja").select_option(label="Sedang mencari kerja")
    field(phone, "Foto").set_input_files(photo_file())
    save(phone)
    expect(phone.get_by_text("Data Personal disimpan.")).to_be_visible()
    expect(phone.locator(".nik")).to_have_text("3303014507980001")  # in full, to its owner only

    # Pengalaman Kerja: a mistake first, shown beside the field without losing what was typed.
    phone.get_by_role("link", name="Tambah Pengalaman Kerja").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Tambah Pengalaman Kerja")
    fill(
        phone,
        {
            "Jabatan/Posisi": "Operator Jahit",
            "Nama Perusahaan/Usaha": "PT Sinar Rambut Indah",
            "Tanggal Mulai": "2024-03-01",
            "Tanggal Selesai": "2023-01-01",
        },
    )
    save(phone)
    expect(phone.get_by_text("Tanggal Selesai tidak boleh sebelum Tanggal Mulai.")).to_be_visible()
    expect(field(phone, "Jabatan/Posisi")).to_have_value("Operator Jahit")
    assert_accessible(phone)
    field(phone, "Tanggal Selesai").fill("")
    save(phone)
    expect(phone.get_by_text("Pengalaman Kerja ditambahkan.")).to_be_visible()
    expect(phone.get_by_text("Maret 2024 – sekarang")).to_be_visible()

    # Pendidikan
    phone.get_by_role("link", name="Tambah Pendidikan").click()
    field(phone, "Jenjang").select_option(label="SMA/SMK/Sederajat")
    fill(
        phone,
        {
            "Nama Sekolah/Kampus": "SMK Negeri 1 Purbalingga",
            "Jurusan": "Tata Busana",
            "Tahun Masuk": "2013",
            "Tahun Lulus": "2016",
        },
    )
    save(phone)
    expect(phone.get_by_text("Pendidikan ditambahkan.")).to_be_visible()

    # Keterampilan: one added by mistake is deleted after confirmation.
    for name in ("Menjahit", "Mengetik"):
        phone.get_by_role("link", name="Tambah Keterampilan").click()
        field(phone, "Keterampilan").fill(name)
        field(phone, "Tingkat").select_option(label="Mahir")
        save(phone)
        expect(phone.get_by_text("Keterampilan ditambahkan.")).to_be_visible()
    phone.get_by_role("link", name="Hapus Mengetik").click()
    expect(phone.get_by_text("Yakin ingin menghapus data berikut?")).to_be_visible()
    assert_accessible(phone)
    phone.get_by_role("button", name="Ya, Hapus").click()
    expect(phone.get_by_text("Keterampilan dihapus.")).to_be_visible()
    expect(phone.locator("#keterampilan")).not_to_contain_text("Mengetik")

    # Organisasi: none
    phone.get_by_label("Saya tidak memiliki pengalaman organisasi (tidak ada)").check()
    phone.get_by_role("button", name="Simpan Organisasi").click()
    expect(phone.get_by_text("Organisasi ditandai tidak ada.")).to_be_visible()

    expect(phone.get_by_role("heading", name="Kelengkapan profil: 100%")).to_be_visible()
    expect(phone.get_by_text("Profil Anda sudah lengkap.")).to_be_visible()
    assert_accessible(phone)

    # Resume
    phone.get_by_role("navigation", name="Menu akun").get_by_role("link", name="Resume").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Resume")
    expect(phone.get_by_role("heading", name="Siti Nur Aini")).to_be_visible()
    expect(phone.get_by_text("Maret 2024 – sekarang")).to_be_visible()
    expect(phone.locator("main")).not_to_contain_text("3303014507980001")
    assert_accessible(phone)
    with phone.expect_download() as download_info:
        phone.get_by_role("link", name="Unduh Resume").click()
    download = download_info.value
    assert download.suggested_filename == "resume-siti-nur-aini.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
