import re
from datetime import timedelta

import pytest
from django.utils import timezone

from portal import whatsapp
from users.factories import PersonalFactory
from users.models import PhoneOTP

pytestmark = pytest.mark.django_db


@pytest.fixture
def user(client):
    whatsapp.clear_outbox()
    user = PersonalFactory(phone="6281234567890", phone_verified_at=None)
    client.force_login(user)
    return user


def last_code():
    return re.search(r"\b(\d{6})\b", whatsapp.outbox[-1].body).group(1)


def send_code(client):
    return client.post("/akun/verifikasi-hp/kirim/", follow=True)


def test_profile_offers_verifikasi_no_hp(client, user):
    html = client.get("/akun/profil/").content.decode()
    assert "Verifikasi No HP" in html


def test_code_sent_by_whatsapp_verifies_the_phone(client, user):
    response = send_code(client)
    assert "Kode OTP sudah dikirim" in response.content.decode()
    assert len(whatsapp.outbox) == 1
    assert whatsapp.outbox[0].to == "6281234567890"
    code = last_code()
    stored = PhoneOTP.objects.get(user=user)
    assert code not in stored.code_hash
    assert stored.expires_at - stored.created_at == timedelta(minutes=5)

    response = client.post("/akun/verifikasi-hp/", {"code": code}, follow=True)
    assert "Nomor HP Anda sudah terverifikasi" in response.content.decode()
    user.refresh_from_db()
    assert user.phone_verified

    reused = client.post("/akun/verifikasi-hp/", {"code": code})
    assert reused.status_code in (200, 302)
    assert PhoneOTP.objects.get(user=user).attempts == 1


def test_wrong_code_counts_attempts_and_stops_after_five(client, user):
    send_code(client)
    code = last_code()
    wrong = "000000" if code != "000000" else "111111"
    for left in [4, 3, 2, 1]:
        html = client.post("/akun/verifikasi-hp/", {"code": wrong}).content.decode()
        assert f"Sisa percobaan: {left}" in html
    client.post("/akun/verifikasi-hp/", {"code": wrong})
    html = client.post("/akun/verifikasi-hp/", {"code": code}).content.decode()
    assert "Terlalu banyak percobaan" in html
    user.refresh_from_db()
    assert not user.phone_verified


def test_expired_code_is_refused(client, user):
    send_code(client)
    code = last_code()
    PhoneOTP.objects.filter(user=user).update(expires_at=timezone.now() - timedelta(seconds=1))
    html = client.post("/akun/verifikasi-hp/", {"code": code}).content.decode()
    assert "kedaluwarsa" in html
    user.refresh_from_db()
    assert not user.phone_verified


def test_resend_waits_sixty_seconds(client, user):
    send_code(client)
    response = send_code(client)
    assert "Tunggu" in response.content.decode() and "detik" in response.content.decode()
    assert len(whatsapp.outbox) == 1
    PhoneOTP.objects.filter(user=user).update(created_at=timezone.now() - timedelta(seconds=61))
    send_code(client)
    assert len(whatsapp.outbox) == 2
    assert PhoneOTP.objects.filter(user=user).count() == 2


def test_only_the_latest_code_counts(client, user):
    send_code(client)
    first = last_code()
    PhoneOTP.objects.filter(user=user).update(created_at=timezone.now() - timedelta(seconds=61))
    send_code(client)
    second = last_code()
    if first != second:
        html = client.post("/akun/verifikasi-hp/", {"code": first}).content.decode()
        assert "Kode OTP salah" in html
    client.post("/akun/verifikasi-hp/", {"code": second})
    user.refresh_from_db()
    assert user.phone_verified


def test_code_must_be_six_digits(client, user):
    html = client.post("/akun/verifikasi-hp/", {"code": "12ab"}).content.decode()
    assert "6 angka" in html


def test_changed_phone_loses_its_verified_mark(user):
    user.phone_verified_at = timezone.now()
    user.save()
    user.refresh_from_db()
    user.phone = "6289876543210"
    user.save()
    user.refresh_from_db()
    assert not user.phone_verified


def test_code_for_an_old_number_does_not_verify_a_new_one(client, user):
    send_code(client)
    code = last_code()
    user.phone = "6289876543210"
    user.save()
    html = client.post("/akun/verifikasi-hp/", {"code": code}).content.decode()
    assert "tidak berlaku" in html
