"""WhatsApp gateway: outbox rows, backends (locmem, file, console, http, dotted path), admin outbox."""

import json
import logging
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth.models import Permission
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse
from wagtail.admin.menu import settings_menu

from portal import whatsapp
from portal.models import WhatsAppMessage
from portal.whatsapp import WhatsAppGatewayError, clear_outbox, get_backend, send_whatsapp
from portal.whatsapp.backends.base import BaseWhatsAppBackend
from portal.whatsapp.tasks import deliver_whatsapp

pytestmark = pytest.mark.django_db

NUMBER = "6281234567890"
OTP_TEXT = "Kode verifikasi Kepenak Ngodene: 482913. Berlaku 5 menit — jangan berikan ke siapa pun."
TOKEN = "rahasia-gateway-token"


class FakeGateway:
    """A WhatsApp gateway API on 127.0.0.1 (free port) that records every request it gets.

    It answers ``default_status``, or for a recipient listed in ``scripts`` the next status of
    that recipient's list (e.g. ``{"628…": [500, 500, 200]}``), after ``delay`` seconds.
    """

    def __init__(self, default_status=200, scripts=None, delay=0):
        self.default_status = default_status
        self.scripts = {to: list(statuses) for to, statuses in (scripts or {}).items()}
        self.delay = delay
        self.requests = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self):
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def requests_to(self, to):
        return [request for request in self.requests if request["json"].get("to") == to]

    def _answer(self, payload):
        with self._lock:
            script = self.scripts.get(payload.get("to"))
            return script.pop(0) if script else self.default_status

    def _handler_class(self):
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    payload = json.loads(raw)
                except ValueError:
                    payload = {}
                with gateway._lock:
                    gateway.requests.append(
                        {"method": "POST", "path": self.path, "headers": dict(self.headers), "json": payload}
                    )
                status = gateway._answer(payload)
                if gateway.delay:
                    time.sleep(gateway.delay)
                body = json.dumps({"ok": status < 300}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format, *args):
                pass

        return Handler


