"""Admin Lamaran Belum Direspon (guide §7.1, issue 8): applications still Terkirim after N days (the
app setting), oldest first, with the Mitra's contact; "Kirim Pengingat" per row and for the selected
rows, at most once per application per day, audit-logged; the role matrix and the Desa/Kecamatan
scope."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry

from marketplace import moderation
from marketplace.choices import ApplicationStatus, VacancyStatus
from marketplace.factories import ApplicationFactory, VacancyFactory
from marketplace.models import Application
from portal.models import SiteSettings
from users.choices import StaffRole, VerificationStatus
from users.factories import UserFactory, complete_mitra_profile, complete_personal_profile
from users.models import Desa, Kecamatan, Notification
from users.staff import install_role_groups, save_staff_account

pytestmark = pytest.mark.django_db

DASHBOARD_URL = "/app/v1/admin/"
INDEX_URL = "/app/v1/admin/lamaran-belum-direspon/"
REMIND_URL = "/app/v1/admin/lamaran-belum-direspon/kirim-pengingat/"


@pytest.fixture
def bobotsari(db):
    return Kecamatan.objects.get(name="Bobotsari")


@pytest.fixture
def desa(bobotsari):
    return bobotsari.desa_set.order_by("name").first()


@pytest.fixture
def other_desa_same_kecamatan(bobotsari, desa):
    return bobotsari.desa_set.exclude(pk=desa.pk).order_by("name").first()


@pytest.fixture
def desa_elsewhere(bobotsari):
    return Desa.objects.exclude(kecamatan=bobotsari).order_by("name").first()


@pytest.fixture
def staff(db, bobotsari, desa):
    install_role_groups()

    def make(role, **scope):
        if not scope:
            scope = {"kecamatan": bobotsari} if role == StaffRole.KECAMATAN else {}
            scope = {"desa": desa} if role == StaffRole.DESA else scope
        return save_staff_account(UserFactory(account_type="staff"), role, **scope)

    return make


@pytest.fixture
def mitra(desa):
    profile = complete_mitra_profile(desa, email="hrd@bulumata.id")
    profile.name = "PT Bulu Mata Indah"
    profile.contact_person = "Bu Rina"
    profile.contact_phone = "6281300001111"
    profile.verification_status = VerificationStatus.TERVERIFIKASI
    profile.save()
    return profile


@pytest.fixture
def vacancy(mitra):
    return VacancyFactory(mitra=mitra, title="Operator Jahit")


def sent_days_ago(application, days):
    Application.objects.filter(pk=application.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days, hours=1)
    )
    return application


def applicant(desa, first_name):
    return complete_personal_profile(desa, first_name=first_name, last_name="Lestari")


def application_of(vacancy, profile, days, **fields):
    return sent_days_ago(ApplicationFactory(vacancy=vacancy, personal=profile, **fields), days)


def names(response):
    return [a.personal.user.first_name for a in response.context["page_obj"]]


# --- Role matrix ----------------------------------------------------------------------------


@pytest.mark.parametrize("role", list(StaffRole))
def test_every_role_opens_lamaran_belum_direspon_and_may_remind(client, staff, vacancy, desa, role):
    application = application_of(vacancy, applicant(desa, "Ani"), 10)
    client.force_login(staff(role))
    assert INDEX_URL in client.get(DASHBOARD_URL).content.decode()
    response = client.get(INDEX_URL)
    assert response.status_code == 200
    assert names(response) == ["Ani"]
    client.post(REMIND_URL, {"satu": application.pk})
    assert Notification.objects.filter(event="application.reminder").count() == 1


@pytest.mark.parametrize("account", ["personal", "mitra"])
def test_personal_and_mitra_accounts_get_nothing(client, vacancy, desa, account):
    application = application_of(vacancy, applicant(desa, "Ani"), 10)
    client.force_login(UserFactory(account_type=account))
    assert client.get(INDEX_URL).status_code in (302, 403)
    assert client.post(REMIND_URL, {"satu": application.pk}).status_code in (302, 403)
    assert not Notification.objects.filter(event="application.reminder").exists()


def test_get_on_the_reminder_url_is_refused(client, staff):
    client.force_login(staff(StaffRole.ADMIN))
    assert client.get(REMIND_URL).status_code == 403


# --- The list -------------------------------------------------------------------------------


def test_list_shows_terkirim_after_n_days_oldest_first_with_mitra_contact(client, staff, vacancy, desa):
    application_of(vacancy, applicant(desa, "Baru"), 3)
    application_of(vacancy, applicant(desa, "Lama"), 20)
    application_of(vacancy, applicant(desa, "Sedang"), 8)
    application_of(vacancy, applicant(desa, "Diproses"), 30, status=ApplicationStatus.DIPROSES)
    down = VacancyFactory(mitra=vacancy.mitra, status=VacancyStatus.TAKEN_DOWN)
    application_of(down, applicant(desa, "Diturunkan"), 30)
    client.force_login(staff(StaffRole.DINAKER))

    response = client.get(INDEX_URL)
    assert names(response) == ["Lama", "Sedang"]
    page = response.content.decode()
    for text in (
        "Operator Jahit",
        "Lama Lestari",
        "20 hari",
        "PT Bulu Mata Indah",
        "Bu Rina",
        "6281300001111",
    ):
        assert text in page
    assert "hrd@bulumata.id" in page
    assert "setelah 7 hari" in page

    settings = SiteSettings.current()
    settings.unanswered_application_days = 2
    settings.save()
    assert names(client.get(INDEX_URL)) == ["Lama", "Sedang", "Baru"]


def test_desa_and_kecamatan_operators_see_only_their_applicants(
    client, staff, vacancy, desa, other_desa_same_kecamatan, desa_elsewhere, bobotsari
):
    mine = application_of(vacancy, applicant(desa, "Desaku"), 10)
    neighbour = application_of(vacancy, applicant(other_desa_same_kecamatan, "Tetangga"), 11)
    far = application_of(vacancy, applicant(desa_elsewhere, "Jauh"), 12)

    client.force_login(staff(StaffRole.DESA, desa=desa))
    assert names(client.get(INDEX_URL)) == ["Desaku"]
    # a reminder for an applicant outside the desa is not sent
    client.post(REMIND_URL, {"lamaran": [far.pk, neighbour.pk]})
    assert not Notification.objects.filter(event="application.reminder").exists()

    client.force_login(staff(StaffRole.KECAMATAN, kecamatan=bobotsari))
    assert names(client.get(INDEX_URL)) == ["Tetangga", "Desaku"]
    client.post(REMIND_URL, {"satu": far.pk})
    assert not Notification.objects.filter(event="application.reminder").exists()

    client.force_login(staff(StaffRole.VERIFIKATOR))
    assert names(client.get(INDEX_URL)) == ["Jauh", "Tetangga", "Desaku"]
    assert mine.pk  # used


def test_list_query_count_is_constant(client, staff, vacancy, desa, django_assert_max_num_queries):
    client.force_login(staff(StaffRole.ADMIN))
    first = application_of(vacancy, applicant(desa, "Satu"), 10)
    moderation.remind_unanswered(Application.objects.filter(pk=first.pk), staff(StaffRole.ADMIN))
    client.get(INDEX_URL)
    with CaptureQueriesContext(connection) as one:
        client.get(INDEX_URL)
    for n in range(6):
        other = VacancyFactory(mitra=complete_mitra_profile(desa))
        application_of(other, applicant(desa, f"Pelamar{n}"), 10 + n)
    with django_assert_max_num_queries(len(one)):
        response = client.get(INDEX_URL)
    assert len(response.context["page_obj"]) == 7


# --- Kirim Pengingat ------------------------------------------------------------------------


def test_reminder_tells_the_mitra_once_per_day_and_is_logged(
    client, staff, vacancy, desa, django_capture_on_commit_callbacks
):
    first = application_of(vacancy, applicant(desa, "Ani"), 10)
    second = application_of(vacancy, applicant(desa, "Budi"), 9)
    admin = staff(StaffRole.ADMIN)
    client.force_login(admin)

    response = client.post(REMIND_URL, {"lamaran": [first.pk, second.pk], "next": INDEX_URL})
    assert response["Location"] == INDEX_URL
    note = Notification.objects.get(user=vacancy.mitra.user, event="application.reminder")
    assert "2 lamaran belum direspon" in note.title and "Operator Jahit" in note.title
    assert note.url == f"/akun/pelamar/?lowongan={vacancy.pk}"
    assert "Ani Lestari" in note.body and "Budi Lestari" in note.body
    assert [m.to for m in mail.outbox] == [["hrd@bulumata.id"]]
    entries = ModelLogEntry.objects.filter(action="portal.remind_application")
    assert sorted(int(e.object_id) for e in entries) == sorted([first.pk, second.pk])
    assert {e.user_id for e in entries} == {admin.pk}

    # the same day: the row says so and nothing more is sent
    page = client.get(INDEX_URL).content.decode()
    assert page.count("Sudah diingatkan hari ini") == 2
    response = client.post(REMIND_URL, {"satu": first.pk}, follow=True)
    assert "sudah diingatkan hari ini" in response.content.decode()
    assert Notification.objects.filter(event="application.reminder").count() == 1
    assert len(mail.outbox) == 1

    # the next day it may be sent again
    ModelLogEntry.objects.filter(action="portal.remind_application").update(
        timestamp=moderation.start_of_today() - datetime.timedelta(minutes=1)
    )
    client.post(REMIND_URL, {"satu": first.pk})
    assert Notification.objects.filter(event="application.reminder").count() == 2


def test_reminder_skips_applications_answered_meanwhile_and_needs_a_selection(client, staff, vacancy, desa):
    application = application_of(vacancy, applicant(desa, "Ani"), 10)
    client.force_login(staff(StaffRole.ADMIN))
    response = client.post(REMIND_URL, {}, follow=True)
    assert "Pilih lamaran yang akan diingatkan." in response.content.decode()
    Application.objects.filter(pk=application.pk).update(status=ApplicationStatus.DIPROSES)
    client.post(REMIND_URL, {"satu": application.pk})
    assert not Notification.objects.filter(event="application.reminder").exists()


def test_bulk_reminder_sends_one_notification_per_vacancy(client, staff, vacancy, desa, mitra):
    other_vacancy = VacancyFactory(mitra=mitra, title="Kasir")
    a = application_of(vacancy, applicant(desa, "Ani"), 10)
    b = application_of(other_vacancy, applicant(desa, "Budi"), 10)
    client.force_login(staff(StaffRole.SUPER_ADMIN))
    client.post(REMIND_URL, {"lamaran": [a.pk, b.pk]})
    urls = set(Notification.objects.filter(event="application.reminder").values_list("url", flat=True))
    assert urls == {f"/akun/pelamar/?lowongan={vacancy.pk}", f"/akun/pelamar/?lowongan={other_vacancy.pk}"}
