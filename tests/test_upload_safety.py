"""Uploads of the account area are judged by content, re-encoded (no EXIF, no polyglot tail), stored
under random names, bounded in size and by a per-account storage quota; private files are only
downloads."""

import io
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from users import documents
from users.choices import AccountType, StaffRole
from users.factories import MitraProfileFactory, UserFactory
from users.forms_mitra import DocumentUploadForm
from users.models import MitraDocument, MitraProfile
from users.staff import save_staff_account

pytestmark = pytest.mark.django_db

PROFILE_URL = "/akun/profil-mitra/"
DOCUMENTS_URL = "/akun/profil-mitra/dokumen/"
GPS_IFD = 0x8825
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
WRONG_TYPE = "Jenis berkas tidak didukung. Unggah berkas %s (dikenali dari isi berkas, bukan dari namanya)."
WRONG_IMAGE = WRONG_TYPE % "JPG / PNG"
POLYGLOT_TAIL = b"<html><script>alert(document.cookie)</script></html>PK\x03\x04zipped"


def jpeg_with_gps():
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "KameraSaya"
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "S", (7.0, 23.0, 12.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def noise_png(side=64):
    buffer = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(buffer, "PNG")
    return buffer.getvalue()


def upload(name, content, content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def form_data(mitra, **overrides):
    return {
        "name": mitra.name,
        "business_field": mitra.business_field_id,
        "category": mitra.category,
        "kecamatan": mitra.kecamatan_id or "",
        "desa": mitra.desa_id or "",
        **overrides,
    }


@pytest.fixture
def mitra(db, bobotsari):
    return MitraProfileFactory(kecamatan=bobotsari, desa=bobotsari.desa_set.order_by("name").first())


@pytest.fixture
def mitra_client(client, mitra):
    client.force_login(mitra.user)
    return client


def logo_errors(response):
    return response.context["form"].errors.get("logo")


def test_jpeg_logo_loses_its_exif_gps_and_gets_a_random_name(mitra_client, mitra):
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the upload does carry GPS
    response = mitra_client.post(PROFILE_URL, form_data(mitra, logo=upload("rumah-saya.jpg", original)))
    assert response.status_code == 302
    mitra.refresh_from_db()
    assert "rumah-saya" not in mitra.logo.name and mitra.logo.name.endswith(".jpg")
    stored = Path(mitra.logo.path).read_bytes()
    assert b"KameraSaya" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "JPEG" and image.size == (64, 48)
        assert not image.getexif()


def test_jpeg_document_loses_its_exif_and_keeps_only_the_display_name(mitra_client, mitra):
    response = mitra_client.post(
        DOCUMENTS_URL, {"doc_type": "siup", "file": upload("izin saya.jpg", jpeg_with_gps(), "image/jpeg")}
    )
    assert response.status_code == 302
    document = MitraDocument.objects.get(mitra=mitra)
    assert document.original_name == "izin saya.jpg"
    assert "izin" not in document.file.name
    with document.file.open("rb") as handle:
        stored = handle.read()
    assert b"KameraSaya" not in stored
    assert not Image.open(io.BytesIO(stored)).getexif()


@pytest.mark.parametrize("where", ["logo", "document"])
def test_polyglot_png_is_redrawn_so_the_appended_bytes_are_gone(mitra_client, mitra, where):
    polyglot = noise_png(16) + POLYGLOT_TAIL
    assert Image.open(io.BytesIO(polyglot)).format == "PNG"  # a valid PNG to any image reader
    if where == "logo":
        response = mitra_client.post(PROFILE_URL, form_data(mitra, logo=upload("p.png", polyglot)))
        mitra.refresh_from_db()
        stored = Path(mitra.logo.path).read_bytes()
    else:
        response = mitra_client.post(DOCUMENTS_URL, {"doc_type": "npwp", "file": upload("p.png", polyglot)})
        with MitraDocument.objects.get(mitra=mitra).file.open("rb") as handle:
            stored = handle.read()
    assert response.status_code == 302
    assert b"<script>" not in stored and b"PK\x03\x04" not in stored
    assert stored.endswith(b"IEND\xaeB`\x82")  # the file ends where the image ends
    assert Image.open(io.BytesIO(stored)).size == (16, 16)


def test_svg_renamed_png_is_refused_beside_the_field(mitra_client, mitra):
    response = mitra_client.post(PROFILE_URL, form_data(mitra, logo=upload("logo.png", SVG)))
    assert response.status_code == 200
    assert logo_errors(response) == [WRONG_IMAGE]
    assert WRONG_IMAGE in response.content.decode()
    response = mitra_client.post(DOCUMENTS_URL, {"doc_type": "siup", "file": upload("izin.png", SVG)})
    assert response.context["form"].errors["file"] == [WRONG_TYPE % "PDF / JPG / PNG"]
    assert media_files() == [] and not MitraDocument.objects.exists()


def test_logo_over_the_size_limit_is_refused(mitra_client, mitra):
    big = noise_png(16) + b"\0" * documents.MAX_LOGO_SIZE
    response = mitra_client.post(PROFILE_URL, form_data(mitra, logo=upload("besar.png", big)))
    assert logo_errors(response) == ["Ukuran berkas maksimal 2 MB, berkas Anda 2,0 MB."]
    assert media_files() == []


PDF_10K = b"%PDF-1.4\n" + b"0" * 10_000 + b"\n%%EOF\n"


def test_quota_counts_every_stored_file_and_refuses_the_upload_that_overflows(mitra_client, mitra, settings):
    settings.UPLOAD_QUOTA_BYTES_PER_USER = 3 * len(PDF_10K) + 500
    for doc_type in ("siup", "npwp", "nib"):  # uploads up to the quota
        response = mitra_client.post(DOCUMENTS_URL, {"doc_type": doc_type, "file": upload("d.pdf", PDF_10K)})
        assert response.status_code == 302
    logo = noise_png(40)  # ~5 KB that does not compress: over the 500 bytes left
    response = mitra_client.post(PROFILE_URL, form_data(mitra, logo=upload("logo.png", logo)))
    assert response.status_code == 200
    [message] = logo_errors(response)
    assert message.startswith("Ruang penyimpanan Anda penuh: sudah terpakai")
    assert "Ruang penyimpanan Anda penuh" in response.content.decode()
    assert media_files() == []  # nothing written
    assert not MitraProfile.objects.get(pk=mitra.pk).logo

    # Deleting a document makes room: the same logo is now accepted.
    document = MitraDocument.objects.get(mitra=mitra, doc_type="nib")
    assert mitra_client.post(f"/akun/profil-mitra/dokumen/{document.pk}/hapus/").status_code == 302
    response = mitra_client.post(PROFILE_URL, form_data(mitra, logo=upload("logo.png", logo)))
    assert response.status_code == 302
    assert len(media_files()) == 1


def test_document_form_refuses_an_upload_over_the_quota_and_counts_the_replaced_file(mitra, settings):
    settings.UPLOAD_QUOTA_BYTES_PER_USER = len(PDF_10K) + 500
    documents.save_document(mitra, "siup", upload("a.pdf", PDF_10K), documents.PDF)
    form = DocumentUploadForm({"doc_type": "npwp"}, {"file": upload("b.pdf", PDF_10K)}, owner=mitra.user)
    assert not form.is_valid()
    assert form.errors["file"][0].startswith("Ruang penyimpanan Anda penuh")
    # Replacing the SIUP frees its own room.
    form = DocumentUploadForm({"doc_type": "siup"}, {"file": upload("c.pdf", PDF_10K)}, owner=mitra.user)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize("who", ["owner", "verifikator", "other mitra"])
def test_private_document_is_a_nosniff_attachment_for_those_allowed_only(client, mitra, who):
    document = documents.save_document(mitra, "siup", upload("izin.pdf", PDF_10K), documents.PDF)
    user = {
        "owner": lambda: mitra.user,
        "verifikator": lambda: save_staff_account(
            UserFactory(account_type=AccountType.STAFF), StaffRole.VERIFIKATOR
        ),
        "other mitra": lambda: MitraProfileFactory().user,
    }[who]()
    client.force_login(user)
    response = client.get(f"/akun/dokumen/{document.pk}/")
    if who == "other mitra":
        assert response.status_code in (403, 404)
        return
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF_10K