def closed_port():
    """A local port nobody listens on, so connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RecordingBackend(BaseWhatsAppBackend):
    """Selected by dotted path in a test below."""

    sent = []

    def send(self, message):
        self.sent.append((message.pk, message.to, message.body))


@pytest.fixture(autouse=True)
def _empty_outbox():
    clear_outbox()


@pytest.fixture
def gateway():
    with FakeGateway() as server:
        yield server


@pytest.fixture
def http_gateway(settings, gateway):
    settings.WHATSAPP_BACKEND = "http"
    settings.WHATSAPP_API_URL = f"{gateway.url}/api/send"
    settings.WHATSAPP_API_TOKEN = TOKEN
    return gateway


def send_and_commit(capture, to=NUMBER, body=OTP_TEXT):
    with capture(execute=True):
        message = send_whatsapp(to, body)
    message.refresh_from_db()
    return message


# --- send_whatsapp and the locmem backend -------------------------------------------------------


def test_message_is_queued_then_delivered_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        message = send_whatsapp("62 812-3456 7890".replace("-", " "), OTP_TEXT)
        row = WhatsAppMessage.objects.get(pk=message.pk)
        assert row.to == NUMBER
        assert row.status == WhatsAppMessage.Status.QUEUED
        assert whatsapp.outbox == []  # nothing leaves before the transaction commits

    for callback in callbacks:
        callback()

    assert [(sent.to, sent.body) for sent in whatsapp.outbox] == [(NUMBER, OTP_TEXT)]
    row.refresh_from_db()
    assert row.status == WhatsAppMessage.Status.SENT
    assert row.attempts == 1
    assert row.sent_at is not None
    assert row.error == ""


def test_clear_outbox_empties_the_same_list():
    outbox = whatsapp.outbox
    whatsapp.outbox.append("left over")
    clear_outbox()
    assert whatsapp.outbox is outbox
    assert outbox == []


def test_a_recipient_is_required():
    with pytest.raises(ValueError):
        send_whatsapp("  ", OTP_TEXT)
    assert not WhatsAppMessage.objects.exists()


def test_a_sent_message_is_not_sent_again(django_capture_on_commit_callbacks):
    message = send_and_commit(django_capture_on_commit_callbacks)
    deliver_whatsapp(message.pk)  # e.g. the job ran twice
    assert len(whatsapp.outbox) == 1
    message.refresh_from_db()
    assert message.attempts == 1


# --- file, console and dotted-path backends ----------------------------------------------------


def test_file_backend_writes_one_readable_file_per_message(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    folder = tmp_path / "var" / "whatsapp"  # does not exist yet
    settings.WHATSAPP_BACKEND = "file"
    settings.WHATSAPP_FILE_PATH = str(folder)

    first = send_and_commit(django_capture_on_commit_callbacks, body=OTP_TEXT)
    second = send_and_commit(django_capture_on_commit_callbacks, to="6289876543210", body="Lamaran diterima.")

    files = sorted(folder.iterdir())  # name order is sending order; no temporary files left behind
    assert len(files) == 2
    assert files[0].name.endswith(f"-{first.pk:08d}.txt")
    assert files[1].name.endswith(f"-{second.pk:08d}.txt")
    content = files[0].read_text(encoding="utf-8")
    assert f"To: {NUMBER}\n" in content
    assert OTP_TEXT in content
    assert "482913" in content
    assert "To: 6289876543210\n" in files[1].read_text(encoding="utf-8")
    assert first.status == second.status == WhatsAppMessage.Status.SENT


def test_console_backend_prints_recipient_and_text(settings, capsys, django_capture_on_commit_callbacks):
    settings.WHATSAPP_BACKEND = "console"
    message = send_and_commit(django_capture_on_commit_callbacks)
    out = capsys.readouterr().out
    assert NUMBER in out
    assert OTP_TEXT in out
    assert message.status == WhatsAppMessage.Status.SENT


def test_backend_given_by_dotted_path(settings, django_capture_on_commit_callbacks):
    settings.WHATSAPP_BACKEND = "tests.test_whatsapp.RecordingBackend"
    RecordingBackend.sent.clear()
    message = send_and_commit(django_capture_on_commit_callbacks)
    assert RecordingBackend.sent == [(message.pk, NUMBER, OTP_TEXT)]
    assert whatsapp.outbox == []


# --- http backend against a fake gateway --------------------------------------------------------


def test_http_backend_posts_json_with_bearer_token(http_gateway, django_capture_on_commit_callbacks):
    message = send_and_commit(django_capture_on_commit_callbacks)

    assert len(http_gateway.requests) == 1
    request = http_gateway.requests[0]
    assert request["method"] == "POST"
    assert request["path"] == "/api/send"
    assert request["json"] == {"to": NUMBER, "message": OTP_TEXT}
    assert request["headers"]["Authorization"] == f"Bearer {TOKEN}"
    assert request["headers"]["Content-Type"] == "application/json"
    assert message.status == WhatsAppMessage.Status.SENT
    assert message.attempts == 1
    assert message.sent_at is not None


def test_http_gateway_error_is_recorded_without_raising(http_gateway, django_capture_on_commit_callbacks):
    http_gateway.default_status = 500

    message = send_and_commit(django_capture_on_commit_callbacks)  # must not raise into the request

    assert len(http_gateway.requests) == 1  # inline: one attempt
    assert message.status == WhatsAppMessage.Status.FAILED
    assert message.attempts == 1
    assert "HTTP 500" in message.error
    assert message.sent_at is None


def test_http_refused_connection_is_recorded_without_raising(settings, django_capture_on_commit_callbacks):
    settings.WHATSAPP_BACKEND = "http"
    settings.WHATSAPP_API_URL = f"http://127.0.0.1:{closed_port()}/api/send"
    settings.WHATSAPP_API_TOKEN = TOKEN

    message = send_and_commit(django_capture_on_commit_callbacks)

    assert message.status == WhatsAppMessage.Status.FAILED
    assert message.attempts == 1
    assert "ConnectionError" in message.error


def test_http_backend_gives_up_on_a_slow_gateway(settings):
    message = WhatsAppMessage.objects.create(to=NUMBER, body=OTP_TEXT)
    with FakeGateway(delay=1) as slow:
        backend = get_backend("http", api_url=slow.url, api_token=TOKEN, timeout=(1, 0.2))
        started = time.monotonic()
        with pytest.raises(WhatsAppGatewayError, match="Timeout"):
            backend.send(message)
        assert time.monotonic() - started < 1


def test_log_lines_carry_the_message_id_but_no_number_or_text(
    http_gateway, caplog, django_capture_on_commit_callbacks
):
    http_gateway.scripts = {NUMBER: [500]}
    with caplog.at_level(logging.DEBUG):
        failed = send_and_commit(django_capture_on_commit_callbacks)
        sent = send_and_commit(django_capture_on_commit_callbacks)

    assert (failed.status, sent.status) == (WhatsAppMessage.Status.FAILED, WhatsAppMessage.Status.SENT)
    whatsapp_lines = [record.getMessage() for record in caplog.records if record.name.startswith("portal")]
    assert any(str(failed.pk) in line for line in whatsapp_lines)
    assert any(str(sent.pk) in line for line in whatsapp_lines)
    assert NUMBER not in caplog.text
    assert "482913" not in caplog.text


# --- admin outbox ------------------------------------------------------------------------------


@pytest.fixture
def outbox_rows():
    sent = WhatsAppMessage.objects.create(to="6281111111111", body="Pesan terkirim", status="sent")
    failed = WhatsAppMessage.objects.create(
        to="6282222222222", body="Pesan gagal", status="failed", attempts=4, error="gateway answered HTTP 500"
    )
    return sent, failed


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("superadmin", "superadmin@example.com", "Rahasia#123")


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user("operator", "operator@example.com", "Rahasia#123")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def settings_menu_labels(user):
    request = RequestFactory().get("/app/v1/admin/")
    request.user = user
    return [str(item.label) for item in settings_menu.menu_items_for_request(request)]


def test_outbox_is_listed_under_settings_with_filters_and_search(client, superuser, outbox_rows):
    sent, failed = outbox_rows
    index = reverse("kotak-keluar-whatsapp:index")
    assert index == "/app/v1/admin/kotak-keluar-whatsapp/"
    assert "Kotak Keluar WhatsApp" in settings_menu_labels(superuser)
    client.force_login(superuser)

    listing = client.get(index).content.decode()
    assert sent.to in listing and failed.to in listing

    only_failed = client.get(index, {"status": "failed"}).content.decode()
    assert failed.to in only_failed and sent.to not in only_failed

    found = client.get(index, {"q": "62822"}).content.decode()
    assert failed.to in found and sent.to not in found


def test_outbox_is_read_only_with_an_inspect_view(client, superuser, outbox_rows):
    _, failed = outbox_rows
    client.force_login(superuser)

    inspect = client.get(reverse("kotak-keluar-whatsapp:inspect", args=[failed.pk]))
    assert inspect.status_code == 200
    assert "Pesan gagal" in inspect.content.decode()
    assert "gateway answered HTTP 500" in inspect.content.decode()

    for name in ("add", "edit", "delete", "copy"):
        with pytest.raises(NoReverseMatch):
            reverse(f"kotak-keluar-whatsapp:{name}", args=[] if name == "add" else [failed.pk])
    index = reverse("kotak-keluar-whatsapp:index")
    assert client.get(f"{index}new/").status_code == 404
    assert client.post(f"{index}delete/{failed.pk}/").status_code == 404
    assert client.post(f"{index}edit/{failed.pk}/", {"to": "1", "body": "x"}).status_code == 404
    assert WhatsAppMessage.objects.filter(pk=failed.pk, to="6282222222222").exists()
    assert f"{index}edit/" not in client.get(index).content.decode()


def test_outbox_needs_the_view_permission(client, staff, outbox_rows):
    index = reverse("kotak-keluar-whatsapp:index")
    client.force_login(staff)
    assert "Kotak Keluar WhatsApp" not in settings_menu_labels(staff)
    refused = client.get(index)
    assert refused.status_code == 403
    assert "6281111111111" not in refused.content.decode()

    staff.user_permissions.add(Permission.objects.get(codename="view_whatsappmessage"))
    staff = type(staff).objects.get(pk=staff.pk)  # fresh permission cache
    client.force_login(staff)
    assert "Kotak Keluar WhatsApp" in settings_menu_labels(staff)
    assert "6281111111111" in client.get(index).content.decode()
