"""Public Mitra Formal / Mitra Informal pages (guide §9): verified Mitra of the page's category only,
search by name, kecamatan filter, 12 per page, a detail page, and no contact data leaked."""

import io

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from pages.models import MitraIndexPage
from users.choices import MitraCategory, VerificationStatus
from users.factories import MitraProfileFactory
from users.models import Kecamatan

pytestmark = pytest.mark.django_db

FORMAL_URL = "/mitra-formal/"
INFORMAL_URL = "/mitra-informal/"


def verified(**kwargs):
    kwargs.setdefault("category", MitraCategory.FORMAL)
    return MitraProfileFactory(verification_status=VerificationStatus.TERVERIFIKASI, **kwargs)


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (0, 0, 0)).save(buffer, "PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def bobotsari(db):
    return Kecamatan.objects.get(name="Bobotsari")


@pytest.fixture
def mitra(bobotsari):
    profile = verified(
        name="PT Rambut Indah Sejahtera",
        kecamatan=bobotsari,
        desa=bobotsari.desa_set.first(),
        address="Jl. Rahasia No. 7",
        description="Eksportir bulu mata palsu.",
        website="https://rambutindah.co.id",
        contact_person="Pak Narahubung",
        contact_phone="6285712345678",
        logo=png(),
    )
    profile.user.email = "hrd-rahasia@rambutindah.co.id"
    profile.user.phone = "6281299998888"
    profile.user.save()
    return profile


def detail_url(mitra, base=FORMAL_URL):
    return f"{base}{mitra.pk}/"


def test_listing_shows_only_verified_mitra_of_its_category(client, mitra):
    informal = verified(name="Warung Bu Tini", category=MitraCategory.INFORMAL)
    hidden = [
        MitraProfileFactory(name=f"Mitra {status} Tersembunyi", verification_status=status)
        for status in (VerificationStatus.BELUM, VerificationStatus.DIAJUKAN, VerificationStatus.DITOLAK)
    ]

    formal = client.get(FORMAL_URL).content.decode()
    assert mitra.name in formal and informal.name not in formal
    assert f'href="{detail_url(mitra)}"' in formal
    assert mitra.business_field.name in formal and "Kec. Bobotsari" in formal
    assert "Terverifikasi" in formal and mitra.logo.url in formal
    for profile in hidden:
        assert profile.name not in formal

    informal_page = client.get(INFORMAL_URL).content.decode()
    assert informal.name in informal_page and mitra.name not in informal_page
    assert f'href="{detail_url(informal, INFORMAL_URL)}"' in informal_page


def test_detail_shows_the_public_profile_without_contact_data(client, mitra):
    response = client.get(detail_url(mitra))
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "<h1",
        mitra.name,
        mitra.business_field.name,
        "Formal",
        "Bobotsari",
        "Eksportir bulu mata palsu.",
        'href="https://rambutindah.co.id"',
        "Terverifikasi",
        mitra.logo.url,
    ]:
        assert text in html, text
    for secret in [
        "6285712345678",
        "085712345678",
        "6281299998888",
        "081299998888",
        "hrd-rahasia@rambutindah.co.id",
        "Jl. Rahasia",
    ]:
        assert secret not in html, secret
    assert f"<title>{mitra.name} ·" in html


def test_listing_leaks_no_contact_data_either(client, mitra):
    html = client.get(FORMAL_URL).content.decode()
    for secret in ["6285712345678", "085712345678", "hrd-rahasia@rambutindah.co.id", "Pak Narahubung"]:
        assert secret not in html


@pytest.mark.parametrize(
    "status", [VerificationStatus.BELUM, VerificationStatus.DIAJUKAN, VerificationStatus.DITOLAK]
)
def test_unverified_mitra_has_no_public_page(client, status):
    profile = MitraProfileFactory(verification_status=status)
    assert client.get(detail_url(profile)).status_code == 404


def test_mitra_of_the_other_category_answers_404_on_the_wrong_listing(client, mitra):
    assert client.get(detail_url(mitra, INFORMAL_URL)).status_code == 404
    informal = verified(category=MitraCategory.INFORMAL)
    assert client.get(detail_url(informal, INFORMAL_URL)).status_code == 200
    assert client.get(detail_url(informal, FORMAL_URL)).status_code == 404
    assert client.get(f"{FORMAL_URL}999999/").status_code == 404


