"""Ratings (guide §1.2, §5 Lamaran Terkirim "berikan rating"; issue 7): who may rate whom and when,
one rating per relationship and side, editing for 14 days, the simultaneous reveal, reports and
staff hiding, and the notifications."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry

from marketplace import rating_use_cases, use_cases
from marketplace.choices import ApplicationStatus, ServiceRatingDirection, ServiceRequestStatus
from marketplace.factories import ApplicationFactory, ServiceRequestFactory, VacancyFactory
from marketplace.models import MitraRating, PersonalRating, RatingReport, ServiceRating
from marketplace.use_cases import UseCaseError
from users.factories import MitraProfileFactory, PersonalFactory, PersonalProfileFactory
from users.models import Notification

pytestmark = pytest.mark.django_db

APPLICATIONS_URL = "/akun/lamaran/"
APPLICANTS_URL = "/akun/pelamar/"


def rate_url(application):
    return f"/akun/rating/lamaran/{application.pk}/"


def service_rate_url(service_request):
    return f"/akun/rating/jasa/{service_request.pk}/"


def report_url(kind, rating):
    return f"/akun/ulasan/{kind}/{rating.pk}/laporkan/"


def decided(status=ApplicationStatus.DITERIMA, days_ago=0, **kwargs):
    return ApplicationFactory(
        status=status, decided_at=timezone.now() - datetime.timedelta(days=days_ago), **kwargs
    )


def applicant(application):
    return application.personal.user


def mitra_user(application):
    return application.vacancy.mitra.user


def finished_request(days_ago=0, **kwargs):
    return ServiceRequestFactory(
        status=ServiceRequestStatus.SELESAI,
        completed_at=timezone.now() - datetime.timedelta(days=days_ago),
        **kwargs,
    )


def queries(client, url):
    """The number of queries of a GET of ``url`` (after one warm-up request)."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    return len(context)


def past(rating, days=1):
    """Let the rating's 14-day window close."""
    type(rating).objects.filter(pk=rating.pk).update(
        editable_until=timezone.now() - datetime.timedelta(days=days)
    )


# --- Rating a Mitra / an applicant ----------------------------------------------------------------


def test_the_applicant_rates_the_mitra_once_from_a_decided_application(client):
    application = decided(vacancy__mitra__name="PT Cantik Abadi")
    client.force_login(applicant(application))
    form = client.get(rate_url(application)).content.decode()
    assert "Berikan Rating" in form and "Rating untuk PT Cantik Abadi" in form
    assert "<legend" in form and "Rating" in form
    for n in range(1, 6):
        assert f"{n} bintang" in form

    response = client.post(rate_url(application), {"stars": "4", "comment": "Proses rekrutmen jelas."})
    assert response.status_code == 302 and response.url == APPLICATIONS_URL
    rating = MitraRating.objects.get()
    assert (rating.stars, rating.comment) == (4, "Proses rekrutmen jelas.")
    assert rating.mitra == application.vacancy.mitra and rating.personal == application.personal
    assert rating.editable_until == application.decided_at + datetime.timedelta(days=14)
    assert rating.revealed_at is None

    # A double submit: still one rating, one "you were rated" notification.
    client.post(rate_url(application), {"stars": "4", "comment": "Proses rekrutmen jelas."})
    assert MitraRating.objects.count() == 1
    told = Notification.objects.filter(user=mitra_user(application), event="rating.received")
    assert told.count() == 1
    assert "ditampilkan setelah" in told.get().body


def test_the_mitra_rates_the_applicant_of_a_rejected_application(client):
    application = decided(ApplicationStatus.DITOLAK)
    client.force_login(mitra_user(application))
    response = client.post(f"{rate_url(application)}?next={APPLICANTS_URL}", {"stars": "5", "comment": ""})
    assert response.status_code == 302
    rating = PersonalRating.objects.get()
    assert rating.personal == application.personal and rating.mitra == application.vacancy.mitra
    assert rating.stars == 5 and not MitraRating.objects.exists()
    assert Notification.objects.filter(user=applicant(application), event="rating.received").exists()


