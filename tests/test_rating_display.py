"""Ratings on public pages (issue 7, issue 5): the Mitra's average, count and reviews (newest first)
on its public page with schema.org EmployerAggregateRating, the average next to the Mitra on a
vacancy and on the listing cards, the applicant's rating for the Mitra, and staff hiding in the
admin (Rating Mitra / Rating Personal / Rating Personal (Jasa))."""

import datetime
import json
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from marketplace import rating_use_cases
from marketplace.choices import ApplicationStatus
from marketplace.factories import ApplicationFactory, VacancyFactory
from marketplace.models import MitraRating, PersonalRating
from users.choices import MitraCategory, StaffRole, VerificationStatus
from users.factories import MitraProfileFactory
from users.models import User
from users.staff import install_role_groups, save_staff_account

pytestmark = pytest.mark.django_db

FORMAL_URL = "/mitra-formal/"


@pytest.fixture
def mitra(db):
    return MitraProfileFactory(
        name="PT Rambut Indah",
        verification_status=VerificationStatus.TERVERIFIKASI,
        category=MitraCategory.FORMAL,
    )


def rate_mitra(mitra, stars, comment="", *, revealed=True, days_ago=0):
    """A decided application of ``mitra`` whose applicant rated it; ``revealed``: public already
    (the 14 days passed)."""
    application = ApplicationFactory(
        vacancy=VacancyFactory(mitra=mitra),
        status=ApplicationStatus.DITERIMA,
        decided_at=timezone.now() - datetime.timedelta(days=days_ago),
    )
    rating, _ = rating_use_cases.rate_application(application.personal.user, application, stars, comment)
    if revealed:
        MitraRating.objects.filter(pk=rating.pk).update(
            editable_until=timezone.now() - datetime.timedelta(days=1)
        )
    return rating


def detail_url(mitra):
    return f"{FORMAL_URL}{mitra.pk}/"


def json_ld(page, type_name):
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S):
        data = json.loads(block)
        if data.get("@type") == type_name:
            return data
    return None


def test_the_mitra_page_shows_average_count_and_reviews_newest_first(client, mitra):
    older = rate_mitra(mitra, 5, "Lingkungan kerja nyaman.")
    MitraRating.objects.filter(pk=older.pk).update(created_at=timezone.now() - datetime.timedelta(days=3))
    rate_mitra(mitra, 4, "Gaji tepat waktu.")
    rate_mitra(mitra, 1, "Belum tampil.", revealed=False)  # the other side may still rate
    page = client.get(detail_url(mitra)).content.decode()
    assert "4,5 dari 5 (2 ulasan)" in page
    assert page.index("Gaji tepat waktu.") < page.index("Lingkungan kerja nyaman.")
    assert "Belum tampil." not in page
    assert "★★★★★" in page  # the stars, with their text for screen readers
    assert "5 dari 5 bintang" in page


def test_employer_aggregate_rating_only_with_public_ratings(client, mitra):
    page = client.get(detail_url(mitra)).content.decode()
    assert json_ld(page, "EmployerAggregateRating") is None
    assert "Belum ada rating" in page

    rate_mitra(mitra, 2, revealed=False)
    assert json_ld(client.get(detail_url(mitra)).content.decode(), "EmployerAggregateRating") is None

    rate_mitra(mitra, 4)
    rate_mitra(mitra, 5)
    data = json_ld(client.get(detail_url(mitra)).content.decode(), "EmployerAggregateRating")
    assert data == {
        "@context": "https://schema.org/",
        "@type": "EmployerAggregateRating",
        "itemReviewed": {"@type": "Organization", "name": "PT Rambut Indah"},
        "ratingValue": 4.5,
        "ratingCount": 2,
        "bestRating": 5,
        "worstRating": 1,
    }


def test_a_hidden_review_leaves_the_page_and_the_average(client, mitra):
    rate_mitra(mitra, 5, "Bagus sekali.")
    abusive = rate_mitra(mitra, 1, "Kata-kata kasar.")
    staff = User.objects.create(username="petugas", is_staff=True)
    rating_use_cases.hide_rating(staff, abusive, "Tidak pantas")
    page = client.get(detail_url(mitra)).content.decode()
    assert "Kata-kata kasar." not in page and "5,0 dari 5 (1 ulasan)" in page
    assert json_ld(page, "EmployerAggregateRating")["ratingCount"] == 1


def test_the_report_link_is_offered_to_signed_in_users(client, mitra):
    rating = rate_mitra(mitra, 1, "Kasar")
    assert "Laporkan" not in client.get(detail_url(mitra)).content.decode()
    client.force_login(MitraProfileFactory().user)
    page = client.get(detail_url(mitra)).content.decode()
    assert f'href="/akun/ulasan/mitra/{rating.pk}/laporkan/?next=' in page


