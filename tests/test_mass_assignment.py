"""Mass assignment: forms ignore or reject fields they do not list (role, scope, status, owner,
verified flags); a staff member who may manage users cannot grant a role above their own.

Every account-area form is posted with valid data plus forged fields an attacker would add with the
browser's developer tools; afterwards nothing the form does not offer has changed and whatever was
created belongs to the logged-in account."""

import datetime
import uuid

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from marketplace.choices import (
    ApplicationStatus,
    ContactPreference,
    PriceUnit,
    ServiceRequestStatus,
    ServiceStatus,
    TestimonialStatus,
    VacancyStatus,
)
from marketplace.factories import (
    ApplicationFactory,
    KategoriJasaFactory,
    ServiceFactory,
    VacancyFactory,
)
from marketplace.models import (
    Application,
    MitraAnnouncement,
    MitraRating,
    Service,
    ServiceRequest,
    Testimonial,
    Vacancy,
)
from tests.form_data import mitra_registration_data, personal_registration_data, vacancy_form_data
from users.choices import AccountType, StaffRole, VerificationStatus
from users.factories import (
    DEFAULT_PASSWORD,
    MitraFactory,
    MitraProfileFactory,
    PersonalFactory,
    complete_personal_profile,
)
from users.models import Kecamatan, Pendidikan, User
from users.roles import GROUP_NAMES

pytestmark = pytest.mark.django_db

LONG_AGO = "2020-01-01 10:00:00"


@pytest.fixture
def bobotsari(db):
    return Kecamatan.objects.get(name="Bobotsari")


@pytest.fixture
def desa(bobotsari):
    return bobotsari.desa_set.order_by("name").first()


@pytest.fixture
def victim(db):
    """Another account whose objects forged ids point at."""
    return MitraProfileFactory(name="PT Korban", verification_status=VerificationStatus.TERVERIFIKASI)


@pytest.fixture
def super_admin_group(staff):
    return Group.objects.get(name=GROUP_NAMES[StaffRole.SUPER_ADMIN])


def forged_account_fields(desa, victim, group=None):
    """What a user must never set on their own account or profile."""
    return {
        "account_type": AccountType.STAFF,
        "is_staff": "on",
        "is_superuser": "on",
        "is_active": "",
        "groups": [group.pk] if group else [],
        "user_permissions": [Permission.objects.get(codename="change_user").pk],
        "role": StaffRole.SUPER_ADMIN,
        "scope_kecamatan": desa.kecamatan_id,
        "scope_desa": desa.pk,
        "email_verified": "on",
        "email_verified_at": LONG_AGO,
        "phone_verified": "on",
        "phone_verified_at": LONG_AGO,
        "session_version": "99",
        "verification_status": VerificationStatus.TERVERIFIKASI,
        "verified_at": LONG_AGO,
        "submitted_at": LONG_AGO,
        "verification_note": "disetujui",
        "featured": "on",
        "user": victim.user_id,
        "owner": victim.user_id,
        "mitra": victim.pk,
        "personal": victim.user_id,
        "provider": victim.user_id,
        "author": victim.user_id,
        "requester": victim.user_id,
        "average_rating": "5",
        "rating_average": "5",
        "rating_count": "100",
    }


def privileges(user):
    """The account fields no account-area form may touch."""
    user.refresh_from_db()
    return {
        "account_type": user.account_type,
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
        "is_active": user.is_active,
        "role": user.role,
        "scope": (user.scope_kecamatan_id, user.scope_desa_id),
        "email_verified_at": user.email_verified_at,
        "phone_verified_at": user.phone_verified_at,
        "session_version": user.session_version,
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "permissions": sorted(user.user_permissions.values_list("codename", flat=True)),
    }


def verification(profile):
    profile.refresh_from_db()
    return (profile.user_id, profile.verification_status, profile.verified_at, profile.submitted_at)