@pytest.mark.parametrize("status", [ApplicationStatus.TERKIRIM, ApplicationStatus.DIPROSES])
def test_an_undecided_application_cannot_be_rated(client, status):
    application = ApplicationFactory(status=status)
    client.force_login(applicant(application))
    page = client.get(rate_url(application)).content.decode()
    assert "setelah hubungan kerja selesai" in page and 'name="stars"' not in page
    page = client.post(rate_url(application), {"stars": "5"}).content.decode()
    assert "setelah hubungan kerja selesai" in page
    assert not MitraRating.objects.exists()
    with pytest.raises(UseCaseError):
        rating_use_cases.rate_application(mitra_user(application), application, 3)


def test_a_withdrawn_application_cannot_be_rated():
    application = ApplicationFactory(status=ApplicationStatus.DITARIK)
    with pytest.raises(UseCaseError, match="ditarik"):
        rating_use_cases.rate_application(applicant(application), application, 3)
    assert not rating_use_cases.can_rate_application(applicant(application), application)


def test_other_people_get_404_and_visitors_the_login(client):
    application = decided()
    for other in (PersonalFactory(), MitraProfileFactory().user):
        client.force_login(other)
        assert client.get(rate_url(application)).status_code == 404
        assert client.post(rate_url(application), {"stars": "1"}).status_code == 404
        with pytest.raises(UseCaseError):
            rating_use_cases.rate_application(other, application, 1)
    client.logout()
    response = client.get(rate_url(application))
    assert response.status_code == 302 and "/login" in response.url
    assert not MitraRating.objects.exists() and not PersonalRating.objects.exists()


@pytest.mark.parametrize("stars", [0, 6, "x", None])
def test_stars_outside_one_to_five_are_refused(stars):
    application = decided()
    with pytest.raises(UseCaseError, match="1 sampai 5"):
        rating_use_cases.rate_application(applicant(application), application, stars)
    assert not MitraRating.objects.exists()


def test_the_form_refuses_a_missing_star_and_keeps_the_comment(client):
    application = decided()
    client.force_login(applicant(application))
    page = client.post(rate_url(application), {"comment": "Ramah sekali"}).content.decode()
    assert "Pilih rating 1 sampai 5 bintang." in page and "Ramah sekali" in page
    page = client.post(rate_url(application), {"stars": "9"}).content.decode()
    assert "is-invalid" in page
    assert not MitraRating.objects.exists()


def test_a_rating_is_edited_within_14_days_and_fixed_after():
    application = decided(days_ago=10)
    rating, created = rating_use_cases.rate_application(applicant(application), application, 2, "Kurang")
    assert created
    edited, created = rating_use_cases.rate_application(applicant(application), application, 3, "Lumayan")
    assert not created and edited.pk == rating.pk
    rating.refresh_from_db()
    assert (rating.stars, rating.comment) == (3, "Lumayan")
    assert Notification.objects.filter(event="rating.received").count() == 1  # told once

    past(rating)
    with pytest.raises(UseCaseError, match="14 hari"):
        rating_use_cases.rate_application(applicant(application), application, 5)
    rating.refresh_from_db()
    assert rating.stars == 3


def test_no_first_rating_after_the_window(client):
    application = decided(days_ago=15)
    client.force_login(applicant(application))
    page = client.get(rate_url(application)).content.decode()
    assert "Masa pemberian rating (14 hari) sudah berakhir." in page
    with pytest.raises(UseCaseError, match="14 hari"):
        rating_use_cases.rate_application(applicant(application), application, 5)


