"""Concurrency: double applications, double ratings, double request acceptance under parallel requests
leave exactly one row (database constraints, tested with threads against PostgreSQL).

Each race logs the same account into N separate test clients, releases N threads together with a
barrier and lets every thread post the same form to the real URL, as a double click (or a user with
two tabs) does. No thread may see an error page or an unhandled IntegrityError; exactly one row is
written and the other side is told once."""

import datetime
import threading
import time
import uuid

import pytest
from django.conf import settings
from django.db import IntegrityError, connection, connections, transaction
from django.test import Client
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page

from marketplace import use_cases
from marketplace.choices import (
    ApplicationStatus,
    ContactPreference,
    PriceUnit,
    ServiceRatingDirection,
    ServiceRequestStatus,
)
from marketplace.factories import (
    ApplicationFactory,
    KategoriJasaFactory,
    ServiceFactory,
    ServiceRequestFactory,
    VacancyFactory,
)
from marketplace.initial_data import load_marketplace_master_data
from marketplace.models import (
    Application,
    MitraAnnouncement,
    MitraRating,
    PersonalRating,
    Service,
    ServiceRating,
    ServiceRequest,
    ServiceRequestEvent,
    Testimonial,
    Vacancy,
)
from portal import region_tallies
from tests.form_data import vacancy_form_data
from users.choices import StaffRole, VerificationStatus
from users.factories import (
    MitraFactory,
    MitraProfileFactory,
    PersonalFactory,
    complete_personal_profile,
    staff_account,
)
from users.initial_data import load_master_data
from users.models import Desa, Kecamatan, Notification
from users.regions import load_regions

N = 8

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Races need PostgreSQL's row locks and concurrent connections (set DATABASE_URL); "
        "SQLite serialises every writer.",
    ),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture(autouse=True)
def portal_data(transactional_db):
    """Transactional tests flush the database afterwards: bring back what Wagtail's migrations
    install (locale, root page and collection), the regions and the master data."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    load_regions(settings.PORTAL_REGENCY)
    load_master_data()
    load_marketplace_master_data()


def race(clients, url, data=None):
    """POST ``data`` to ``url`` from every client at the same moment; returns the responses. Any
    exception a view raised (an unhandled IntegrityError above all) fails the test."""
    barrier = threading.Barrier(len(clients))
    responses = [None] * len(clients)
    errors = []

    def post(index, client):
        try:
            barrier.wait(timeout=30)
            responses[index] = client.post(url, data or {})
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=post, args=(i, c)) for i, c in enumerate(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a request never finished (deadlock?)"
    assert not errors, f"{len(errors)} of {len(clients)} requests crashed: {errors[0]!r}"
    statuses = sorted({response.status_code for response in responses})
    assert set(statuses) <= {200, 302}, f"statuses {statuses}"
    return responses


def logged_in(user, n=N):
    clients = []
    for _ in range(n):
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def told(user, event):
    return Notification.objects.filter(user=user, event=event).count()


def bobotsari_desa():
    return Kecamatan.objects.get(name="Bobotsari").desa_set.order_by("name").first()


# --- Lamar Sekarang ---------------------------------------------------------------------------------


def test_parallel_lamar_sekarang_sends_one_application_and_tells_the_mitra_once():
    personal = complete_personal_profile(bobotsari_desa())
    vacancy = VacancyFactory()

    race(logged_in(personal.user), f"/akun/lamar/{vacancy.pk}/")

    application = Application.objects.get(vacancy=vacancy)
    assert application.personal == personal and application.status == ApplicationStatus.TERKIRIM
    assert told(vacancy.mitra.user, "application_received") == 1


def test_first_applications_sent_at_once_count_the_applicant_once_in_laporan_personal():
    """Eight first applications of one Personal to eight vacancies at the same moment: Laporan
    Personal's tally counts one applicant (each trigger recounts the profile under its lock)."""
    personal = complete_personal_profile(bobotsari_desa())
    mitra = MitraProfileFactory(verification_status=VerificationStatus.TERVERIFIKASI)
    vacancies = [VacancyFactory(mitra=mitra) for _index in range(N)]
    barrier = threading.Barrier(N)
    errors = []

    def apply(vacancy):
        try:
            barrier.wait(timeout=30)
            with transaction.atomic():
                use_cases.apply(personal.user, vacancy)
                time.sleep(0.2)  # a slow request: every other application is sent before this commits
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=apply, args=(vacancy,)) for vacancy in vacancies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert Application.objects.filter(personal=personal).count() == N
    superadmin = staff_account(StaffRole.SUPER_ADMIN)
    assert region_tallies.counts(superadmin, "report_applied") == {None: 1}
    assert region_tallies.counts(superadmin, "application", "key") == {ApplicationStatus.TERKIRIM: N}


