"""Wagtail's own Dasbor panels and site summary are kept per staff member
(portal/wagtail_home_panels.py), and show what an editor does in the CMS on the very next view
(issue 11)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import HomePage
from pages.models import StandardPage
from users.choices import StaffRole
from users.factories import staff_account
from users.staff import install_role_groups

pytestmark = pytest.mark.django_db
DASHBOARD_URL = "/app/v1/admin/"


@pytest.fixture
def editor(client, portal_content):
    install_role_groups()
    user = staff_account(StaffRole.SUPER_ADMIN)
    client.force_login(user)
    return user


def dasbor(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(DASHBOARD_URL)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def without_tokens(html):
    """The page without its CSRF tokens (masked anew on every response)."""
    return re.sub(r'(CSRF_TOKEN": |csrfmiddlewaretoken" value=)"[^"]+"', "", html)


def test_second_view_reads_the_kept_panels(client, editor):
    first_html, first = dasbor(client)
    html, second = dasbor(client)
    assert without_tokens(html) == without_tokens(first_html)
    assert second <= first - 6  # site summary counts, moderation, recent edits, locked pages


def test_an_edit_and_a_lock_show_at_once(client, editor):
    before, _ = dasbor(client)
    assert "Pelatihan Kerja" not in before
    page = HomePage.objects.get().add_child(instance=StandardPage(title="Pelatihan Kerja", slug="pelatihan"))
    page.save_revision(user=editor, log_action=True).publish(user=editor)
    edited, _ = dasbor(client)
    assert "Pelatihan Kerja" in edited  # Recent edits
    assert edited.count("Pelatihan Kerja") == 1

    page.locked, page.locked_by, page.locked_at = True, editor, timezone.now()
    page.save(update_fields=["locked", "locked_by", "locked_at"])
    locked, _ = dasbor(client)
    assert locked.count("Pelatihan Kerja") == 2  # and Your locked pages


def test_each_staff_member_gets_their_own_panels(client, editor):
    page = HomePage.objects.get().add_child(instance=StandardPage(title="Pelatihan Kerja", slug="pelatihan"))
    page.save_revision(user=editor, log_action=True).publish(user=editor)
    assert "Pelatihan Kerja" in dasbor(client)[0]
    client.force_login(staff_account(StaffRole.ADMIN, username="admin-kedua"))
    assert "Pelatihan Kerja" not in dasbor(client)[0]  # not among the other admin's recent edits
