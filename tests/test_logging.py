"""Logs as an operator reads them: JSON lines, server errors and failed jobs in "portal.errors",
the request or job each record belongs to, and no personal data (NIK, phone, email, passwords,
codes, tokens) anywhere."""

import json
import logging
import os
import signal
import uuid
from datetime import datetime

import django_rq
import pytest
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.test import modify_settings
from django.urls import include, path
from rq import Queue, Retry

from portal.log_setup import configured_formatter
from portal.rq_worker import PortalWorker
from tests.test_tasks import requires_redis
from users.factories import DEFAULT_PASSWORD, PersonalFactory

NIK = "3303014507900002"
PHONE = "081234567890"
EMAIL = "sutarmi.wibowo@contoh.id"
PASSWORD = "Rahasia#Sutarmi99"
SIGNED_TOKEN = ".eJyrVipVslIqzUvOz0vJL0rNS0nNSy0BANLXCfs:1uXyZa:AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abc"
MESSAGE_TEXT = "Lamaran Sutarmi di Toko Makmur diterima"
PERSONAL_DATA = [NIK, PHONE, "6281234567890", EMAIL, PASSWORD, "sutarmi.wibowo", MESSAGE_TEXT]

example_logger = logging.getLogger("portal.example")


# --- what the operator reads -------------------------------------------------------------------


class LogOutput:
    def __init__(self, path):
        self.path = path

    def text(self):
        return self.path.read_text(encoding="utf-8")

    def records(self):
        """Every line is one JSON object (json.loads fails the test otherwise)."""
        return [json.loads(line) for line in self.text().splitlines()]

    def errors(self):
        return [record for record in self.records() if record["logger"] == "portal.errors"]

    def assert_no_personal_data(self, *values):
        text = self.text()
        for value in [*PERSONAL_DATA, *values]:
            assert value not in text


def console_handler():
    return next(handler for handler in logging.getLogger().handlers if handler.get_name() == "console")


@pytest.fixture
def log_output(tmp_path, settings):
    """The configured console handler (its filters included), with production's LOG_FORMAT,
    writing to a file: a forked rq work horse writes there too."""
    settings.LOG_FORMAT = "json"
    handler = console_handler()
    formatter = handler.formatter
    log_path = tmp_path / "portal.log"
    with log_path.open("w", encoding="utf-8") as stream:
        previous_stream = handler.setStream(stream)
        handler.setFormatter(configured_formatter())
        try:
            yield LogOutput(log_path)
        finally:
            handler.setStream(previous_stream)
            handler.setFormatter(formatter)


# --- requests ----------------------------------------------------------------------------------


@login_required
def save_profile(request):
    example_logger.info("profile %s saved", request.POST.get("nik"))
    return HttpResponse("ok")


@login_required
def save_profile_badly(request):
    raise ValueError(
        f"cannot save NIK {request.POST['nik']}, HP {request.POST['hp']}, email {request.POST['email']}"
    )


def public_page(request):
    example_logger.info("public page served")
    return HttpResponse("ok")


urlpatterns = [
    path("profil/simpan/", save_profile),
    path("profil/gagal/", save_profile_badly),
    path("halaman/", public_page),
    path("", include("portal.urls")),  # what the middleware reverses (the admin, the login page)
]


@pytest.fixture
def test_urls(settings):
    """These views, behind the whole middleware stack with the request id middleware first
    (whether or not settings.MIDDLEWARE lists it yet)."""
    settings.ROOT_URLCONF = __name__
    with modify_settings(MIDDLEWARE={"prepend": "portal.request_id.RequestIdMiddleware"}):
        yield


PERSONAL_QUERY = f"?nik={NIK}&hp={PHONE}&email={EMAIL}"
PERSONAL_FORM = {"nik": NIK, "hp": PHONE, "email": EMAIL, "password": PASSWORD}


