import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from portal import whatsapp
from users.factories import MitraFactory, PersonalFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "BaruSekali#2026"
ANSWER = "Jika email tersebut terdaftar"


def reset_link(message):
    return re.search(r"http://testserver(/akun/reset/\S+/)", message.body).group(1)


@pytest.mark.parametrize(
    "page, factory",
    [("/akun/lupa-kata-sandi/", PersonalFactory), ("/akun/lupa-kata-sandi-mitra/", MitraFactory)],
)
def test_reset_flow_ends_every_session(client, page, factory):
    user = factory(email="warga@contoh.id")
    old_device = Client()
    old_device.force_login(user)

    heading = "Lupa Kata Sandi Mitra" if "mitra" in page else "Lupa Kata Sandi Personal"
    assert heading in client.get(page).content.decode()
    response = client.post(page, {"email": "WARGA@contoh.id"}, follow=True)
    assert ANSWER in response.content.decode()
    assert len(mail.outbox) == 1

    confirm = client.get(reset_link(mail.outbox[0]), follow=True)
    assert "Buat password baru" in confirm.content.decode()
    done = client.post(
        confirm.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert "Password sudah diganti" in done.content.decode()
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    profile = "/akun/profil-mitra/" if user.is_mitra else "/akun/profil/"
    assert old_device.get(profile).status_code == 302

    reused = client.get(reset_link(mail.outbox[0]), follow=True)
    assert "Tautan tidak berlaku" in reused.content.decode()


def test_same_answer_for_unknown_email(client):
    response = client.post("/akun/lupa-kata-sandi/", {"email": "tidakada@contoh.id"}, follow=True)
    assert ANSWER in response.content.decode()
    assert mail.outbox == []


def test_new_password_must_follow_the_rules(client):
    PersonalFactory(email="warga@contoh.id")
    client.post("/akun/lupa-kata-sandi/", {"email": "warga@contoh.id"})
    confirm = client.get(reset_link(mail.outbox[0]), follow=True)
    html = client.post(
        confirm.redirect_chain[-1][0], {"new_password1": "lemah", "new_password2": "lemah"}
    ).content.decode()
    assert "huruf besar" in html


def test_reset_requests_are_throttled_per_email(client):
    PersonalFactory(email="warga@contoh.id")
    for _ in range(3):
        client.post("/akun/lupa-kata-sandi/", {"email": "warga@contoh.id"})
    assert client.post("/akun/lupa-kata-sandi/", {"email": "warga@contoh.id"}).status_code == 429
    assert len(mail.outbox) == 3


def test_expired_link_is_refused(client, settings):
    PersonalFactory(email="warga@contoh.id")
    client.post("/akun/lupa-kata-sandi/", {"email": "warga@contoh.id"})
    settings.PASSWORD_RESET_TIMEOUT = -1
    response = client.get(reset_link(mail.outbox[0]), follow=True)
    assert "Tautan tidak berlaku" in response.content.decode()


def test_ganti_password_needs_the_current_one(client):
    user = PersonalFactory()
    client.force_login(user)
    assert "Ganti Password" in client.get("/akun/ganti-password/").content.decode()
    html = client.post(
        "/akun/ganti-password/",
        {"old_password": "Salah#2026", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    ).content.decode()
    assert "salah" in html.lower()
    response = client.post(
        "/akun/ganti-password/",
        {"old_password": "Rahasia#2026", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert "Password Anda sudah diganti" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert client.get("/akun/profil/").status_code == 200


def test_owner_is_told_when_the_password_changes(client):
    user = PersonalFactory(email="warga@contoh.id", phone="6281234500000", phone_verified_at=timezone.now())
    client.force_login(user)
    client.post(
        "/akun/ganti-password/",
        {"old_password": "Rahasia#2026", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert [message.subject for message in mail.outbox] == ["Password akun Kepenak Ngodene Anda diganti"]
    assert "baru saja diganti" in whatsapp.outbox[-1].body

    mail.outbox.clear()
    client.post("/akun/lupa-kata-sandi/", {"email": "warga@contoh.id"})
    confirm = client.get(reset_link(mail.outbox[0]), follow=True)
    client.post(
        confirm.redirect_chain[-1][0], {"new_password1": "LagiBaru#2027", "new_password2": "LagiBaru#2027"}
    )
    assert mail.outbox[-1].subject == "Password akun Kepenak Ngodene Anda diganti"
