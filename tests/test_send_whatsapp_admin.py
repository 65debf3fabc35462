"""Kirim Pesan (WhatsApp to one account or a filtered group) and "Kirim Ulang" in the Kotak Keluar
WhatsApp: recipients and scope, preview → Kirim, throttled batches, delivery through the gateway
(a real rqworker when Redis is available), the retry of failed messages, and the audit log."""

import logging
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from marketplace.use_cases import UseCaseError
from portal import broadcasts, whatsapp
from portal.models import Broadcast, WhatsAppMessage
from tests import test_broadcasts, test_tasks
from tests.test_broadcasts import WHATSAPP_COMPOSE_URL, WHATSAPP_LIST_URL
from tests.test_tasks import requires_redis, run_worker
from tests.test_whatsapp import FakeGateway
from users.choices import AccountType, StaffRole
from users.factories import PersonalFactory
from users.models import User

pytestmark = pytest.mark.django_db

OUTBOX_URL = "/app/v1/admin/kotak-keluar-whatsapp/"

# Fixtures shared with those modules.
world = test_broadcasts.world
async_default_queue = test_tasks.async_default_queue


def group(account_type=AccountType.PERSONAL, kecamatan=None, desa=None):
    return {"target": broadcasts.GROUP, "account_type": account_type, "kecamatan": kecamatan, "desa": desa}


def compose_data(**overrides):
    data = {
        "target": broadcasts.GROUP,
        "recipient": "",
        "account_type": AccountType.PERSONAL,
        "kecamatan": "",
        "desa": "",
        "body": "Pendaftaran pelatihan menjahit dibuka sampai 20 Mei.",
        "submission_key": "0b7e3f52-8a43-4c56-9d2b-6a0f6f1f2c11",
    }
    data.update(overrides)
    return data


# --- Recipients and scope ---------------------------------------------------------------------


def test_only_verified_phones_that_accept_whatsapp_are_reached(world):
    count = lambda audience: broadcasts.whatsapp_recipients(audience).count()  # noqa: E731
    assert count(group()) == 2  # warga.a1 and warga.b1 (no WhatsApp / unverified / inactive left out)
    assert count(group(kecamatan=world.kec_a.pk)) == 1
    assert count(group(desa=world.a2.pk)) == 0
    assert count(group(AccountType.MITRA)) == 1
    assert count(group(AccountType.MITRA, kecamatan=world.kec_b.pk)) == 0
    assert count({"target": broadcasts.SINGLE, "user": world.p_b1.pk}) == 1
    assert count({"target": broadcasts.SINGLE, "user": world.p_a2.pk}) == 0
    assert count({"target": broadcasts.SINGLE, "user": world.staff[StaffRole.ADMIN].pk}) == 0


def test_search_finds_accounts_by_name_username_or_phone_within_scope(client, world):
    client.force_login(world.staff[StaffRole.ADMIN])
    local_phone = "0" + world.p_b1.phone[2:]
    for query in ("warga.b1", local_phone, world.p_b1.first_name):
        html = client.post(
            WHATSAPP_COMPOSE_URL, compose_data(action="search", q=query, target=broadcasts.SINGLE)
        ).content.decode()
        assert f'id="penerima-{world.p_b1.pk}"' in html, query
        assert "Pendaftaran pelatihan menjahit" in html  # what was typed is kept

    client.force_login(world.staff[StaffRole.KECAMATAN])
    html = client.post(WHATSAPP_COMPOSE_URL, compose_data(action="search", q="warga")).content.decode()
    assert f'id="penerima-{world.p_a1.pk}"' in html
    assert f'id="penerima-{world.p_b1.pk}"' not in html  # another kecamatan
    assert f'id="penerima-{world.m_a1.pk}"' not in html  # Mitra are outside a region-bound operator's reach


def test_a_search_shorter_than_three_characters_is_refused_beside_the_field(client, world):
    client.force_login(world.staff[StaffRole.ADMIN])
    html = client.post(
        WHATSAPP_COMPOSE_URL, compose_data(action="search", q="wa", target=broadcasts.SINGLE)
    ).content.decode()
    assert 'id="id_q_error">Ketik minimal 3 huruf atau angka untuk mencari.</p>' in html
    assert 'value="wa" aria-invalid="true" aria-describedby="id_q_error"' in html
    assert 'id="penerima-' not in html and "Tidak ada akun yang cocok" not in html


