"""Real-browser harness: Debian's Chromium driven by Playwright against pytest-django's live server,
or, when ``E2E_BASE_URL`` is set (``make prod-check``), against the production stack: gunicorn with
production settings, collected static files and a real rqworker, all on the database the tests use.

Fixtures for later flows to reuse:

- ``browser``: one headless Chromium for the whole session (fails, never skips, without Chromium);
- ``server_url``: the address of the portal under test;
- ``site``: the ``load_initial_data`` content in the test database (installed once, then restored
  from a snapshot for each test), with the default Wagtail Site pointing at the server;
- ``outboxes``: the emails and WhatsApp messages the portal sends (tests/e2e/outboxes.py);
- ``phone``: a fresh phone-sized page (360x740, touch, ``id-ID``) whose ``goto("/...")`` is relative
  to the live server; ``desktop``: the same at 1280x800;
- ``assert_accessible``: a callable, ``assert_accessible(page)`` runs axe-core on the page as it is
  and fails on any "serious" or "critical" violation, listing rule, help and offending nodes.

Mark browser tests ``@pytest.mark.browser`` (tests using ``browser`` get the mark anyway), so
``-m "not browser"`` leaves them out and ``-m browser`` runs only them.
"""

import json
import os
import shutil
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, transaction
from playwright.sync_api import sync_playwright
from redis import Redis
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from home.initial_data import load_cms_content
from marketplace.initial_data import load_marketplace_master_data
from portal.settings import base as base_settings
from tests.e2e.outboxes import Outboxes
from users.initial_data import load_master_data
from users.regions import load_regions

# Playwright's sync API runs an asyncio loop in the test thread; Django refuses ORM calls from a
# thread with a running loop unless told otherwise. The live server itself runs in its own thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Set by `make prod-check` (.ci/prod-check), which starts the production stack on DATABASE_URL.
EXTERNAL_SERVER = os.environ.get("E2E_BASE_URL", "").rstrip("/")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "locale": "id-ID",
    "timezone_id": "Asia/Jakarta",
    "reduced_motion": "reduce",  # no collapse animation to race with
}
DESKTOP = {
    "viewport": {"width": 1280, "height": 800},
    "locale": "id-ID",
    "timezone_id": "Asia/Jakarta",
    "reduced_motion": "reduce",
}
BLOCKING_IMPACTS = ("serious", "critical")

_axe = Axe()


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "Debian's Chromium is not on PATH: install it with "
            "`apt-get install -y --no-install-recommends chromium` (.ci/run does this).",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Whatever uses the browser is a browser test, even if its module forgot the marker
    (tryfirst: before ``-m`` selects on it)."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


def _restore_wagtail_roots():
    """Recreate what Wagtail's own data migrations install and a transactional flush removes:
    the default locale, the root page and the root collection."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


if EXTERNAL_SERVER:

    @pytest.fixture(scope="session")
    def django_db_setup():
        """The production stack serves the database DATABASE_URL names, already migrated by
        .ci/prod-check: the tests use that database, not a test copy of it."""

    @pytest.fixture(autouse=True)
    def _media_root():
        """Uploads go where the server reads them (MEDIA_ROOT/PRIVATE_MEDIA_ROOT of the stack)."""

    @pytest.fixture(autouse=True)
    def _server_password_hashers(settings):
        """Accounts the tests create must log in on the server, which does not know the fast
        hasher of the test settings."""
        settings.PASSWORD_HASHERS = base_settings.PASSWORD_HASHERS

    @pytest.fixture(scope="session")
    def server_url():
        return EXTERNAL_SERVER

    @pytest.fixture
    def _server(transactional_db):
        """Between tests, forget what the server cached (throttle counters, cached pages): the
        cache keys of Django's Redis cache, leaving the job queues alone."""
        redis = Redis.from_url(os.environ["REDIS_URL"])
        keys = list(redis.scan_iter(match=":1:*", count=1000))
        if keys:
            redis.delete(*keys)

    @pytest.fixture
    def outboxes():
        boxes = Outboxes(os.environ["E2E_EMAIL_DIR"], os.environ["E2E_WHATSAPP_DIR"])
        boxes.clear()
        return boxes