def test_the_edit_page_shows_ubah_rating_with_the_given_values(client):
    application = decided()
    rating_use_cases.rate_application(applicant(application), application, 2, "Lambat membalas")
    client.force_login(applicant(application))
    page = client.get(rate_url(application)).content.decode()
    assert "Ubah Rating" in page and "Lambat membalas" in page
    checked = re.findall(r'name="stars" value="(\d)"[^>]*checked', page)
    assert checked == ["2"]


# --- The simultaneous reveal --------------------------------------------------------------------------


def test_both_sides_are_revealed_together_when_the_second_rates():
    application = decided()
    first, _ = rating_use_cases.rate_application(applicant(application), application, 4)
    assert not MitraRating.objects.public().exists()

    second, _ = rating_use_cases.rate_application(mitra_user(application), application, 5)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.revealed_at is not None and first.revealed_at == second.revealed_at
    assert list(MitraRating.objects.public()) == [first]
    assert list(PersonalRating.objects.public()) == [second]

    # Once revealed nobody answers the other side's rating by changing theirs.
    with pytest.raises(UseCaseError, match="sudah ditampilkan"):
        rating_use_cases.rate_application(applicant(application), application, 1)
    with pytest.raises(UseCaseError, match="sudah ditampilkan"):
        rating_use_cases.rate_application(mitra_user(application), application, 1)


def test_one_side_alone_becomes_public_when_the_14_days_pass():
    application = decided()
    rating, _ = rating_use_cases.rate_application(applicant(application), application, 4)
    assert not MitraRating.objects.public().exists()
    past(rating)
    assert list(MitraRating.objects.public()) == [rating]


def test_the_second_side_shares_the_first_sides_window():
    application = decided(days_ago=3)
    first, _ = rating_use_cases.rate_application(applicant(application), application, 4)
    # The Mitra changes its decision later: the relationship keeps one window.
    use_cases.set_status(application.vacancy.mitra, application, ApplicationStatus.DITOLAK, "Maaf")
    second, _ = rating_use_cases.rate_application(mitra_user(application), application, 4)
    assert second.editable_until == first.editable_until


# --- Service requests ---------------------------------------------------------------------------------


def test_both_sides_of_a_finished_service_request_rate_each_other(client):
    request = finished_request()
    requester, provider = request.requester, request.service.provider
    client.force_login(requester)
    response = client.post(service_rate_url(request), {"stars": "5", "comment": "Rapi dan cepat."})
    assert response.status_code == 302
    client.post(service_rate_url(request), {"stars": "5", "comment": "Rapi dan cepat."})
    of_provider = ServiceRating.objects.get()
    assert of_provider.direction == ServiceRatingDirection.OF_PROVIDER
    assert (of_provider.rater, of_provider.ratee, of_provider.service) == (
        requester,
        provider,
        request.service,
    )
    assert Notification.objects.filter(user=provider, event="rating.received").count() == 1
    assert not ServiceRating.objects.public().exists()

    client.force_login(provider)
    assert "Berikan Rating" in client.get(service_rate_url(request)).content.decode()
    client.post(service_rate_url(request), {"stars": "4"})
    of_user = ServiceRating.objects.get(direction=ServiceRatingDirection.OF_USER)
    assert (of_user.rater, of_user.ratee) == (provider, requester)
    assert ServiceRating.objects.public().count() == 2


@pytest.mark.parametrize(
    "status", [ServiceRequestStatus.DIKIRIM, ServiceRequestStatus.DITERIMA, ServiceRequestStatus.DITOLAK]
)
def test_an_unfinished_service_request_cannot_be_rated(status):
    request = ServiceRequestFactory(status=status)
    with pytest.raises(UseCaseError, match="selesai"):
        rating_use_cases.rate_service_request(request.requester, request, 5)
    assert not ServiceRating.objects.exists()


def test_other_people_cannot_rate_a_service_request(client):
    request = finished_request()
    client.force_login(PersonalFactory())
    assert client.get(service_rate_url(request)).status_code == 404
    with pytest.raises(UseCaseError):
        rating_use_cases.rate_service_request(PersonalFactory(), request, 5)


