"""The production stack that `make prod-check` builds (gunicorn, production settings, collected
static files, an rqworker): what a load balancer and a visitor's browser get from it, and how it
survives the database dropping every connection, as it does when PostgreSQL restarts.

These checks need that stack; in `make test` (pytest-django's live server with test settings)
they are reported as skipped with the reason below."""

import re
import threading
import time

import pytest
import requests
from django.db import connection

from tests.e2e.conftest import EXTERNAL_SERVER

pytestmark = pytest.mark.skipif(not EXTERNAL_SERVER, reason="needs the stack of `make prod-check`")


def get(path, **kwargs):
    return requests.get(f"{EXTERNAL_SERVER}{path}", timeout=10, **kwargs)


def test_health_reports_database_redis_and_a_worker(site):
    response = get("/health/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "redis": "ok", "worker": "ok"}


def test_debug_is_off_and_errors_are_the_portals_own_pages(site):
    response = get("/halaman-yang-tidak-ada/")

    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.text
    assert "Traceback" not in response.text and "DEBUG = True" not in response.text


def test_static_files_are_hashed_compressed_and_cached_for_good(site):
    page = get("/")
    hashed = r'href="(/static/vendor/bootstrap/css/bootstrap\.min\.[0-9a-f]{12}\.css)"'
    stylesheet = re.search(hashed, page.text)
    assert stylesheet, "Beranda does not link the cache-busted (hashed) Bootstrap stylesheet"

    response = get(stylesheet.group(1), headers={"Accept-Encoding": "gzip"})

    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"]
    assert "max-age=315360000" in response.headers["Cache-Control"]


def test_pages_come_back_within_seconds_after_the_database_drops_every_connection(site):
    """What the app sees of a PostgreSQL restart: all its connections end at once. With
    CONN_HEALTH_CHECKS the next request opens a new one; gunicorn is not restarted."""
    assert get("/lowongan/").status_code == 200  # the workers now hold open connections
    statuses = []
    stop = threading.Event()

    def browse():
        while not stop.is_set():
            try:
                statuses.append((time.monotonic(), get("/lowongan/").status_code))
            except requests.RequestException:
                statuses.append((time.monotonic(), "no answer"))

    browsers = [threading.Thread(target=browse) for _ in range(3)]
    for thread in browsers:
        thread.start()
    time.sleep(1)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        (terminated,) = cursor.fetchone()
    dropped_at = time.monotonic()
    time.sleep(4)
    stop.set()
    for thread in browsers:
        thread.join()

    assert terminated > 0, "the stack held no database connection to drop"
    after = [status for at, status in statuses if at > dropped_at + 2]
    assert after, "no request finished after the connections were dropped"
    assert set(after) == {200}, f"still failing 2 s after the drop: {after}"