@pytest.mark.parametrize(
    "role, data",
    [
        (StaffRole.KECAMATAN, {"target": broadcasts.SINGLE, "recipient": "p_b1"}),
        (StaffRole.KECAMATAN, {"kecamatan": "kec_b"}),
        (StaffRole.KECAMATAN, {"kecamatan": "kec_a", "account_type": AccountType.MITRA}),
        (StaffRole.KECAMATAN, {"kecamatan": ""}),
        (StaffRole.DESA, {"kecamatan": "kec_a", "desa": "a2"}),
        (StaffRole.DESA, {"kecamatan": "kec_a", "desa": ""}),
        (StaffRole.DESA, {"target": broadcasts.SINGLE, "recipient": "m_a1"}),
    ],
)
def test_a_crafted_post_outside_the_region_is_refused(client, world, role, data):
    data = {
        key: str(getattr(world, value).pk) if key in ("kecamatan", "desa", "recipient") and value else value
        for key, value in data.items()
    }
    client.force_login(world.staff[role])
    for action in ("preview", "send"):
        response = client.post(WHATSAPP_COMPOSE_URL, compose_data(action=action, **data))
        assert response.status_code == 200
        assert "error-message" in response.content.decode() or "error" in response.content.decode()
        assert "Pesan akan dikirim ke" not in response.content.decode()
    assert not Broadcast.objects.exists()
    assert not WhatsAppMessage.objects.exists()


def test_the_use_case_refuses_out_of_scope_audiences_too(world):
    kecamatan = world.staff[StaffRole.KECAMATAN]
    for audience in (
        group(kecamatan=world.kec_b.pk),
        group(AccountType.MITRA, kecamatan=world.kec_a.pk),
        {"target": broadcasts.SINGLE, "user": world.p_b1.pk},
    ):
        with pytest.raises(UseCaseError):
            broadcasts.send_whatsapp_broadcast(kecamatan, audience, "Halo")
    assert not Broadcast.objects.exists()


# --- Preview and send -------------------------------------------------------------------------


def test_group_message_preview_then_send_once(client, world):
    dinaker = world.staff[StaffRole.DINAKER]
    client.force_login(dinaker)
    data = compose_data()

    preview = client.post(WHATSAPP_COMPOSE_URL, {**data, "action": "preview"}).content.decode()
    assert "Pesan akan dikirim ke 2 akun" in preview
    assert "Semua Personal" in preview
    assert "[Kepenak Ngodene] Pendaftaran pelatihan menjahit" in preview
    assert not WhatsAppMessage.objects.exists()

    sent = client.post(WHATSAPP_COMPOSE_URL, {**data, "action": "send"}, follow=True)
    assert sent.redirect_chain[-1][0] == WHATSAPP_LIST_URL
    assert "Pesan WhatsApp sedang dikirim ke 2 akun." in sent.content.decode()
    client.post(WHATSAPP_COMPOSE_URL, {**data, "action": "send"})  # double submit

    text = "[Kepenak Ngodene] Pendaftaran pelatihan menjahit dibuka sampai 20 Mei."
    assert sorted((m.to, m.body) for m in whatsapp.outbox) == sorted(
        [(world.p_a1.phone, text), (world.p_b1.phone, text)]
    )
    assert WhatsAppMessage.objects.filter(status=WhatsAppMessage.Status.SENT).count() == 2

    broadcast = Broadcast.objects.get()
    assert (broadcast.kind, broadcast.recipients_count, broadcast.status) == ("whatsapp", 2, "done")
    listing = client.get(WHATSAPP_LIST_URL).content.decode()
    assert "Semua Personal" in listing and "Pendaftaran pelatihan menjahit" in listing

    entry = ModelLogEntry.objects.get(action="portal.whatsapp_broadcast")
    assert entry.user_id == dinaker.pk
    assert entry.data == {"kind": "whatsapp", "target": "group", "recipients": 2}
    assert world.p_a1.phone not in str(entry.data) + entry.label


def test_one_recipient_picked_from_the_search(client, world):
    client.force_login(world.staff[StaffRole.DESA])
    data = compose_data(target=broadcasts.SINGLE, recipient=str(world.p_a1.pk))
    preview = client.post(WHATSAPP_COMPOSE_URL, {**data, "action": "preview"}).content.decode()
    assert "Pesan akan dikirim ke 1 akun" in preview
    client.post(WHATSAPP_COMPOSE_URL, {**data, "action": "send"})
    assert [m.to for m in whatsapp.outbox] == [world.p_a1.phone]
    assert Broadcast.objects.get().audience == {"target": "single", "user": world.p_a1.pk}


def test_a_region_operator_sends_to_its_region(client, world):
    client.force_login(world.staff[StaffRole.KECAMATAN])
    compose = client.get(WHATSAPP_COMPOSE_URL).content.decode()
    assert "Semua kecamatan" not in compose
    client.post(WHATSAPP_COMPOSE_URL, compose_data(kecamatan=str(world.kec_a.pk), action="send"))
    assert [m.to for m in whatsapp.outbox] == [world.p_a1.phone]


