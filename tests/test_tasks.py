"""Background jobs (portal.tasks): after commit, inline without Redis, and on a real rqworker with Redis,
through the job outbox (tests/test_job_outbox.py goes deeper into the outbox itself)."""

import os
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from urllib.parse import quote

import django_rq
import pytest
from django.conf import settings
from django.db import connection, transaction

from portal.job_outbox import rq_job_id
from portal.models import BackgroundJob, WhatsAppMessage
from portal.tasks import enqueue, will_retry
from portal.whatsapp import send_whatsapp
from portal.whatsapp import tasks as whatsapp_tasks
from tests.test_whatsapp import TOKEN, FakeGateway

calls = []


def record_call(*args, **kwargs):
    """A job: importable by name, as rq needs."""
    calls.append((args, kwargs, will_retry()))


@pytest.fixture(autouse=True)
def _no_calls():
    calls.clear()


@pytest.mark.django_db
def test_enqueue_runs_the_job_after_commit_only(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        enqueue(record_call, 1, "dua", description="a job argument, not an rq option")
        assert calls == []

    for callback in callbacks:
        callback()

    # Inline (no REDIS_URL) or on a synchronous django-rq queue (test settings with REDIS_URL):
    # one run, no retry.
    assert calls == [((1, "dua"), {"description": "a job argument, not an rq option"}, False)]


@pytest.mark.django_db
def test_enqueue_inside_a_rolled_back_transaction_runs_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                enqueue(record_call, "never")
                raise RuntimeError("roll back")
        except RuntimeError:
            pass

    assert calls == []


# --- a real rqworker process -------------------------------------------------------------------

requires_redis = pytest.mark.skipif(
    not settings.REDIS_URL, reason="REDIS_URL is unset: no Redis to run a real rqworker against"
)


@contextmanager
def database_url_for_subprocess(tmp_path):
    """A DATABASE_URL that lets another process use the test database.

    PostgreSQL: the test database itself. SQLite: the file database, or, for pytest-django's
    in-memory one, a file copy that is copied back once the subprocess is done.
    """
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        user = quote(db["USER"] or "")
        password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
        port = f":{db['PORT']}" if db["PORT"] else ""
        yield f"postgres://{user}{password}@{db['HOST']}{port}/{quote(db['NAME'])}"
    elif connection.vendor == "sqlite" and not connection.is_in_memory_db():
        yield f"sqlite:///{db['NAME']}"
    elif connection.vendor == "sqlite":
        path = tmp_path / "shared.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as copy:
            connection.connection.backup(copy)
        yield f"sqlite:///{path}"
        with sqlite3.connect(path) as copy:
            copy.backup(connection.connection)
    else:
        pytest.skip(f"no way to share a {connection.vendor} test database with a worker process")


@pytest.fixture
def async_default_queue(settings):
    """The enqueuing side uses a real (asynchronous) queue, as in production.

    A Redis lock keeps worker tests of parallel runs (pytest-xdist) off each other's "default" queue.
    """
    settings.RQ_QUEUES = {
        **settings.RQ_QUEUES,
        "default": {**settings.RQ_QUEUES["default"], "ASYNC": True},
    }
    queue = django_rq.get_queue("default")
    with queue.connection.lock("portal-tests:rqworker", timeout=600, blocking_timeout=600):
        queue.empty()
        yield queue
        queue.empty()


def run_worker(tmp_path, gateway):
    """Run `manage.py rqworker default --burst` against the test database and the fake gateway.

    System checks are skipped: they are the business of other tests, not of this worker.
    """
    (tmp_path / "rqworker_test_settings.py").write_text(
        "from portal.settings.test import *  # noqa: F403\n"
        'WHATSAPP_BACKEND = "http"\n'
        f'WHATSAPP_API_URL = "{gateway.url}/api/send"\n'
        f'WHATSAPP_API_TOKEN = "{TOKEN}"\n'
    )
    python_path = os.pathsep.join([str(tmp_path), str(settings.BASE_DIR), os.environ.get("PYTHONPATH", "")])
    with database_url_for_subprocess(tmp_path) as database_url:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "rqworker_test_settings",
            "PYTHONPATH": python_path,
            "DATABASE_URL": database_url,
            "REDIS_URL": settings.REDIS_URL,
            "CONN_MAX_AGE": "0",
        }
        try:
            worker = subprocess.run(
                [
                    *(sys.executable, "manage.py", "rqworker", "default", "--burst", "--skip-checks"),
                ],
                cwd=settings.BASE_DIR,
                env=env,
                capture_output=True,
                text=True,
                timeout=30,
            )
        except subprocess.TimeoutExpired as exc:
            pytest.fail(f"rqworker did not finish in {exc.timeout} s:\n{(exc.stderr or b'')[-3000:]}")
    assert worker.returncode == 0, worker.stderr[-3000:]
    return worker


