"""Pengaturan → Aplikasi (issue 8): the application settings and the read-only "Status Gateway
WhatsApp" page, for Super Admin and Admin only (others: 403, no menu entry); the token never shows."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portal import admin_hooks_settings  # noqa: F401  (as portal/wagtail_hooks.py does)
from portal.models import SiteSettings, WhatsAppMessage
from users.choices import StaffRole
from users.factories import staff_account

pytestmark = pytest.mark.django_db

STATUS_URL = reverse("portal_gateway_status")
SETTINGS_REDIRECT_URL = reverse("wagtailsettings:edit", args=["portal", "sitesettings"])
OTHER_ROLES = (StaffRole.DINAKER, StaffRole.KECAMATAN, StaffRole.VERIFIKATOR, StaffRole.DESA)
TOKEN = "rahasia-token-9f8e7d"


def settings_url():
    return reverse(
        "wagtailsettings:edit", args=["portal", "sitesettings", SiteSettings.objects.get().site_id]
    )


def sidebar(html):
    match = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    assert match, "sidebar props not found"
    return match.group(1)


def message(status, *, hours_ago=1, **fields):
    msg = WhatsAppMessage.objects.create(to="6281200000000", body="Uji", status=status, **fields)
    WhatsAppMessage.objects.filter(pk=msg.pk).update(created_at=timezone.now() - timedelta(hours=hours_ago))
    return msg


def count_cell(html, status):
    match = re.search(rf'<tr data-status="{status}"><td>[^<]+</td><td>(\d+)</td></tr>', html)
    assert match, status
    return int(match.group(1))


@pytest.fixture
def http_gateway(settings):
    settings.WHATSAPP_BACKEND = "http"
    settings.WHATSAPP_API_URL = "https://gateway.contoh.id/api/send?key=kunci-di-url"
    settings.WHATSAPP_API_TOKEN = TOKEN


@pytest.mark.parametrize("role", [StaffRole.SUPER_ADMIN, StaffRole.ADMIN])
def test_status_page_shows_configuration_counts_and_last_failure_without_the_token(
    client, http_gateway, role
):
    message(WhatsAppMessage.Status.SENT, sent_at=timezone.now())
    message(WhatsAppMessage.Status.SENT, sent_at=timezone.now())
    message(WhatsAppMessage.Status.QUEUED)
    message(WhatsAppMessage.Status.FAILED, hours_ago=30, error="old")  # outside the 24 hours
    failed = message(
        WhatsAppMessage.Status.FAILED,
        hours_ago=2,
        attempts=4,
        error=f"WhatsAppGatewayError: HTTP 401\nAuthorization: Bearer {TOKEN} ditolak",
    )
    client.force_login(staff_account(role))

    response = client.get(STATUS_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Status Gateway WhatsApp" in html
    assert "<code>http</code>" in html and "HTTP API gateway" in html
    assert "Sudah diatur (server gateway.contoh.id)" in html
    assert "Sudah diatur (tidak ditampilkan)" in html
    assert TOKEN not in html
    assert "kunci-di-url" not in html
    assert count_cell(html, "sent") == 2
    assert count_cell(html, "queued") == 1
    assert count_cell(html, "failed") == 1
    assert "Kegagalan terakhir" in html
    assert "gagal setelah 4 percobaan" in html
    assert reverse("kotak-keluar-whatsapp:inspect", args=[failed.pk]) in html
    assert "Ada pesan yang gagal dalam 24 jam terakhir" in html


def test_status_page_warns_when_messages_are_not_really_sent(client, settings):
    settings.WHATSAPP_BACKEND = "console"
    settings.WHATSAPP_API_URL = ""
    settings.WHATSAPP_API_TOKEN = ""
    client.force_login(staff_account(StaffRole.ADMIN))

    html = client.get(STATUS_URL).content.decode()
    assert "<code>console</code>" in html
    assert "tidak dikirim ke WhatsApp" in html
    assert html.count("Belum diatur") == 2
    assert count_cell(html, "failed") == 0
    assert "Belum pernah" in html  # nothing sent yet


def test_http_backend_without_token_is_flagged(client, settings):
    settings.WHATSAPP_BACKEND = "http"
    settings.WHATSAPP_API_URL = "https://gateway.contoh.id/api/send"
    settings.WHATSAPP_API_TOKEN = ""
    client.force_login(staff_account(StaffRole.SUPER_ADMIN))

    html = client.get(STATUS_URL).content.decode()
    assert "Alamat API atau token gateway belum diatur" in html


@pytest.mark.parametrize("role", [StaffRole.SUPER_ADMIN, StaffRole.ADMIN])
def test_settings_menu_offers_aplikasi_and_gateway_status(client, role):
    client.force_login(staff_account(role))
    menu = sidebar(client.get("/app/v1/admin/").content.decode())
    assert STATUS_URL in menu and "Status Gateway WhatsApp" in menu
    assert SETTINGS_REDIRECT_URL in menu and "Pengaturan Aplikasi" in menu


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_other_roles_get_403_and_no_menu_entry(client, http_gateway, role):
    client.force_login(staff_account(role))
    menu = sidebar(client.get("/app/v1/admin/").content.decode())
    assert STATUS_URL not in menu
    assert SETTINGS_REDIRECT_URL not in menu
    assert client.get(STATUS_URL).status_code == 403
    assert client.get(SETTINGS_REDIRECT_URL).status_code == 403
    assert client.get(settings_url()).status_code == 403
    response = client.post(settings_url(), {"app_name": "Dibajak"})
    assert response.status_code == 403
    assert SiteSettings.objects.get().app_name != "Dibajak"


def test_anonymous_is_sent_to_the_login(client):
    for url in (STATUS_URL, settings_url()):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login/" in response.url


def test_admin_edits_the_application_settings(client):
    client.force_login(staff_account(StaffRole.ADMIN))
    assert client.get(SETTINGS_REDIRECT_URL).status_code == 302
    page = client.get(settings_url())
    html = page.content.decode()
    assert page.status_code == 200
    for label in ("Nama aplikasi", "Batas hari lamaran belum direspon", "Pengingat lowongan berakhir"):
        assert label.lower() in html.lower(), label

    current = SiteSettings.objects.get()
    data = {
        "app_name": "Kepenak Ngodene",
        "tagline": current.tagline,
        "agency_name": current.agency_name,
        "address": "",
        "phone": "(0281) 891012",
        "fax": "",
        "email": "dinaker@purbalinggakab.go.id",
        "whatsapp_number": "",
        "facebook_url": "",
        "instagram_url": "",
        "x_url": "",
        "youtube_url": "",
        "privacy_page": current.privacy_page_id or "",
        "terms_page": current.terms_page_id or "",
        "unanswered_application_days": 10,
        "vacancy_reminder_days": 5,
    }
    response = client.post(settings_url(), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    current.refresh_from_db()
    assert (current.unanswered_application_days, current.vacancy_reminder_days) == (10, 5)
    assert current.email == "dinaker@purbalinggakab.go.id"