def test_an_empty_audience_cannot_be_sent(client, world):
    client.force_login(world.staff[StaffRole.ADMIN])
    data = compose_data(desa=str(world.a2.pk), kecamatan=str(world.kec_a.pk))
    preview = client.post(WHATSAPP_COMPOSE_URL, {**data, "action": "preview"}).content.decode()
    assert "Pesan akan dikirim ke 0 akun" in preview and "Tidak ada akun penerima" in preview
    assert ">Kirim</button>" not in preview
    refused = client.post(WHATSAPP_COMPOSE_URL, {**data, "action": "send"}).content.decode()
    assert "Tidak ada penerima dengan nomor WhatsApp terverifikasi." in refused
    assert not Broadcast.objects.exists()


def test_sending_is_throttled_in_batches(world, settings, monkeypatch, django_capture_on_commit_callbacks):
    settings.WHATSAPP_BROADCAST_BATCH_SIZE = 1
    settings.WHATSAPP_BROADCAST_BATCH_INTERVAL = 30
    assert [broadcasts.whatsapp_delay(index) for index in range(4)] == [0, 30, 60, 90]
    delays = []
    real_send = broadcasts.send_whatsapp
    monkeypatch.setattr(
        broadcasts, "send_whatsapp", lambda to, body, delay=0: delays.append(delay) or real_send(to, body)
    )
    with django_capture_on_commit_callbacks(execute=True):
        broadcasts.send_whatsapp_broadcast(world.staff[StaffRole.ADMIN], group(), "Halo")
    assert delays == [0, 30]
    assert len(whatsapp.outbox) == 2  # inline / synchronous queue: no scheduler, delivered at once


def test_job_logs_carry_no_phone_or_text(world, caplog, django_capture_on_commit_callbacks):
    caplog.set_level(logging.DEBUG)
    with django_capture_on_commit_callbacks(execute=True):
        broadcasts.send_whatsapp_broadcast(world.staff[StaffRole.ADMIN], group(), "Rahasia lowongan 7731")
    assert len(whatsapp.outbox) == 2
    assert world.p_a1.phone not in caplog.text and "7731" not in caplog.text


def empty_registry(registry):
    for job_id in registry.get_job_ids():
        registry.remove(job_id, delete_job=True)


def run_production_like_worker(tmp_path, gateway):
    """tests/test_tasks.py's ``run_worker``, with the worker's own queue asynchronous (as in production,
    so the jobs it enqueues go to Redis) and batches of one message an hour apart."""
    original = Path.write_text

    def write_text(path, text, *args, **kwargs):
        if path.name == "rqworker_test_settings.py":
            text += (
                'RQ_QUEUES = {name: {**queue, "ASYNC": True} for name, queue in RQ_QUEUES.items()}\n'
                "WHATSAPP_BROADCAST_BATCH_SIZE = 1\n"
                "WHATSAPP_BROADCAST_BATCH_INTERVAL = 3600\n"
            )
        return original(path, text, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Path, "write_text", write_text)
        return run_worker(tmp_path, gateway)


@requires_redis
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_delivers_a_broadcast_through_the_gateway(tmp_path, async_default_queue, settings):
    """Committed data and a real rqworker process (no regions needed: a transactional test starts
    from an emptied database)."""
    settings.WHATSAPP_BROADCAST_BATCH_SIZE = 1
    settings.WHATSAPP_BROADCAST_BATCH_INTERVAL = 3600
    admin = User.objects.create(username="admin.rq", account_type=AccountType.STAFF, role=StaffRole.ADMIN)
    first, second = (PersonalFactory(phone_verified_at=timezone.now()) for _ in range(2))
    scheduled = async_default_queue.scheduled_job_registry
    empty_registry(scheduled)
    # The fan-out job goes to Redis; the worker queues batch 1 at once and schedules batch 2 an hour later.
    broadcasts.send_whatsapp_broadcast(admin, group(), "Info pelatihan")
    assert async_default_queue.count == 1
    with FakeGateway() as gateway:
        run_production_like_worker(tmp_path, gateway)
    assert [request["json"] for request in gateway.requests] == [
        {"to": first.phone, "message": "[Kepenak Ngodene] Info pelatihan"}
    ]
    assert scheduled.count == 1
    empty_registry(scheduled)
    assert dict(WhatsAppMessage.objects.values_list("to", "status")) == {
        first.phone: "sent",
        second.phone: "queued",
    }
    assert Broadcast.objects.get().status == Broadcast.Status.DONE


