"""The background-job outbox (portal/job_outbox.py, portal/tasks.py): a job lives and dies with the
transaction that asked for it; with Redis down, requests still succeed and their jobs wait in the
database until Redis is back, then run exactly once on a real rqworker, however often they are
relayed or delivered; a job that keeps failing ends "Gagal" in Pengaturan → Tugas Latar Belakang,
where "Coba Lagi" queues it again once; pages and logins keep working while Redis is down
(portal/cache.py)."""

import datetime
import io
import logging
import os
import socket
import subprocess
import sys
import time
from email import message_from_bytes

import django_rq
import pytest
import redis
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rq.job import Job
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, ModelLogEntry, Page

from marketplace.choices import ApplicationStatus
from marketplace.factories import VacancyFactory
from marketplace.models import Application
from portal import cache as portal_cache
from portal import job_outbox
from portal.models import BackgroundJob, WhatsAppMessage
from portal.tasks import enqueue, enqueue_call
from portal.whatsapp import send_whatsapp
from tests.conftest import install_portal_content
from tests.test_tasks import database_url_for_subprocess
from users.choices import AccountType, StaffRole
from users.factories import DEFAULT_PASSWORD, PersonalFactory, UserFactory, complete_personal_profile
from users.models import Desa, Notification
from users.staff import install_role_groups, save_staff_account

Status = BackgroundJob.Status
JOBS_URL = "/app/v1/admin/tugas-latar-belakang/"
REGISTRATION = {
    "first_name": "Siti",
    "last_name": "",
    "email": "siti@contoh.id",
    "phone": "081234567890",
    "username": "siti",
    "password1": "Kerja#Keras2026",
    "password2": "Kerja#Keras2026",
    "consent": "on",
}

calls = []


def record_call(*args, **kwargs):
    """A job: importable by name, as a worker needs."""
    calls.append((args, kwargs))


def always_fails(reason):
    """A job whose gateway is always down."""
    raise RuntimeError(f"gateway mati: {reason}")


@pytest.fixture(autouse=True)
def _fresh_state():
    calls.clear()
    portal_cache.outage.until, portal_cache.outage.warned_at = 0.0, None


# --- A private Redis, started and stopped by the test ------------------------------------------


class PrivateRedis:
    """A redis-server of one test, on a free port, keeping nothing on disk (like production's)."""

    def __init__(self, directory):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.directory = directory
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no", "--dir", str(self.directory)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def private_redis(settings, tmp_path):
    """The portal's REDIS_URL (jobs on an asynchronous queue, as in production, and the cache) points
    at a Redis of this test, not started yet."""
    server = PrivateRedis(tmp_path)
    settings.REDIS_URL = server.url
    settings.RQ_QUEUES = {"default": {"URL": server.url, "DEFAULT_TIMEOUT": 600, "ASYNC": True}}
    settings.CACHES = {"default": {"BACKEND": "portal.cache.DegradingRedisCache", "LOCATION": server.url}}
    yield server
    server.stop()


def rq_queue():
    return django_rq.get_queue("default", commit_mode="auto")


