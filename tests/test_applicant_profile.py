"""Pelamar → one applicant (guide §6.1; issue 5): /akun/pelamar/<id>/ shows the applicant's profile
and resume with the application status and the status form, only to the Mitra owning the vacancy;
the NIK never reaches the Mitra; the page runs a constant number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marketplace.choices import ApplicationStatus
from marketplace.factories import ApplicationFactory, VacancyFactory
from users.factories import MitraProfileFactory, PersonalFactory, complete_personal_profile
from users.models import Desa, Education, Organisation, Pendidikan, Skill, WorkExperience
from users.nik import mask_nik

pytestmark = pytest.mark.django_db


@pytest.fixture
def desa(db):
    return Desa.objects.filter(kecamatan__name="Bobotsari").first()


@pytest.fixture
def application(desa):
    personal = complete_personal_profile(desa, first_name="Siti", last_name="Aminah")
    vacancy = VacancyFactory(title="Operator Bulu Mata", mitra__name="PT Cantik Abadi")
    return ApplicationFactory(vacancy=vacancy, personal=personal)


def detail_url(application):
    return f"/akun/pelamar/{application.pk}/"


def test_the_owner_mitra_sees_profile_resume_status_and_form_but_not_the_nik(client, application):
    profile = application.personal
    client.force_login(application.vacancy.mitra.user)
    response = client.get(detail_url(application))
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Siti Aminah</h1>" in page
    assert "Operator Bulu Mata" in page and ">Terkirim<" in page
    for text in ("Penjahit berpengalaman.", "SMK N 1 Purbalingga", "Menjahit", profile.user.email):
        assert text in page
    assert f'action="/akun/pelamar/{application.pk}/status/"' in page
    assert f'name="lamaran-{application.pk}-status"' in page and "Ubah Status" in page
    # Neither the NIK nor any recognisable part of it.
    assert profile.nik not in page and mask_nik(profile.nik) not in page and "NIK" not in page
    assert profile.nik[-6:] not in page


def test_the_pelamar_list_links_to_the_applicant(client, application):
    client.force_login(application.vacancy.mitra.user)
    page = client.get("/akun/pelamar/").content.decode()
    assert f'href="{detail_url(application)}"' in page


def test_the_status_form_on_the_page_changes_the_status_and_comes_back(client, application):
    client.force_login(application.vacancy.mitra.user)
    prefix = f"lamaran-{application.pk}"
    response = client.post(
        f"/akun/pelamar/{application.pk}/status/",
        {
            f"{prefix}-status": "diterima",
            f"{prefix}-message": "Datang Senin pukul 08.00.",
            "next": detail_url(application),
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == detail_url(application)
    page = response.content.decode()
    assert ">Diterima<" in page and "Datang Senin pukul 08.00." in page
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DITERIMA


def test_anonymous_visitors_are_sent_to_the_mitra_login(client, application):
    response = client.get(detail_url(application))
    assert response.status_code == 302
    assert response["Location"] == f"/akun/login-mitra/?next={detail_url(application)}"


@pytest.mark.parametrize("who", ["another_mitra", "the_applicant", "another_personal"])
def test_nobody_but_the_owner_mitra_opens_it(client, application, desa, who):
    user = {
        "another_mitra": lambda: MitraProfileFactory().user,
        "the_applicant": lambda: application.personal.user,
        "another_personal": lambda: PersonalFactory(),
    }[who]()
    client.force_login(user)
    assert client.get(detail_url(application)).status_code == 404


def test_a_missing_application_is_a_404(client, application):
    client.force_login(application.vacancy.mitra.user)
    assert client.get(f"/akun/pelamar/{application.pk + 1000}/").status_code == 404


def _add_entries(profile, count):
    level = Pendidikan.objects.first()
    for n in range(count):
        WorkExperience.objects.create(
            profile=profile, position=f"Penjahit {n}", company="CV Maju", start_date=datetime.date(2018, 1, 1)
        )
        Education.objects.create(
            profile=profile, level=level, institution=f"Sekolah {n}", start_year=2010 + n
        )
        Skill.objects.create(profile=profile, name=f"Keterampilan {n}")
        Organisation.objects.create(
            profile=profile, name=f"Karang Taruna {n}", start_date=datetime.date(2015, 1, 1)
        )


def _queries(client, application):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(detail_url(application)).status_code == 200
    return len(queries)


def test_the_query_count_does_not_grow_with_the_resume(client, application):
    client.force_login(application.vacancy.mitra.user)
    _add_entries(application.personal, 1)
    _queries(client, application)  # warm up: the first request of a session does a little more
    few = _queries(client, application)
    _add_entries(application.personal, 5)
    assert _queries(client, application) == few


def test_a_withdrawn_application_shows_no_status_form(client, application):
    application.status = ApplicationStatus.DITARIK
    application.save()
    client.force_login(application.vacancy.mitra.user)
    page = client.get(detail_url(application)).content.decode()
    assert ">Ditarik<" in page and "sudah ditarik oleh pelamar" in page
    assert "Ubah Status" not in page


def test_applicant_page_offers_cetak_pdf(client, application):
    client.force_login(application.vacancy.mitra.user)
    html = client.get(detail_url(application)).content.decode()
    assert f'href="/akun/pelamar/{application.pk}/cetak/"' in html