@pytest.mark.django_db
def test_a_server_error_is_one_json_record_in_portal_errors_without_personal_data(
    client, test_urls, log_output
):
    user = PersonalFactory(username="sutarmi.wibowo", email=EMAIL, phone="6281234567890")
    client.force_login(user)
    client.raise_request_exception = False

    response = client.post(
        f"/profil/gagal/{PERSONAL_QUERY}", PERSONAL_FORM, headers={"X-Request-ID": "proxy-7f3a-0001"}
    )

    assert response.status_code == 500
    assert response["X-Request-ID"] == "proxy-7f3a-0001"
    [error] = log_output.errors()
    assert error["level"] == "ERROR"
    assert error["message"] == "Internal Server Error: /profil/gagal/"
    assert (error["method"], error["path"], error["status"]) == ("POST", "/profil/gagal/", 500)
    assert error["request_id"] == "proxy-7f3a-0001"
    assert error["user_id"] == user.pk
    assert datetime.fromisoformat(error["time"]).utcoffset() is not None
    assert "ValueError: cannot save NIK [NIK], HP [PHONE], email [EMAIL]" in error["exception"]
    assert "Traceback" in error["exception"]
    [access] = [record for record in log_output.records() if record["logger"] == "portal.access"]
    assert (access["message"], access["request_id"]) == ("POST /profil/gagal/ 500", "proxy-7f3a-0001")
    log_output.assert_no_personal_data()


@pytest.mark.django_db
def test_records_logged_during_a_request_carry_its_id_path_and_user_pk_only(client, test_urls, log_output):
    user = PersonalFactory(username="sutarmi.wibowo", email=EMAIL)
    client.force_login(user)

    response = client.post("/profil/simpan/", PERSONAL_FORM)

    assert response.status_code == 200
    [record] = [record for record in log_output.records() if record["logger"] == "portal.example"]
    assert record["message"] == "profile [NIK] saved"
    assert record["request_id"] == response["X-Request-ID"]
    assert (record["method"], record["path"], record["user_id"]) == ("POST", "/profil/simpan/", user.pk)
    log_output.assert_no_personal_data()


@pytest.mark.django_db
def test_a_new_request_id_replaces_a_missing_or_odd_one(client, test_urls, log_output):
    sent = ["", "short", "x" * 65, "id with spaces", f"{EMAIL}", "<script>"]
    responses = [client.get("/halaman/", headers={"X-Request-ID": value} if value else {}) for value in sent]

    ids = [response["X-Request-ID"] for response in responses]
    assert all(len(request_id) == 32 and int(request_id, 16) >= 0 for request_id in ids)
    assert len(set(ids)) == len(sent)
    logged = [record for record in log_output.records() if record["logger"] == "portal.example"]
    assert [record["request_id"] for record in logged] == ids
    assert all("user_id" not in record for record in logged)  # anonymous
    access = [record for record in log_output.records() if record["logger"] == "portal.access"]
    assert [(record["message"], record["status"], record["request_id"]) for record in access] == [
        ("GET /halaman/ 200", 200, request_id) for request_id in ids
    ]
    assert all(isinstance(record["duration_ms"], int) for record in access)


@pytest.mark.django_db
def test_the_access_line_of_an_email_verification_link_hides_its_token(client, test_urls, log_output):
    response = client.get(f"/akun/verifikasi-email/{SIGNED_TOKEN}/?email={EMAIL}")

    [access] = [record for record in log_output.records() if record["logger"] == "portal.access"]
    assert access["message"] == f"GET /akun/verifikasi-email/[TOKEN]/ {response.status_code}"
    assert access["path"] == "/akun/verifikasi-email/[TOKEN]/"
    log_output.assert_no_personal_data(SIGNED_TOKEN, SIGNED_TOKEN.split(":")[0])


@pytest.mark.django_db
def test_a_failed_login_logs_neither_the_password_nor_the_username(client, log_output, caplog):
    PersonalFactory(username="sutarmi.wibowo", email=EMAIL, phone="6281234567890")

    with caplog.at_level(logging.DEBUG):
        for username in [EMAIL, *["sutarmi.wibowo"] * 5]:
            response = client.post("/akun/login/", {"username": username, "password": PASSWORD})

    assert response.status_code == 429  # locked out: the attempts did reach django-axes
    assert any("AXES" in record["message"] for record in log_output.records())
    log_output.assert_no_personal_data(DEFAULT_PASSWORD)


# --- rq jobs -----------------------------------------------------------------------------------


def fail_with_personal_data(nik, phone, email, text):
    """A job: importable by name, as rq needs."""
    raise ValueError(f"cannot notify {email} / {phone} (NIK {nik})")


