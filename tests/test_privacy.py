"""Personal data protection (UU PDP No. 27/2022; docs/privacy.md): Unduh Data Saya, Hapus Akun, Log
Akses Data for staff access to personal data, and the masked NIK on staff screens."""

import io
import json
import zipfile

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from marketplace.choices import ApplicationStatus, ServiceRequestStatus, ServiceStatus, VacancyStatus
from marketplace.factories import ApplicationFactory, ServiceFactory, ServiceRequestFactory, VacancyFactory
from marketplace.models import Application, MitraRating, SavedVacancy, Service
from users import audit, nik, privacy
from users.choices import StaffRole, VerificationStatus
from users.factories import (
    DEFAULT_PASSWORD,
    MitraFactory,
    PersonalFactory,
    complete_mitra_profile,
    complete_personal_profile,
)
from users.models import (
    Education,
    MitraDocument,
    MitraProfile,
    Notification,
    PersonalProfile,
    ProfileAccessAction,
    ProfileAccessLog,
    Skill,
    User,
)
from users.privacy_export import collect_personal_data, zip_chunks
from users.querysets import public_mitra_profiles

pytestmark = pytest.mark.django_db

MY_DATA = reverse("users:my_data")
DELETE = reverse("users:delete_account")
AUDIT_LOG = reverse("log-akses-data:index")


@pytest.fixture
def desa(bobotsari):
    """The Desa operator's desa (users.factories.staff_account)."""
    return bobotsari.desa_set.order_by("name").first()


@pytest.fixture
def siti(desa):
    return complete_personal_profile(desa, username="siti", email="siti@contoh.id")


@pytest.fixture
def mitra(desa):
    profile = complete_mitra_profile(desa, username="pabrik.rambut")
    profile.name = "PT Rambut Indah"
    profile.verification_status = VerificationStatus.TERVERIFIKASI
    profile.save()
    return profile


def unzip(response):
    assert response.status_code == 200, response.status_code
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    return archive, json.loads(archive.read("data.json"))


def rated(application, stars=4, comment="Rekrutmen cepat dan jelas."):
    now = timezone.now()
    return MitraRating.objects.create(
        application=application,
        mitra=application.vacancy.mitra,
        personal=application.personal,
        stars=stars,
        comment=comment,
        editable_until=now,
        revealed_at=now,
    )


# ---------------------------------------------------------------------------------------------
# Who may use the pages


@pytest.mark.parametrize("url", [MY_DATA, DELETE])
def test_visitors_are_sent_to_the_login(client, url):
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("users:login"))


@pytest.mark.parametrize("url", [MY_DATA, DELETE])
def test_staff_accounts_are_refused(client, staff, url):
    client.force_login(staff(StaffRole.SUPER_ADMIN))
    assert client.get(url).status_code == 403
    assert client.post(url, {"password": DEFAULT_PASSWORD, "confirm": "on"}).status_code == 403


@pytest.mark.parametrize("factory", [PersonalFactory, MitraFactory])
def test_account_menu_links_to_both_pages(client, factory):
    client.force_login(factory())
    html = client.get(reverse("users:password_change")).content.decode()
    assert f'href="{MY_DATA}"' in html and "Unduh Data Saya" in html
    assert f'href="{DELETE}"' in html and "Hapus Akun" in html


# ---------------------------------------------------------------------------------------------
# Unduh Data Saya


def test_the_page_explains_and_only_a_post_downloads(client, siti):
    client.force_login(siti.user)
    response = client.get(MY_DATA)
    assert response["Content-Type"].startswith("text/html")
    assert 'method="post"' in response.content.decode()