def assert_unprivileged(user, account_type):
    assert privileges(user) == {
        **privileges(user),
        "account_type": account_type,
        "is_staff": False,
        "is_superuser": False,
        "is_active": True,
        "role": "",
        "scope": (None, None),
        "groups": [],
        "permissions": [],
    }


# --- Registration -----------------------------------------------------------------------------------


def test_daftar_ignores_forged_privileges_and_verified_flags(client, desa, victim, super_admin_group):
    data = personal_registration_data(**forged_account_fields(desa, victim, super_admin_group))
    assert client.post("/akun/daftar/", data).status_code == 302

    user = User.objects.get(username="siti.aminah")
    assert_unprivileged(user, AccountType.PERSONAL)
    assert user.email_verified_at is None and user.phone_verified_at is None
    profile = user.personal_profile
    assert profile.verification_status == VerificationStatus.BELUM and profile.verified_at is None
    assert verification(victim)[0] == victim.user_id  # the forged "user" id moved nothing


def test_daftar_mitra_ignores_forged_privileges_verification_and_featured(
    client, desa, victim, super_admin_group
):
    data = mitra_registration_data(**forged_account_fields(desa, victim, super_admin_group))
    assert client.post("/akun/daftar-mitra/", data).status_code == 302

    user = User.objects.get(username="knalpot_sejahtera")
    assert_unprivileged(user, AccountType.MITRA)
    assert user.email_verified_at is None and user.phone_verified_at is None
    profile = user.mitra_profile
    assert profile.verification_status == VerificationStatus.BELUM and profile.verified_at is None
    assert not profile.featured


# --- Profil Saya, Profil Mitra, notification settings -------------------------------------------------


def test_profil_saya_data_diri_ignores_forged_fields(client, desa, victim, super_admin_group):
    user = PersonalFactory()
    client.force_login(user)
    before, victim_before = privileges(user), verification(victim)
    data = {
        "first_name": "Siti",
        "last_name": "Nur Aini",
        "nik": "3303010101900001",
        "gender": "P",
        "birth_place": "Purbalingga",
        "birth_date": "1998-05-01",
        "address": "Jl. Jenderal Sudirman 12",
        "kecamatan": desa.kecamatan_id,
        "desa": desa.pk,
        "summary": "Penjahit rapi dan teliti.",
        "education_level": Pendidikan.objects.get(name="SMA/SMK/Sederajat").pk,
        "job_seeking_status": "aktif",
        **forged_account_fields(desa, victim, super_admin_group),
    }
    response = client.post("/akun/profil/data/", data)
    assert response.status_code == 302

    profile = user.personal_profile
    profile.refresh_from_db()
    assert profile.summary == "Penjahit rapi dan teliti."  # the real fields were saved
    assert profile.user_id == user.pk and profile.verification_status == VerificationStatus.BELUM
    assert profile.verified_at is None
    assert privileges(user) == before
    assert verification(victim) == victim_before


def test_profil_saya_section_entry_goes_to_the_own_profile(client, desa, victim):
    user = PersonalFactory()
    other = PersonalFactory()
    client.force_login(user)
    data = {"name": "Menjahit", "level": "mahir", "profile": other.personal_profile.pk, "id": "1"}
    client.post("/akun/profil/keterampilan/tambah/", data)
    assert list(user.personal_profile.skills.values_list("name", flat=True)) == ["Menjahit"]
    assert not other.personal_profile.skills.exists()


def test_profil_mitra_ignores_forged_fields(client, desa, victim, super_admin_group):
    mitra = MitraProfileFactory()
    client.force_login(mitra.user)
    before, victim_before = privileges(mitra.user), verification(victim)
    data = {
        "name": "Toko Maju",
        "business_field": mitra.business_field_id,
        "category": mitra.category,
        "address": "Jl. Raya Bobotsari No. 12",
        "kecamatan": desa.kecamatan_id,
        "desa": desa.pk,
        "description": "Produsen rambut palsu sejak 1998.",
        "website": "tokomaju.id",
        "contact_person": "Bu Sri",
        "contact_phone": "0812-3456-7890",
        **forged_account_fields(desa, victim, super_admin_group),
    }
    assert client.post("/akun/profil-mitra/", data).status_code == 302

    mitra.refresh_from_db()
    assert mitra.name == "Toko Maju"
    assert verification(mitra)[:3] == (mitra.user_id, VerificationStatus.BELUM, None)
    assert not mitra.featured
    assert privileges(mitra.user) == before
    assert verification(victim) == victim_before