def run_outbox_worker(tmp_path, redis_url):
    """`manage.py rqworker default --burst` against the test database and ``redis_url``; emails and
    WhatsApp messages are written to files under ``tmp_path`` (email/, whatsapp/)."""
    (tmp_path / "outbox_worker_settings.py").write_text(
        "from portal.settings.test import *  # noqa: F403\n"
        'EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"\n'
        f'EMAIL_FILE_PATH = "{tmp_path / "email"}"\n'
        'WHATSAPP_BACKEND = "file"\n'
        f'WHATSAPP_FILE_PATH = "{tmp_path / "whatsapp"}"\n'
    )
    base_dir = settings.BASE_DIR
    python_path = os.pathsep.join([str(tmp_path), str(base_dir), os.environ.get("PYTHONPATH", "")])
    with database_url_for_subprocess(tmp_path) as database_url:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "outbox_worker_settings",
            "PYTHONPATH": python_path,
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "CONN_MAX_AGE": "0",
        }
        try:
            worker = subprocess.run(
                [sys.executable, "manage.py", "rqworker", "default", "--burst", "--skip-checks"],
                cwd=base_dir,
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
        except subprocess.TimeoutExpired as exc:
            pytest.fail(f"rqworker did not finish in {exc.timeout} s:\n{(exc.stderr or b'')[-3000:]}")
    assert worker.returncode == 0, worker.stderr[-3000:]
    return worker


def emails_sent(tmp_path):
    """(recipient, subject) of every email the file backend wrote, one entry per message."""
    separator = b"\n" + b"-" * 79 + b"\n"
    sent = []
    for path in sorted((tmp_path / "email").glob("*")):
        for chunk in path.read_bytes().split(separator):
            if chunk.strip():
                message = message_from_bytes(chunk)
                sent.append((message["To"], str(message["Subject"])))
    return sent


def whatsapp_files(tmp_path):
    folder = tmp_path / "whatsapp"
    return sorted(folder.glob("*.txt")) if folder.exists() else []


def backdate(queryset, age):
    moment = timezone.now() - age
    queryset.update(updated_at=moment, run_after=moment)


# --- The job and the caller's transaction ------------------------------------------------------


@pytest.mark.django_db
def test_a_job_exists_only_if_the_change_that_asked_for_it_committed(
    settings, django_capture_on_commit_callbacks
):
    settings.REDIS_URL = ""  # inline: the job runs right after the commit
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            send_whatsapp("6281234567890", "Kode OTP: 111111")
            raise RuntimeError("the request failed after asking for the message")
    assert not WhatsAppMessage.objects.exists()
    assert not BackgroundJob.objects.exists()

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        message = send_whatsapp("6281234567890", "Kode OTP: 222222")
        job = BackgroundJob.objects.get()
        assert job.status == Status.PENDING  # written with the message, not yet run
    job.refresh_from_db()
    message.refresh_from_db()
    assert (job.func, job.args, job.status, job.attempts) == (
        "portal.whatsapp.tasks.deliver_whatsapp",
        [message.pk],
        Status.DONE,
        1,
    )
    assert message.status == WhatsAppMessage.Status.SENT
    assert job.finished_at is not None


@pytest.mark.django_db
def test_a_job_delivered_twice_runs_once(settings, django_capture_on_commit_callbacks):
    settings.REDIS_URL = ""
    with django_capture_on_commit_callbacks(execute=True):
        job = enqueue(record_call, "sekali", ulang=False)
    job_outbox.run_job(job.pk)  # a second delivery of the same job
    job.refresh_from_db()
    assert calls == [(("sekali",), {"ulang": False})]
    assert (job.status, job.attempts) == (Status.DONE, 1)


@pytest.mark.django_db
def test_jobs_need_an_importable_function_and_json_arguments():
    def local_function():
        pass

    with pytest.raises(ValueError, match="not importable"):
        enqueue(local_function)
    with pytest.raises(TypeError):
        enqueue(record_call, datetime.date(2026, 5, 1))
    assert not BackgroundJob.objects.exists()


@pytest.mark.django_db
def test_an_inline_job_that_fails_is_recorded_and_the_request_goes_on(
    settings, django_capture_on_commit_callbacks
):
    settings.REDIS_URL = ""
    with django_capture_on_commit_callbacks(execute=True):
        job = enqueue_call(always_fails, args=("inline",), retry_intervals=(0, 0))
    job.refresh_from_db()
    assert (job.status, job.attempts) == (Status.FAILED, 1)  # inline jobs run once
    assert job.last_error.strip().endswith("RuntimeError: gateway mati: inline")
    assert 'raise RuntimeError(f"gateway mati: {reason}")' in job.last_error  # the traceback's tail


# --- Redis down: nothing is lost, nothing is sent twice ----------------------------------------


@pytest.fixture
def committed_content(transactional_db):
    """What `load_initial_data` installs, committed so that a worker process sees it; also after an
    earlier transactional test has flushed the database, rows of Wagtail's own migrations included."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Page.get_first_root_node() is None:
        Page.add_root(title="Root", slug="root")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    install_portal_content()


@pytest.mark.django_db(transaction=True)
def test_with_redis_down_requests_succeed_and_every_job_runs_once_when_it_is_back(
    committed_content, private_redis, tmp_path, caplog
):
    """A registration, a "Lamar Sekarang" and the Mitra's decision while Redis is down; then Redis
    comes back empty, the relay pushes the jobs (twice), a real worker runs them (twice)."""
    caplog.set_level(logging.WARNING)
    desa = Desa.objects.filter(kecamatan__name="Bobotsari").first()
    applicant = complete_personal_profile(desa, email="ani@contoh.id", phone="6281211112222")
    vacancy = VacancyFactory(title="Operator Bulu Mata", mitra__name="PT Cantik Abadi")

    registration = Client().post("/akun/daftar/", REGISTRATION)
    assert registration.status_code == 302 and registration["Location"] == "/akun/daftar/terkirim/"

    personal_client = Client()
    personal_client.force_login(applicant.user)
    applied = personal_client.post(f"/akun/lamar/{vacancy.pk}/", follow=True)
    assert "sudah terkirim ke PT Cantik Abadi" in applied.content.decode()
    application = Application.objects.get()

    mitra_client = Client()
    mitra_client.force_login(vacancy.mitra.user)
    prefix = f"lamaran-{application.pk}"
    decided = mitra_client.post(
        f"/akun/pelamar/{application.pk}/status/",
        {f"{prefix}-status": ApplicationStatus.DITERIMA, f"{prefix}-message": "Datang Senin pukul 08.00."},
        follow=True,
    )
    assert "Pelamar sudah diberi tahu" in decided.content.decode()

    # Everything the users did is saved; the three deliveries wait in the database.
    assert Notification.objects.filter(user=vacancy.mitra.user, event="application_received").count() == 1
    assert sorted(BackgroundJob.objects.values_list("func", "status")) == [
        ("portal.mail.deliver_email", Status.PENDING),
        ("portal.mail.deliver_email", Status.PENDING),
        ("portal.whatsapp.tasks.deliver_whatsapp", Status.PENDING),
    ]
    outage_logs = [record for record in caplog.records if "stays pending" in record.getMessage()]
    assert len(outage_logs) == 3 and all(record.exc_info is None for record in outage_logs)

    private_redis.start()
    # The relay leaves rows of the last seconds to their own request; these are older.
    backdate(BackgroundJob.objects.all(), datetime.timedelta(minutes=1))
    assert job_outbox.relay_pending_jobs() == 3
    assert job_outbox.relay_pending_jobs() == 0
    for job in BackgroundJob.objects.all():
        assert job.status == Status.QUEUED
        job_outbox.relay(job)  # a second relay of the same job is refused by Redis
    assert rq_queue().count == 3

    run_outbox_worker(tmp_path, private_redis.url)

    def delivered():
        return sorted(emails_sent(tmp_path)), [path.read_text() for path in whatsapp_files(tmp_path)]

    emails, messages = delivered()
    assert emails == [
        ("ani@contoh.id", "[Kepenak Ngodene] Lamaran Operator Bulu Mata: Diterima"),
        ("siti@contoh.id", "Verifikasi email akun Kepenak Ngodene Anda"),
    ]
    assert len(messages) == 1 and messages[0].startswith("To: 6281211112222\n")
    assert "Datang Senin pukul 08.00." in messages[0]
    assert set(BackgroundJob.objects.values_list("status", "attempts")) == {(Status.DONE, 1)}

    # Delivered again (a replayed queue): each job was done already, nothing goes out twice.
    for job_id in BackgroundJob.objects.values_list("pk", flat=True):
        rq_queue().enqueue_call(job_outbox.run_job, args=(job_id,))
    run_outbox_worker(tmp_path, private_redis.url)
    assert delivered() == (emails, messages)
    assert WhatsAppMessage.objects.get().attempts == 1
    assert set(BackgroundJob.objects.values_list("status", "attempts")) == {(Status.DONE, 1)}


@pytest.mark.django_db
def test_relay_jobs_command_relays_due_pending_jobs_after_the_grace(private_redis, caplog):
    old = BackgroundJob.objects.create(func="tests.test_job_outbox.record_call", args=["lama"])
    young = BackgroundJob.objects.create(func="tests.test_job_outbox.record_call", args=["baru"])
    later = BackgroundJob.objects.create(
        func="tests.test_job_outbox.record_call", run_after=timezone.now() + datetime.timedelta(hours=1)
    )
    BackgroundJob.objects.filter(pk__in=[old.pk, later.pk]).update(
        updated_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    # Redis still down: nothing moves, one warning.
    caplog.set_level(logging.WARNING)
    output = io.StringIO()
    call_command("relay_jobs", stdout=output)
    assert output.getvalue() == "0 background job(s) relayed.\n"
    assert [
        record.getMessage().split(":")[0] for record in caplog.records if record.name == "portal.job_outbox"
    ] == [f"background job {old.pk} stays pending"]

    private_redis.start()
    output = io.StringIO()
    call_command("relay_jobs", stdout=output)
    assert output.getvalue() == "1 background job(s) relayed.\n"
    statuses = dict(BackgroundJob.objects.values_list("pk", "status"))
    assert statuses == {old.pk: Status.QUEUED, young.pk: Status.PENDING, later.pk: Status.PENDING}
    assert rq_queue().job_ids == [job_outbox.rq_job_id(old)]


@pytest.mark.django_db
def test_relay_requeues_jobs_that_redis_lost_and_leaves_live_ones_alone(private_redis):
    private_redis.start()
    lost, running, waiting, recent = (
        BackgroundJob.objects.create(func="tests.test_job_outbox.record_call", status=status)
        for status in (Status.QUEUED, Status.RUNNING, Status.QUEUED, Status.QUEUED)
    )
    rq_queue().enqueue_call(job_outbox.run_job, args=(waiting.pk,), job_id=job_outbox.rq_job_id(waiting))
    backdate(
        BackgroundJob.objects.exclude(pk=recent.pk), job_outbox.stuck_after() + datetime.timedelta(minutes=1)
    )
    before = dict(BackgroundJob.objects.values_list("pk", "updated_at"))

    job_outbox.relay_pending_jobs()

    # The rows Redis no longer has (a restart of a Redis that keeps nothing) are queued again.
    assert sorted(rq_queue().job_ids) == sorted(job_outbox.rq_job_id(job) for job in (lost, running, waiting))
    statuses = dict(BackgroundJob.objects.values_list("pk", "status"))
    assert statuses == {job.pk: Status.QUEUED for job in (lost, running, waiting, recent)}
    after = dict(BackgroundJob.objects.values_list("pk", "updated_at"))
    assert after[waiting.pk] == before[waiting.pk] and after[recent.pk] == before[recent.pk]


@pytest.mark.django_db
def test_a_throttled_whatsapp_message_is_scheduled_for_later_once(
    private_redis, django_capture_on_commit_callbacks
):
    private_redis.start()
    with django_capture_on_commit_callbacks(execute=True):
        message = send_whatsapp("6281234567890", "Info pelatihan", delay=120)
    job = BackgroundJob.objects.get()
    assert (job.func, job.args, job.status) == (
        "portal.whatsapp.tasks.deliver_whatsapp",
        [message.pk],
        Status.QUEUED,
    )
    assert (job.run_after - job.created_at).total_seconds() == pytest.approx(120, abs=1)

    job_outbox.relay(job)  # relaying again changes nothing
    scheduled = rq_queue().scheduled_job_registry
    rq_id = job_outbox.rq_job_id(job)
    assert rq_queue().count == 0 and scheduled.get_job_ids() == [rq_id]
    assert abs(scheduled.get_scheduled_time(rq_id) - job.run_after) < datetime.timedelta(seconds=1)
    assert Job.fetch(rq_id, connection=rq_queue().connection).retries_left == 3


# --- Failed jobs in the admin: Tugas Latar Belakang, Coba Lagi ---------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_job_that_keeps_failing_ends_failed_and_coba_lagi_queues_it_once(private_redis, tmp_path):
    private_redis.start()
    job = enqueue_call(always_fails, args=("uji",), retry_intervals=(0, 0))
    job.refresh_from_db()
    assert job.status == Status.QUEUED and rq_queue().count == 1

    run_outbox_worker(tmp_path, private_redis.url)

    job.refresh_from_db()
    assert (job.status, job.attempts) == (Status.FAILED, 3)  # first attempt and two retries
    assert job.last_error.strip().endswith("RuntimeError: gateway mati: uji")
    assert rq_queue().failed_job_registry.get_job_ids() == [job_outbox.rq_job_id(job)]

    install_role_groups()
    admin = save_staff_account(UserFactory(account_type=AccountType.STAFF), StaffRole.ADMIN)
    client = Client()
    client.force_login(admin)
    retry_url = reverse("tugas-latar-belakang:retry", args=[job.pk])
    listing = client.get(JOBS_URL, {"status": "failed"}).content.decode()
    assert "tests.test_job_outbox.always_fails" in listing and "Gagal" in listing
    assert "RuntimeError: gateway mati: uji" in listing and retry_url in listing

    done = client.post(retry_url, follow=True).content.decode()
    assert f"Tugas #{job.pk} diantre untuk dicoba lagi." in done
    again = client.post(retry_url, follow=True).content.decode()
    assert "Hanya tugas yang gagal yang dapat dicoba lagi." in again
    job.refresh_from_db()
    assert job.status == Status.QUEUED and rq_queue().count == 1
    assert ModelLogEntry.objects.filter(action="portal.background_job_retry").count() == 1

    run_outbox_worker(tmp_path, private_redis.url)
    job.refresh_from_db()
    assert (job.status, job.attempts) == (Status.FAILED, 6)


@pytest.fixture
def failed_job(db):
    return BackgroundJob.objects.create(
        func="portal.mail.deliver_email",
        args=["Subjek", "teks", "<p>html</p>", ["rahasia@contoh.id"]],
        status=Status.FAILED,
        attempts=4,
        last_error="Traceback (most recent call last):\n  ...\nConnectionRefusedError: SMTP mati",
    )


def test_admin_sees_failed_jobs_by_name_without_their_arguments(client, staff, failed_job):
    done = BackgroundJob.objects.create(func="portal.whatsapp.tasks.deliver_whatsapp", status=Status.DONE)
    client.force_login(staff(StaffRole.ADMIN))
    sidebar = client.get("/app/v1/admin/").content.decode()
    assert "Tugas Latar Belakang" in sidebar and JOBS_URL in sidebar

    listing = client.get(JOBS_URL).content.decode()
    assert "Kirim email" in listing and "Kirim pesan WhatsApp" in listing
    assert "ConnectionRefusedError: SMTP mati" in listing
    failed_only = client.get(JOBS_URL, {"status": "failed"}).content.decode()
    assert "Kirim email" in failed_only and "Kirim pesan WhatsApp" not in failed_only
    assert reverse("tugas-latar-belakang:retry", args=[failed_job.pk]) in failed_only
    assert reverse("tugas-latar-belakang:retry", args=[done.pk]) not in listing

    inspect = client.get(reverse("tugas-latar-belakang:inspect", args=[failed_job.pk])).content.decode()
    assert "SMTP mati" in inspect and "Coba Lagi" in inspect
    for page in (listing, inspect):
        assert "rahasia@contoh.id" not in page


def test_super_admin_retries_a_failed_job_inline(client, staff, failed_job, settings, monkeypatch):
    settings.REDIS_URL = ""
    sent = []
    monkeypatch.setattr("portal.mail.EmailMultiAlternatives.send", lambda message: sent.append(message.to))
    client.force_login(staff(StaffRole.SUPER_ADMIN))
    confirm = client.get(reverse("tugas-latar-belakang:retry", args=[failed_job.pk])).content.decode()
    assert "Coba Lagi" in confirm and "SMTP mati" in confirm

    client.post(reverse("tugas-latar-belakang:retry", args=[failed_job.pk]))
    client.post(reverse("tugas-latar-belakang:retry", args=[failed_job.pk]))

    assert sent == [["rahasia@contoh.id"]]
    failed_job.refresh_from_db()
    assert (failed_job.status, failed_job.attempts, failed_job.last_error) == (Status.DONE, 5, "")


@pytest.mark.parametrize(
    "role", [StaffRole.DINAKER, StaffRole.KECAMATAN, StaffRole.VERIFIKATOR, StaffRole.DESA]
)
def test_other_staff_roles_are_refused(client, staff, failed_job, role):
    client.force_login(staff(role))
    assert JOBS_URL not in client.get("/app/v1/admin/").content.decode()
    retry_url = reverse("tugas-latar-belakang:retry", args=[failed_job.pk])
    for response in (
        client.get(JOBS_URL),
        client.get(reverse("tugas-latar-belakang:inspect", args=[failed_job.pk])),
        client.get(retry_url),
        client.post(retry_url),
    ):
        assert response.status_code == 403
    failed_job.refresh_from_db()
    assert failed_job.status == Status.FAILED


# --- Pages while Redis is down ----------------------------------------------------------------


@pytest.mark.django_db
def test_pages_and_logins_work_while_redis_is_down(client, private_redis, caplog):
    caplog.set_level(logging.WARNING, logger="portal.cache")
    PersonalFactory(username="budi", email="budi@contoh.id", email_verified_at=None)

    assert client.get("/").status_code == 200  # Beranda
    wrong = client.post("/akun/login/", {"username": "budi", "password": "Salah#12345"})
    assert "Email/Nama Pengguna atau Password salah." in wrong.content.decode()
    logged_in = client.post("/akun/login/", {"username": "budi", "password": DEFAULT_PASSWORD})
    assert logged_in.status_code == 302 and logged_in["Location"] == "/akun/profil/"
    assert client.get("/akun/profil/").status_code == 200
    # "Kirim Ulang" of the verification email: its throttle lives in the cache, its job waits.
    resent = client.post(reverse("users:resend_verification"), follow=True)
    assert "Email verifikasi sudah dikirim ulang ke budi@contoh.id." in resent.content.decode()
    assert BackgroundJob.objects.get().status == Status.PENDING

    assert [record.getMessage()[:26] for record in caplog.records if record.name == "portal.cache"] == [
        "Redis cache unavailable (E"
    ]


def test_the_cache_answers_like_an_empty_cache_while_redis_is_down_and_recovers(private_redis):
    assert cache.get("kunci", "bawaan") == "bawaan"
    assert cache.add("kunci", 1) is True
    cache.set("kunci", 1)
    assert cache.get_or_set("lain", 5) == 5
    assert cache.get_many(["kunci", "lain"]) == {}
    with pytest.raises(ValueError):
        cache.incr("kunci")
    assert cache.delete("kunci") is False

    private_redis.start()
    portal_cache.outage.until = 0.0  # the few seconds without trying have passed
    cache.set("kunci", 1)
    assert cache.incr("kunci") == 2
    assert cache.get("kunci") == 2