def test_personal_export_holds_own_data_and_files_and_nothing_of_another(client, siti, desa):
    vacancy = VacancyFactory(title="Penjahit Garmen")
    ApplicationFactory(personal=siti, vacancy=vacancy, status=ApplicationStatus.DIPROSES)
    SavedVacancy.objects.create(personal=siti, vacancy=VacancyFactory(title="Operator Bulu Mata"))
    ServiceFactory(provider=siti.user, title="Jahit Kebaya")
    ServiceRequestFactory(requester=siti.user, service=ServiceFactory(title="Servis Pompa Air"))
    Notification.objects.create(user=siti.user, event="test", title="Lamaran Anda dibaca")
    other = complete_personal_profile(desa, first_name="Budi", last_name="Lainnya", username="budi")
    ApplicationFactory(personal=other, vacancy=VacancyFactory(title="Lowongan Rahasia Budi"))
    client.force_login(siti.user)

    response = client.post(MY_DATA)

    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="data-saya-siti-')
    assert "no-store" in response["Cache-Control"]
    archive, data = unzip(response)
    assert data["akun"]["email"] == "siti@contoh.id"
    assert data["persetujuan"]["ketentuan_penggunaan_dan_kebijakan_privasi_disetujui_pada"]
    assert data["profil_personal"]["nik"] == siti.nik
    assert data["profil_personal"]["pendidikan"][0]["sekolah_kampus"] == "SMK N 1 Purbalingga"
    assert data["profil_personal"]["keterampilan"] == [{"nama": "Menjahit", "tingkat": "Dasar"}]
    assert [(a["lowongan"], a["status"]) for a in data["lamaran"]] == [("Penjahit Garmen", "Dalam Proses")]
    assert [item["lowongan"] for item in data["lowongan_tersimpan"]] == ["Operator Bulu Mata"]
    assert [item["judul"] for item in data["jasa_ditawarkan"]] == ["Jahit Kebaya"]
    assert [item["jasa"] for item in data["permintaan_jasa_dikirim"]] == ["Servis Pompa Air"]
    assert [item["judul"] for item in data["pemberitahuan"]] == ["Lamaran Anda dibaca"]
    assert archive.read("berkas/foto-profil.png") == b"png"
    assert data["berkas"] == ["berkas/foto-profil.png"]
    everything = b"".join(archive.read(name) for name in archive.namelist()).decode()
    assert other.nik not in everything
    assert "Lowongan Rahasia Budi" not in everything and other.user.email not in everything


def test_mitra_export_holds_company_vacancies_and_private_documents(client, mitra, siti):
    vacancy = VacancyFactory(mitra=mitra, title="Operator Produksi Wig")
    ApplicationFactory(vacancy=vacancy, personal=siti)
    ApplicationFactory(vacancy=vacancy)
    client.force_login(mitra.user)

    archive, data = unzip(client.post(MY_DATA))

    assert data["profil_mitra"]["nama_mitra"] == "PT Rambut Indah"
    assert data["profil_mitra"]["nama_narahubung"] == "Bu Rina"
    assert [(v["judul"], v["jumlah_pelamar"]) for v in data["lowongan"]] == [("Operator Produksi Wig", 2)]
    [document] = data["dokumen"]
    assert document["nama_berkas"] == "nib.pdf"
    assert archive.read(document["berkas_di_zip"]) == b"%PDF-1.4"  # read from private storage
    assert siti.nik not in json.dumps(data) and siti.user.email not in json.dumps(data)  # applicants' data


def test_a_file_missing_from_storage_is_left_out(client, siti):
    siti.photo.storage.delete(siti.photo.name)
    client.force_login(siti.user)
    archive, data = unzip(client.post(MY_DATA))
    assert archive.namelist() == ["data.json"] and data["berkas"] == []


def test_export_queries_do_not_grow_with_the_number_of_rows(siti):
    def queries_for_export():
        with CaptureQueriesContext(connection) as captured:
            list(zip_chunks(collect_personal_data(siti.user)))
        return len(captured)

    ApplicationFactory(personal=siti)
    ServiceFactory(provider=siti.user)
    few = queries_for_export()
    for _ in range(4):
        ApplicationFactory(personal=siti)
        ServiceFactory(provider=siti.user)
        Education.objects.create(profile=siti, level=siti.education_level, institution="SMA", start_year=2010)
    assert queries_for_export() == few


def test_downloads_are_rate_limited(client, siti):
    client.force_login(siti.user)
    for _ in range(5):
        assert client.post(MY_DATA).status_code == 200
    response = client.post(MY_DATA)
    assert response.status_code == 429
    assert "Terlalu banyak permintaan" in response.content.decode()


# ---------------------------------------------------------------------------------------------
# Hapus Akun