@requires_redis
@pytest.mark.django_db(transaction=True)
def test_real_worker_delivers_a_message_enqueued_through_enqueue(tmp_path, async_default_queue):
    with FakeGateway() as gateway:
        message = send_whatsapp("6281234567890", "Kode OTP: 551177")

        # Committed and waiting in Redis, not delivered by this process.
        job = BackgroundJob.objects.get()
        assert job.status == BackgroundJob.Status.QUEUED
        assert async_default_queue.job_ids == [rq_job_id(job)]
        message.refresh_from_db()
        assert message.status == WhatsAppMessage.Status.QUEUED
        assert gateway.requests == []

        worker = run_worker(tmp_path, gateway)

    assert [request["json"] for request in gateway.requests] == [
        {"to": "6281234567890", "message": "Kode OTP: 551177"}
    ]
    assert gateway.requests[0]["headers"]["Authorization"] == f"Bearer {TOKEN}"
    message.refresh_from_db()
    assert message.status == WhatsAppMessage.Status.SENT
    assert message.attempts == 1
    assert message.sent_at is not None
    assert async_default_queue.count == 0
    job.refresh_from_db()
    assert (job.status, job.attempts) == (BackgroundJob.Status.DONE, 1)
    # The worker's log names the job by message id only.
    assert "6281234567890" not in worker.stdout + worker.stderr
    assert "551177" not in worker.stdout + worker.stderr


@requires_redis
@pytest.mark.django_db(transaction=True)
def test_real_worker_retries_failed_deliveries(tmp_path, async_default_queue, monkeypatch):
    monkeypatch.setattr(whatsapp_tasks, "RETRY_INTERVALS", (0, 0, 0))  # production: (10, 60, 300)
    recovers, never = "6281111111111", "6282222222222"
    with FakeGateway(default_status=500, scripts={recovers: [500, 502, 200]}) as gateway:
        recovering = send_whatsapp(recovers, "Lamaran Anda diterima.")
        failing = send_whatsapp(never, "Lamaran Anda ditolak.")
        run_worker(tmp_path, gateway)

    assert len(gateway.requests_to(recovers)) == 3
    recovering.refresh_from_db()
    assert recovering.status == WhatsAppMessage.Status.SENT
    assert recovering.attempts == 3
    assert recovering.error == ""

    assert len(gateway.requests_to(never)) == 4  # first attempt and three retries
    failing.refresh_from_db()
    assert failing.status == WhatsAppMessage.Status.FAILED
    assert failing.attempts == 4
    assert "HTTP 500" in failing.error
    assert failing.sent_at is None

    # Each outbox job saw every attempt (will_retry() held while rq had retries left); the last
    # attempt of the failing message recorded the failure on the message and ended the job.
    jobs = {job.args[0]: job for job in BackgroundJob.objects.all()}
    assert (jobs[recovering.pk].status, jobs[recovering.pk].attempts) == (BackgroundJob.Status.DONE, 3)
    assert (jobs[failing.pk].status, jobs[failing.pk].attempts) == (BackgroundJob.Status.DONE, 4)
