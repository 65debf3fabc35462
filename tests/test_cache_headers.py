"""Pages behind login are never stored by a cache; public pages for visitors may be."""

import pytest

from users.choices import StaffRole
from users.factories import PersonalFactory

pytestmark = pytest.mark.django_db


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_account_pages_of_a_personal_are_private_and_not_stored(client):
    client.force_login(PersonalFactory())
    for url in ("/akun/profil/", "/akun/lamaran/", "/"):
        assert {"private", "no-store"} <= cache_control(client.get(url)), url


def test_admin_pages_are_private_and_not_stored(client, staff):
    client.force_login(staff(StaffRole.ADMIN))
    assert {"private", "no-store"} <= cache_control(client.get("/app/v1/admin/"))


def test_public_pages_for_visitors_stay_cacheable(client):
    response = client.get("/lowongan/")
    assert response.status_code == 200
    assert "no-store" not in cache_control(response)
