"""Fixtures shared by the whole suite."""

import pytest
from django.conf import settings
from django.core.cache import cache

from home.initial_data import load_cms_content
from marketplace.initial_data import load_marketplace_master_data
from portal import whatsapp
from users.factories import staff_account
from users.initial_data import load_master_data
from users.models import Desa, Kecamatan
from users.regions import load_regions
from users.staff import install_role_groups


def install_portal_content():
    """What `load_initial_data` installs: regions, master data and the CMS page tree."""
    load_regions(settings.PORTAL_REGENCY)
    load_master_data()
    load_marketplace_master_data()
    load_cms_content()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Install the portal content once per test database; each test runs in a transaction that
    is rolled back. Live-server tests (which flush the database) use the `site` fixture of
    tests/e2e/conftest.py, which restores a snapshot of this content."""
    with django_db_blocker.unblock():
        install_portal_content()


@pytest.fixture
def portal_content(db):
    install_portal_content()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _empty_whatsapp_outbox():
    whatsapp.clear_outbox()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttle counters live in the cache; no test inherits another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    """A test client whose requests behave as in production: the jobs a request enqueues after
    commit (emails, WhatsApp messages) run when the request ends, although each test runs inside
    one transaction that is never committed."""
    send = client.request

    def request(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return send(**kwargs)

    client.request = request
    return client


@pytest.fixture
def bobotsari(db):
    return Kecamatan.objects.get(name="Bobotsari")


@pytest.fixture
def desa_a(bobotsari):
    """Bobotsari's first desa by name (where staff_account puts a Desa operator)."""
    return bobotsari.desa_set.order_by("name")[0]


@pytest.fixture
def desa_b(bobotsari):
    return bobotsari.desa_set.order_by("name")[1]


@pytest.fixture
def bancar(db):
    """A desa of another kecamatan (Purbalingga)."""
    return Desa.objects.get(name="Bancar", kecamatan__name="Purbalingga")


@pytest.fixture
def staff(db):
    """``staff(role)``: a staff account of ``role`` in its group (users.factories.staff_account)."""
    install_role_groups()
    return staff_account