def test_wrong_password_is_refused_beside_the_field_and_nothing_changes(client, siti):
    client.force_login(siti.user)
    response = client.post(DELETE, {"password": "Salah#2026", "confirm": "on"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="error_1_id_password"' in html and "Password salah." in html
    siti.refresh_from_db()
    siti.user.refresh_from_db()
    assert siti.user.is_active and siti.user.username == "siti" and siti.nik
    assert client.get(reverse("users:personal_profile")).status_code == 200  # still logged in


def test_the_confirmation_box_is_required(client, siti):
    client.force_login(siti.user)
    html = client.post(DELETE, {"password": DEFAULT_PASSWORD}).content.decode()
    assert "Centang pernyataan ini untuk menghapus akun." in html
    assert User.objects.get(pk=siti.user_id).is_active


def test_personal_deletion_erases_personal_data_and_keeps_anonymous_records(client, siti, mitra):
    user = siti.user
    photo = siti.photo.name
    storage = siti.photo.storage
    decided = ApplicationFactory(
        personal=siti, vacancy=VacancyFactory(mitra=mitra), status=ApplicationStatus.DITERIMA
    )
    rated(decided)
    waiting = ApplicationFactory(personal=siti, vacancy=VacancyFactory(mitra=mitra, title="Admin Gudang"))
    request = ServiceRequestFactory(requester=user, service=ServiceFactory(title="Servis Pompa Air"))
    client.force_login(user)

    response = client.post(DELETE, {"password": DEFAULT_PASSWORD, "confirm": "on"})

    assert response.status_code == 302 and response["Location"] == "/"
    assert "Akun Anda sudah dihapus" in client.get("/").content.decode()
    for username in ("siti", "siti@contoh.id", f"dihapus-{user.pk}"):
        login = client.post(reverse("users:login"), {"username": username, "password": DEFAULT_PASSWORD})
        assert "Email/Nama Pengguna atau Password salah." in login.content.decode(), username
    user.refresh_from_db()
    profile = PersonalProfile.objects.get(pk=siti.pk)
    assert (user.username, user.first_name, user.last_name, user.phone) == (f"dihapus-{user.pk}", "", "", "")
    assert user.email == f"dihapus-{user.pk}@akun-dihapus.invalid"
    assert not user.is_active and not user.has_usable_password()
    assert user.terms_accepted_at is not None  # the consent record stays
    assert (profile.nik, profile.birth_date, profile.address, profile.photo.name) == (None, None, "", "")
    assert profile.kecamatan_id == siti.kecamatan_id  # kept for the reports
    assert not storage.exists(photo)
    assert not Education.objects.filter(profile=profile).exists()
    assert not Skill.objects.filter(profile=profile).exists()
    assert not Notification.objects.filter(user=user).exists()
    # Anonymous records stay counted.
    assert Application.objects.filter(personal=profile).count() == 2
    assert MitraRating.objects.filter(mitra=mitra).count() == 1
    waiting.refresh_from_db()
    request.refresh_from_db()
    assert waiting.status == ApplicationStatus.DITARIK
    assert request.status == ServiceRequestStatus.DIBATALKAN
    # The other side is told.
    assert Notification.objects.filter(user=mitra.user, event="application_withdrawn").count() == 1
    assert Notification.objects.filter(
        user=request.service.provider, event="service_request.cancelled"
    ).exists()


def test_mitra_deletion_closes_vacancies_refuses_requests_and_removes_documents(client, mitra, siti):
    vacancy = VacancyFactory(mitra=mitra, title="Operator Produksi Wig")
    draft = VacancyFactory(mitra=mitra, draft=True)
    ApplicationFactory(personal=siti, vacancy=vacancy)
    service = ServiceFactory(provider=mitra.user, title="Sewa Mesin Jahit")
    request = ServiceRequestFactory(service=service, requester=siti.user)
    document = MitraDocument.objects.get(mitra=mitra)
    document_name, document_storage = document.file.name, document.file.storage
    assert document_storage.exists(document_name)
    client.force_login(mitra.user)

    response = client.post(DELETE, {"password": DEFAULT_PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    vacancy.refresh_from_db()
    draft.refresh_from_db()
    request.refresh_from_db()
    service.refresh_from_db()
    assert vacancy.status == VacancyStatus.CLOSED and draft.status == VacancyStatus.CLOSED
    assert request.status == ServiceRequestStatus.DITOLAK
    assert service.status == ServiceStatus.ARCHIVED
    assert Notification.objects.filter(user=siti.user, event="vacancy_closed").exists()
    assert Notification.objects.filter(user=siti.user, event="service_request.rejected").exists()
    assert not MitraDocument.objects.filter(mitra=mitra).exists()
    assert not document_storage.exists(document_name)
    profile = MitraProfile.objects.get(pk=mitra.pk)
    assert (profile.name, profile.contact_person, profile.contact_phone) == ("Akun dihapus", "", "")
    assert not public_mitra_profiles().filter(pk=mitra.pk).exists()
    assert Application.objects.filter(vacancy=vacancy).count() == 1


def test_a_provider_with_an_accepted_request_is_refused_and_nothing_changes(client, siti):
    request = ServiceRequestFactory(
        service=ServiceFactory(provider=siti.user), status=ServiceRequestStatus.DITERIMA
    )
    client.force_login(siti.user)
    page = client.get(DELETE).content.decode()
    assert "Akun belum dapat dihapus" in page and "Tandai Selesai" in page

    html = client.post(DELETE, {"password": DEFAULT_PASSWORD, "confirm": "on"}).content.decode()

    assert "permintaan jasa berstatus Diterima" in html
    assert User.objects.get(pk=siti.user_id).is_active
    request.refresh_from_db()
    assert request.status == ServiceRequestStatus.DITERIMA


def test_double_submit_is_harmless(client, siti):
    request = ServiceRequestFactory(requester=siti.user)
    client.force_login(siti.user)
    form = {"password": DEFAULT_PASSWORD, "confirm": "on"}
    assert client.post(DELETE, form)["Location"] == "/"

    second = client.post(DELETE, form)

    assert second.status_code == 302 and second["Location"].startswith(reverse("users:login"))
    assert privacy.delete_account(User.objects.get(pk=siti.user_id)) is False
    assert Notification.objects.filter(user=request.service.provider).count() == 1


def test_every_session_of_the_account_ends(client, siti):
    phone_browser = Client()
    phone_browser.force_login(siti.user)
    client.force_login(siti.user)
    client.post(DELETE, {"password": DEFAULT_PASSWORD, "confirm": "on"})
    response = phone_browser.get(reverse("users:personal_profile"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("users:login"))


# ---------------------------------------------------------------------------------------------
# Log Akses Data


def test_opening_a_personal_profile_is_logged(client, staff, siti):
    admin = staff(StaffRole.ADMIN)
    client.force_login(admin)
    url = reverse("personal_profiles:detail", args=[siti.pk])
    assert client.get(url).status_code == 200
    [row] = ProfileAccessLog.objects.all()
    assert (row.staff, row.staff_username, row.staff_role) == (admin, admin.username, StaffRole.ADMIN)
    assert (row.subject, row.action, row.path) == (siti.user, ProfileAccessAction.VIEW_PROFILE, url)
    assert row.ip_network == "127.0.0.0/24"


def test_opening_a_mitra_profile_and_downloading_its_document_are_logged(client, staff, mitra):
    verifikator = staff(StaffRole.VERIFIKATOR)
    document = MitraDocument.objects.get(mitra=mitra)
    client.force_login(verifikator)
    assert client.get(reverse("mitra_profiles:detail", args=[mitra.pk])).status_code == 200
    response = client.get(reverse("users:mitra_document_download", args=[document.pk]))
    assert response.status_code == 200
    actions = ProfileAccessLog.objects.filter(staff=verifikator, subject=mitra.user)
    assert sorted(actions.values_list("action", flat=True)) == ["lihat_profil", "unduh_dokumen"]


def test_a_mitra_opening_its_own_document_is_not_logged(client, mitra):
    client.force_login(mitra.user)
    document = MitraDocument.objects.get(mitra=mitra)
    assert client.get(reverse("users:mitra_document_download", args=[document.pk])).status_code == 200
    assert not ProfileAccessLog.objects.exists()


def test_exporting_the_personal_accounts_list_is_logged(client, staff, siti):
    dinaker = staff(StaffRole.DINAKER)
    client.force_login(dinaker)
    response = client.get(reverse("personal_report:accounts_export", args=["csv"]))
    assert response.status_code == 200
    [row] = ProfileAccessLog.objects.all()
    assert (row.staff, row.subject, row.action) == (dinaker, None, ProfileAccessAction.EXPORT)


def test_log_akses_data_is_for_super_admin_only(client, staff, siti):
    admin = staff(StaffRole.ADMIN, username="petugas.admin")
    client.force_login(admin)
    client.get(reverse("personal_profiles:detail", args=[siti.pk]))
    row = ProfileAccessLog.objects.get()
    for role in (StaffRole.ADMIN, StaffRole.DESA, StaffRole.DINAKER):
        client.force_login(staff(role))
        assert client.get(AUDIT_LOG).status_code == 403, role
        assert client.get(reverse("log-akses-data:inspect", args=[row.pk])).status_code == 403, role

    client.force_login(staff(StaffRole.SUPER_ADMIN))
    html = client.get(AUDIT_LOG).content.decode()
    assert "Log Akses Data" in html and "petugas.admin" in html and "Membuka profil" in html
    assert client.get(reverse("log-akses-data:inspect", args=[row.pk])).status_code == 200


def test_log_akses_data_is_in_the_settings_menu_of_super_admin_only(client, staff):
    client.force_login(staff(StaffRole.SUPER_ADMIN))
    assert AUDIT_LOG in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(staff(StaffRole.ADMIN))
    assert AUDIT_LOG not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize(
    ("address", "network"),
    [
        ("203.0.113.77", "203.0.113.0/24"),
        ("2001:db8:abcd:12::1", "2001:db8:abcd::/48"),
        ("bukan-ip", ""),
        (None, ""),
    ],
)
def test_ip_addresses_are_truncated(address, network):
    assert audit.truncate_ip(address) == network


# ---------------------------------------------------------------------------------------------
# NIK


def test_mask_nik():
    assert nik.mask_nik("3303010101900001") == "3303********0001"
    assert nik.mask_nik("") == "" and nik.mask_nik(None) == ""


@pytest.mark.parametrize("role", [StaffRole.SUPER_ADMIN, StaffRole.ADMIN, StaffRole.DESA])
def test_lists_show_the_masked_nik_to_every_role(client, staff, siti, role):
    client.force_login(staff(role))
    html = client.get(reverse("personal_profiles:index")).content.decode()
    assert nik.mask_nik(siti.nik) in html
    assert siti.nik not in html


@pytest.mark.parametrize("role", [StaffRole.SUPER_ADMIN, StaffRole.ADMIN, StaffRole.DESA])
def test_the_detail_page_shows_the_full_nik_to_those_who_verify_the_account(client, staff, siti, role):
    client.force_login(staff(role))
    assert siti.nik in client.get(reverse("personal_profiles:detail", args=[siti.pk])).content.decode()


def test_the_full_nik_is_only_for_verifiers_of_that_account(staff, siti, bobotsari):
    other_desa = bobotsari.desa_set.order_by("name").last()
    outsider = staff(StaffRole.DESA)
    outsider.scope_desa = other_desa
    masked = nik.mask_nik(siti.nik)
    assert nik.nik_for(outsider, siti) == masked
    for role in (StaffRole.DINAKER, StaffRole.KECAMATAN, StaffRole.VERIFIKATOR):
        assert nik.nik_for(staff(role), siti) == masked, role
    assert nik.nik_for(staff(StaffRole.ADMIN), siti) == siti.nik


def test_report_exports_carry_no_nik(client, staff, siti):
    client.force_login(staff(StaffRole.SUPER_ADMIN))
    response = client.get(reverse("personal_report:accounts_export", args=["csv"]))
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert siti.user.username in content
    assert siti.nik not in content and nik.mask_nik(siti.nik) not in content
    assert "NIK" not in content


def test_deleted_accounts_leave_no_service_offered(siti):
    ServiceFactory(provider=siti.user)
    privacy.delete_account(siti.user)
    assert not Service.objects.public().filter(provider=siti.user).exists()