# --- Outbox: Kirim Ulang ----------------------------------------------------------------------


@pytest.fixture
def failed_message(db):
    return WhatsAppMessage.objects.create(
        to="6282222222222", body="Pesan gagal", status="failed", attempts=4, error="gateway answered HTTP 500"
    )


def retry_url(message):
    return reverse("kotak-keluar-whatsapp:retry", args=[message.pk])


def test_failed_message_is_sent_again_from_the_outbox(client, world, failed_message):
    admin = world.staff[StaffRole.ADMIN]
    client.force_login(admin)
    listing = client.get(OUTBOX_URL).content.decode()
    assert "Gagal" in listing and retry_url(failed_message) in listing
    inspect = client.get(reverse("kotak-keluar-whatsapp:inspect", args=[failed_message.pk])).content.decode()
    assert retry_url(failed_message) in inspect

    confirm = client.get(retry_url(failed_message)).content.decode()
    assert "Kirim Ulang" in confirm and "gateway answered HTTP 500" in confirm
    done = client.post(retry_url(failed_message), follow=True)
    assert f"Pesan WhatsApp #{failed_message.pk} diantre untuk dikirim ulang." in done.content.decode()

    assert [(m.pk, m.to) for m in whatsapp.outbox] == [(failed_message.pk, "6282222222222")]
    failed_message.refresh_from_db()
    assert failed_message.status == WhatsAppMessage.Status.SENT
    assert failed_message.error == ""
    assert failed_message.attempts == 5  # the new attempt only
    assert WhatsAppMessage.objects.count() == 1  # the same row, no copy

    again = client.post(retry_url(failed_message), follow=True).content.decode()
    assert "Hanya pesan yang gagal yang dapat dikirim ulang." in again
    assert len(whatsapp.outbox) == 1

    entry = ModelLogEntry.objects.get(action="portal.whatsapp_retry")
    assert entry.user_id == admin.pk and entry.object_id == str(failed_message.pk)
    assert "6282222222222" not in entry.label + str(entry.data)


def test_retry_that_fails_again_is_recorded(client, world, failed_message, settings):
    settings.WHATSAPP_BACKEND = "http"
    with FakeGateway(default_status=503) as gateway:
        settings.WHATSAPP_API_URL = f"{gateway.url}/api/send"
        client.force_login(world.staff[StaffRole.SUPER_ADMIN])
        client.post(retry_url(failed_message))
    assert len(gateway.requests) == 1
    failed_message.refresh_from_db()
    assert failed_message.status == WhatsAppMessage.Status.FAILED
    assert "HTTP 503" in failed_message.error and failed_message.attempts == 5


def test_sent_messages_offer_no_retry(client, world):
    sent = WhatsAppMessage.objects.create(to="6281111111111", body="Terkirim", status="sent", attempts=1)
    client.force_login(world.staff[StaffRole.ADMIN])
    assert retry_url(sent) not in client.get(OUTBOX_URL).content.decode()
    client.post(retry_url(sent))
    sent.refresh_from_db()
    assert sent.status == "sent" and sent.attempts == 1 and whatsapp.outbox == []


@pytest.mark.parametrize(
    "role", [StaffRole.DINAKER, StaffRole.KECAMATAN, StaffRole.VERIFIKATOR, StaffRole.DESA]
)
def test_only_super_admin_and_admin_can_retry(client, world, failed_message, role):
    client.force_login(world.staff[role])
    assert client.get(retry_url(failed_message)).status_code == 403
    assert client.post(retry_url(failed_message)).status_code == 403
    failed_message.refresh_from_db()
    assert failed_message.status == "failed" and whatsapp.outbox == []
    with pytest.raises(UseCaseError):
        broadcasts.retry_whatsapp(world.staff[role], failed_message.pk)


def test_outbox_list_has_constant_queries(client, world, django_assert_max_num_queries):
    for number in range(3):
        WhatsAppMessage.objects.create(to=f"62811000000{number}", body="x", status="failed")
    client.force_login(world.staff[StaffRole.ADMIN])
    client.get(OUTBOX_URL)
    with django_assert_max_num_queries(40) as captured:
        client.get(OUTBOX_URL)
    few = len(captured.captured_queries)
    for number in range(5):
        WhatsAppMessage.objects.create(to=f"62822000000{number}", body="y", status="failed")
    with django_assert_max_num_queries(few):
        html = client.get(OUTBOX_URL).content.decode()
    assert len(re.findall(r"/kotak-keluar-whatsapp/kirim-ulang/\d+/", html)) == 8
