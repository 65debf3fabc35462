"""Notifikasi Lowongan (issue 5, job alerts): a Personal saves a search of the Lowongan page and
receives its new vacancies as a daily digest by email and/or WhatsApp."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from marketplace.alerts import send_job_alerts
from marketplace.factories import VacancyFactory
from marketplace.models import JobAlert
from portal import whatsapp
from users.choices import VerificationStatus
from users.factories import MitraFactory, PersonalFactory
from users.models import Kecamatan

pytestmark = pytest.mark.django_db

LOWONGAN = "/lowongan/"
SAVE_URL = "/akun/notifikasi-lowongan/simpan/"
ALERTS_URL = "/akun/notifikasi-lowongan/"


@pytest.fixture
def bobotsari(db):
    return Kecamatan.objects.get(name="Bobotsari")


@pytest.fixture
def kutasari(db):
    return Kecamatan.objects.get(name="Kutasari")


@pytest.fixture
def personal(db):
    return PersonalFactory(phone_verified_at=timezone.now())


@pytest.fixture
def personal_client(client, personal):
    client.force_login(personal)
    return client


def message_texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def make_alert(user, query="q=penjahit", name="penjahit", **fields):
    alert = JobAlert.objects.create(personal=user.personal_profile, query=query, name=name, **fields)
    JobAlert.objects.filter(pk=alert.pk).update(created_at=timezone.now() - datetime.timedelta(days=1))
    alert.refresh_from_db()
    return alert


def run_digest(capture, **kwargs):
    with capture(execute=True):
        return send_job_alerts(**kwargs)


def test_save_search_only_offered_to_personal(client, personal, bobotsari):
    assert "Simpan pencarian ini" not in client.get(LOWONGAN, {"q": "penjahit"}).content.decode()
    client.force_login(MitraFactory())
    assert "Simpan pencarian ini" not in client.get(LOWONGAN, {"q": "penjahit"}).content.decode()
    client.force_login(personal)
    page = client.get(LOWONGAN, {"q": "penjahit", "kecamatan": bobotsari.pk}).content.decode()
    assert "Simpan pencarian ini" in page
    assert f'name="query" value="q=penjahit&amp;kecamatan={bobotsari.pk}"' in page


def test_saving_from_the_listing_normalises_the_query(personal_client, personal, bobotsari):
    raw = f"halaman=2&urut=gaji&kecamatan={bobotsari.pk}&q=++penjahit+&tipe=bukan-angka&gaji="
    next_url = f"{LOWONGAN}?{raw}"
    response = personal_client.post(SAVE_URL, {"query": raw, "by_email": "1", "next": next_url})
    assert response.status_code == 302 and response.url == next_url
    assert any("disimpan" in text for text in message_texts(response))
    alert = JobAlert.objects.get(personal__user=personal)
    assert alert.query == f"q=penjahit&kecamatan={bobotsari.pk}"
    assert alert.name == "penjahit · Kec. Bobotsari"
    assert (alert.by_email, alert.by_whatsapp) == (True, False)

    # A double submit (or the same search in another order) keeps one alert.
    response = personal_client.post(SAVE_URL, {"query": raw, "by_email": "1", "next": next_url})
    personal_client.post(SAVE_URL, {"query": f"q=penjahit&kecamatan={bobotsari.pk}", "by_whatsapp": "1"})
    assert JobAlert.objects.filter(personal__user=personal).count() == 1
    assert any("sudah tersimpan" in text for text in message_texts(response))


def test_an_empty_search_is_named_semua_lowongan(personal_client, personal):
    personal_client.post(SAVE_URL, {"query": "urut=terbaru", "by_whatsapp": "1"})
    alert = JobAlert.objects.get(personal__user=personal)
    assert (alert.query, alert.name) == ("", "Semua lowongan")


def test_at_most_ten_searches(personal_client, personal):
    for n in range(JobAlert.MAX_PER_PERSON):
        make_alert(personal, query=f"q=kata{n}", name=f"kata{n}")
    response = personal_client.post(SAVE_URL, {"query": "q=penjahit", "by_email": "1"})
    assert JobAlert.objects.filter(personal__user=personal).count() == 10
    assert any("batas maksimal" in text for text in message_texts(response))
    # An already saved search is still "saved", not an error.
    response = personal_client.post(SAVE_URL, {"query": "q=kata3", "by_email": "1"})
    assert any("sudah tersimpan" in text for text in message_texts(response))


def test_a_channel_is_required(personal_client, personal):
    response = personal_client.post(SAVE_URL, {"query": "q=penjahit"})
    assert not JobAlert.objects.exists()
    assert any("minimal satu saluran" in text for text in message_texts(response))

    alert = make_alert(personal, by_email=True)
    response = personal_client.post(f"{ALERTS_URL}{alert.pk}/ubah/", {})
    alert.refresh_from_db()
    assert alert.by_email
    assert any("minimal satu saluran" in text for text in message_texts(response))


def test_anonymous_and_mitra_cannot_save(client):
    assert client.post(SAVE_URL, {"query": "q=penjahit", "by_email": "1"}).status_code == 302  # to Login
    client.force_login(MitraFactory())
    assert client.post(SAVE_URL, {"query": "q=penjahit", "by_email": "1"}).status_code in (302, 403, 404)
    assert not JobAlert.objects.exists()


def test_alerts_page_lists_changes_and_deletes(personal_client, personal):
    alert = make_alert(personal, name="penjahit · Kec. Bobotsari", by_email=True)
    page = personal_client.get(ALERTS_URL).content.decode()
    assert "Notifikasi Lowongan" in page and "penjahit · Kec. Bobotsari" in page
    assert 'href="http://testserver/lowongan/?q=penjahit"' in page

    personal_client.post(f"{ALERTS_URL}{alert.pk}/ubah/", {"by_whatsapp": "1"})
    alert.refresh_from_db()
    assert (alert.by_email, alert.by_whatsapp) == (False, True)

    personal_client.post(f"{ALERTS_URL}{alert.pk}/hapus/")
    assert not JobAlert.objects.exists()


def test_another_users_alert_is_404(personal_client):
    other = make_alert(PersonalFactory(), name="rahasia orang lain")
    assert "rahasia orang lain" not in personal_client.get(ALERTS_URL).content.decode()
    assert personal_client.post(f"{ALERTS_URL}{other.pk}/ubah/", {"by_whatsapp": "1"}).status_code == 404
    assert personal_client.post(f"{ALERTS_URL}{other.pk}/hapus/").status_code == 404
    other.refresh_from_db()
    assert (other.by_email, other.by_whatsapp) == (True, False)


def test_digest_lists_only_new_matching_public_vacancies(
    personal, bobotsari, kutasari, django_capture_on_commit_callbacks
):
    alert = make_alert(personal, query=f"kecamatan={bobotsari.pk}", name="Kec. Bobotsari")
    now = timezone.now()
    newest = VacancyFactory(title="Penjahit Baru", mitra__name="CV Garmen Sejahtera", locations=[bobotsari])
    VacancyFactory(
        title="Admin Baru", locations=[bobotsari, kutasari], published_at=now - datetime.timedelta(hours=2)
    )
    VacancyFactory(
        title="Lowongan Lama", locations=[bobotsari], published_at=now - datetime.timedelta(days=3)
    )
    VacancyFactory(title="Tempat Lain", locations=[kutasari])
    VacancyFactory(title="Masih Draf", locations=[bobotsari], draft=True)
    VacancyFactory(
        title="Sudah Berakhir",
        locations=[bobotsari],
        end_date=timezone.localdate() - datetime.timedelta(days=1),
    )
    VacancyFactory(
        title="Mitra Belum Terverifikasi",
        locations=[bobotsari],
        mitra__verification_status=VerificationStatus.DIAJUKAN,
    )

    assert run_digest(django_capture_on_commit_callbacks, now=now) == 1

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == [personal.email]
    assert email.subject == "2 lowongan baru untuk Kec. Bobotsari"
    body = email.body
    assert body.index("Penjahit Baru") < body.index("Admin Baru")  # newest first
    for absent in ("Lowongan Lama", "Tempat Lain", "Masih Draf", "Sudah Berakhir", "Mitra Belum"):
        assert absent not in body
    assert f"http://testserver/lowongan/{newest.pk}/" in body
    assert "CV Garmen Sejahtera" in body and "Kec. Bobotsari" in body
    html = email.alternatives[0][0]
    assert f'href="http://testserver/lowongan/{newest.pk}/"' in html and "Admin Baru" in html
    alert.refresh_from_db()
    assert alert.last_sent_at == now
    assert whatsapp.outbox == []  # e-mail only


def test_digest_lists_at_most_ten(personal, django_capture_on_commit_callbacks):
    make_alert(personal, query="", name="Semua lowongan")
    for n in range(12):
        VacancyFactory(title=f"Lowongan Nomor {n:02d}")
    run_digest(django_capture_on_commit_callbacks)
    email = mail.outbox[0]
    assert email.subject == "12 lowongan baru untuk Semua lowongan"
    assert sum(f"Lowongan Nomor {n:02d}" in email.body for n in range(12)) == 10
    assert "Lowongan Nomor 11" in email.body and "Lowongan Nomor 00" not in email.body


def test_whatsapp_only_to_a_verified_phone(django_capture_on_commit_callbacks):
    verified = PersonalFactory(phone_verified_at=timezone.now(), phone="6281200000001")
    unverified = PersonalFactory(phone_verified_at=None, phone="6281200000002")
    make_alert(verified, by_email=False, by_whatsapp=True)
    make_alert(unverified, by_email=False, by_whatsapp=True)
    VacancyFactory(title="Penjahit Kebaya")

    assert run_digest(django_capture_on_commit_callbacks) == 1
    assert mail.outbox == []
    assert [message.to for message in whatsapp.outbox] == ["6281200000001"]
    body = whatsapp.outbox[0].body
    assert "1 lowongan baru untuk penjahit" in body
    assert "http://testserver/lowongan/?q=penjahit" in body


def test_email_only_when_verified(django_capture_on_commit_callbacks):
    make_alert(PersonalFactory(email_verified_at=None), by_email=True)
    VacancyFactory(title="Penjahit Kebaya")
    assert run_digest(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == []


def test_digest_is_idempotent_and_daily(personal, django_capture_on_commit_callbacks):
    alert = make_alert(personal, by_email=True, by_whatsapp=True)
    VacancyFactory(title="Penjahit Pertama")
    now = timezone.now()
    assert run_digest(django_capture_on_commit_callbacks, now=now) == 1
    VacancyFactory(title="Penjahit Kedua", published_at=now + datetime.timedelta(minutes=1))
    assert run_digest(django_capture_on_commit_callbacks, now=now + datetime.timedelta(minutes=5)) == 0
    assert (len(mail.outbox), len(whatsapp.outbox)) == (1, 1)

    # The next day only what is new since the last digest is sent.
    assert run_digest(django_capture_on_commit_callbacks, now=now + datetime.timedelta(days=1)) == 1
    assert len(mail.outbox) == 2
    assert "Penjahit Kedua" in mail.outbox[1].body and "Penjahit Pertama" not in mail.outbox[1].body
    assert mail.outbox[1].subject == "1 lowongan baru untuk penjahit"
    alert.refresh_from_db()
    assert alert.last_sent_at == now + datetime.timedelta(days=1)


def test_nothing_new_sends_nothing(personal, django_capture_on_commit_callbacks):
    make_alert(personal)
    VacancyFactory(title="Sopir Truk")
    assert run_digest(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == [] and whatsapp.outbox == []


def test_command_sends_the_digests(personal, django_capture_on_commit_callbacks, capsys):
    make_alert(personal)
    VacancyFactory(title="Penjahit Kebaya")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_job_alerts")
    assert "1 job alert digest(s) sent." in capsys.readouterr().out
    assert len(mail.outbox) == 1
