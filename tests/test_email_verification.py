import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from users.factories import PersonalFactory
from users.models import User

pytestmark = pytest.mark.django_db

REGISTRATION = {
    "first_name": "Siti",
    "last_name": "Aminah",
    "email": "siti@contoh.id",
    "phone": "081234567890",
    "username": "siti",
    "password1": "Kerja#Keras2026",
    "password2": "Kerja#Keras2026",
    "consent": "on",
}


def link_from(message):
    return re.search(r"http://testserver(/akun/verifikasi-email/\S+/)", message.body).group(1)


def register(client):
    client.post("/akun/daftar/", REGISTRATION)
    return User.objects.get(username="siti")


def test_link_verifies_once(client):
    user = register(client)
    html = client.get("/akun/profil/").content.decode()
    assert "belum terverifikasi" in html and "Kirim Ulang" in html

    response = client.get(link_from(mail.outbox[0]), follow=True)
    assert "email Anda sudah terverifikasi" in response.content.decode()
    user.refresh_from_db()
    assert user.email_verified

    again = client.get(link_from(mail.outbox[0]))
    assert again.status_code == 400
    assert "sudah digunakan" in again.content.decode()


def test_link_works_without_being_logged_in(client):
    register(client)
    response = Client().get(link_from(mail.outbox[0]))
    assert response.status_code == 302 and response["Location"] == "/akun/login/"
    assert User.objects.get(username="siti").email_verified


def test_tampered_and_expired_links_fail(client, settings):
    register(client)
    path = link_from(mail.outbox[0])
    tampered = path[:-3] + ("A" if path[-3] != "A" else "B") + path[-2:]
    assert "tidak valid" in client.get(tampered).content.decode()

    settings.EMAIL_VERIFICATION_MAX_AGE = -1
    expired = client.get(path)
    assert expired.status_code == 400
    assert "kedaluwarsa" in expired.content.decode()
    assert not User.objects.get(username="siti").email_verified


def test_link_for_an_old_address_does_not_verify_a_new_one(client):
    user = register(client)
    user.email = "baru@contoh.id"
    user.save()
    assert client.get(link_from(mail.outbox[0])).status_code == 400
    user.refresh_from_db()
    assert not user.email_verified


def test_resend_is_throttled(client):
    register(client)
    assert len(mail.outbox) == 1
    response = client.post("/akun/verifikasi-email/kirim-ulang/", follow=True)
    assert "Tunggu satu menit" in response.content.decode()
    assert len(mail.outbox) == 1

    cache.clear()
    response = client.post("/akun/verifikasi-email/kirim-ulang/", follow=True)
    assert "dikirim ulang" in response.content.decode()
    assert len(mail.outbox) == 2
    assert link_from(mail.outbox[1])


def test_verified_user_sees_no_banner(client):
    client.force_login(PersonalFactory())
    assert "belum terverifikasi" not in client.get("/").content.decode()
    client.force_login(PersonalFactory(email_verified_at=None))
    html = client.get("/").content.decode()
    assert "belum terverifikasi" in html and "Kirim Ulang" in html
