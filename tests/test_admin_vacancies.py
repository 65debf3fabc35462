"""Admin List Lowongan (guide §7.1, issue 8): every vacancy with search and filters, the role matrix,
"Turunkan" with a reason (the Mitra sees it, applicants are told, the public pages drop the vacancy,
the audit log records it) and "Tayangkan Kembali"."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from marketplace import moderation
from marketplace.choices import ApplicationStatus, VacancyStatus
from marketplace.factories import ApplicationFactory, VacancyFactory
from marketplace.use_cases import UseCaseError
from users.choices import MitraCategory, StaffRole, VerificationStatus
from users.factories import MitraProfileFactory, UserFactory, complete_mitra_profile
from users.models import Kecamatan, Notification

pytestmark = pytest.mark.django_db

DASHBOARD_URL = "/app/v1/admin/"
INDEX_URL = "/app/v1/admin/list-lowongan/"
LOWONGAN = "/lowongan/"
MITRA_LIST_URL = "/akun/lowongan/"
MODERATORS = {StaffRole.SUPER_ADMIN, StaffRole.ADMIN, StaffRole.DINAKER}


def take_down_url(vacancy):
    return reverse("admin_vacancies:take_down", args=[vacancy.pk])


def restore_url(vacancy):
    return reverse("admin_vacancies:restore", args=[vacancy.pk])


@pytest.fixture
def mitra(bobotsari):
    profile = complete_mitra_profile(bobotsari.desa_set.first(), email="hrd@bulumata.id")
    profile.name = "PT Bulu Mata Indah"
    profile.verification_status = VerificationStatus.TERVERIFIKASI
    profile.save()
    return profile


@pytest.fixture
def vacancy(mitra, bobotsari):
    return VacancyFactory(mitra=mitra, title="Operator Jahit Bulu Mata", locations=[bobotsari])


# --- Role matrix ----------------------------------------------------------------------------


@pytest.mark.parametrize("role", list(StaffRole))
def test_every_role_sees_list_lowongan_and_only_moderators_may_take_down(client, staff, vacancy, role):
    user = staff(role)
    client.force_login(user)
    assert INDEX_URL in client.get(DASHBOARD_URL).content.decode()
    response = client.get(INDEX_URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Operator Jahit Bulu Mata" in page
    may = role in MODERATORS
    assert ("Turunkan" in page) is may
    assert client.get(take_down_url(vacancy)).status_code == (200 if may else 403)
    if not may:
        response = client.post(take_down_url(vacancy), {"reason": "Palsu"})
        assert response.status_code == 403
        assert client.post(restore_url(vacancy)).status_code == 403
        vacancy.refresh_from_db()
        assert vacancy.status == VacancyStatus.PUBLISHED
        assert "menurunkan lowongan hanya untuk" in page


@pytest.mark.parametrize("account", ["personal", "mitra"])
def test_personal_and_mitra_accounts_cannot_open_the_admin_list(client, vacancy, account):
    user = UserFactory(account_type=account)
    client.force_login(user)
    assert client.get(INDEX_URL).status_code in (302, 403)
    assert client.post(take_down_url(vacancy), {"reason": "x"}).status_code in (302, 403)
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.PUBLISHED


def test_anonymous_is_sent_to_the_login_page(client):
    response = client.get(INDEX_URL)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


# --- The list -------------------------------------------------------------------------------


def rows(response):
    return [vacancy.title for vacancy in response.context["page_obj"]]


def test_list_shows_every_status_with_counts_and_filters(client, staff, mitra, bobotsari):
    admin = staff(StaffRole.ADMIN)
    today = timezone.localdate()
    purbalingga = Kecamatan.objects.get(name="Purbalingga")
    informal = MitraProfileFactory(
        name="Warung Bu Tini",
        category=MitraCategory.INFORMAL,
        verification_status=VerificationStatus.TERVERIFIKASI,
    )
    open_ = VacancyFactory(mitra=mitra, title="Penjahit", locations=[bobotsari])
    ApplicationFactory(vacancy=open_)
    ApplicationFactory(vacancy=open_, status=ApplicationStatus.DITERIMA)
    expired = VacancyFactory(mitra=mitra, title="Sopir", end_date=today - datetime.timedelta(days=1))
    VacancyFactory(mitra=mitra, title="Kasir", draft=True)
    VacancyFactory(
        mitra=informal, title="Pelayan Warung", status=VacancyStatus.CLOSED, locations=[purbalingga]
    )
    down = VacancyFactory(
        mitra=mitra, title="Satpam", status=VacancyStatus.TAKEN_DOWN, taken_down_reason="Penipuan"
    )
    old = VacancyFactory(mitra=mitra, title="Tukang Kebun")
    Vacancy = type(old)
    Vacancy.objects.filter(pk=old.pk).update(published_at=timezone.now() - datetime.timedelta(days=60))
    client.force_login(admin)

    response = client.get(INDEX_URL)
    assert set(rows(response)) == {"Penjahit", "Sopir", "Kasir", "Pelayan Warung", "Satpam", "Tukang Kebun"}
    page = response.content.decode()
    assert "Berakhir" in page and "Diturunkan" in page and "Draf" in page and "Penipuan" in page
    # applicant counts of the row
    row = next(v for v in response.context["page_obj"] if v.pk == open_.pk)
    assert (row.applicants_total, row.applicants_terkirim, row.applicants_diterima) == (2, 1, 1)
    # public link only for what the public may see
    assert f'href="{LOWONGAN}{open_.pk}/"' in page
    assert f'href="{LOWONGAN}{down.pk}/"' not in page
    assert f"{LOWONGAN}{expired.pk}/" in page  # ended vacancies stay visible

    assert rows(client.get(INDEX_URL, {"q": "bulu mata"})) == [
        t for t in rows(response) if t not in ("Pelayan Warung",)
    ]
    assert rows(client.get(INDEX_URL, {"q": "jahit"})) == ["Penjahit"]
    assert rows(client.get(INDEX_URL, {"status": "berakhir"})) == ["Sopir"]
    assert set(rows(client.get(INDEX_URL, {"status": "published"}))) == {"Penjahit", "Tukang Kebun"}
    assert rows(client.get(INDEX_URL, {"status": "taken_down"})) == ["Satpam"]
    assert rows(client.get(INDEX_URL, {"kategori": "informal"})) == ["Pelayan Warung"]
    assert rows(client.get(INDEX_URL, {"kecamatan": purbalingga.pk})) == ["Pelayan Warung"]
    assert rows(client.get(INDEX_URL, {"kecamatan": bobotsari.pk})) == ["Penjahit"]
    recent = (today - datetime.timedelta(days=7)).isoformat()
    assert "Tukang Kebun" not in rows(client.get(INDEX_URL, {"dari": recent}))
    assert rows(client.get(INDEX_URL, {"sampai": (today - datetime.timedelta(days=30)).isoformat()})) == [
        "Tukang Kebun"
    ]
    response = client.get(INDEX_URL, {"dari": today.isoformat(), "sampai": recent})
    assert "Tanggal akhir tidak boleh sebelum tanggal awal." in response.content.decode()


def test_list_query_count_is_constant(client, staff, mitra, bobotsari, django_assert_max_num_queries):
    admin = staff(StaffRole.ADMIN)
    client.force_login(admin)
    VacancyFactory(mitra=mitra, locations=[bobotsari])
    client.get(INDEX_URL)  # warm up (site, settings, content types)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(INDEX_URL)
    for _ in range(6):
        vacancy = VacancyFactory(
            mitra=MitraProfileFactory(verification_status=VerificationStatus.TERVERIFIKASI),
            locations=[bobotsari],
            status=VacancyStatus.TAKEN_DOWN,
            taken_down_by=admin,
        )
        ApplicationFactory(vacancy=vacancy)
    with django_assert_max_num_queries(len(one)):
        response = client.get(INDEX_URL)
    assert len(response.context["page_obj"]) == 7


# --- Turunkan / Tayangkan Kembali -----------------------------------------------------------


def test_take_down_needs_a_reason_shown_beside_the_field(client, staff, vacancy):
    client.force_login(staff(StaffRole.DINAKER))
    response = client.post(take_down_url(vacancy), {"reason": "   "})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Tuliskan alasan lowongan diturunkan." in page
    assert "error-message" in page
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.PUBLISHED


def test_take_down_hides_the_vacancy_tells_mitra_and_applicants_and_is_logged(
    client, staff, vacancy, django_capture_on_commit_callbacks
):
    waiting = ApplicationFactory(vacancy=vacancy)
    in_process = ApplicationFactory(vacancy=vacancy, status=ApplicationStatus.DIPROSES)
    rejected = ApplicationFactory(vacancy=vacancy, status=ApplicationStatus.DITOLAK)
    admin = staff(StaffRole.ADMIN)
    assert client.get(f"{LOWONGAN}{vacancy.pk}/").status_code == 200
    assert "Operator Jahit Bulu Mata" in client.get(LOWONGAN).content.decode()

    client.force_login(admin)
    response = client.post(take_down_url(vacancy), {"reason": "Meminta biaya pendaftaran."})
    assert response.status_code == 302
    client.post(take_down_url(vacancy), {"reason": "Meminta biaya pendaftaran."})  # double submit
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.TAKEN_DOWN
    assert vacancy.taken_down_reason == "Meminta biaya pendaftaran."
    assert vacancy.taken_down_by == admin and vacancy.closed_at is not None

    mitra_user = vacancy.mitra.user
    notes = Notification.objects.filter(user=mitra_user, event="vacancy.taken_down")
    assert notes.count() == 1 and "Meminta biaya pendaftaran." in notes.get().body
    assert [m.to for m in mail.outbox] == [["hrd@bulumata.id"]]
    for application in (waiting, in_process):
        assert (
            Notification.objects.filter(user=application.personal.user, event="vacancy.taken_down").count()
            == 1
        )
    assert not Notification.objects.filter(user=rejected.personal.user).exists()
    entry = ModelLogEntry.objects.get(action="portal.take_down", object_id=str(vacancy.pk))
    assert entry.user_id == admin.pk and entry.data["reason"] == "Meminta biaya pendaftaran."
    assert entry.message == "Lowongan diturunkan"

    client.logout()
    assert client.get(f"{LOWONGAN}{vacancy.pk}/").status_code == 404
    assert "Operator Jahit Bulu Mata" not in client.get(LOWONGAN).content.decode()

    client.force_login(mitra_user)
    page = client.get(MITRA_LIST_URL).content.decode()
    assert "Diturunkan" in page and "Meminta biaya pendaftaran." in page
    assert f'href="{LOWONGAN}{vacancy.pk}/"' not in page


def test_restore_brings_the_vacancy_back_and_tells_the_mitra(client, staff, vacancy):
    admin = staff(StaffRole.SUPER_ADMIN)
    moderation.take_down_vacancy(vacancy, admin, "Perlu dicek")
    client.force_login(admin)
    response = client.post(restore_url(vacancy), {"next": INDEX_URL + "?status=taken_down"})
    assert response["Location"] == INDEX_URL + "?status=taken_down"
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.PUBLISHED and vacancy.taken_down_reason == ""
    assert vacancy.closed_at is None
    assert Notification.objects.filter(user=vacancy.mitra.user, event="vacancy.restored").count() == 1
    assert ModelLogEntry.objects.filter(action="portal.restore_vacancy", object_id=str(vacancy.pk)).exists()
    client.logout()
    assert client.get(f"{LOWONGAN}{vacancy.pk}/").status_code == 200
    # restoring again changes nothing and tells nobody twice
    moderation.restore_vacancy(vacancy, admin)
    assert Notification.objects.filter(user=vacancy.mitra.user, event="vacancy.restored").count() == 1


def test_restore_keeps_a_closed_vacancy_closed_and_refuses_an_ended_one(staff, mitra):
    admin = staff(StaffRole.ADMIN)
    closed = VacancyFactory(mitra=mitra, status=VacancyStatus.CLOSED)
    moderation.take_down_vacancy(closed, admin, "Duplikat")
    assert moderation.restore_vacancy(closed, admin).status == VacancyStatus.CLOSED

    ended = VacancyFactory(mitra=mitra)
    moderation.take_down_vacancy(ended, admin, "Duplikat")
    type(ended).objects.filter(pk=ended.pk).update(end_date=timezone.localdate() - datetime.timedelta(days=1))
    with pytest.raises(UseCaseError, match="sudah lewat"):
        moderation.restore_vacancy(ended, admin)


def test_use_cases_refuse_roles_without_the_right_and_drafts(staff, mitra):
    draft = VacancyFactory(mitra=mitra, draft=True)
    with pytest.raises(UseCaseError, match="Draf"):
        moderation.take_down_vacancy(draft, staff(StaffRole.ADMIN), "x")
    published = VacancyFactory(mitra=mitra)
    for role in (StaffRole.KECAMATAN, StaffRole.VERIFIKATOR, StaffRole.DESA):
        with pytest.raises(UseCaseError):
            moderation.take_down_vacancy(published, staff(role), "x")
    published.refresh_from_db()
    assert published.status == VacancyStatus.PUBLISHED


@pytest.mark.parametrize("action", ["tutup", "terisi"])
def test_the_mitra_cannot_close_or_fill_a_taken_down_vacancy_back_into_view(client, staff, vacancy, action):
    moderation.take_down_vacancy(vacancy, staff(StaffRole.ADMIN), "Gaji di bawah UMK.")
    client.force_login(vacancy.mitra.user)

    client.post(f"/akun/lowongan/{vacancy.pk}/{action}/")

    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.TAKEN_DOWN
    assert client.get(f"/lowongan/{vacancy.pk}/").status_code == 404