def test_notification_settings_ignore_forged_fields(client, desa, victim, super_admin_group):
    user = PersonalFactory()
    client.force_login(user)
    before = privileges(user)
    data = {"notify_by_email": "on", **forged_account_fields(desa, victim, super_admin_group)}
    client.post("/akun/pemberitahuan/", data)
    user.refresh_from_db()
    assert user.notify_by_email and not user.notify_by_whatsapp  # the real fields were saved
    assert privileges(user) == before


# --- Vacancies and applications ------------------------------------------------------------------------


vacancy_form = vacancy_form_data


FORGED_VACANCY = {
    "published_at": LONG_AGO,
    "closed_at": LONG_AGO,
    "taken_down_reason": "x",
    "expiry_reminded_at": LONG_AGO,
    "created_at": LONG_AGO,
}


def test_memposting_lowongan_ignores_owner_and_status(client, bobotsari, victim):
    mitra = MitraProfileFactory(verification_status=VerificationStatus.BELUM)
    client.force_login(mitra.user)
    data = vacancy_form(
        bobotsari, aksi="posting", mitra=victim.pk, status=VacancyStatus.PUBLISHED, **FORGED_VACANCY
    )
    client.post("/akun/lowongan/posting/", data)

    vacancy = Vacancy.objects.get()
    assert vacancy.mitra == mitra
    # An unverified Mitra's vacancy stays a draft whatever "status" says.
    assert vacancy.status == VacancyStatus.DRAFT and vacancy.published_at is None
    assert not Vacancy.objects.filter(mitra=victim).exists()


def test_ubah_lowongan_ignores_owner_and_status(client, bobotsari, victim):
    vacancy = VacancyFactory(title="Operator Jahit")
    mitra = vacancy.mitra
    client.force_login(mitra.user)
    data = vacancy_form(
        bobotsari, title="Operator Jahit Senior", mitra=victim.pk, status=VacancyStatus.TAKEN_DOWN
    )
    del data["submission_key"]
    assert client.post(f"/akun/lowongan/{vacancy.pk}/ubah/", {**data, **FORGED_VACANCY}).status_code == 302

    vacancy.refresh_from_db()
    assert vacancy.title == "Operator Jahit Senior"
    assert (vacancy.mitra, vacancy.status) == (mitra, VacancyStatus.PUBLISHED)
    assert vacancy.closed_at is None and vacancy.taken_down_reason == ""


def test_lamar_sekarang_ignores_applicant_and_status(client, desa, victim):
    personal = complete_personal_profile(desa)
    other = PersonalFactory()
    vacancy = VacancyFactory()
    client.force_login(personal.user)
    data = {"personal": other.personal_profile.pk, "status": ApplicationStatus.DITERIMA, "vacancy": "999999"}
    client.post(f"/akun/lamar/{vacancy.pk}/", data)

    application = Application.objects.get()
    assert (application.vacancy, application.personal) == (vacancy, personal)
    assert application.status == ApplicationStatus.TERKIRIM


# --- Services --------------------------------------------------------------------------------------


def test_tambah_jasa_ignores_owner_and_status(client, bobotsari, victim):
    provider = PersonalFactory()
    client.force_login(provider)
    data = {
        "title": "Tukang Cat Rumah",
        "description": "Pengecatan rumah dan pagar, bahan dari pemilik.",
        "category": KategoriJasaFactory().pk,
        "price": "150000",
        "price_unit": PriceUnit.DAY,
        "areas": [bobotsari.pk],
        "submission_key": str(uuid.uuid4()),
        "provider": victim.user_id,
        "status": ServiceStatus.PAUSED,
        "admin_pause_reason": "x",
    }
    client.post("/akun/jasa/tambah/", data)

    service = Service.objects.get()
    assert (service.provider, service.status) == (provider, ServiceStatus.ACTIVE)
    assert service.admin_pause_reason == ""