# --- Ratings ------------------------------------------------------------------------------------------


def decided_application():
    return ApplicationFactory(status=ApplicationStatus.DITERIMA, decided_at=timezone.now())


def test_parallel_rating_of_the_mitra_keeps_one_rating_and_one_notification():
    application = decided_application()

    race(logged_in(application.personal.user), f"/akun/rating/lamaran/{application.pk}/", {"stars": "4"})

    assert MitraRating.objects.filter(application=application).count() == 1
    assert MitraRating.objects.get().stars == 4
    assert told(application.vacancy.mitra.user, "rating.received") == 1


def test_parallel_rating_of_the_applicant_keeps_one_rating_and_one_notification():
    application = decided_application()

    race(logged_in(application.vacancy.mitra.user), f"/akun/rating/lamaran/{application.pk}/", {"stars": "5"})

    assert PersonalRating.objects.filter(application=application).count() == 1
    assert told(application.personal.user, "rating.received") == 1


def test_both_sides_rating_at_once_reveal_both_ratings_together():
    application = decided_application()
    clients = logged_in(application.personal.user, N // 2) + logged_in(application.vacancy.mitra.user, N // 2)

    race(clients, f"/akun/rating/lamaran/{application.pk}/", {"stars": "3"})

    mitra_rating = MitraRating.objects.get(application=application)
    personal_rating = PersonalRating.objects.get(application=application)
    assert mitra_rating.revealed_at is not None and personal_rating.revealed_at is not None


def test_parallel_rating_of_a_service_provider_keeps_one_rating():
    request = ServiceRequestFactory(status=ServiceRequestStatus.SELESAI, completed_at=timezone.now())

    race(logged_in(request.requester), f"/akun/rating/jasa/{request.pk}/", {"stars": "5"})

    assert ServiceRating.objects.filter(service_request=request).count() == 1
    assert told(request.service.provider, "rating.received") == 1


# --- Gunakan Jasa and Terima ----------------------------------------------------------------------------


def test_parallel_gunakan_jasa_sends_one_request_and_tells_the_provider_once():
    service = ServiceFactory()
    requester = MitraFactory()
    data = {
        "message": "Mohon cat ulang kantor kami.",
        "wished_date": (timezone.localdate() + datetime.timedelta(days=3)).isoformat(),
        "contact_preference": ContactPreference.WHATSAPP,
        "aksi": "kirim",
    }

    race(logged_in(requester), f"/akun/gunakan-jasa/{service.pk}/", data)

    request = ServiceRequest.objects.get(service=service)
    assert request.requester == requester and request.status == ServiceRequestStatus.DIKIRIM
    assert ServiceRequestEvent.objects.filter(request=request).count() == 1
    assert told(service.provider, "service_request.received") == 1


def test_parallel_terima_records_one_transition_and_tells_the_requester_once():
    request = ServiceRequestFactory()

    race(logged_in(request.service.provider), f"/akun/permintaan-jasa/{request.pk}/terima/")

    request.refresh_from_db()
    assert request.status == ServiceRequestStatus.DITERIMA
    accepted = ServiceRequestEvent.objects.filter(request=request, to_status=ServiceRequestStatus.DITERIMA)
    assert accepted.count() == 1
    assert told(request.requester, "service_request.accepted") == 1


# --- One-time submission keys: Posting, Tambah Jasa, Pengumuman, Testimoni -------------------------------


def test_parallel_posting_of_one_vacancy_form_makes_one_vacancy():
    mitra = MitraProfileFactory(verification_status=VerificationStatus.TERVERIFIKASI)
    bobotsari = Kecamatan.objects.get(name="Bobotsari")
    data = vacancy_form_data(bobotsari, aksi="posting")

    race(logged_in(mitra.user), "/akun/lowongan/posting/", data)

    vacancy = Vacancy.objects.get(mitra=mitra)
    assert vacancy.title == "Penjahit Garmen" and vacancy.locations.count() == 1


def test_parallel_tambah_jasa_of_one_form_makes_one_service():
    provider = PersonalFactory()
    data = {
        "title": "Tukang Cat Rumah",
        "description": "Pengecatan rumah dan pagar, bahan dari pemilik.",
        "category": KategoriJasaFactory().pk,
        "price": "150000",
        "price_unit": PriceUnit.DAY,
        "areas": [Kecamatan.objects.get(name="Bobotsari").pk],
        "submission_key": str(uuid.uuid4()),
    }

    race(logged_in(provider), "/akun/jasa/tambah/", data)

    assert Service.objects.filter(provider=provider).count() == 1


def test_parallel_pengumuman_of_one_form_makes_one_announcement():
    mitra = MitraProfileFactory(verification_status=VerificationStatus.TERVERIFIKASI)
    data = {
        "title": "Jadwal wawancara operator",
        "body": "Wawancara dilaksanakan Senin, 7 Desember, pukul 09.00 di kantor kami.",
        "vacancy": "",
        "submission_key": str(uuid.uuid4()),
    }

    race(logged_in(mitra.user), "/akun/pengumuman/buat/", data)

    assert MitraAnnouncement.objects.filter(mitra=mitra).count() == 1


def test_parallel_testimoni_keeps_one_testimonial_per_author():
    author = PersonalFactory()

    race(
        logged_in(author),
        "/akun/testimoni/",
        {"text": "Aplikasinya memudahkan saya mencari kerja.", "stars": "5"},
    )

    assert Testimonial.objects.filter(author=author).count() == 1


# --- The constraints themselves -----------------------------------------------------------------------


def duplicate_refused(create):
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_the_database_refuses_duplicates_the_use_cases_rely_on():
    application = decided_application()
    duplicate_refused(
        lambda: Application.objects.create(vacancy=application.vacancy, personal=application.personal)
    )

    rating = {
        "application": application,
        "mitra": application.vacancy.mitra,
        "personal": application.personal,
    }
    until = timezone.now() + datetime.timedelta(days=14)
    MitraRating.objects.create(stars=4, editable_until=until, **rating)
    duplicate_refused(lambda: MitraRating.objects.create(stars=5, editable_until=until, **rating))
    PersonalRating.objects.create(stars=4, editable_until=until, **rating)
    duplicate_refused(lambda: PersonalRating.objects.create(stars=5, editable_until=until, **rating))

    finished = ServiceRequestFactory(status=ServiceRequestStatus.SELESAI, completed_at=timezone.now())
    service_rating = {
        "service_request": finished,
        "direction": ServiceRatingDirection.OF_PROVIDER,
        "service": finished.service,
        "rater": finished.requester,
        "ratee": finished.service.provider,
        "editable_until": until,
    }
    ServiceRating.objects.create(stars=4, **service_rating)
    duplicate_refused(lambda: ServiceRating.objects.create(stars=5, **service_rating))

    running = ServiceRequestFactory()
    duplicate_refused(lambda: ServiceRequestFactory(service=running.service, requester=running.requester))
    # Only a running request is unique: a finished one does not block asking again.
    ServiceRequestFactory(
        service=running.service, requester=running.requester, status=ServiceRequestStatus.SELESAI
    )

    key = uuid.uuid4()
    VacancyFactory(mitra=application.vacancy.mitra, submission_key=key)
    duplicate_refused(lambda: VacancyFactory(mitra=application.vacancy.mitra, submission_key=key))
    ServiceFactory(provider=running.requester, submission_key=key)
    duplicate_refused(lambda: ServiceFactory(provider=running.requester, submission_key=key))
    MitraAnnouncement.objects.create(mitra=application.vacancy.mitra, title="A", body="B", submission_key=key)
    duplicate_refused(
        lambda: MitraAnnouncement.objects.create(
            mitra=application.vacancy.mitra, title="A", body="B", submission_key=key
        )
    )
    Testimonial.objects.create(author=running.requester, text="Bagus.")
    duplicate_refused(lambda: Testimonial.objects.create(author=running.requester, text="Bagus lagi."))
    assert Desa.objects.exists()  # the portal data the fixture reinstalled are there
