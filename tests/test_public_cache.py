"""The Beranda and the counts of the public lists come from the cache for anonymous visitors, and
are never stale after what they show changes (portal/public_cache.py, issue 11)."""

import re

import pytest
from django.contrib.messages import INFO
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.http import HttpRequest
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from home.models import HomePage
from marketplace import use_cases
from marketplace.factories import VacancyFactory
from marketplace.models import Vacancy
from portal.public_cache import cached_count
from users.choices import VerificationStatus
from users.factories import MitraProfileFactory, PersonalFactory

pytestmark = pytest.mark.django_db


def beranda(client):
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/").content.decode()
    return html, len(queries)


def active_vacancies(html):
    match = re.search(r'fs-3 fw-bold">([\d.]+)</span>Lowongan aktif', html)
    return int(match.group(1).replace(".", ""))


def lowongan_total(html):
    match = re.search(r"([\d.]+) lowongan", html)
    return int(match.group(1).replace(".", ""))


def test_second_anonymous_visit_is_served_from_the_cache(client, portal_content):
    VacancyFactory(title="Penjahit Konveksi")
    first, rendered = beranda(client)
    second, cached = beranda(client)
    assert second == first and "Penjahit Konveksi" in second
    # Answered before sessions and Wagtail's routing (CachedPublicPageMiddleware): no query at all.
    assert cached == 0 < rendered
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "script-src" in response["Content-Security-Policy"]
    assert "Cookie" in response["Vary"]


def test_new_closed_and_taken_down_vacancies_show_at_once(client, portal_content):
    VacancyFactory()
    before = active_vacancies(beranda(client)[0])
    draft = VacancyFactory(title="Operator Jahit Baru", draft=True)
    assert "Operator Jahit Baru" not in beranda(client)[0]

    use_cases.publish(draft)
    html = beranda(client)[0]
    assert "Operator Jahit Baru" in html and active_vacancies(html) == before + 1

    use_cases.close(draft)
    html = beranda(client)[0]
    assert "Operator Jahit Baru" not in html and active_vacancies(html) == before


def test_publishing_the_beranda_in_the_cms_shows_at_once(client, portal_content):
    beranda(client)
    home = HomePage.objects.get()
    home.hero_title = "Bursa kerja baru Purbalingga"
    home.save_revision().publish()
    assert "Bursa kerja baru Purbalingga" in beranda(client)[0]


def test_a_mitra_losing_its_verification_leaves_the_beranda(client, portal_content):
    mitra = MitraProfileFactory(name="CV Sinar Jaya", verification_status=VerificationStatus.TERVERIFIKASI)
    VacancyFactory(mitra=mitra, title="Kasir Toko")
    assert "Kasir Toko" in beranda(client)[0]
    mitra.verification_status = VerificationStatus.DITOLAK
    mitra.save()
    assert "Kasir Toko" not in beranda(client)[0]


def test_signed_in_visitors_and_messages_are_never_cached_or_shared(client, portal_content):
    beranda(client)
    personal = PersonalFactory(first_name="Sri", last_name="Lestari")
    client.force_login(personal)
    assert "Keluar" in beranda(client)[0]
    client.post(reverse("users:logout"))

    told = Client()
    told.cookies["messages"] = CookieStorage(HttpRequest())._encode([Message(INFO, "Pesan untuk Sri saja")])
    html, queries = beranda(told)
    assert "Pesan untuk Sri saja" in html and queries > 5

    for visitor in (client, Client()):
        html = beranda(visitor)[0]
        assert "Keluar" not in html and "Pesan untuk Sri saja" not in html


def test_preview_and_query_strings_are_rendered_each_time(client, portal_content):
    beranda(client)
    with CaptureQueriesContext(connection) as queries:
        client.get("/?utm_source=wa")
    assert len(queries) > 5


def test_lowongan_total_follows_new_vacancies(client, portal_content):
    VacancyFactory.create_batch(2)
    url = Page.objects.get(slug="lowongan").url
    assert lowongan_total(client.get(url).content.decode()) == 2
    VacancyFactory()
    assert lowongan_total(client.get(url).content.decode()) == 3
    client.force_login(PersonalFactory())
    assert lowongan_total(client.get(url).content.decode()) == 3


def test_a_count_of_nothing_by_construction_is_zero():
    """A filter that nothing can match compiles to no SQL at all (the fuzzer's 500 on Lowongan)."""
    assert cached_count(Vacancy.objects.none()) == 0
    assert cached_count(Vacancy.objects.filter(pk__in=[])) == 0