def kill_own_work_horse(nik):
    os.kill(os.getpid(), signal.SIGKILL)


@pytest.fixture
def run_burst_worker():
    """A real PortalWorker (forking a work horse per job) on a queue of its own; ``run(enqueue)``
    enqueues jobs with ``enqueue(queue)`` and works until the queue is empty."""
    connection = django_rq.get_connection("default")
    queue = Queue(f"test-logging-{uuid.uuid4().hex}", connection=connection)
    jobs = []
    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}

    def run(enqueue):
        jobs.extend(enqueue(queue))
        PortalWorker([queue], connection=connection).work(burst=True)
        return jobs

    yield run
    for signum, handler in handlers.items():
        signal.signal(signum, handler)
    for job in jobs:
        job.delete()
    queue.delete(delete_jobs=True)


@requires_redis
def test_a_failed_job_is_one_record_in_portal_errors_without_its_arguments(run_burst_worker, log_output):
    [job] = run_burst_worker(
        lambda queue: [queue.enqueue(fail_with_personal_data, NIK, PHONE, EMAIL, MESSAGE_TEXT)]
    )

    assert job.get_status(refresh=True) == "failed"
    [error] = log_output.errors()
    assert error["level"] == "ERROR"
    assert error["message"] == "job tests.test_logging.fail_with_personal_data failed (ValueError)"
    assert (error["job_id"], error["job_func"], error["queue"]) == (
        job.id,
        "tests.test_logging.fail_with_personal_data",
        job.origin,
    )
    assert "ValueError: cannot notify [EMAIL] / [PHONE] (NIK [NIK])" in error["exception"]
    # rq's own lines name the job by id only, never by its call with the arguments.
    assert any(
        job.id in record["message"] for record in log_output.records() if record["logger"] == "rq.worker"
    )
    log_output.assert_no_personal_data()


@requires_redis
def test_a_retried_job_warns_per_retry_and_reports_one_error_when_it_gives_up(run_burst_worker, log_output):
    retry = Retry(max=2, interval=0)
    [job] = run_burst_worker(
        lambda queue: [queue.enqueue(fail_with_personal_data, NIK, PHONE, EMAIL, MESSAGE_TEXT, retry=retry)]
    )

    errors = log_output.errors()
    assert [(error["level"], error["message"]) for error in errors] == [
        ("WARNING", "job tests.test_logging.fail_with_personal_data failed (ValueError); it will be retried"),
        ("WARNING", "job tests.test_logging.fail_with_personal_data failed (ValueError); it will be retried"),
        ("ERROR", "job tests.test_logging.fail_with_personal_data failed (ValueError)"),
    ]
    assert {error["job_id"] for error in errors} == {job.id}
    log_output.assert_no_personal_data()


@requires_redis
def test_a_job_whose_work_horse_dies_is_reported_in_portal_errors(run_burst_worker, log_output):
    [job] = run_burst_worker(lambda queue: [queue.enqueue(kill_own_work_horse, NIK)])

    [error] = log_output.errors()
    assert error["level"] == "ERROR"
    assert error["message"].startswith(
        "job tests.test_logging.kill_own_work_horse failed: its work horse was killed"
    )
    assert (error["job_id"], error["job_func"]) == (job.id, "tests.test_logging.kill_own_work_horse")
    log_output.assert_no_personal_data()


