"""A failing background job never breaks the request that enqueued it."""

import pytest
from django.core import mail

from portal import mail as portal_mail

pytestmark = pytest.mark.django_db


def test_registration_succeeds_when_the_mail_server_is_down(client, monkeypatch):
    def broken_delivery(*args, **kwargs):
        raise ConnectionRefusedError("SMTP down")

    monkeypatch.setattr(portal_mail.EmailMultiAlternatives, "send", broken_delivery)
    response = client.post(
        "/akun/daftar/",
        {
            "first_name": "Siti",
            "last_name": "",
            "email": "siti@contoh.id",
            "phone": "081234567890",
            "username": "siti",
            "password1": "Kerja#Keras2026",
            "password2": "Kerja#Keras2026",
            "consent": "on",
        },
    )
    assert response.status_code == 302
    assert mail.outbox == []
    assert "Kirim Ulang" in client.get(response["Location"]).content.decode()