def test_a_service_request_rating_closes_after_14_days():
    request = finished_request(days_ago=15)
    with pytest.raises(UseCaseError, match="14 hari"):
        rating_use_cases.rate_service_request(request.requester, request, 5)


# --- Reports and hiding -----------------------------------------------------------------------------


@pytest.fixture
def public_rating():
    application = decided()
    rating, _ = rating_use_cases.rate_application(applicant(application), application, 1, "Kata kasar")
    past(rating)
    return rating


def test_a_user_reports_a_public_review_once(client, public_rating):
    reporter = PersonalFactory()
    client.force_login(reporter)
    page = client.get(report_url("mitra", public_rating)).content.decode()
    assert "Laporkan Ulasan" in page and "Kata kasar" in page

    page = client.post(report_url("mitra", public_rating), {"reason": ""}).content.decode()
    assert "Tuliskan alasan laporan." in page
    assert not RatingReport.objects.exists()

    response = client.post(
        report_url("mitra", public_rating), {"reason": "Menghina", "next": "/mitra-formal/"}
    )
    assert response.status_code == 302 and response.url == "/mitra-formal/"
    response = client.post(report_url("mitra", public_rating), {"reason": "Menghina lagi"}, follow=True)
    assert "Anda sudah melaporkan ulasan ini." in response.content.decode()
    public_rating.refresh_from_db()
    assert public_rating.report_count == 1
    report = RatingReport.objects.get()
    assert (report.rating, report.reporter, report.reason) == (public_rating, reporter, "Menghina")

    # A second reporter counts too.
    rating_use_cases.report_rating(PersonalFactory(), public_rating, "Tidak pantas")
    public_rating.refresh_from_db()
    assert public_rating.report_count == 2


def test_only_public_reviews_of_a_known_kind_are_reported_and_not_by_their_author(client, public_rating):
    client.force_login(PersonalFactory())
    assert client.get(report_url("lainnya", public_rating)).status_code == 404
    assert client.get(report_url("personal", public_rating)).status_code == 404
    application = decided()
    hidden_yet, _ = rating_use_cases.rate_application(applicant(application), application, 2)
    assert client.get(report_url("mitra", hidden_yet)).status_code == 404
    with pytest.raises(UseCaseError, match="sendiri"):
        rating_use_cases.report_rating(public_rating.personal.user, public_rating, "Salah ketik")
    client.logout()
    response = client.get(report_url("mitra", public_rating))
    assert response.status_code == 302 and "/login" in response.url


def test_staff_hide_and_show_a_review(public_rating):
    staff = PersonalFactory(is_staff=True)
    rating_use_cases.hide_rating(staff, public_rating, "Kata kasar")
    rating_use_cases.hide_rating(staff, public_rating, "Lagi")  # idempotent
    public_rating.refresh_from_db()
    assert public_rating.is_hidden and public_rating.hidden_by == staff
    assert public_rating.hidden_reason == "Kata kasar"
    assert not MitraRating.objects.public().exists()
    rating_use_cases.unhide_rating(staff, public_rating)
    assert list(MitraRating.objects.public()) == [public_rating]
    # Both decisions are in the audit log, once each.
    actions = ModelLogEntry.objects.for_instance(public_rating).values_list("action", flat=True)
    assert sorted(actions) == ["portal.hide_rating", "portal.show_rating"]


# --- Notifications ------------------------------------------------------------------------------------


def can_rate(user):
    return Notification.objects.filter(user=user, event="rating.can_rate")


def test_a_decision_tells_both_sides_they_can_rate():
    application = ApplicationFactory()
    mitra = application.vacancy.mitra
    use_cases.set_status(mitra, application, ApplicationStatus.DIPROSES)
    assert not can_rate(applicant(application)).exists()
    use_cases.set_status(mitra, application, ApplicationStatus.DITERIMA, "Selamat")
    told = can_rate(applicant(application)).get()
    assert mitra.name in told.title and told.url == rate_url(application)
    assert can_rate(mitra.user).get().url == rate_url(application)
    # Changing the decision later tells nobody again.
    use_cases.set_status(mitra, application, ApplicationStatus.DITOLAK, "Maaf")
    assert can_rate(applicant(application)).count() == 1 and can_rate(mitra.user).count() == 1


