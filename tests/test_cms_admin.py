"""A communications officer edits the public portal in the Wagtail admin."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text

from pages.models import FAQ, FAQCategory
from portal.models import SiteSettings
from users.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(account_type="staff", is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def test_admin_menu_offers_master_data(client, editor):
    html = client.get("/app/v1/admin/").content.decode()
    for label in [
        "Master Data",
        "Wilayah: Kecamatan",
        "Wilayah: Desa/Kelurahan",
        "Bidang Usaha",
        "FAQ",
        "Link",
    ]:
        assert label in html, label


def test_wilayah_lists_regions(client, editor):
    html = client.get("/app/v1/admin/users/kecamatan/").content.decode()
    assert "Bobotsari" in html and "Rembang" in html
    html = client.get("/app/v1/admin/users/desa/", {"q": "Bancar"}).content.decode()
    assert "53316" in html


def test_faq_draft_preview_and_publish(client, editor, django_capture_on_commit_callbacks):
    category = FAQCategory.objects.first()
    add_url = reverse("wagtailsnippets_pages_faq:add")
    data = nested_form_data(
        {
            "question": "Apakah pendaftaran berbayar?",
            "answer": rich_text("<p>Tidak, gratis.</p>"),
            "category": category.pk,
            "sort_order": 1,
        }
    )
    preview = client.post(reverse("wagtailsnippets_pages_faq:preview_on_add"), data)
    assert preview.json()["is_valid"]
    rendered = client.get(reverse("wagtailsnippets_pages_faq:preview_on_add")).content.decode()
    assert "Apakah pendaftaran berbayar?" in rendered

    client.post(add_url, data)
    faq = FAQ.objects.get(question="Apakah pendaftaran berbayar?")
    assert not faq.live
    assert "<summary>Apakah pendaftaran berbayar?</summary>" not in client.get("/faq/").content.decode()

    client.post(reverse("wagtailsnippets_pages_faq:edit", args=[faq.pk]), {**data, "action-publish": "1"})
    faq.refresh_from_db()
    assert faq.live
    assert "<summary>Apakah pendaftaran berbayar?</summary>" in client.get("/faq/").content.decode()


def test_site_settings_edit_changes_the_footer(client, editor):
    site_settings = SiteSettings.objects.get()
    url = reverse("wagtailsettings:edit", args=["portal", "sitesettings", site_settings.site_id])
    form = client.get(url)
    assert form.status_code == 200
    data = {
        "app_name": "Kepenak Ngodene",
        "tagline": site_settings.tagline,
        "agency_name": site_settings.agency_name,
        "address": "Jl. Alun-alun Utara No. 1 Purbalingga",
        "phone": "(0281) 891012",
        "fax": "",
        "email": "kominfo@purbalinggakab.go.id",
        "whatsapp_number": "0812-0000-1111",
        "facebook_url": "",
        "instagram_url": "",
        "x_url": "",
        "youtube_url": "",
        "privacy_page": site_settings.privacy_page_id,
        "terms_page": site_settings.terms_page_id,
        "unanswered_application_days": 7,
        "vacancy_reminder_days": 3,
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    html = client.get("/").content.decode()
    assert "Jl. Alun-alun Utara No. 1 Purbalingga" in html
    assert "https://wa.me/6281200001111" in html
