import pytest
from django.db import OperationalError, connection
from redis import Redis
from rq import Worker

pytestmark = pytest.mark.django_db


def test_health_without_redis(client, settings):
    settings.REDIS_URL = ""
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "redis": "not used", "worker": "not used"}
    assert "no-cache" in response["Cache-Control"]


def test_health_reports_an_unreachable_redis_but_keeps_serving(client, settings):
    """Pages work without Redis (tests/test_job_outbox.py), so the load balancer keeps the node."""
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "redis": "error", "worker": "unknown"}


def test_health_answers_503_when_the_database_is_unreachable(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["database"] == "error"


def test_health_follows_the_worker_heartbeat(client, settings):
    if not settings.REDIS_URL:
        pytest.skip("needs REDIS_URL (CI sets it)")
    settings.REDIS_URL = settings.REDIS_URL.rsplit("/", 1)[0] + "/9"  # a database no real worker uses
    redis = Redis.from_url(settings.REDIS_URL)
    redis.flushdb()
    assert client.get("/health/").json() == {
        "status": "ok",
        "database": "ok",
        "redis": "ok",
        "worker": "missing",
    }

    worker = Worker(["default"], connection=redis)
    worker.register_birth()
    try:
        assert client.get("/health/").json()["worker"] == "ok"
    finally:
        worker.register_death()
        redis.flushdb()