def test_the_vacancy_shows_the_mitras_average_next_to_its_name(client, mitra):
    vacancy = VacancyFactory(mitra=mitra, title="Operator Jahit")
    page = client.get(f"/lowongan/{vacancy.pk}/").content.decode()
    assert "Belum ada rating" in page
    rate_mitra(mitra, 3)
    rate_mitra(mitra, 4)
    rate_mitra(mitra, 5, revealed=False)
    page = client.get(f"/lowongan/{vacancy.pk}/").content.decode()
    assert "3,5 dari 5 (2 ulasan)" in page
    name = page.index(">PT Rambut Indah</a>")
    assert name < page.index("3,5 dari 5") < page.index("</p>", name)


def test_the_listing_cards_show_the_average_in_the_same_queries(client, mitra):
    rate_mitra(mitra, 4)
    client.get(FORMAL_URL)
    cache.clear()  # the page as rendered, not as cached (portal/public_cache.py)
    with CaptureQueriesContext(connection) as one:
        page = client.get(FORMAL_URL).content.decode()
    assert "4,0 dari 5 (1 ulasan)" in page
    for n in range(4):
        other = MitraProfileFactory(
            name=f"CV Mitra {n}",
            verification_status=VerificationStatus.TERVERIFIKASI,
            category=MitraCategory.FORMAL,
        )
        rate_mitra(other, 5)
    cache.clear()
    with CaptureQueriesContext(connection) as five:
        page = client.get(FORMAL_URL).content.decode()
    assert len(five) == len(one)
    assert page.count("5,0 dari 5 (1 ulasan)") == 4


def test_the_mitra_sees_the_applicants_rating_on_the_applicant_page(client, mitra):
    vacancy = VacancyFactory(mitra=mitra)
    application = ApplicationFactory(
        vacancy=vacancy, status=ApplicationStatus.DITERIMA, decided_at=timezone.now()
    )
    # Another Mitra rated this applicant before, and it was revealed.
    earlier = ApplicationFactory(
        personal=application.personal, status=ApplicationStatus.DITERIMA, decided_at=timezone.now()
    )
    rating, _ = rating_use_cases.rate_application(earlier.vacancy.mitra.user, earlier, 5, "Rajin dan teliti.")
    client.force_login(mitra.user)
    url = f"/akun/pelamar/{application.pk}/"
    page = client.get(url).content.decode()
    assert "Rating Pelamar" in page and "Belum ada rating" in page and "Berikan Rating" in page
    PersonalRating.objects.filter(pk=rating.pk).update(
        editable_until=timezone.now() - datetime.timedelta(days=1)
    )
    page = client.get(url).content.decode()
    assert "5,0 dari 5 (1 ulasan)" in page and "Rajin dan teliti." in page


# --- Staff hiding in the admin ------------------------------------------------------------------------


def make_staff(username, role):
    user = User(username=username, email=f"{username}@purbalinggakab.go.id", first_name=username.title())
    user.set_password("Kepenak#Staf2026")
    return save_staff_account(user, role)


def test_staff_hide_and_show_a_review_from_rating_mitra(client, mitra):
    install_role_groups()
    rating = rate_mitra(mitra, 1, "Kata-kata kasar.")
    rating_use_cases.report_rating(MitraProfileFactory().user, rating, "Menghina")
    index = reverse("marketplace_mitrarating_modeladmin_index")
    moderate = reverse("marketplace_mitrarating_modeladmin_moderate", args=[rating.pk])

    client.force_login(make_staff("dinaker", StaffRole.DINAKER))
    page = client.get(f"{index}?dilaporkan=ya").content.decode()
    assert "Kata-kata kasar." in page and "Sembunyikan" in page
    assert client.get(reverse("marketplace_personalrating_modeladmin_index")).status_code == 403

    assert "Alasan disembunyikan" in client.get(moderate).content.decode()
    response = client.post(moderate, {"reason": "Menghina"})
    assert response.status_code == 302
    rating.refresh_from_db()
    assert rating.is_hidden and rating.hidden_reason == "Menghina"
    assert "Kata-kata kasar." not in client.get(detail_url(mitra)).content.decode()
    assert "Kata-kata kasar." in client.get(f"{index}?disembunyikan=ya").content.decode()

    client.post(moderate)
    rating.refresh_from_db()
    assert not rating.is_hidden
    assert "Kata-kata kasar." in client.get(detail_url(mitra)).content.decode()


def test_personal_accounts_cannot_moderate(client, mitra):
    rating = rate_mitra(mitra, 1)
    client.force_login(rating.personal.user)
    response = client.post(reverse("marketplace_mitrarating_modeladmin_moderate", args=[rating.pk]))
    assert response.status_code in (302, 403)
    rating.refresh_from_db()
    assert not rating.is_hidden
