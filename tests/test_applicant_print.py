"""Pelamar → "Cetak PDF" (guide §6.1, issue 5): one applicant's resume and application, and the
applicant list of one vacancy, as PDFs with selectable text. Only the Mitra owning the vacancy
prints them (anyone else: 404); the NIK is never printed; Indonesian dates; constant query count."""

import datetime
from io import BytesIO

import pytest
from django.contrib.messages import get_messages
from django.core.files.storage import storages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pypdf import PdfReader

from marketplace import printing_tasks, use_cases
from marketplace.choices import ApplicationStatus
from marketplace.factories import ApplicationFactory, VacancyFactory
from marketplace.models import Application
from portal.job_files import APPLICANT_LISTS, new_token
from portal.models import BackgroundJob
from users.choices import VerificationStatus
from users.factories import MitraProfileFactory, PersonalFactory, complete_personal_profile
from users.models import Desa, Notification, Organisation, WorkExperience
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
    vacancies = client.get("/akun/lowongan/?halaman=1").content.decode()
    # A long list is printed by a job: the Mitra comes back to this very page, wherever the Referer.
    assert f'href="{list_pdf_url(vacancy)}?next=/akun/lowongan/%3Fhalaman%3D1">Cetak PDF' in vacancies


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


# ---------------------------------------------------------------------------------------------
# Long lists: tables of 25 rows, and a background job above INLINE_PDF_LIMIT


def _applicants(vacancy, count):
    """``count`` applications in order, named "Pelamar01 Uji", "Pelamar02 Uji", …"""
    start = timezone.make_aware(datetime.datetime(2026, 8, 1, 9, 0))
    for number in range(1, count + 1):
        application = ApplicationFactory(
            vacancy=vacancy,
            personal__user__first_name=f"Pelamar{number:02d}",
            personal__user__last_name="Uji",
        )
        Application.objects.filter(pk=application.pk).update(
            created_at=start + datetime.timedelta(minutes=number)
        )


def pdf_bytes_text(content):
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(BytesIO(content)).pages)


def test_a_long_list_is_printed_in_tables_of_25_rows_numbered_throughout(vacancy):
    _applicants(vacancy, 27)
    tables = printing_tasks.numbered_tables(printing_tasks.applications_of(vacancy))
    assert [len(table) for table in tables] == [25, 2]
    assert [number for table in tables for number, _application in table] == list(range(1, 28))
    assert str(tables[1][0][1].personal) == "Pelamar26 Uji"
    text = pdf_bytes_text(printing_tasks.render_applicant_list(vacancy))
    assert text.count("Tanggal Melamar") >= 2  # the header again over the second table
    assert "26 Pelamar26 Uji" in text and "27 Pelamar27 Uji" in text
    assert text.index("Pelamar25 Uji") < text.index("Pelamar26 Uji")
    assert "Jumlah: 27 pelamar" in text


def test_a_list_up_to_the_limit_still_downloads_at_once(client, vacancy, monkeypatch):
    monkeypatch.setattr(printing_tasks, "INLINE_PDF_LIMIT", 3)
    _applicants(vacancy, 3)
    client.force_login(vacancy.mitra.user)
    jobs = BackgroundJob.objects.count()
    text = pdf_text(client.get(list_pdf_url(vacancy)))
    assert "Pelamar01 Uji" in text and "Pelamar03 Uji" in text
    assert BackgroundJob.objects.count() == jobs
    assert not Notification.objects.filter(user=vacancy.mitra.user, event=printing_tasks.READY_EVENT).exists()


def test_a_long_list_is_printed_by_a_job_and_downloaded_by_its_owner_only(client, vacancy, monkeypatch):
    """Above the limit: a message, back to the page of the link; the job (run inline by the test
    settings) stores the PDF and tells the Mitra; the link opens for that Mitra only."""
    monkeypatch.setattr(printing_tasks, "INLINE_PDF_LIMIT", 20)
    _applicants(vacancy, 27)
    mitra = vacancy.mitra.user
    client.force_login(mitra)
    response = client.get(list_pdf_url(vacancy), HTTP_REFERER="http://testserver/akun/lowongan/?halaman=2")
    assert response.status_code == 302
    assert response["Location"] == "http://testserver/akun/lowongan/?halaman=2"
    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "PDF daftar pelamar sedang dibuat. Anda akan menerima pemberitahuan bila sudah siap."
    ]
    job = BackgroundJob.objects.latest("pk")
    assert job.func == "marketplace.printing_tasks.print_applicant_list"
    notification = Notification.objects.get(user=mitra, event=printing_tasks.READY_EVENT)
    assert notification.title == "PDF daftar pelamar siap diunduh"
    assert "Operator Bulu Mata" in notification.body
    download = client.get(notification.url)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith(f'attachment; filename="pelamar-lowongan-{vacancy.pk}-')
    text = pdf_bytes_text(b"".join(download.streaming_content))
    for expected in (
        "Daftar Pelamar: Operator Bulu Mata",
        "Pelamar01 Uji",
        "Pelamar27 Uji",
        "Jumlah: 27 pelamar",
    ):
        assert expected in text, expected
    assert "NIK" not in text

    other = MitraProfileFactory(verification_status=VerificationStatus.TERVERIFIKASI)
    client.force_login(other.user)
    assert client.get(notification.url).status_code == 404
    client.force_login(PersonalFactory())
    assert client.get(notification.url).status_code == 403
    client.logout()
    assert client.get(notification.url)["Location"].startswith("/akun/login")
    client.force_login(mitra)
    token = notification.url.rstrip("/").rsplit("/", 1)[1]
    assert client.get(f"{list_pdf_url(vacancy)}{'0' * 32}/").status_code == 404  # no such file
    assert client.get(f"{list_pdf_url(vacancy)}..%2F{token}/").status_code == 404
    other_vacancy = VacancyFactory(mitra=vacancy.mitra)
    assert client.get(f"{list_pdf_url(other_vacancy)}{token}/").status_code == 404  # another vacancy's


def test_without_a_referer_the_mitra_goes_back_to_the_vacancies(client, vacancy, monkeypatch):
    monkeypatch.setattr(printing_tasks, "INLINE_PDF_LIMIT", 0)
    _applicants(vacancy, 1)
    client.force_login(vacancy.mitra.user)
    assert client.get(list_pdf_url(vacancy))["Location"] == "/akun/lowongan/"
    response = client.get(list_pdf_url(vacancy), HTTP_REFERER="https://elsewhere.example/akun/lowongan/")
    assert response["Location"] == "/akun/lowongan/"
    response = client.get(f"{list_pdf_url(vacancy)}?next=/akun/pelamar/%3Fstatus=terkirim")
    assert response["Location"] == "/akun/pelamar/?status=terkirim"


def test_the_job_checks_ownership_when_it_runs(vacancy):
    _applicants(vacancy, 2)
    other = MitraProfileFactory(verification_status=VerificationStatus.TERVERIFIKASI)
    token = new_token()
    assert printing_tasks.print_applicant_list(other.user.pk, vacancy.pk, token) is None
    mitra = vacancy.mitra.user
    mitra.is_active = False
    mitra.save(update_fields=["is_active"])
    assert printing_tasks.print_applicant_list(mitra.pk, vacancy.pk, token) is None
    assert not Notification.objects.filter(event=printing_tasks.READY_EVENT).exists()
    stem = printing_tasks.pdf_stem(vacancy.pk)
    for user_id in (other.user.pk, mitra.pk):
        assert not storages["private"].exists(APPLICANT_LISTS.path(user_id, stem, token, "pdf"))
