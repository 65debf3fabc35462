"""Pelamar → bulk status change (guide §6.1, issue 5): tick several applicants, choose Dalam Proses /
Diterima / Ditolak with an optional message; each applicant is told (through set_status). Ids of
another Mitra's applications are ignored; a double submit is harmless; nothing selected is an
error."""

import pytest

from marketplace import use_cases
from marketplace.choices import ApplicationStatus
from marketplace.factories import ApplicationFactory, VacancyFactory
from marketplace.models import Application
from users.factories import PersonalFactory, complete_personal_profile
from users.models import Desa, Notification

pytestmark = pytest.mark.django_db

APPLICANTS_URL = "/akun/pelamar/"
BULK_URL = "/akun/pelamar/ubah-status/"


@pytest.fixture
def desa(db):
    return Desa.objects.filter(kecamatan__name="Bobotsari").first()


@pytest.fixture
def vacancy(db):
    return VacancyFactory(title="Operator Bulu Mata", mitra__name="PT Cantik Abadi")


@pytest.fixture
def applications(desa, vacancy):
    second = VacancyFactory(mitra=vacancy.mitra, title="Staf Gudang")
    return [
        ApplicationFactory(vacancy=vacancy, personal=complete_personal_profile(desa, first_name="Ani")),
        ApplicationFactory(vacancy=vacancy, personal=complete_personal_profile(desa, first_name="Budi")),
        ApplicationFactory(
            vacancy=second,
            personal=complete_personal_profile(desa, first_name="Cici"),
            status=ApplicationStatus.DIPROSES,
        ),
    ]


@pytest.fixture
def foreign(desa):
    """An application to another Mitra's vacancy."""
    return ApplicationFactory(personal=complete_personal_profile(desa, first_name="Dedi"))


def bulk(client, selected, status="", message="", next_url=APPLICANTS_URL):
    data = {"lamaran": [str(a.pk) for a in selected], "massal-status": status, "massal-message": message}
    if next_url:
        data["next"] = next_url
    return client.post(BULK_URL, data, follow=True)


def statuses(objs):
    return [Application.objects.get(pk=a.pk).status for a in objs]


def test_bulk_status_change_notifies_each_applicant(client, vacancy, applications, foreign):
    client.force_login(vacancy.mitra.user)
    response = bulk(
        client, [*applications, foreign], ApplicationStatus.DITERIMA, "  Datang Senin pukul 08.00.  "
    )
    assert response.redirect_chain[-1][0] == APPLICANTS_URL
    page = response.content.decode()
    assert "3 pelamar diubah menjadi Diterima. Pelamar sudah diberi tahu." in page
    assert statuses(applications) == [ApplicationStatus.DITERIMA] * 3
    for application in applications:
        application.refresh_from_db()
        assert application.mitra_message == "Datang Senin pukul 08.00."
        assert application.status_changed_by == vacancy.mitra.user and application.decided_at
        told = Notification.objects.get(user=application.personal.user, event="application_status")
        assert "Diterima" in told.title and told.body == "Datang Senin pukul 08.00."
    # Another Mitra's application in the submitted ids is ignored: unchanged, nobody told.
    assert statuses([foreign]) == [ApplicationStatus.TERKIRIM]
    assert not Notification.objects.filter(user=foreign.personal.user).exists()


def test_double_submit_is_harmless(client, vacancy, applications):
    client.force_login(vacancy.mitra.user)
    bulk(client, applications, ApplicationStatus.DITOLAK)
    assert Notification.objects.filter(event="application_status").count() == 3
    again = bulk(client, applications, ApplicationStatus.DITOLAK).content.decode()
    assert "3 pelamar sudah berstatus Ditolak; tidak ada yang diubah." in again
    assert "diubah menjadi" not in again
    assert Notification.objects.filter(event="application_status").count() == 3
    assert statuses(applications) == [ApplicationStatus.DITOLAK] * 3


def test_part_of_the_selection_already_has_the_status(client, vacancy, applications):
    client.force_login(vacancy.mitra.user)
    page = bulk(client, applications, ApplicationStatus.DIPROSES).content.decode()
    assert "2 pelamar diubah menjadi Dalam Proses." in page
    assert "1 pelamar sudah berstatus Dalam Proses" in page
    assert Notification.objects.filter(event="application_status").count() == 2


