"""A signed-in visitor's pages take the Wagtail Site, the SiteSettings and the main menu from the
cache (portal/site_cache.py, the main menu fragment of templates/includes/header.html), and still
show every change an editor makes in the CMS on the very next page (issue 11)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from home.models import HomePage
from pages.models import StandardPage
from portal.models import SiteSettings
from users.choices import StaffRole
from users.factories import PersonalFactory, staff_account

pytestmark = pytest.mark.django_db


@pytest.fixture
def personal_client(client, portal_content):
    client.force_login(PersonalFactory())
    return client


def applications_page(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("marketplace:applications"))
    assert response.status_code == 200
    return response.content.decode(), " ".join(query["sql"] for query in queries.captured_queries)


def page_queries(sql):
    return sql.count('FROM "wagtailcore_page"')


def test_second_page_reads_no_site_settings_menu_or_permissions(personal_client):
    _, first = applications_page(personal_client)
    assert "wagtailcore_site" in first and "portal_sitesettings" in first
    html, second = applications_page(personal_client)
    assert "wagtailcore_site" not in second
    assert "portal_sitesettings" not in second
    # Lamaran Terkirim finds the Lowongan page (its links); the main menu reads no page.
    assert page_queries(second) == 1 < page_queries(first)
    assert "auth_permission" not in second  # no Wagtail user bar for a Personal
    assert SiteSettings.objects.get().app_name in html
    assert 'href="/"' in html and "Beranda" in html


def test_settings_saved_in_the_cms_show_on_the_next_page(personal_client):
    applications_page(personal_client)
    site_settings = SiteSettings.objects.get()
    site_settings.app_name = "Bursa Kerja Perwira"
    site_settings.save()
    html, _ = applications_page(personal_client)
    assert "<title>Lamaran Terkirim · Bursa Kerja Perwira</title>" in html


def test_a_page_published_for_the_menu_shows_at_once_and_leaves_when_unpublished(personal_client):
    applications_page(personal_client)
    home = HomePage.objects.get()
    page = home.add_child(
        instance=StandardPage(title="Pelatihan Kerja", slug="pelatihan", show_in_menus=True)
    )
    page.save_revision().publish()
    html, _ = applications_page(personal_client)
    assert 'href="/pelatihan/">Pelatihan Kerja</a>' in html
    page.unpublish()
    html, _ = applications_page(personal_client)
    assert "Pelatihan Kerja" not in html


def test_staff_still_get_the_wagtail_user_bar(client, portal_content):
    client.force_login(staff_account(StaffRole.ADMIN))
    html = client.get("/").content.decode()
    assert "w-userbar" in html or "wagtail-userbar" in html
