"""The public side of the service marketplace (guide §5.2, issue 6): the Penawaran Jasa page with its
search, filters, sorting and pagination, the service detail with "Gunakan Jasa", and a Personal
provider's public page."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.utils import timezone

from marketplace.choices import PriceUnit, ServiceRatingDirection, ServiceRequestStatus, ServiceStatus
from marketplace.factories import ServiceFactory, ServiceRequestFactory
from marketplace.models import KategoriJasa, SavedService, Service, ServicePhoto, ServiceRating
from pages.models import MitraIndexPage, ServiceIndexPage
from users.choices import MitraCategory, VerificationStatus
from users.factories import MitraProfileFactory, PersonalFactory, UserFactory
from users.models import Kecamatan

pytestmark = pytest.mark.django_db

JASA = "/penawaran-jasa/"


def titles(html):
    return re.findall(r'class="stretched-link" href="[^"]+">([^<]+)</a>', html)


def cards_by_title(html):
    return {titles(card)[0]: card for card in re.findall(r"<article.*?</article>", html, re.S)}


def get_titles(client, **params):
    return sorted(titles(client.get(JASA, params).content.decode()))


def detail_url(service):
    return f"{JASA}{service.pk}/"


def provider_page(user):
    return f"{JASA}penyedia/{user.pk}/"


def rate(service, stars, *, comment="", state="public", direction=ServiceRatingDirection.OF_PROVIDER):
    """A rating after a Selesai request: ``state`` public (revealed), pending (window still open,
    not revealed), expired (window closed: public) or hidden (by staff)."""
    request = ServiceRequestFactory(service=service, status=ServiceRequestStatus.SELESAI)
    now = timezone.now()
    of_provider = direction == ServiceRatingDirection.OF_PROVIDER
    return ServiceRating.objects.create(
        service_request=request,
        direction=direction,
        service=service,
        rater=request.requester if of_provider else service.provider,
        ratee=service.provider if of_provider else request.requester,
        stars=stars,
        comment=comment,
        editable_until=now - datetime.timedelta(days=1)
        if state == "expired"
        else now + datetime.timedelta(days=7),
        revealed_at=now if state in ("public", "hidden") else None,
        hidden_at=now if state == "hidden" else None,
    )


def add_photo(service, name="foto.png"):
    return ServicePhoto.objects.create(
        service=service, image=SimpleUploadedFile(name, b"png", content_type="image/png")
    )


def verified_mitra(**fields):
    return MitraProfileFactory(verification_status=VerificationStatus.TERVERIFIKASI, **fields)


@pytest.fixture
def bobotsari(db):
    return Kecamatan.objects.get(name="Bobotsari")


@pytest.fixture
def kutasari(db):
    return Kecamatan.objects.get(name="Kutasari")


# --- Listing --------------------------------------------------------------------------------------


def test_only_public_services_are_listed(client, bobotsari):
    shown = ServiceFactory(title="Tukang Atap", areas=[bobotsari])
    ServiceFactory(title="Sedang Dijeda", status=ServiceStatus.PAUSED)
    ServiceFactory(title="Sudah Dihapus", status=ServiceStatus.ARCHIVED)
    ServiceFactory(title="Email Belum Diverifikasi", provider__email_verified_at=None)
    ServiceFactory(title="Akun Nonaktif", provider__is_active=False)
    mitra = verified_mitra(name="CV Bangun Jaya")
    ServiceFactory(title="Renovasi Kantor", provider=mitra.user, price_unit=PriceUnit.NEGOTIABLE, price=None)

    html = client.get(JASA).content.decode()
    assert sorted(titles(html)) == ["Renovasi Kantor", "Tukang Atap"]
    assert f'href="{detail_url(shown)}"' in html
    assert "Rp 150.000 per hari" in html and "Nego" in html and "Kec. Bobotsari" in html
    assert "CV Bangun Jaya" in html and shown.provider.get_full_name() in html
    assert "Bangunan dan Renovasi" in html and "Belum ada rating" in html
    assert "2 jasa" in html


def test_card_shows_photo_verified_badge_and_rating(client):
    verified = PersonalFactory(first_name="Budi", last_name="Santoso")
    verified.personal_profile.verification_status = VerificationStatus.TERVERIFIKASI
    verified.personal_profile.save()
    service = ServiceFactory(title="Servis Motor", provider=verified)
    add_photo(service)
    rate(service, 5)
    rate(service, 4)
    plain = ServiceFactory(title="Tanpa Foto")

    cards = cards_by_title(client.get(JASA).content.decode())
    card = cards["Servis Motor"]
    assert 'alt="Foto jasa Servis Motor"' in card and f'href="{detail_url(service)}"' in card
    assert "Budi Santoso" in card and "Terverifikasi" in card
    assert re.search(r"4[,.]5 dari 5 \(2 ulasan\)", card)
    assert "<img" not in cards["Tanpa Foto"] and "Terverifikasi" not in cards["Tanpa Foto"]
    assert plain.provider.get_full_name() in cards["Tanpa Foto"] and "Belum ada rating" in cards["Tanpa Foto"]


def test_search_by_description_title_and_category_name(client):
    ServiceFactory(title="Tukang Atap", description="Memperbaiki genteng bocor dan talang.")
    ServiceFactory(
        title="Rias Pengantin",
        description="Rias untuk pernikahan dan wisuda.",
        category=KategoriJasa.objects.get(name="Rias dan Kecantikan"),
    )
    ServiceFactory(
        title="Nasi Kotak",
        description="Pesanan untuk hajatan.",
        category=KategoriJasa.objects.get(name="Katering dan Masak"),
    )
    assert get_titles(client, q="genteng") == ["Tukang Atap"]
    assert get_titles(client, q="pengantin") == ["Rias Pengantin"]
    assert get_titles(client, q="katering") == ["Nasi Kotak"]  # the category's name
    assert get_titles(client, q="rias wisuda") == ["Rias Pengantin"]  # every word must match
    assert get_titles(client, q="   ") == ["Nasi Kotak", "Rias Pengantin", "Tukang Atap"]


def test_filters(client, bobotsari, kutasari):
    listrik = KategoriJasa.objects.get(name="Listrik dan Elektronik")
    personal = PersonalFactory()
    ServiceFactory(title="Tukang Murah", provider=personal, price=50_000, areas=[bobotsari])
    ServiceFactory(title="Tukang Mahal", price=500_000, price_unit=PriceUnit.PROJECT, areas=[kutasari])
    ServiceFactory(
        title="Tukang Nego", price=None, price_unit=PriceUnit.NEGOTIABLE, areas=[bobotsari, kutasari]
    )
    mitra_service = ServiceFactory(
        title="Instalasi Listrik", provider=verified_mitra().user, category=listrik, price=100_000
    )
    rated = ServiceFactory(title="Tukang Bagus", price=200_000)
    rate(rated, 5)
    rate(rated, 4)
    rate(mitra_service, 3)
    rate(mitra_service, 5, state="hidden")  # hidden: not counted

    assert get_titles(client, kategori=listrik.pk) == ["Instalasi Listrik"]
    assert get_titles(client, kecamatan=bobotsari.pk) == ["Tukang Murah", "Tukang Nego"]
    assert get_titles(client, kecamatan=kutasari.pk) == ["Tukang Mahal", "Tukang Nego"]
    assert get_titles(client, harga=150_000) == ["Instalasi Listrik", "Tukang Murah"]  # no Nego
    assert get_titles(client, harga=0) == []
    assert get_titles(client, penyedia="mitra") == ["Instalasi Listrik"]
    assert "Instalasi Listrik" not in get_titles(client, penyedia="personal")
    assert len(get_titles(client, penyedia="personal")) == 4
    assert get_titles(client, rating=4) == ["Tukang Bagus"]
    assert get_titles(client, rating=3) == ["Instalasi Listrik", "Tukang Bagus"]
    assert get_titles(client, rating=5) == []
    assert get_titles(client, kecamatan=bobotsari.pk, harga=100_000) == ["Tukang Murah"]

    everything = get_titles(client)
    assert len(everything) == 5
    # Invalid values are ignored (and never crash); the valid filters still apply.
    for bad in [
        {"kecamatan": "bukan-angka"},
        {"harga": "murah"},
        {"rating": "9"},
        {"penyedia": "staf"},
        {"kategori": "999999"},
        {"urut": "acak"},
        {"harga": "-5"},
        {"halaman": "x"},
    ]:
        response = client.get(JASA, bad)
        assert response.status_code == 200, bad
        assert sorted(titles(response.content.decode())) == everything, bad
    assert get_titles(client, harga="murah", kecamatan=kutasari.pk) == ["Tukang Mahal", "Tukang Nego"]


def test_sorting(client):
    now = timezone.now()
    old = ServiceFactory(title="Lama", price=300_000)
    cheap = ServiceFactory(title="Murah", price=20_000)
    nego = ServiceFactory(title="Nego", price=None, price_unit=PriceUnit.NEGOTIABLE)
    best = ServiceFactory(title="Terbaik", price=100_000)
    for service, days_ago in [(old, 5), (cheap, 3), (nego, 2), (best, 1)]:
        Service.objects.filter(pk=service.pk).update(created_at=now - datetime.timedelta(days=days_ago))
    rate(best, 5)
    rate(cheap, 3)
    rate(cheap, 4)
    rate(old, 4)
    rate(old, 5, state="pending")  # not public yet: not counted

    def order(sort=None):
        return titles(client.get(JASA, {"urut": sort} if sort else {}).content.decode())

    assert order() == order("terbaru") == ["Terbaik", "Nego", "Murah", "Lama"]
    assert order("harga-terendah") == ["Murah", "Terbaik", "Lama", "Nego"]
    assert order("rating") == ["Terbaik", "Lama", "Murah", "Nego"]


def test_pagination_keeps_the_filters_in_the_url(client, bobotsari):
    ServiceFactory.create_batch(12, areas=[bobotsari])
    ServiceFactory(title="Di Tempat Lain")
    first = client.get(JASA, {"q": "keramik", "kecamatan": bobotsari.pk, "urut": "rating"}).content.decode()
    assert len(titles(first)) == 10 and "Halaman 1 dari 2" in first and "12 jasa" in first
    link = re.search(r'href="(\?[^"]+)" rel="next"', first).group(1).replace("&amp;", "&")
    assert set(link.lstrip("?").split("&")) == {
        "q=keramik",
        f"kecamatan={bobotsari.pk}",
        "urut=rating",
        "halaman=2",
    }
    second = client.get(JASA + link).content.decode()
    assert len(titles(second)) == 2 and "Di Tempat Lain" not in second
    assert f'<option value="{bobotsari.pk}" selected>' in second  # the form still shows the search
    assert 'value="keramik"' in second
    assert f'href="{JASA}">Hapus filter</a>' in second


def test_empty_states(client):
    html = client.get(JASA).content.decode()
    page = ServiceIndexPage.objects.live().first()
    assert 'class="empty-state"' in html and page.empty_message in html
    assert "Hapus filter" not in html

    page.empty_message = ""
    page.save_revision().publish()
    assert "Belum ada data untuk ditampilkan." in client.get(JASA).content.decode()

    ServiceFactory(title="Tukang Atap")
    empty = client.get(JASA, {"q": "astronot"}).content.decode()
    assert 'class="empty-state"' in empty and "Tidak ada jasa yang cocok dengan pencarian Anda." in empty
    assert f'href="{JASA}">Hapus filter</a>' in empty


def test_listing_query_count_is_constant(client, bobotsari, kutasari, django_assert_max_num_queries):
    def make(n):
        for i in range(n):
            if i % 3 == 0:
                provider = verified_mitra().user
            elif i % 3 == 1:
                provider = MitraProfileFactory().user  # unverified Mitra: still public, no badge
            else:
                provider = PersonalFactory()
            service = ServiceFactory(provider=provider, areas=[bobotsari, kutasari])
            add_photo(service)
            add_photo(service, "kedua.png")
            rate(service, 1 + i % 5)

    make(2)
    client.get(JASA)  # warm up per-process caches (site, settings)
    cache.clear()  # each count from the same state: no cached fragment (footer) nor count
    with django_assert_max_num_queries(40) as captured:
        client.get(JASA, {"q": "keramik", "kecamatan": bobotsari.pk, "rating": 1})
    baseline = len(captured.captured_queries)
    make(13)
    cache.clear()
    with django_assert_max_num_queries(baseline):
        html = client.get(JASA, {"q": "keramik", "kecamatan": bobotsari.pk, "rating": 1}).content.decode()
    assert len(titles(html)) == 10
    with django_assert_max_num_queries(baseline):
        client.get(JASA, {"halaman": 2, "urut": "harga-terendah"})


# --- Detail ---------------------------------------------------------------------------------------


def test_detail_shows_everything_the_provider_entered(client, bobotsari, kutasari):
    provider = PersonalFactory(first_name="Slamet", last_name="Riyadi", phone="6281299990000")
    provider.personal_profile.kecamatan = bobotsari
    provider.personal_profile.address = "Jl. Rahasia 7"
    provider.personal_profile.verification_status = VerificationStatus.TERVERIFIKASI
    provider.personal_profile.save()
    service = ServiceFactory(
        title="Tukang Keramik",
        description="Pasang keramik lantai\ndan dinding kamar mandi.",
        price=175_000,
        price_unit=PriceUnit.DAY,
        provider=provider,
        areas=[bobotsari, kutasari],
    )
    add_photo(service)
    add_photo(service, "kedua.png")

    html = client.get(detail_url(service)).content.decode()
    for text in [
        "<title>Tukang Keramik · Bangunan dan Renovasi",
        '<meta name="description" content="Pasang keramik lantai dan dinding kamar mandi.">',
        "Pasang keramik lantai<br>dan dinding kamar mandi.",
        "Rp 175.000 per hari",
        "Bangunan dan Renovasi",
        "Kec. Bobotsari, Kec. Kutasari",
        'alt="Foto 1 jasa Tukang Keramik"',
        'alt="Foto 2 jasa Tukang Keramik"',
        "Slamet Riyadi",
        "Terverifikasi",
        f'href="{provider_page(provider)}"',
        "Belum ada rating",
        "Belum ada ulasan.",
        "Gunakan Jasa",
    ]:
        assert text in html, text
    assert "6281299990000" not in html and provider.email not in html and "Jl. Rahasia 7" not in html


def test_hidden_services_answer_404(client):
    for service in [
        ServiceFactory(status=ServiceStatus.PAUSED),
        ServiceFactory(status=ServiceStatus.ARCHIVED),
        ServiceFactory(provider__email_verified_at=None),
    ]:
        assert client.get(detail_url(service)).status_code == 404
        assert client.get(provider_page(service.provider)).status_code == 404
    assert client.get(f"{JASA}999999/").status_code == 404


def test_detail_shows_only_public_reviews_newest_first(client):
    service = ServiceFactory()
    rate(service, 2, comment="Ulasan lama yang terbuka")
    ServiceRating.objects.filter(comment="Ulasan lama yang terbuka").update(
        created_at=timezone.now() - datetime.timedelta(days=20)
    )
    rate(service, 4, comment="Ulasan terbaru yang terbuka")
    rate(service, 5, comment="Jendela sudah lewat", state="expired")
    rate(service, 1, comment="Belum dibuka", state="pending")
    rate(service, 1, comment="Disembunyikan staf", state="hidden")
    rate(service, 3, comment="Penyedia menilai pengguna", direction=ServiceRatingDirection.OF_USER)
    rate(ServiceFactory(provider=service.provider), 1, comment="Jasa lain")

    html = client.get(detail_url(service)).content.decode()
    for hidden in ["Belum dibuka", "Disembunyikan staf", "Penyedia menilai pengguna", "Jasa lain"]:
        assert hidden not in html, hidden
    assert html.index("Ulasan terbaru yang terbuka") < html.index("Ulasan lama yang terbuka")
    assert "Jendela sudah lewat" in html
    assert re.search(r"3[,.]7 dari 5 \(3 ulasan\)", html)


def test_mitra_provider_links_to_its_mitra_page_when_public(client):
    mitra = verified_mitra(name="CV Listrik Terang", category=MitraCategory.INFORMAL)
    service = ServiceFactory(provider=mitra.user)
    html = client.get(detail_url(service)).content.decode()
    mitra_url = MitraIndexPage.objects.live().get(category="informal").detail_url(mitra)
    assert f'href="{mitra_url}"' in html and "CV Listrik Terang" in html and "Terverifikasi" in html

    response = client.get(provider_page(mitra.user))
    assert response.status_code == 302 and response.url == mitra_url

    unverified = MitraProfileFactory(name="UD Belum Verifikasi")
    other = ServiceFactory(provider=unverified.user)
    html = client.get(detail_url(other)).content.decode()
    assert "UD Belum Verifikasi" in html and "Terverifikasi" not in html
    assert f'href="{provider_page(unverified.user)}"' not in html
    assert client.get(provider_page(unverified.user)).status_code == 404


@pytest.mark.parametrize("kind", ["anonymous", "owner", "personal", "mitra", "staff", "unverified-email"])
def test_actions_per_kind_of_visitor(client, kind):
    service = ServiceFactory()
    users = {
        "owner": service.provider,
        "personal": PersonalFactory(),
        "mitra": verified_mitra().user,
        "staff": UserFactory(account_type="staff", is_staff=True),
        "unverified-email": PersonalFactory(email_verified_at=None),
    }
    if kind != "anonymous":
        client.force_login(users[kind])
    html = client.get(detail_url(service)).content.decode()
    use_url = f'href="/akun/gunakan-jasa/{service.pk}/"'
    save_url = f'action="/akun/jasa/{service.pk}/simpan/"'
    expected = {
        #                  Gunakan Jasa, save form, own-service note
        "anonymous": (True, False, False),
        "owner": (False, False, True),
        "personal": (True, True, False),
        "mitra": (True, True, False),
        "staff": (False, False, False),
        "unverified-email": (False, True, False),
    }[kind]
    assert (use_url in html, save_url in html, "Ini jasa Anda sendiri." in html) == expected
    if kind == "anonymous":
        assert f'href="/akun/login/?next=/penawaran-jasa/{service.pk}/"' in html
    if kind == "staff":
        assert ">Simpan<" not in html
    if kind == "unverified-email":
        assert "Verifikasi email Anda terlebih dahulu sebelum menggunakan jasa." in html


def test_running_request_and_saved_state_are_shown(client):
    service = ServiceFactory()
    requester = PersonalFactory()
    ServiceRequestFactory(service=service, requester=requester, status=ServiceRequestStatus.DITERIMA)
    SavedService.objects.create(user=requester, service=service)
    client.force_login(requester)
    html = client.get(detail_url(service)).content.decode()
    assert "Status: Diterima" in html and 'href="/akun/gunakan-jasa-terkirim/"' in html
    assert f'href="/akun/gunakan-jasa/{service.pk}/"' not in html
    assert 'name="aksi" value="hapus"' in html and "Tersimpan (hapus)" in html
    assert f'name="next" value="{detail_url(service)}"' in html

    # A finished request does not block a new one.
    service.requests.update(status=ServiceRequestStatus.SELESAI)
    SavedService.objects.all().delete()
    html = client.get(detail_url(service)).content.decode()
    assert f'href="/akun/gunakan-jasa/{service.pk}/"' in html and 'value="hapus"' not in html


def test_detail_query_count_is_constant(client, bobotsari, kutasari, django_assert_max_num_queries):
    service = ServiceFactory(areas=[bobotsari])
    viewer = PersonalFactory()
    client.force_login(viewer)
    rate(service, 4, comment="Bagus")
    client.get(detail_url(service))
    cache.clear()  # each count from the same state: no cached fragment (footer) nor count
    with django_assert_max_num_queries(40) as captured:
        client.get(detail_url(service))
    baseline = len(captured.captured_queries)
    service.areas.add(kutasari)
    for i in range(3):
        add_photo(service, f"foto{i}.png")
    for stars in (1, 2, 3, 5, 5, 4):
        rate(service, stars, comment=f"Ulasan {stars}")
    cache.clear()
    with django_assert_max_num_queries(baseline):
        html = client.get(detail_url(service)).content.decode()
    assert "(7 ulasan)" in html


# --- Provider page --------------------------------------------------------------------------------


def test_provider_page_without_contact_details(client, bobotsari):
    provider = PersonalFactory(first_name="Wati", last_name="Lestari", phone="6281377778888")
    profile = provider.personal_profile
    profile.kecamatan = bobotsari
    profile.address = "Jl. Pribadi 9"
    profile.nik = "3303011234567890"
    profile.verification_status = VerificationStatus.TERVERIFIKASI
    profile.save()
    jahit = ServiceFactory(provider=provider, title="Permak Celana")
    ServiceFactory(provider=provider, title="Jahit Kebaya")
    ServiceFactory(provider=provider, title="Jasa Dijeda", status=ServiceStatus.PAUSED)
    ServiceFactory(title="Jasa Orang Lain")
    rate(jahit, 5, comment="Rapi sekali")
    rate(jahit, 3, comment="Lumayan")
    rate(jahit, 1, comment="Belum dibuka", state="pending")

    html = client.get(provider_page(provider)).content.decode()
    assert "<title>Wati Lestari · Penyedia Jasa" in html
    assert "<h1" in html and "Wati Lestari" in html and "Kec. Bobotsari" in html and "Terverifikasi" in html
    assert sorted(titles(html)) == ["Jahit Kebaya", "Permak Celana"]
    assert re.search(r"4[,.]0 dari 5 \(2 ulasan\)", html)
    assert "Rapi sekali" in html and "Lumayan" in html and "Belum dibuka" not in html
    for private in ["6281377778888", provider.email, "Jl. Pribadi 9", "3303011234567890", provider.username]:
        assert private not in html, private


def test_provider_page_404_rules(client):
    assert client.get(provider_page(PersonalFactory())).status_code == 404  # no service
    paused = ServiceFactory(status=ServiceStatus.PAUSED)
    assert client.get(provider_page(paused.provider)).status_code == 404
    staff = UserFactory(account_type="staff", is_staff=True)
    assert client.get(provider_page(staff)).status_code == 404
    assert client.get(f"{JASA}penyedia/999999/").status_code == 404
    inactive = ServiceFactory(provider__is_active=False)
    assert client.get(provider_page(inactive.provider)).status_code == 404


# --- Tags and sitemap -----------------------------------------------------------------------------


def test_url_tags_from_any_template(django_assert_max_num_queries):
    services = [ServiceFactory(), ServiceFactory(), ServiceFactory(provider=verified_mitra().user)]
    hidden_mitra = MitraProfileFactory()
    template = Template(
        "{% load listing_urls %}{% for s in services %}[{% service_url s %}|{% provider_url s.provider %}]"
        "{% include 'marketplace/includes/service_card.html' with service=s %}{% endfor %}"
        "[{% provider_url hidden %}]"
    )
    services = list(Service.objects.filter(pk__in=[s.pk for s in services]).with_card_data().with_rating())
    assert ServiceIndexPage.objects.live().first().url == JASA  # warms up the cached site root paths
    with django_assert_max_num_queries(1):
        html = template.render(Context({"services": services, "hidden": hidden_mitra.user}))
    for service in services:
        assert f"[{detail_url(service)}|{provider_page(service.provider)}]" in html
    assert html.count(f'href="{JASA}') == 3  # the cards link to the detail pages too
    assert html.endswith("[]")


def test_sitemap_lists_public_services_and_providers(client):
    shown = ServiceFactory()
    paused = ServiceFactory(status=ServiceStatus.PAUSED)
    mitra_service = ServiceFactory(provider=verified_mitra().user)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"{detail_url(shown)}<" in sitemap
    assert f"{provider_page(shown.provider)}<" in sitemap
    assert f"{detail_url(paused)}<" not in sitemap
    assert f"{detail_url(mitra_service)}<" in sitemap
    assert f"{provider_page(mitra_service.provider)}<" not in sitemap