def test_gunakan_jasa_ignores_requester_status_and_service(client, victim):
    service = ServiceFactory()
    other_service = ServiceFactory()
    requester = MitraFactory()
    client.force_login(requester)
    data = {
        "message": "Mohon cat ulang kantor kami.",
        "wished_date": (timezone.localdate() + datetime.timedelta(days=3)).isoformat(),
        "contact_preference": ContactPreference.WHATSAPP,
        "aksi": "kirim",
        "requester": victim.user_id,
        "service": other_service.pk,
        "status": ServiceRequestStatus.DITERIMA,
        "responded_at": LONG_AGO,
    }
    client.post(f"/akun/gunakan-jasa/{service.pk}/", data)

    request = ServiceRequest.objects.get()
    assert (request.service, request.requester) == (service, requester)
    assert request.status == ServiceRequestStatus.DIKIRIM and request.responded_at is None


# --- Ratings, testimonials, announcements -----------------------------------------------------------


def test_rating_ignores_target_visibility_and_window(client, victim):
    application = ApplicationFactory(status=ApplicationStatus.DITERIMA, decided_at=timezone.now())
    client.force_login(application.personal.user)
    data = {
        "stars": "4",
        "comment": "Proses rekrutmen jelas.",
        "mitra": victim.pk,
        "application": "999999",
        "revealed_at": LONG_AGO,
        "hidden_at": LONG_AGO,
        "editable_until": "2099-01-01 10:00:00",
    }
    client.post(f"/akun/rating/lamaran/{application.pk}/", data)

    rating = MitraRating.objects.get()
    assert (rating.application, rating.mitra) == (application, application.vacancy.mitra)
    assert rating.revealed_at is None and rating.hidden_at is None
    assert rating.editable_until == application.decided_at + datetime.timedelta(days=14)


def test_testimoni_ignores_author_and_approval(client, victim):
    author = PersonalFactory()
    client.force_login(author)
    data = {
        "text": "Aplikasinya memudahkan saya mencari kerja.",
        "stars": "5",
        "author": victim.user_id,
        "status": TestimonialStatus.APPROVED,
        "decided_at": LONG_AGO,
    }
    client.post("/akun/testimoni/", data)

    testimonial = Testimonial.objects.get()
    assert (testimonial.author, testimonial.status) == (author, TestimonialStatus.PENDING)
    assert testimonial.decided_at is None


def test_pengumuman_ignores_owner_and_moderation(client, victim):
    mitra = MitraProfileFactory(verification_status=VerificationStatus.TERVERIFIKASI)
    victims_vacancy = VacancyFactory(mitra=victim)
    client.force_login(mitra.user)
    data = {
        "title": "Jadwal wawancara operator",
        "body": "Wawancara dilaksanakan Senin pukul 09.00 di kantor kami.",
        "vacancy": "",
        "submission_key": str(uuid.uuid4()),
        "mitra": victim.pk,
        "hidden_at": LONG_AGO,
        "hidden_reason": "x",
    }
    client.post("/akun/pengumuman/buat/", data)
    announcement = MitraAnnouncement.objects.get()
    assert announcement.mitra == mitra and announcement.hidden_at is None

    # Linking another Mitra's vacancy is refused beside the field.
    page = client.post(
        "/akun/pengumuman/buat/", {**data, "vacancy": victims_vacancy.pk, "submission_key": ""}
    )
    assert page.status_code == 200
    assert MitraAnnouncement.objects.count() == 1


# --- One-time keys of another account's form --------------------------------------------------------