def test_withdrawn_applications_are_skipped_with_a_message(client, vacancy, applications):
    withdrawn = applications[0]
    Application.objects.filter(pk=withdrawn.pk).update(status=ApplicationStatus.DITARIK)
    client.force_login(vacancy.mitra.user)
    page = bulk(client, applications, ApplicationStatus.DITERIMA).content.decode()
    assert "2 pelamar diubah menjadi Diterima." in page
    assert "1 lamaran dilewati karena sudah ditarik oleh pelamar." in page
    assert statuses(applications) == [ApplicationStatus.DITARIK] + [ApplicationStatus.DITERIMA] * 2


def test_nothing_selected_is_a_clear_error(client, vacancy, applications):
    client.force_login(vacancy.mitra.user)
    page = bulk(client, [], ApplicationStatus.DITERIMA).content.decode()
    assert "Belum ada pelamar yang dipilih." in page
    assert statuses(applications) == [
        ApplicationStatus.TERKIRIM,
        ApplicationStatus.TERKIRIM,
        ApplicationStatus.DIPROSES,
    ]
    assert not Notification.objects.filter(event="application_status").exists()


@pytest.mark.parametrize("status", ["", ApplicationStatus.TERKIRIM, ApplicationStatus.DITARIK, "bebas"])
def test_a_status_the_mitra_may_not_set_is_refused(client, vacancy, applications, status):
    client.force_login(vacancy.mitra.user)
    page = bulk(client, applications, status).content.decode()
    assert "Status belum diubah. Pilih status Dalam Proses, Diterima atau Ditolak." in page
    assert not Notification.objects.filter(event="application_status").exists()


def test_only_another_mitras_applications_selected(client, vacancy, foreign):
    client.force_login(vacancy.mitra.user)
    page = bulk(client, [foreign], ApplicationStatus.DITERIMA).content.decode()
    assert "Pelamar yang dipilih tidak ditemukan di lowongan Anda." in page
    assert statuses([foreign]) == [ApplicationStatus.TERKIRIM]


def test_returns_to_the_filtered_page(client, vacancy, applications):
    client.force_login(vacancy.mitra.user)
    target = f"{APPLICANTS_URL}?lowongan={vacancy.pk}"
    response = bulk(client, applications[:1], ApplicationStatus.DIPROSES, next_url=target)
    assert response.redirect_chain[-1][0] == target
    response = bulk(client, applications[:1], ApplicationStatus.DIPROSES, next_url="https://jahat.example/")
    assert response.redirect_chain[-1][0] == APPLICANTS_URL


def test_only_mitra_accounts_and_only_post(client, vacancy, applications):
    response = client.post(BULK_URL, {"lamaran": [applications[0].pk], "massal-status": "diterima"})
    assert response["Location"].startswith("/akun/login")
    client.force_login(PersonalFactory())
    assert (
        client.post(BULK_URL, {"lamaran": [applications[0].pk], "massal-status": "diterima"}).status_code
        == 403
    )
    client.force_login(vacancy.mitra.user)
    assert client.get(BULK_URL).status_code == 405
    assert statuses(applications[:1]) == [ApplicationStatus.TERKIRIM]


def test_the_pelamar_page_has_the_bulk_form(client, vacancy, applications):
    withdrawn = ApplicationFactory(vacancy=vacancy, status=ApplicationStatus.DITARIK)
    client.force_login(vacancy.mitra.user)
    page = client.get(APPLICANTS_URL).content.decode()
    assert 'id="bulk-status-form"' in page and f'action="{BULK_URL}"' in page
    for application in applications:
        assert f'name="lamaran" value="{application.pk}"' in page
    assert f'name="lamaran" value="{withdrawn.pk}"' not in page
    for label in ("Dalam Proses", "Diterima", "Ditolak", "Ubah Status Terpilih"):
        assert label in page


def test_use_case_ignores_other_mitra_and_ids_and_is_idempotent(vacancy, applications, foreign):
    result = use_cases.set_status_bulk(
        vacancy.mitra, [a.pk for a in applications] + [foreign.pk], ApplicationStatus.DITERIMA
    )
    assert {a.pk for a in result["changed"]} == {a.pk for a in applications}
    assert statuses([foreign]) == [ApplicationStatus.TERKIRIM]
    again = use_cases.set_status_bulk(vacancy.mitra, applications, ApplicationStatus.DITERIMA)
    assert again["changed"] == [] and len(again["unchanged"]) == 3
    with pytest.raises(use_cases.UseCaseError):
        use_cases.set_status_bulk(vacancy.mitra, applications, ApplicationStatus.TERKIRIM)
