"""Atom feed of new vacancies at /lowongan/feed/ (issue 5), also per search: valid Atom, newest
first, only public vacancies, the listing's query-string filters, linked from the listing."""

import datetime
import html
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from marketplace.choices import VacancyStatus
from marketplace.factories import VacancyFactory
from marketplace.feeds import FEED_SIZE
from marketplace.models import TipePekerjaan
from users.choices import VerificationStatus
from users.factories import MitraProfileFactory
from users.models import Kecamatan

pytestmark = pytest.mark.django_db

FEED = "/lowongan/feed/"
ATOM = "{http://www.w3.org/2005/Atom}"


def hours_ago(n):
    return timezone.now() - datetime.timedelta(hours=n)


def fetch(client, url=FEED):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def entries(feed):
    return feed.findall(f"{ATOM}entry")


def titles(feed):
    return [entry.findtext(f"{ATOM}title") for entry in entries(feed)]


@pytest.fixture
def bobotsari(db):
    return Kecamatan.objects.get(name="Bobotsari")


@pytest.fixture
def kutasari(db):
    return Kecamatan.objects.get(name="Kutasari")


def test_feed_is_atom_with_items_newest_first(client, bobotsari):
    VacancyFactory(title="Lama", published_at=hours_ago(30), locations=[bobotsari])
    newest = VacancyFactory(
        title="Baru",
        published_at=hours_ago(1),
        locations=[bobotsari],
        salary_min=3_500_000,
        salary_max=None,
        job_type=TipePekerjaan.objects.get(name="Harian"),
    )
    newest.mitra.name = "UD Sumber Rejeki"
    newest.mitra.save()
    VacancyFactory(title="Tengah", published_at=hours_ago(5), locations=[bobotsari])

    feed = fetch(client)
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}title").startswith("Lowongan")
    assert titles(feed)[0] == "Baru — UD Sumber Rejeki"
    assert [title.split(" — ")[0] for title in titles(feed)] == ["Baru", "Tengah", "Lama"]

    first = entries(feed)[0]
    assert first.find(f"{ATOM}link").get("href") == f"http://testserver/lowongan/{newest.pk}/"
    summary = first.findtext(f"{ATOM}summary")
    assert "Kec. Bobotsari" in summary and "Harian" in summary and "Rp 3.500.000" in summary
    published = datetime.datetime.fromisoformat(first.findtext(f"{ATOM}published"))
    assert abs(published - newest.published_at) < datetime.timedelta(seconds=1)
    self_link = feed.find(f"{ATOM}link[@rel='self']")
    assert self_link.get("href") == "http://testserver/lowongan/feed/"


def test_salary_range_and_hidden_salary_in_the_summary(client):
    VacancyFactory(title="Rahasia", salary_hidden=True, published_at=hours_ago(1))
    VacancyFactory(title="Rentang", salary_min=2_500_000, salary_max=3_000_000, published_at=hours_ago(2))
    hidden, ranged = (entry.findtext(f"{ATOM}summary") for entry in entries(fetch(client)))
    assert "Gaji dirahasiakan" in hidden and "Rp" not in hidden
    assert "Rp 2.500.000 – Rp 3.000.000" in ranged


def test_only_public_vacancies(client):
    VacancyFactory(title="Tayang")
    VacancyFactory(title="Draf", draft=True)
    VacancyFactory(title="Lewat", end_date=timezone.localdate() - datetime.timedelta(days=1))
    VacancyFactory(title="Tutup", status=VacancyStatus.CLOSED)
    VacancyFactory(title="Terisi", status=VacancyStatus.FILLED)
    VacancyFactory(
        title="Belum Terverifikasi",
        mitra=MitraProfileFactory(verification_status=VerificationStatus.DIAJUKAN),
    )
    assert [title.split(" — ")[0] for title in titles(fetch(client))] == ["Tayang"]


def test_at_most_thirty_items(client):
    VacancyFactory.create_batch(FEED_SIZE + 2)
    assert len(entries(fetch(client))) == FEED_SIZE == 30


def test_filters_of_the_listing_apply(client, bobotsari, kutasari):
    VacancyFactory(title="Di Bobotsari", locations=[bobotsari])
    VacancyFactory(
        title="Di Kutasari Harian", locations=[kutasari], job_type=TipePekerjaan.objects.get(name="Harian")
    )
    VacancyFactory(title="Di Kutasari Penjahit", locations=[kutasari])

    def found(query):
        return sorted(title.split(" — ")[0] for title in titles(fetch(client, FEED + query)))

    assert found(f"?kecamatan={kutasari.pk}") == ["Di Kutasari Harian", "Di Kutasari Penjahit"]
    harian = TipePekerjaan.objects.get(name="Harian").pk
    assert found(f"?kecamatan={kutasari.pk}&tipe={harian}") == ["Di Kutasari Harian"]
    assert found("?q=penjahit") == ["Di Kutasari Penjahit"]
    # The sort of the listing does not change the feed's order, nor does a page number.
    assert len(found("?urut=gaji&halaman=3")) == 3
    feed = fetch(client, FEED + f"?kecamatan={kutasari.pk}")
    alternate = feed.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert alternate == f"http://testserver/lowongan/?kecamatan={kutasari.pk}"


def test_title_with_markup_stays_text(client):
    VacancyFactory(title="Kasir <b>& Pramuniaga</b>")
    feed = fetch(client)
    assert titles(feed)[0].startswith("Kasir <b>& Pramuniaga</b> — ")


def test_listing_links_the_feed_of_the_current_search(client, kutasari):
    page = client.get("/lowongan/").content.decode()
    head = page.split("</head>")[0]
    assert '<link rel="alternate" type="application/atom+xml"' in head
    assert 'href="/lowongan/feed/"' in head
    assert 'class="feed-link" href="/lowongan/feed/"' in page

    page = client.get(f"/lowongan/?q=jahit&kecamatan={kutasari.pk}&halaman=2").content.decode()
    head = page.split("</head>")[0]
    expected = html.escape(f"/lowongan/feed/?q=jahit&kecamatan={kutasari.pk}")
    assert f'type="application/atom+xml" title="Feed Lowongan" href="{expected}"' in head
    assert f'class="feed-link" href="{expected}"' in page