def test_a_submission_key_already_used_by_another_mitra_does_not_crash_posting(client, bobotsari, victim):
    key = uuid.uuid4()
    victims_vacancy = VacancyFactory(mitra=victim, submission_key=key, title="Lowongan Korban")
    mitra = MitraProfileFactory(verification_status=VerificationStatus.TERVERIFIKASI)
    client.force_login(mitra.user)
    response = client.post(
        "/akun/lowongan/posting/", vacancy_form(bobotsari, aksi="posting", submission_key=str(key))
    )

    assert response.status_code in (200, 302)
    victims_vacancy.refresh_from_db()
    assert (victims_vacancy.mitra, victims_vacancy.title) == (victim, "Lowongan Korban")


def test_a_submission_key_already_used_by_another_provider_does_not_crash_tambah_jasa(client, bobotsari):
    key = uuid.uuid4()
    ServiceFactory(submission_key=key)
    provider = PersonalFactory()
    client.force_login(provider)
    data = {
        "title": "Tukang Cat Rumah",
        "description": "Pengecatan rumah dan pagar, bahan dari pemilik.",
        "category": KategoriJasaFactory().pk,
        "price": "150000",
        "price_unit": PriceUnit.DAY,
        "areas": [bobotsari.pk],
        "submission_key": str(key),
    }
    assert client.post("/akun/jasa/tambah/", data).status_code in (200, 302)


def test_a_submission_key_already_used_by_another_mitra_does_not_crash_pengumuman(client, victim):
    key = uuid.uuid4()
    MitraAnnouncement.objects.create(mitra=victim, title="Punya korban", body="Isi", submission_key=key)
    mitra = MitraProfileFactory(verification_status=VerificationStatus.TERVERIFIKASI)
    client.force_login(mitra.user)
    data = {
        "title": "Jadwal wawancara",
        "body": "Senin pukul 09.00.",
        "vacancy": "",
        "submission_key": str(key),
    }
    assert client.post("/akun/pengumuman/buat/", data).status_code in (200, 302)
    assert MitraAnnouncement.objects.get(submission_key=key).mitra == victim


# --- Pengaturan → Pengguna ---------------------------------------------------------------------------


ADD_URL = reverse("wagtailusers_users:add")
STAFF_PASSWORD = "Kepenak#Staf2026"


def edit_url(user):
    return reverse("wagtailusers_users:edit", args=[user.pk])


def staff_form(**overrides):
    return {
        "first_name": "Siti",
        "last_name": "Aminah",
        "email": "siti.aminah@purbalinggakab.go.id",
        "username": "siti.aminah",
        "phone": "081234567890",
        "role": StaffRole.DINAKER,
        "scope_kecamatan": "",
        "scope_desa": "",
        "password1": STAFF_PASSWORD,
        "password2": STAFF_PASSWORD,
        **overrides,
    }


def forged_staff_fields(group):
    return {
        "is_superuser": "on",
        "is_staff": "on",
        "groups": [group.pk],
        "user_permissions": [Permission.objects.get(codename="delete_user").pk],
        "account_type": AccountType.STAFF,
    }


def role_of(user):
    user.refresh_from_db()
    return (user.role, user.is_superuser, sorted(user.groups.values_list("name", flat=True)))


def test_admin_creating_an_operator_cannot_make_a_super_admin(client, staff, super_admin_group):
    client.force_login(staff(StaffRole.ADMIN))
    response = client.post(ADD_URL, staff_form(**forged_staff_fields(super_admin_group)))
    assert response.status_code == 302

    created = User.objects.get(username="siti.aminah")
    assert role_of(created) == (StaffRole.DINAKER, False, ["Dinaker"])
    assert not created.user_permissions.exists()