def test_bulk_decisions_and_filled_vacancies_tell_the_applicants():
    vacancy = VacancyFactory()
    first, second, waiting = (ApplicationFactory(vacancy=vacancy) for _ in range(3))
    use_cases.set_status_bulk(vacancy.mitra, [first, second], ApplicationStatus.DITERIMA)
    assert can_rate(applicant(first)).count() == 1 and can_rate(applicant(second)).count() == 1
    use_cases.mark_filled(vacancy)
    assert can_rate(applicant(waiting)).count() == 1
    assert can_rate(applicant(first)).count() == 1


# --- Links on Lamaran Terkirim and Pelamar ------------------------------------------------------------


def test_lamaran_terkirim_offers_berikan_rating_then_ubah_rating(client):
    personal = PersonalProfileFactory()
    waiting = ApplicationFactory(personal=personal, vacancy__title="Masih Menunggu")
    application = decided(personal=personal, vacancy__title="Sudah Diterima")
    client.force_login(personal.user)
    one_decided = queries(client, APPLICATIONS_URL)
    for _ in range(3):
        decided(personal=personal)
    assert queries(client, APPLICATIONS_URL) == one_decided  # the ratings come with the rows
    page = client.get(APPLICATIONS_URL).content.decode()
    assert page.count("Berikan Rating") == 4
    assert f'href="{rate_url(waiting)}' not in page
    assert f'href="{rate_url(application)}?next=' in page

    rating_use_cases.rate_application(personal.user, application, 4)
    page = client.get(APPLICATIONS_URL).content.decode()
    assert page.count("Berikan Rating") == 3 and "Ubah Rating" in page and "Rating Anda:" in page

    past(MitraRating.objects.get())
    page = client.get(APPLICATIONS_URL).content.decode()
    assert "Ubah Rating" not in page and "Rating Anda:" in page


def test_pelamar_offers_berikan_rating_to_the_mitra(client):
    vacancy = VacancyFactory()
    ApplicationFactory(vacancy=vacancy)
    rated = decided(vacancy=vacancy)
    rating_use_cases.rate_application(vacancy.mitra.user, rated, 5)
    client.force_login(vacancy.mitra.user)
    few = queries(client, APPLICANTS_URL)
    for status in (ApplicationStatus.DITERIMA, ApplicationStatus.DITOLAK, ApplicationStatus.DITOLAK):
        decided(status, vacancy=vacancy)
    assert queries(client, APPLICANTS_URL) == few
    page = client.get(APPLICANTS_URL).content.decode()
    assert page.count("Berikan Rating") == 3 and page.count("Ubah Rating") == 1


def test_service_pages_offer_berikan_rating_on_finished_requests(client):
    """The rate link of Gunakan Jasa Terkirim and Pengguna Jasa (pages of the services step)."""
    request = finished_request()
    client.force_login(request.requester)
    sent_url = "/akun/gunakan-jasa-terkirim/"
    one = queries(client, sent_url)
    for _ in range(3):
        finished_request(requester=request.requester)
    assert queries(client, sent_url) == one
    page = client.get(sent_url).content.decode()
    assert page.count("Berikan Rating") == 4
    assert f'href="{service_rate_url(request)}?next=' in page

    rating_use_cases.rate_service_request(request.requester, request, 5)
    assert "Ubah Rating" in client.get(sent_url).content.decode()
    client.force_login(request.service.provider)
    page = client.get("/akun/pengguna-jasa/").content.decode()
    assert "Berikan Rating" in page and f'href="{service_rate_url(request)}?next=' in page
