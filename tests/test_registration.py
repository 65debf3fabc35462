import re

import pytest
from django.core import mail

from tests.form_data import REGISTRATION_PASSWORD, mitra_registration_data, personal_registration_data
from users.choices import AccountType
from users.factories import PersonalFactory
from users.models import User

PASSWORD = REGISTRATION_PASSWORD


personal_data = personal_registration_data
mitra_data = mitra_registration_data


def field_errors(response, field):
    return response.context["form"].errors.get(field, [])


@pytest.mark.django_db
def test_personal_registration_creates_account_and_sends_verification(client):
    response = client.post("/akun/daftar/", personal_data())
    assert response.status_code == 302
    assert response["Location"] == "/akun/daftar/terkirim/"

    user = User.objects.get(username="siti.aminah")
    assert user.account_type == AccountType.PERSONAL
    assert user.phone == "6281234567890"
    assert user.terms_accepted_at is not None
    assert not user.email_verified and not user.is_staff
    assert user.check_password(PASSWORD)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["siti.aminah@contoh.id"]
    assert "Verifikasi email" in message.subject
    assert re.search(r"http://testserver/akun/verifikasi-email/\S+/", message.body)
    assert "Dinas Komunikasi dan Informatika" in message.body
    assert message.alternatives and "Verifikasi Email" in message.alternatives[0][0]

    done = client.get(response["Location"])
    assert "siti.aminah@contoh.id" in done.content.decode()
    assert "Kirim Ulang" in done.content.decode()


@pytest.mark.django_db
def test_mitra_registration_records_category_and_business_field(client):
    response = client.post("/akun/daftar-mitra/", mitra_data())
    assert response.status_code == 302
    user = User.objects.get(username="knalpot_sejahtera")
    assert user.account_type == AccountType.MITRA
    assert user.mitra_profile.name == "CV Knalpot Sejahtera"
    assert user.mitra_profile.category == "informal"
    assert user.mitra_profile.business_field.name == "Knalpot dan Logam"
    assert user.phone == "6281311112222"
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_registration_page_shows_the_guide_fields(client):
    html = client.get("/akun/daftar/").content.decode()
    for label in [
        "Nama Depan",
        "Nama Belakang",
        "Email",
        "Nomor HP",
        "Nama Pengguna",
        "Password",
        "Konfirmasi Password",
        "Ketentuan Penggunaan",
        "Kebijakan Privasi",
    ]:
        assert label in html
    mitra = client.get("/akun/daftar-mitra/").content.decode()
    for label in ["Nama Mitra", "Bidang Usaha", "Kategori Mitra", "Formal", "Informal"]:
        assert label in mitra


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides, field, message",
    [
        ({"email": "bukan-email"}, "email", "alamat email yang valid"),
        ({"phone": "0812"}, "phone", "10–15 digit"),
        ({"phone": "0812abcd7890"}, "phone", "hanya boleh berisi angka"),
        ({"username": "Siti Aminah"}, "username", "huruf kecil, angka, titik, dan underscore"),
        ({"password1": "sederhana", "password2": "sederhana"}, "password1", "huruf besar"),
        ({"password1": "Aa1!", "password2": "Aa1!"}, "password1", "8 karakter"),
        ({"password1": "Password1!", "password2": "Password1!"}, "password1", "umum"),
        ({"password1": "Siti.aminah1", "password2": "Siti.aminah1"}, "password1", "mirip"),
        ({"password2": "Lain#2026xx"}, "password2", "tidak sama"),
        ({"consent": ""}, "consent", "harus menyetujui"),
    ],
)
def test_each_rule_has_its_own_message_and_keeps_what_was_typed(client, overrides, field, message):
    response = client.post("/akun/daftar/", personal_data(**overrides))
    assert response.status_code == 200
    errors = " ".join(field_errors(response, field))
    assert message in errors, errors
    html = response.content.decode()
    assert 'value="Siti"' in html and 'value="Aminah"' in html
    assert PASSWORD not in html
    assert not User.objects.filter(username="siti.aminah").exists()


@pytest.mark.django_db
def test_email_phone_and_username_must_be_unused(client):
    PersonalFactory(email="siti.aminah@contoh.id", phone="6281234567890", username="siti.aminah")
    response = client.post(
        "/akun/daftar/",
        personal_data(email="SITI.AMINAH@contoh.id", phone="+6281234567890", username="SITI.aminah"),
    )
    assert "sudah terdaftar" in " ".join(field_errors(response, "email"))
    assert "sudah terdaftar" in " ".join(field_errors(response, "phone"))
    assert any("sudah dipakai" in e or "huruf kecil" in e for e in field_errors(response, "username"))

    response = client.post(
        "/akun/daftar/", personal_data(email="lain@contoh.id", phone="0899999999", username="siti.aminah")
    )
    assert "sudah dipakai" in " ".join(field_errors(response, "username"))


@pytest.mark.django_db
def test_double_submit_creates_one_account(client):
    client.post("/akun/daftar/", personal_data())
    client.logout()
    again = client.post("/akun/daftar/", personal_data())
    assert again.status_code == 200
    assert User.objects.filter(email__iexact="siti.aminah@contoh.id").count() == 1


@pytest.mark.django_db
def test_registration_cannot_create_staff(client):
    client.post(
        "/akun/daftar/", personal_data(account_type="staff", is_staff="on", is_superuser="on", role="admin")
    )
    user = User.objects.get(username="siti.aminah")
    assert user.account_type == AccountType.PERSONAL
    assert not user.is_staff and not user.is_superuser and user.role == ""
