import pytest
from django.core.cache import cache
from django.template.loader import render_to_string
from wagtail.models import Page

from marketplace.factories import VacancyFactory
from pages.factories import AnnouncementPageFactory, FAQFactory, LinkFactory
from pages.models import AnnouncementIndexPage, FAQCategory, FAQPage
from portal.models import SiteSettings
from users.factories import PersonalFactory

MENU = [
    "Lowongan",
    "Penawaran Jasa",
    "Pengumuman",
    "Mitra Formal",
    "Mitra Informal",
    "Testimonial",
    "Tentang Kami",
    "FAQ",
    "Panduan Penggunaan",
]


@pytest.fixture
def home_html(client, portal_content):
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_home_shows_regency_menu_and_account_buttons(home_html):
    assert "Kepenak Ngodene" in home_html
    assert "Kabupaten Purbalingga" in home_html
    assert ">Beranda</a>" in home_html
    for label in MENU:
        assert f">{label}</a>" in home_html, label
    assert ">Daftar</a>" in home_html
    assert ">Log in</a>" in home_html


def test_footer_shows_contact_and_policy_links(home_html):
    assert "Dinas Komunikasi dan Informatika Kabupaten Purbalingga" in home_html
    assert "Jl. Letkol Isdiman No. 17A Purbalingga 53313" in home_html
    assert "(0281) 8902091" in home_html
    assert "dinkominfo@purbalinggakab.go.id" in home_html
    assert 'href="/kebijakan-privasi/">Kebijakan Privasi</a>' in home_html
    assert 'href="/ketentuan-penggunaan/">Ketentuan Penggunaan</a>' in home_html


def test_footer_follows_site_settings(client, portal_content):
    site_settings = SiteSettings.objects.get()
    site_settings.phone = "(0281) 1234567"
    site_settings.whatsapp_number = "0812-3456-7890"
    site_settings.instagram_url = "https://instagram.com/kepenakngodene"
    site_settings.save()
    html = client.get("/").content.decode()
    assert "(0281) 1234567" in html
    assert "https://wa.me/6281234567890" in html
    assert "https://instagram.com/kepenakngodene" in html


def test_every_live_page_answers_200_to_an_anonymous_visitor(client, portal_content):
    pages = Page.objects.live().filter(depth__gte=2).specific()
    assert pages.count() >= 20
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode(), page.url


def test_marketplace_listings_show_a_friendly_empty_state(client, portal_content):
    for slug in ["lowongan", "penawaran-jasa", "mitra-formal", "mitra-informal", "testimonial"]:
        html = client.get(f"/{slug}/").content.decode()
        assert 'class="empty-state"' in html, slug


def test_announcements_are_newest_first_and_paginated(client, portal_content):
    index = AnnouncementIndexPage.objects.get()
    for day in range(1, 13):
        AnnouncementPageFactory(parent=index, title=f"Pengumuman tanggal {day}", date=f"2026-11-{day:02d}")

    first = client.get(index.url).content.decode()
    assert first.index("Pengumuman tanggal 12") < first.index("Pengumuman tanggal 11")
    assert "Pengumuman tanggal 2<" not in first
    assert "Halaman 1 dari 2" in first

    second = client.get(index.url, {"halaman": 2}).content.decode()
    assert "Pengumuman tanggal 2<" in second and "Pengumuman tanggal 1<" in second
    assert "Pengumuman tanggal 12" not in second
    assert client.get(index.url, {"halaman": "bukan-angka"}).status_code == 200


def test_draft_announcement_is_not_public(client, portal_content):
    index = AnnouncementIndexPage.objects.get()
    draft = AnnouncementPageFactory(parent=index, title="Rahasia belum terbit")
    draft.unpublish()
    assert "Rahasia belum terbit" not in client.get(index.url).content.decode()
    assert client.get(f"{index.url}{draft.slug}/").status_code == 404


def test_faq_groups_by_category_expands_and_searches(client, portal_content):
    faq_page = FAQPage.objects.get()
    category = FAQCategory.objects.create(name="Pelatihan", sort_order=99)
    FAQFactory(category=category, question="Apakah ada pelatihan menjahit?", answer="<p>Ada, di BLK.</p>")
    FAQFactory(category=category, question="Draf tersembunyi?", live=False)

    html = client.get(faq_page.url).content.decode()
    assert "<summary>Apakah ada pelatihan menjahit?</summary>" in html
    assert '<h2 class="h4">Pelatihan</h2>' in html
    assert "Draf tersembunyi?" not in html

    found = client.get(faq_page.url, {"q": "pelatihan"}).content.decode()
    assert "Apakah ada pelatihan menjahit?" in found
    nothing = client.get(faq_page.url, {"q": "zzzqqq"}).content.decode()
    assert "Tidak ada pertanyaan yang cocok" in nothing


def test_site_search_finds_published_pages(client, portal_content):
    html = client.get("/cari/", {"q": "privasi"}).content.decode()
    assert 'href="/kebijakan-privasi/"' in html
    empty = client.get("/cari/", {"q": "qqqzzzxxx"}).content.decode()
    assert "Tidak ada hasil" in empty


def test_sitemap_and_robots(client, portal_content):
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert b"/panduan-penggunaan/" in sitemap.content
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert b"Disallow: /app/" in robots.content
    assert b"Sitemap: http://testserver/sitemap.xml" in robots.content


def test_not_found_page_is_indonesian(client, portal_content):
    response = client.get("/halaman-yang-tidak-ada/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()


def test_server_error_page_is_indonesian(client, portal_content, settings):
    assert "Terjadi kesalahan pada server" in render_to_string("500.html")


def test_admin_login_answers(client, db):
    response = client.get("/app/v1/admin/login/")
    assert response.status_code == 200
    assert client.get("/app/v1/admin/").status_code == 302


def test_beranda_shows_live_counts_latest_vacancies_and_mitra(client, portal_content):
    open_vacancy = VacancyFactory(title="Penjahit Konveksi")
    VacancyFactory(title="Lowongan Draf", draft=True)
    html = client.get("/").content.decode()
    assert "Penjahit Konveksi" in html and "Lowongan Draf" not in html
    assert f'href="/lowongan/{open_vacancy.pk}/"' in html
    assert open_vacancy.mitra.name in html
    assert "Lowongan aktif" in html and "Mitra terverifikasi" in html


def test_beranda_query_count_does_not_grow_with_vacancies(
    client, portal_content, django_assert_max_num_queries
):
    """The Beranda as it is rendered when the cache does not hold it (portal/public_cache.py)."""
    VacancyFactory()
    client.get("/")
    cache.clear()
    with django_assert_max_num_queries(40) as captured:
        client.get("/")
    baseline = len(captured.captured_queries)
    for _ in range(5):
        VacancyFactory()
    cache.clear()
    with django_assert_max_num_queries(baseline):
        client.get("/")


def test_footer_of_signed_in_pages_follows_settings_and_links(client, portal_content):
    """The footer is a cached fragment (templates/base.html) on pages no page cache serves, such as
    a Personal's account: a change of the site settings or of a link shows at once."""
    client.force_login(PersonalFactory())
    assert "(0281) 7654321" not in client.get("/akun/profil/").content.decode()
    site_settings = SiteSettings.objects.get()
    site_settings.phone = "(0281) 7654321"
    site_settings.save()
    LinkFactory(title="BPJS Ketenagakerjaan", url="https://www.bpjsketenagakerjaan.go.id/")
    html = client.get("/akun/profil/").content.decode()
    assert "(0281) 7654321" in html
    assert 'href="https://www.bpjsketenagakerjaan.go.id/"' in html
