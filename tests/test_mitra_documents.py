"""Dokumen of Profil Mitra (guide chapter 6): uploads judged by content, replace and delete, and the
private download open only to the owner and to staff whose role and scope allow it."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from users import documents
from users.choices import AccountType, StaffRole, VerificationAction, VerificationStatus
from users.documents import can_view_documents, mitra_visible_to
from users.factories import MitraProfileFactory, PersonalFactory, UserFactory
from users.models import Desa, Kecamatan, MitraDocument, MitraProfile, VerificationLog
from users.staff import save_staff_account

pytestmark = pytest.mark.django_db

DOCUMENTS_URL = "/akun/profil-mitra/dokumen/"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 200
    + b"This program cannot be run"
)


def image_bytes(fmt="PNG", size=(40, 20)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, fmt)
    return buffer.getvalue()


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def stored_files():
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.fixture
def mitra(db):
    kecamatan = Kecamatan.objects.get(name="Bobotsari")
    return MitraProfileFactory(kecamatan=kecamatan, desa=kecamatan.desa_set.order_by("name").first())


@pytest.fixture
def mitra_client(client, mitra):
    client.force_login(mitra.user)
    return client


def post_document(client, doc_type, file):
    return client.post(DOCUMENTS_URL, {"doc_type": doc_type, "file": file})


# ---------------------------------------------------------------------------------------------
# Type and size checks


def test_pdf_is_stored_under_a_random_name_outside_media_root(mitra_client, mitra):
    response = post_document(mitra_client, "siup", upload("SIUP Toko Maju.pdf", PDF, "application/pdf"))
    assert response.status_code == 302 and response["Location"] == DOCUMENTS_URL

    document = MitraDocument.objects.get(mitra=mitra)
    assert document.doc_type == "siup"
    assert document.original_name == "SIUP Toko Maju.pdf"
    assert document.content_type == "application/pdf" and document.size == len(PDF)
    assert "Toko" not in document.file.name and document.file.name.endswith(".pdf")
    path = Path(document.file.path).resolve()
    assert path.read_bytes() == PDF
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    with pytest.raises(ValueError):
        document.file.url  # noqa: B018 - private files have no URL
    page = mitra_client.get(DOCUMENTS_URL).content.decode()
    assert "SIUP Toko Maju.pdf" in page and "sudah diunggah" in page


def test_png_is_recognised_by_content_whatever_the_browser_says(mitra_client, mitra):
    post_document(mitra_client, "npwp", upload("npwp-scan", image_bytes("PNG"), "text/plain"))
    document = MitraDocument.objects.get(mitra=mitra)
    assert document.content_type == "image/png"
    assert document.original_name == "npwp-scan.png"


def test_jpeg_is_accepted(mitra_client, mitra):
    post_document(mitra_client, "nib", upload("nib.jpeg", image_bytes("JPEG"), "image/jpeg"))
    assert MitraDocument.objects.get(mitra=mitra).content_type == "image/jpeg"


@pytest.mark.parametrize(
    ("name", "content", "content_type", "message"),
    [
        ("siup.pdf", EXE, "application/pdf", "Jenis berkas tidak didukung"),
        ("setup.exe", EXE, "application/x-msdownload", "Jenis berkas tidak didukung"),
        ("siup.pdf", b"Ini hanya teks biasa, bukan PDF.\n", "application/pdf", "Jenis berkas tidak didukung"),
        ("foto.png", b"\x89PNG\r\n\x1a\n" + b"bukan gambar" * 20, "image/png", "rusak"),
        ("foto.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100, "image/jpeg", "rusak"),
        ("potong.jpg", image_bytes("JPEG", size=(300, 300))[:-400], "image/jpeg", "rusak"),
        ("anim.gif", b"GIF89a" + b"\x00" * 100, "image/gif", "Jenis berkas tidak didukung"),
        ("kosong.pdf", b"", "application/pdf", "Berkas kosong"),
    ],
)
def test_disguised_or_broken_files_are_refused_with_a_clear_message(
    mitra_client, mitra, name, content, content_type, message
):
    response = post_document(mitra_client, "siup", upload(name, content, content_type))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'value="siup" selected' in html  # the chosen type is kept
    assert not MitraDocument.objects.filter(mitra=mitra).exists()
    assert stored_files() == []


def test_file_over_5_mb_is_refused(mitra_client, mitra):
    big = PDF + b"0" * (5 * 1024 * 1024)
    html = post_document(mitra_client, "siup", upload("besar.pdf", big, "application/pdf")).content.decode()
    assert "Ukuran berkas maksimal 5 MB" in html
    assert not MitraDocument.objects.exists() and stored_files() == []


def test_file_of_exactly_5_mb_is_accepted(mitra_client, mitra):
    content = PDF + b"0" * (5 * 1024 * 1024 - len(PDF))
    post_document(mitra_client, "siup", upload("pas.pdf", content, "application/pdf"))
    assert MitraDocument.objects.get(mitra=mitra).size == 5 * 1024 * 1024


def test_type_and_file_are_required(mitra_client):
    html = mitra_client.post(DOCUMENTS_URL, {"doc_type": ""}).content.decode()
    assert "Pilih jenis dokumen." in html and "Pilih berkas yang akan diunggah." in html


# ---------------------------------------------------------------------------------------------
# Replace and delete


def test_uploading_the_same_type_again_replaces_and_deletes_the_old_file(mitra_client, mitra):
    post_document(mitra_client, "siup", upload("lama.pdf", PDF))
    old = MitraDocument.objects.get(mitra=mitra)
    old_path = Path(old.file.path)
    assert old_path.exists()

    response = post_document(mitra_client, "siup", upload("baru.png", image_bytes("PNG")))
    assert response.status_code == 302
    new = MitraDocument.objects.get(mitra=mitra)
    assert new.pk == old.pk and new.original_name == "baru.png" and new.content_type == "image/png"
    assert not old_path.exists()
    assert stored_files() == [Path(new.file.path)]
    assert "sudah diganti" in mitra_client.get(DOCUMENTS_URL).content.decode()


def test_each_type_is_kept_apart(mitra_client, mitra):
    post_document(mitra_client, "siup", upload("siup.pdf", PDF))
    post_document(mitra_client, "npwp", upload("npwp.pdf", PDF))
    assert sorted(MitraDocument.objects.values_list("doc_type", flat=True)) == ["npwp", "siup"]
    assert len(stored_files()) == 2


def test_delete_asks_for_confirmation_then_removes_row_and_file(mitra_client, mitra):
    post_document(mitra_client, "nib", upload("nib.pdf", PDF))
    document = MitraDocument.objects.get(mitra=mitra)
    path = Path(document.file.path)
    delete_url = f"/akun/profil-mitra/dokumen/{document.pk}/hapus/"

    confirmation = mitra_client.get(delete_url).content.decode()
    assert "Hapus NIB (nib.pdf)?" in confirmation and "Ya, hapus" in confirmation
    assert MitraDocument.objects.filter(pk=document.pk).exists() and path.exists()

    response = mitra_client.post(delete_url)
    assert response.status_code == 302 and response["Location"] == DOCUMENTS_URL
    assert not MitraDocument.objects.filter(pk=document.pk).exists()
    assert not path.exists()

    # A second click (double submit) changes nothing and says so.
    again = mitra_client.post(delete_url, follow=True).content.decode()
    assert "Dokumen ini sudah tidak ada." in again


def test_another_mitra_cannot_delete_my_document(mitra_client, mitra):
    post_document(mitra_client, "siup", upload("siup.pdf", PDF))
    document = MitraDocument.objects.get(mitra=mitra)
    other = Client()
    other.force_login(MitraProfileFactory().user)
    assert other.get(f"/akun/profil-mitra/dokumen/{document.pk}/hapus/").status_code == 404
    other.post(f"/akun/profil-mitra/dokumen/{document.pk}/hapus/")
    assert MitraDocument.objects.filter(pk=document.pk).exists() and Path(document.file.path).exists()


def test_documents_page_is_for_mitra_accounts_only(client):
    assert client.get(DOCUMENTS_URL)["Location"].startswith("/akun/login-mitra/")
    client.force_login(PersonalFactory())
    assert client.get(DOCUMENTS_URL).status_code == 403


# ---------------------------------------------------------------------------------------------
# A verified Mitra changing its documents goes back to review


@pytest.mark.parametrize("action", ["upload", "replace", "delete"])
def test_document_change_by_a_verified_mitra_sends_it_back_to_diajukan(mitra_client, mitra, action):
    if action in ("replace", "delete"):
        post_document(mitra_client, "siup", upload("siup.pdf", PDF))
    MitraProfile.objects.filter(pk=mitra.pk).update(verification_status=VerificationStatus.TERVERIFIKASI)

    if action == "delete":
        document = MitraDocument.objects.get(mitra=mitra)
        mitra_client.post(f"/akun/profil-mitra/dokumen/{document.pk}/hapus/")
    else:
        post_document(mitra_client, "siup" if action == "replace" else "npwp", upload("x.pdf", PDF))

    mitra.refresh_from_db()
    assert mitra.verification_status == VerificationStatus.DIAJUKAN
    assert VerificationLog.objects.filter(account=mitra.user, action=VerificationAction.RESET).count() == 1


def test_refused_upload_keeps_a_verified_mitra_verified(mitra_client, mitra):
    MitraProfile.objects.filter(pk=mitra.pk).update(verification_status=VerificationStatus.TERVERIFIKASI)
    post_document(mitra_client, "siup", upload("siup.pdf", EXE))
    mitra.refresh_from_db()
    assert mitra.verification_status == VerificationStatus.TERVERIFIKASI


# ---------------------------------------------------------------------------------------------
# Private download


@pytest.fixture
def document(mitra):
    return documents.save_document(mitra, "siup", upload("Izin Usaha (asli).pdf", PDF), documents.PDF)


def make_staff(role, **scope):
    return save_staff_account(UserFactory(account_type=AccountType.STAFF), role, **scope)


ACCOUNTS = {
    "owner": lambda mitra: mitra.user,
    "other mitra": lambda mitra: MitraProfileFactory(kecamatan=mitra.kecamatan, desa=mitra.desa).user,
    "personal": lambda mitra: PersonalFactory(),
    "super admin": lambda mitra: make_staff(StaffRole.SUPER_ADMIN),
    "admin": lambda mitra: make_staff(StaffRole.ADMIN),
    "dinaker": lambda mitra: make_staff(StaffRole.DINAKER),
    "verifikator": lambda mitra: make_staff(StaffRole.VERIFIKATOR),
    "kecamatan in scope": lambda mitra: make_staff(StaffRole.KECAMATAN, kecamatan=mitra.kecamatan),
    "kecamatan out of scope": lambda mitra: make_staff(
        StaffRole.KECAMATAN, kecamatan=Kecamatan.objects.exclude(pk=mitra.kecamatan_id).first()
    ),
    "desa in scope": lambda mitra: make_staff(StaffRole.DESA, desa=mitra.desa),
    # Same kecamatan, another desa: still out of a Desa operator's scope.
    "desa out of scope": lambda mitra: make_staff(
        StaffRole.DESA, desa=Desa.objects.filter(kecamatan=mitra.kecamatan).exclude(pk=mitra.desa_id).first()
    ),
    "inactive admin": lambda mitra: make_staff(StaffRole.ADMIN),
}
ALLOWED = {
    "owner",
    "super admin",
    "admin",
    "dinaker",
    "verifikator",
    "kecamatan in scope",
    "desa in scope",
}


@pytest.mark.parametrize("who", sorted(ACCOUNTS))
def test_download_per_role_and_scope(client, mitra, document, who):
    user = ACCOUNTS[who](mitra)
    client.force_login(user)
    if who == "inactive admin":
        user.is_active = False
        user.save()
    response = client.get(f"/akun/dokumen/{document.pk}/")
    if who in ALLOWED:
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment;")
        assert "Izin Usaha (asli).pdf" in response["Content-Disposition"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    elif who == "inactive admin":
        assert response.status_code == 302  # a deactivated account is logged out
    else:
        # Everyone else learns nothing, not even that the document exists.
        assert response.status_code == 404
    assert can_view_documents(user, mitra) is (who in ALLOWED)
    # The queryset form of the rule (for admin lists) agrees with the function.
    visible = MitraProfile.objects.filter(mitra_visible_to(user), pk=mitra.pk).exists()
    assert visible is (who in ALLOWED)


def test_anonymous_download_goes_to_login(client, document):
    response = client.get(f"/akun/dokumen/{document.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/akun/login/?next=/akun/dokumen/{document.pk}/"


def test_unknown_document_and_lost_file_answer_404(client, mitra, document):
    client.force_login(mitra.user)
    assert client.get(f"/akun/dokumen/{document.pk + 1000}/").status_code == 404
    storages["private"].delete(document.file.name)
    assert client.get(f"/akun/dokumen/{document.pk}/").status_code == 404


def test_document_is_not_reachable_from_media_url(client, mitra, document):
    client.force_login(make_staff(StaffRole.SUPER_ADMIN))
    assert client.get(f"{settings.MEDIA_URL}{document.file.name}").status_code == 404
    assert not (Path(settings.MEDIA_ROOT) / document.file.name).exists()