else:

    @pytest.fixture(scope="session")
    def server_url(live_server):
        return live_server.url

    @pytest.fixture
    def _server(live_server):
        """``live_server`` implies ``transactional_db``."""

    @pytest.fixture
    def outboxes(settings, tmp_path):
        """Real file backends: Django's email file backend and the WhatsApp file backend."""
        settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
        settings.EMAIL_FILE_PATH = str(tmp_path / "email")
        settings.WHATSAPP_BACKEND = "file"
        settings.WHATSAPP_FILE_PATH = str(tmp_path / "whatsapp")
        boxes = Outboxes(tmp_path / "email", tmp_path / "whatsapp")
        boxes.clear()
        return boxes


@pytest.fixture(scope="session")
def _site_snapshot(django_db_setup, django_db_blocker, server_url):
    """Install the ``load_initial_data`` content once, point the default Wagtail Site at the
    server, and serialize the whole database; ``site`` restores that snapshot for every test,
    which is much faster than building the page tree again after each flush."""
    with django_db_blocker.unblock():
        _restore_wagtail_roots()
        load_regions(settings.PORTAL_REGENCY)
        load_master_data()
        load_marketplace_master_data()
        load_cms_content()
        address = urlsplit(server_url)
        Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=address.port)
        objects = json.loads(connection.creation.serialize_db_to_string())
    # Content types first: signal receivers of the objects restored before them would otherwise
    # create content types of their own, with other primary keys.
    objects.sort(key=lambda obj: obj["model"] != "contenttypes.contenttype")
    return json.dumps(objects)


def _empty_database():
    """Delete every row, keeping the sequences (the snapshot's keys stay below them). Unlike
    ``flush`` this neither truncates (slow on PostgreSQL) nor runs post_migrate."""
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    with transaction.atomic(), connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")


@pytest.fixture
def site(_server, _site_snapshot):
    """The ``load_initial_data`` content, served by the server; returns the default Site.

    Every test starts from whatever the previous transactional test left and ends with a flush.
    So the database is emptied and filled with the snapshot, primary keys (and so content types)
    included.
    """
    _empty_database()
    connection.creation.deserialize_db_from_string(_site_snapshot)
    ContentType.objects.clear_cache()
    cache.clear()
    return Site.objects.get(is_default_site=True)


def _open_page(browser, base_url, options):
    context = browser.new_context(base_url=base_url, **options)
    context.set_default_timeout(10_000)
    return context, context.new_page()


@pytest.fixture
def phone(browser, server_url):
    """A page in a fresh phone-sized browser context; relative URLs go to the server."""
    context, page = _open_page(browser, server_url, PHONE)
    yield page
    context.close()


@pytest.fixture
def desktop(browser, server_url):
    """A page in a fresh desktop-sized (1280x800) browser context, like ``phone``."""
    context, page = _open_page(browser, server_url, DESKTOP)
    yield page
    context.close()


@pytest.fixture
def second_desktop(browser, server_url):
    """Another person at another desktop (a separate browser context: its own session)."""
    context, page = _open_page(browser, server_url, DESKTOP)
    yield page
    context.close()


def _describe(violation):
    lines = [f"[{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})"]
    for node in violation["nodes"]:
        lines.append(f"    at {', '.join(map(str, node['target']))}: {node['html']}")
        summary = node.get("failureSummary")
        if summary:
            lines.extend(f"        {line}" for line in summary.splitlines())
    return "\n".join(lines)


def check_accessible(page):
    """Fail when axe-core finds a serious or critical violation on the page as it is now."""
    results = _axe.run(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    if blocking:
        report = "\n".join(_describe(v) for v in blocking)
        pytest.fail(f"axe found {len(blocking)} serious/critical violation(s) on {page.url}:\n{report}")


@pytest.fixture
def assert_accessible():
    """``assert_accessible(page)``: axe-core check of the page as it is now (see check_accessible)."""
    return check_accessible
