"""Pelamar → "Cetak PDF" (guide §6.1, issue 5): one applicant's resume and application, and the
applicant list of one vacancy, as PDFs with selectable text. Only the Mitra owning the vacancy
prints them (anyone else: 404); the NIK is never printed; Indonesian dates; constant query count."""

import datetime
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pypdf import PdfReader

from marketplace import use_cases
from marketplace.choices import ApplicationStatus
from marketplace.factories import ApplicationFactory, VacancyFactory
from marketplace.models import Application
from users.choices import VerificationStatus
from users.factories import MitraProfileFactory, PersonalFactory, complete_personal_profile
from users.models import Desa, Organisation, WorkExperience
from users.nik import mask_nik

pytestmark = pytest.mark.django_db


@pytest.fixture
def desa(db):
    return Desa.objects.filter(kecamatan__name="Bobotsari").first()


@pytest.fixture
def vacancy(db):
    return VacancyFactory(title="Operator Bulu Mata", mitra__name="PT Cantik Abadi")


@pytest.fixture
def application(desa, vacancy):
    profile = complete_personal_profile(desa, first_name="Siti", last_name="Aminah")
    WorkExperience.objects.create(
        profile=profile,
        position="Penjahit",
        company="CV Garmen Sejahtera",
        start_date=datetime.date(2019, 3, 1),
        end_date=datetime.date(2022, 6, 1),
    )
    Organisation.objects.create(
        profile=profile, name="Karang Taruna Bancar", role="Sekretaris", start_date=datetime.date(2016, 1, 1)
    )
    application = ApplicationFactory(vacancy=vacancy, personal=profile)
    _applied_on(application, datetime.date(2026, 8, 17))
    return application


def _applied_on(application, day):
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))
    Application.objects.filter(pk=application.pk).update(created_at=moment)


def applicant_pdf_url(application):
    return f"/akun/pelamar/{application.pk}/cetak/"


def list_pdf_url(vacancy):
    return f"/akun/lowongan/{vacancy.pk}/pelamar/cetak/"


def pdf_text(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(BytesIO(response.content))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_applicant_pdf_has_the_resume_and_the_application_but_no_nik(client, application, vacancy):
    use_cases.set_status(vacancy.mitra, application, ApplicationStatus.DITERIMA, "Datang Senin.")
    client.force_login(vacancy.mitra.user)
    response = client.get(applicant_pdf_url(application))
    assert response["Content-Disposition"].startswith('attachment; filename="pelamar-')
    text = pdf_text(response)
    profile = application.personal
    for expected in (
        "Siti Aminah",
        profile.user.email,
        profile.user.phone_display,
        "Operator Bulu Mata",
        "17 Agustus 2026",  # Indonesian date
        "Diterima",
        "Datang Senin.",
        "SMA/SMK/Sederajat",
        "SMK N 1 Purbalingga",
        "Penjahit",
        "CV Garmen Sejahtera",
        "Maret 2019",
        "Menjahit",
        "Karang Taruna Bancar",
        "Sekretaris",
    ):
        assert expected in text, expected
    assert profile.nik not in text and mask_nik(profile.nik) not in text
    assert "NIK" not in text


def test_vacancy_applicant_list_pdf_is_a_table_with_indonesian_dates(client, desa, application, vacancy):
    budi = ApplicationFactory(
        vacancy=vacancy,
        personal=complete_personal_profile(desa, first_name="Budi", last_name="Santoso"),
        status=ApplicationStatus.DITOLAK,
    )
    _applied_on(budi, datetime.date(2026, 12, 1))
    ApplicationFactory(personal=complete_personal_profile(desa, first_name="Citra"))  # another vacancy
    client.force_login(vacancy.mitra.user)
    response = client.get(list_pdf_url(vacancy))
    assert response["Content-Disposition"].startswith(f'attachment; filename="pelamar-lowongan-{vacancy.pk}-')
    text = pdf_text(response)
    for expected in (
        "Daftar Pelamar: Operator Bulu Mata",
        "PT Cantik Abadi",
        "Nama",
        "Kecamatan",
        "Pendidikan Terakhir",
        "Tanggal Melamar",
        "Siti Aminah",
        "Budi Santoso",
        "Bobotsari",
        "SMA/SMK/Sederajat",
        "17 Agustus 2026",
        "1 Desember 2026",
        "Terkirim",
        "Ditolak",
        "Jumlah: 2 pelamar",
    ):
        assert expected in text, expected
    assert "Citra" not in text
    assert text.index("Siti Aminah") < text.index("Budi Santoso")  # in the order they applied


def test_an_empty_applicant_list_still_prints(client, vacancy):
    client.force_login(vacancy.mitra.user)
    assert "Belum ada pelamar untuk lowongan ini." in pdf_text(client.get(list_pdf_url(vacancy)))


def test_only_the_owning_mitra_prints(client, application, vacancy):
    assert client.get(applicant_pdf_url(application))["Location"].startswith("/akun/login")
    assert client.get(list_pdf_url(vacancy))["Location"].startswith("/akun/login")
    other = MitraProfileFactory(verification_status=VerificationStatus.TERVERIFIKASI)
    client.force_login(other.user)
    assert client.get(applicant_pdf_url(application)).status_code == 404
    assert client.get(list_pdf_url(vacancy)).status_code == 404
    client.force_login(application.personal.user)  # the applicant is a Personal account
    assert client.get(applicant_pdf_url(application)).status_code == 403
    client.force_login(PersonalFactory())
    assert client.get(list_pdf_url(vacancy)).status_code == 403


def test_the_pages_link_to_the_pdfs(client, application, vacancy):
    client.force_login(vacancy.mitra.user)
    applicants = client.get("/akun/pelamar/").content.decode()
    assert f'href="{applicant_pdf_url(application)}">Cetak PDF' in applicants
    vacancies = client.get("/akun/lowongan/").content.decode()
    assert f'href="{list_pdf_url(vacancy)}">Cetak PDF' in vacancies


def test_list_pdf_query_count_is_constant(client, desa, vacancy):
    for _ in range(3):
        ApplicationFactory(vacancy=vacancy, personal=complete_personal_profile(desa))
    client.force_login(vacancy.mitra.user)
    client.get(list_pdf_url(vacancy))  # warm up per-process caches
    with CaptureQueriesContext(connection) as few:
        assert "Jumlah: 3 pelamar" in pdf_text(client.get(list_pdf_url(vacancy)))
    for _ in range(7):
        ApplicationFactory(vacancy=vacancy, personal=complete_personal_profile(desa))
    with CaptureQueriesContext(connection) as many:
        assert "Jumlah: 10 pelamar" in pdf_text(client.get(list_pdf_url(vacancy)))
    assert len(many) == len(few)


def test_applicant_pdf_query_count_does_not_grow_with_the_resume(client, application, vacancy):
    client.force_login(vacancy.mitra.user)
    client.get(applicant_pdf_url(application))
    with CaptureQueriesContext(connection) as few:
        client.get(applicant_pdf_url(application))
    profile = application.personal
    for year in (2010, 2012, 2014):
        WorkExperience.objects.create(
            profile=profile, position="Operator", company=f"PT {year}", start_date=datetime.date(year, 1, 1)
        )
        Organisation.objects.create(
            profile=profile, name=f"Organisasi {year}", start_date=datetime.date(year, 1, 1)
        )
    with CaptureQueriesContext(connection) as many:
        assert "PT 2014" in pdf_text(client.get(applicant_pdf_url(application)))
    assert len(many) == len(few)