# --- redaction ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "logged, read",
    [
        # NIK
        (f"NIK {NIK}", "NIK [NIK]"),
        ("NIK 3303-0145-0790-0002 ditolak", "NIK [NIK] ditolak"),
        # phone numbers
        (f"HP {PHONE}", "HP [PHONE]"),
        ("kirim ke 6281234567890", "kirim ke [PHONE]"),
        ("kirim ke +6281234567890.", "kirim ke [PHONE]."),
        ("HP 0812-3456-7890 atau +62 812 3456 789", "HP [PHONE] atau [PHONE]"),
        # email addresses, also URL-encoded
        (f"akun {EMAIL} dibuat", "akun [EMAIL] dibuat"),
        ("next=/?email=sutarmi%40contoh.id", "next=/?email=[REDACTED]"),
        ("dari sutarmi%40contoh.id", "dari [EMAIL]"),
        # values of secret keys
        (f"password={PASSWORD}&next=/", "password=[REDACTED]&next=/"),
        (f"<QueryDict: {{'new_password1': ['{PASSWORD}']}}>", "<QueryDict: {'new_password1': [[REDACTED]]}>"),
        ('{"otp": "482913", "code": 551177}', '{"otp": [REDACTED], "code": [REDACTED]}'),
        ("kode: 482913", "kode: [REDACTED]"),
        ("token=abc.def-123 secret=s3cr3t", "token=[REDACTED] secret=[REDACTED]"),
        (
            "csrfmiddlewaretoken=Xy12Zz sessionid=abc123",
            "csrfmiddlewaretoken=[REDACTED] sessionid=[REDACTED]",
        ),
        ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig", "Authorization: Bearer [REDACTED]"),
        ("Authorization: Token 9f8e7d6c5b4a", "Authorization: Token [REDACTED]"),
        ("gateway said: bearer abc.DEF_123", "gateway said: Bearer [REDACTED]"),
        # signed URL segments
        (f"Not Found: /akun/verifikasi-email/{SIGNED_TOKEN}/", "Not Found: /akun/verifikasi-email/[TOKEN]/"),
        ("GET /akun/reset/MTIz/c5x2k1-8f3a9d0e1b2c3d4e5f6a/", "GET /akun/reset/[TOKEN]/[TOKEN]/"),
        ("GET /akun/reset/MTIz/set-password/", "GET /akun/reset/[TOKEN]/set-password/"),
        (
            "GET /app/v1/admin/password_reset/confirm/MTIz/c5x2k1-8f3a9d/",
            "GET /app/v1/admin/password_reset/confirm/[TOKEN]/[TOKEN]/",
        ),
        (f"signed value {SIGNED_TOKEN} rejected", "signed value [TOKEN] rejected"),
        # what must stay readable
        ("lowongan 1234 dilamar", "lowongan 1234 dilamar"),
        ("GET /lowongan/1234/ubah/ 302", "GET /lowongan/1234/ubah/ 302"),
        (
            "tenggat 2026-01-31, dikirim 2026-01-31T10:00:00+07:00",
            "tenggat 2026-01-31, dikirim 2026-01-31T10:00:00+07:00",
        ),
        ("job 5f1c0d2e9a8b4c7d8123456789012345 ok", "job 5f1c0d2e9a8b4c7d8123456789012345 ok"),
        ("gaji Rp 4.500.000, 12 pelamar, status_code=500", "gaji Rp 4.500.000, 12 pelamar, status_code=500"),
        ("WhatsApp message 42 sent via http (attempt 3)", "WhatsApp message 42 sent via http (attempt 3)"),
        (
            "/akun/verifikasi-email/kirim-ulang/ dan /akun/reset/selesai/",
            "/akun/verifikasi-email/kirim-ulang/ dan /akun/reset/selesai/",
        ),
        ("nomor antrean 0812345 dan 123456789012345", "nomor antrean 0812345 dan 123456789012345"),
    ],
)
def test_redaction(log_output, logged, read):
    example_logger.warning("%s", logged)

    [record] = log_output.records()
    assert record["message"] == read


def test_extra_fields_and_exception_text_are_redacted_too(log_output):
    try:
        raise RuntimeError(f"SMTP refused {EMAIL}")
    except RuntimeError:
        example_logger.exception(
            "delivery failed",
            extra={"password": PASSWORD, "contact": PHONE, "vacancy_id": 1234, "recipients": [EMAIL]},
        )

    [record] = log_output.records()
    assert record["password"] == "[REDACTED]"
    assert (record["contact"], record["vacancy_id"], record["recipients"]) == ("[PHONE]", 1234, ["[EMAIL]"])
    assert "RuntimeError: SMTP refused [EMAIL]" in record["exception"]
    log_output.assert_no_personal_data()


def test_plain_text_logs_are_redacted_as_well(log_output, settings):
    settings.LOG_FORMAT = "plain"
    console_handler().setFormatter(configured_formatter())

    example_logger.warning("akun %s, HP %s", EMAIL, PHONE)

    assert log_output.text().endswith("WARNING portal.example akun [EMAIL], HP [PHONE]\n")
