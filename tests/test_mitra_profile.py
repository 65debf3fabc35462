"""Profil Mitra → Data Mitra (guide chapter 6): validation beside the fields, nothing typed lost,
kecamatan/desa consistency, logo checked by content, and a verified Mitra renamed goes back to review."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from users.choices import MitraCategory, VerificationAction, VerificationStatus
from users.factories import BidangUsahaFactory, MitraProfileFactory, PersonalFactory
from users.models import Desa, Kecamatan, MitraProfile, VerificationLog

pytestmark = pytest.mark.django_db

PROFILE_URL = "/akun/profil-mitra/"


def image_bytes(fmt="PNG", size=(40, 20)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 90, 70)).save(buffer, fmt)
    return buffer.getvalue()


@pytest.fixture
def mitra(db):
    return MitraProfileFactory(name="Toko Maju Jaya", category=MitraCategory.FORMAL)


@pytest.fixture
def mitra_client(client, mitra):
    client.force_login(mitra.user)
    return client


@pytest.fixture
def bobotsari(db):
    return Kecamatan.objects.get(name="Bobotsari")


def form_data(mitra, **overrides):
    kecamatan = Kecamatan.objects.get(name="Bobotsari")
    data = {
        "name": mitra.name,
        "business_field": mitra.business_field_id,
        "category": mitra.category,
        "address": "Jl. Raya Bobotsari No. 12",
        "kecamatan": kecamatan.pk,
        "desa": kecamatan.desa_set.order_by("name").first().pk,
        "description": "Produsen rambut palsu sejak 1998.",
        "website": "tokomaju.id",
        "contact_person": "Bu Sri",
        "contact_phone": "0812-3456-7890",
    }
    data.update(overrides)
    return data


def test_profile_page_shows_data_mitra_completeness_verification_and_dokumen(mitra_client, mitra):
    html = mitra_client.get(PROFILE_URL).content.decode()
    for text in ["Profil Mitra", "Data Mitra", "Kelengkapan profil", "Verifikasi Akun", "Kelola Dokumen"]:
        assert text in html
    for label in ["Nama Mitra", "Bidang Usaha", "Kategori Mitra", "Alamat", "Kecamatan", "Desa/Kelurahan"]:
        assert label in html
    for label in ["Deskripsi", "Logo", "Situs web", "Nama Narahubung", "Nomor HP Narahubung"]:
        assert label in html
    assert 'href="/akun/profil-mitra/dokumen/"' in html
    assert 'href="/akun/ganti-password/"' in html
    assert 'enctype="multipart/form-data"' in html
    assert f'value="{mitra.name}"' in html
    assert "Dokumen legalitas (SIUP, NPWP, NIB atau lainnya)" in html  # still missing in the checklist


def test_profile_is_for_mitra_accounts_only(client):
    assert client.get(PROFILE_URL)["Location"].startswith("/akun/login-mitra/")
    client.force_login(PersonalFactory())
    assert client.get(PROFILE_URL).status_code == 403


def test_valid_data_is_saved_and_the_phone_normalised(mitra_client, mitra, bobotsari):
    response = mitra_client.post(PROFILE_URL, form_data(mitra, name="  Toko   Maju Jaya Abadi "))
    assert response.status_code == 302 and response["Location"] == PROFILE_URL
    mitra.refresh_from_db()
    assert mitra.name == "Toko Maju Jaya Abadi"
    assert mitra.contact_phone == "6281234567890"
    assert mitra.website == "https://tokomaju.id"
    assert mitra.kecamatan == bobotsari and mitra.desa.kecamatan == bobotsari
    html = mitra_client.get(PROFILE_URL).content.decode()
    assert "Data Mitra sudah disimpan." in html
    assert 'value="081234567890"' in html  # shown the way Indonesians read it


def test_desa_of_another_kecamatan_is_refused_and_nothing_typed_is_lost(mitra_client, mitra, bobotsari):
    elsewhere = Desa.objects.exclude(kecamatan=bobotsari).order_by("name").first()
    response = mitra_client.post(PROFILE_URL, form_data(mitra, desa=elsewhere.pk, name="Nama Baru Sekali"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Desa/Kelurahan {elsewhere.name} tidak berada di Kecamatan Bobotsari" in html
    assert 'value="Nama Baru Sekali"' in html and 'value="Jl. Raya Bobotsari No. 12"' in html
    assert "Produsen rambut palsu sejak 1998." in html
    mitra.refresh_from_db()
    assert mitra.name == "Toko Maju Jaya" and mitra.desa is None


def test_desa_without_kecamatan_takes_its_kecamatan(mitra_client, mitra, bobotsari):
    desa = bobotsari.desa_set.order_by("name").last()
    mitra_client.post(PROFILE_URL, form_data(mitra, kecamatan="", desa=desa.pk))
    mitra.refresh_from_db()
    assert mitra.desa == desa and mitra.kecamatan == bobotsari


def test_desa_options_carry_their_kecamatan_for_the_chained_select(mitra_client, bobotsari):
    html = mitra_client.get(PROFILE_URL).content.decode()
    desa = bobotsari.desa_set.first()
    assert f'<optgroup label="{bobotsari.name}">' in html
    assert f'value="{desa.pk}" data-kecamatan="{bobotsari.pk}"' in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "   ", "Isi Nama Mitra."),
        ("contact_phone", "12345", "Nomor HP harus diawali 08, +62, atau 62."),
        ("contact_phone", "0812", "Nomor HP harus 10–15 digit"),
        ("website", "bukan alamat web", "URL"),
        ("category", "besar", "besar"),
    ],
)
def test_invalid_fields_get_a_message_beside_them(mitra_client, mitra, field, value, message):
    html = mitra_client.post(PROFILE_URL, form_data(mitra, **{field: value})).content.decode()
    assert "Data belum tersimpan" in html
    assert message in html
    assert 'class="invalid-feedback' in html
    mitra.refresh_from_db()
    assert mitra.address == ""


def test_png_logo_is_saved_under_a_random_name(mitra_client, mitra):
    logo = SimpleUploadedFile("logo toko saya.png", image_bytes("PNG"), content_type="image/png")
    assert mitra_client.post(PROFILE_URL, form_data(mitra, logo=logo)).status_code == 302
    mitra.refresh_from_db()
    assert mitra.logo.name.startswith("mitra/logo/") and mitra.logo.name.endswith(".png")
    assert "toko" not in mitra.logo.name
    assert Path(mitra.logo.path).is_relative_to(Path(settings.MEDIA_ROOT))


def test_replacing_the_logo_deletes_the_old_file(mitra_client, mitra):
    first = SimpleUploadedFile("a.png", image_bytes("PNG"), content_type="image/png")
    mitra_client.post(PROFILE_URL, form_data(mitra, logo=first))
    mitra.refresh_from_db()
    old_path = Path(mitra.logo.path)
    second = SimpleUploadedFile("b.jpg", image_bytes("JPEG"), content_type="image/jpeg")
    mitra_client.post(PROFILE_URL, form_data(mitra, logo=second))
    mitra.refresh_from_db()
    assert mitra.logo.name.endswith(".jpg") and Path(mitra.logo.path).exists()
    assert not old_path.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.png", b"bukan gambar sama sekali", "Jenis berkas tidak didukung"),
        ("logo.png", b"MZ\x90\x00" + b"\x00" * 100, "Jenis berkas tidak didukung"),
        ("logo.pdf", b"%PDF-1.4\n%%EOF\n", "Jenis berkas tidak didukung"),
        ("logo.gif", image_bytes("GIF"), "Jenis berkas tidak didukung"),
        ("logo.png", b"\x89PNG\r\n\x1a\n" + b"rusak" * 40, "rusak"),
        ("logo.png", b"\x89PNG\r\n\x1a\n" + b"0" * (2 * 1024 * 1024), "Ukuran berkas maksimal 2 MB"),
    ],
)
def test_logo_is_checked_by_content_and_size(mitra_client, mitra, name, content, message):
    logo = SimpleUploadedFile(name, content, content_type="image/png")
    html = mitra_client.post(PROFILE_URL, form_data(mitra, logo=logo)).content.decode()
    assert message in html
    mitra.refresh_from_db()
    assert not mitra.logo


def test_renaming_a_verified_mitra_sends_it_back_to_diajukan_once(mitra_client, mitra):
    MitraProfile.objects.filter(pk=mitra.pk).update(verification_status=VerificationStatus.TERVERIFIKASI)
    data = form_data(mitra, name="Toko Maju Jaya Baru")
    mitra_client.post(PROFILE_URL, data)
    mitra_client.post(PROFILE_URL, data)  # a double submit changes nothing more
    mitra.refresh_from_db()
    assert mitra.verification_status == VerificationStatus.DIAJUKAN
    assert VerificationLog.objects.filter(account=mitra.user, action=VerificationAction.RESET).count() == 1


def test_other_edits_keep_a_verified_mitra_verified(mitra_client, mitra):
    MitraProfile.objects.filter(pk=mitra.pk).update(verification_status=VerificationStatus.TERVERIFIKASI)
    other_field = BidangUsahaFactory(name="Kuliner")
    mitra_client.post(
        PROFILE_URL, form_data(mitra, description="Deskripsi baru.", business_field=other_field.pk)
    )
    mitra.refresh_from_db()
    assert mitra.description == "Deskripsi baru." and mitra.business_field == other_field
    assert mitra.verification_status == VerificationStatus.TERVERIFIKASI