def test_detail_url_helper_matches_the_route(mitra):
    page = MitraIndexPage.objects.get(category=MitraCategory.FORMAL)
    assert page.detail_url(mitra) == detail_url(mitra)


def test_listing_is_paginated_by_12_and_keeps_filters_in_links(client, bobotsari):
    for n in range(13):
        verified(name=f"Mitra Bobotsari {n:02d}", kecamatan=bobotsari)
    verified(name="Mitra Bobotsari Lain Kecamatan", kecamatan=Kecamatan.objects.exclude(pk=bobotsari.pk)[0])

    first = client.get(FORMAL_URL, {"q": "bobotsari", "kecamatan": bobotsari.pk}).content.decode()
    assert first.count('class="card h-100 mitra-card"') == 12
    assert "Halaman 1 dari 2" in first and "13 mitra" in first
    assert f"?q=bobotsari&amp;kecamatan={bobotsari.pk}&amp;halaman=2" in first
    assert "Mitra Bobotsari 12" not in first and "Lain Kecamatan" not in first

    second = client.get(
        FORMAL_URL, {"q": "bobotsari", "kecamatan": bobotsari.pk, "halaman": 2}
    ).content.decode()
    assert second.count('class="card h-100 mitra-card"') == 1 and "Mitra Bobotsari 12" in second
    assert client.get(FORMAL_URL, {"halaman": "bukan-angka"}).status_code == 200
    assert client.get(FORMAL_URL, {"halaman": 99}).status_code == 200


def test_keyword_and_kecamatan_filters(client, bobotsari):
    elsewhere = Kecamatan.objects.exclude(pk=bobotsari.pk).order_by("name")[0]
    verified(name="Batik Wijaya", kecamatan=bobotsari)
    verified(name="Bengkel Wijaya Motor", kecamatan=elsewhere)
    verified(name="Salon Ayu", kecamatan=bobotsari)

    by_name = client.get(FORMAL_URL, {"q": "WIJAYA"}).content.decode()
    assert "Batik Wijaya" in by_name and "Bengkel Wijaya Motor" in by_name and "Salon Ayu" not in by_name
    assert 'value="WIJAYA"' in by_name

    by_kecamatan = client.get(FORMAL_URL, {"kecamatan": bobotsari.pk}).content.decode()
    assert "Batik Wijaya" in by_kecamatan and "Salon Ayu" in by_kecamatan
    assert "Bengkel Wijaya Motor" not in by_kecamatan
    assert f'value="{bobotsari.pk}" selected' in by_kecamatan

    both = client.get(FORMAL_URL, {"q": "wijaya", "kecamatan": elsewhere.pk}).content.decode()
    assert "Bengkel Wijaya Motor" in both and "Batik Wijaya" not in both

    nothing = client.get(FORMAL_URL, {"q": "tidak ada yang cocok"}).content.decode()
    assert 'class="empty-state"' in nothing
    assert "Tidak ada mitra yang cocok dengan pencarian Anda." in nothing

    ignored = client.get(FORMAL_URL, {"kecamatan": "bukan-angka"}).content.decode()
    assert "Batik Wijaya" in ignored and "Bengkel Wijaya Motor" in ignored


def test_empty_listing_shows_the_friendly_empty_state(client):
    html = client.get(FORMAL_URL).content.decode()
    assert 'class="empty-state"' in html
    assert "Tidak ada mitra yang cocok" not in html


def listing_queries(client):
    cache.clear()  # the page as rendered, not as cached (portal/public_cache.py)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(FORMAL_URL).status_code == 200
    return len(queries)


def test_listing_query_count_does_not_grow_with_the_mitra_shown(client, bobotsari):
    verified(kecamatan=bobotsari, logo=png())
    client.get(FORMAL_URL)  # warm up site and page caches
    few = listing_queries(client)
    for _ in range(11):
        verified(kecamatan=Kecamatan.objects.order_by("?")[0], logo=png())
    assert listing_queries(client) == few
