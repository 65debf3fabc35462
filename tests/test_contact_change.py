"""Ubah Email dan Nomor HP: only with the current password; the new address and number must be
verified again, and the old ones are told (a stolen account is noticed)."""

import pytest
from django.core import mail
from django.utils import timezone

from portal import whatsapp
from users.factories import DEFAULT_PASSWORD, PersonalFactory

pytestmark = pytest.mark.django_db

URL = "/akun/ubah-email-nomor-hp/"


@pytest.fixture
def warga(client):
    user = PersonalFactory(
        email="warga@contoh.id",
        phone="6281234500000",
        email_verified_at=timezone.now(),
        phone_verified_at=timezone.now(),
    )
    client.force_login(user)
    return user


def change(client, email="warga@contoh.id", phone="0812 3450 0000", password=DEFAULT_PASSWORD):
    return client.post(URL, {"email": email, "phone": phone, "current_password": password}, follow=True)


def test_the_account_menu_offers_it_with_the_current_values(client, warga):
    page = client.get(URL).content.decode()
    assert "Ubah Email dan Nomor HP" in page
    assert 'value="warga@contoh.id"' in page and "Password saat ini" in page


def test_a_wrong_current_password_changes_nothing_and_keeps_what_was_typed(client, warga):
    page = change(client, email="baru@contoh.id", password="salah").content.decode()

    assert "Password saat ini salah." in page
    assert 'value="baru@contoh.id"' in page
    warga.refresh_from_db()
    assert warga.email == "warga@contoh.id" and warga.email_verified
    assert not mail.outbox and not whatsapp.outbox


def test_a_new_email_is_verified_again_and_the_old_one_is_told(client, warga):
    page = change(client, email="baru@contoh.id").content.decode()

    assert "Buka tautan yang kami kirim ke email baru Anda" in page
    warga.refresh_from_db()
    assert warga.email == "baru@contoh.id" and not warga.email_verified
    sent = {message.to[0]: message for message in mail.outbox}
    assert "baru saja diubah" in sent["warga@contoh.id"].body
    assert "/akun/verifikasi-email/" in sent["baru@contoh.id"].body
    assert whatsapp.outbox[-1].to == "6281234500000" and "baru saja diubah" in whatsapp.outbox[-1].body


def test_a_new_number_loses_its_verified_mark_and_the_old_number_is_told(client, warga):
    change(client, phone="0857 1111 2222")

    warga.refresh_from_db()
    assert warga.phone == "6285711112222" and not warga.phone_verified
    assert warga.email_verified  # the address did not change
    assert [message.to for message in mail.outbox] == [["warga@contoh.id"]]
    assert [message.to for message in whatsapp.outbox] == ["6281234500000"]


def test_an_address_or_number_of_another_account_is_refused_beside_the_field(client, warga):
    PersonalFactory(email="tetangga@contoh.id", phone="6285799998888")

    page = change(client, email="Tetangga@contoh.id", phone="085799998888").content.decode()

    assert "Email ini sudah dipakai akun lain." in page
    assert "Nomor HP ini sudah dipakai akun lain." in page
    warga.refresh_from_db()
    assert warga.email == "warga@contoh.id"


def test_saving_the_same_values_again_sends_nothing(client, warga):
    page = change(client).content.decode()

    assert "Tidak ada yang berubah." in page
    assert not mail.outbox and not whatsapp.outbox


def test_visitors_are_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/akun/login/" in response["Location"]