@pytest.mark.parametrize("forged_role", [StaffRole.SUPER_ADMIN, StaffRole.ADMIN])
def test_admin_cannot_create_an_account_at_or_above_its_own_level(
    client, staff, super_admin_group, forged_role
):
    client.force_login(staff(StaffRole.ADMIN))
    response = client.post(ADD_URL, staff_form(role=forged_role, **forged_staff_fields(super_admin_group)))
    assert response.status_code == 200
    assert "Anda tidak berwenang membuat atau mengubah akun dengan level" in response.content.decode()
    assert not User.objects.filter(username="siti.aminah").exists()


def test_admin_editing_an_operator_cannot_promote_it(client, staff, super_admin_group):
    client.force_login(staff(StaffRole.ADMIN))
    operator = staff(StaffRole.DINAKER, username="dinaker1", email="dinaker1@purbalinggakab.go.id")
    data = staff_form(
        username="dinaker1",
        email="dinaker1@purbalinggakab.go.id",
        password1="",
        password2="",
        is_active="on",
        **forged_staff_fields(super_admin_group),
    )
    assert client.post(edit_url(operator), data).status_code == 302
    assert role_of(operator) == (StaffRole.DINAKER, False, ["Dinaker"])
    assert not operator.user_permissions.exists()

    response = client.post(edit_url(operator), {**data, "role": StaffRole.SUPER_ADMIN})
    assert response.status_code == 200
    assert role_of(operator) == (StaffRole.DINAKER, False, ["Dinaker"])


def test_admin_editing_itself_cannot_raise_its_own_level(client, staff, super_admin_group):
    admin = staff(StaffRole.ADMIN, username="admin1", email="admin1@purbalinggakab.go.id")
    client.force_login(admin)
    data = staff_form(
        username="admin1",
        email="admin1@purbalinggakab.go.id",
        password1="",
        password2="",
        role=StaffRole.SUPER_ADMIN,
        is_active="",
        **forged_staff_fields(super_admin_group),
    )
    client.post(edit_url(admin), data)
    assert role_of(admin) == (StaffRole.ADMIN, False, ["Admin"])
    assert admin.is_active and not admin.user_permissions.exists()


def test_admin_cannot_lower_or_deactivate_a_super_admin(client, staff, super_admin_group):
    superadmin = staff(StaffRole.SUPER_ADMIN, username="super1", email="super1@purbalinggakab.go.id")
    client.force_login(staff(StaffRole.ADMIN))
    data = staff_form(
        username="super1", email="super1@purbalinggakab.go.id", password1="", password2="", is_active=""
    )
    assert client.post(edit_url(superadmin), data).status_code in (403, 404)
    assert role_of(superadmin) == (StaffRole.SUPER_ADMIN, True, ["Super Admin"])
    assert superadmin.is_active
    assert superadmin.check_password(DEFAULT_PASSWORD)


def test_admin_bulk_action_cannot_grant_super_admin(client, staff):
    client.force_login(staff(StaffRole.ADMIN))
    operator = staff(StaffRole.DINAKER, username="dinaker2", email="dinaker2@purbalinggakab.go.id")
    url = reverse("wagtail_bulk_action", args=["users", "user", "assign_role"])
    client.post(f"{url}?id={operator.pk}", {"role": StaffRole.SUPER_ADMIN})
    client.post(f"{url}?id={operator.pk}", {"role": StaffRole.ADMIN})
    assert role_of(operator) == (StaffRole.DINAKER, False, ["Dinaker"])


@pytest.mark.parametrize(
    "role", [StaffRole.DINAKER, StaffRole.VERIFIKATOR, StaffRole.KECAMATAN, StaffRole.DESA]
)
def test_roles_without_user_management_cannot_create_or_promote(client, staff, super_admin_group, role):
    operator = staff(role)
    client.force_login(operator)
    response = client.post(
        ADD_URL, staff_form(role=StaffRole.ADMIN, **forged_staff_fields(super_admin_group))
    )
    assert response.status_code == 403
    assert not User.objects.filter(username="siti.aminah").exists()
    response = client.post(edit_url(operator), staff_form(role=StaffRole.ADMIN, username=operator.username))
    assert response.status_code == 403
    assert role_of(operator)[0] == role
