import pytest
from django.contrib.auth import SESSION_KEY
from django.test import Client

from users.choices import StaffRole
from users.factories import DEFAULT_PASSWORD, MitraFactory, PersonalFactory, UserFactory
from users.staff import save_staff_account

pytestmark = pytest.mark.django_db


def login(client, url, username, password=DEFAULT_PASSWORD):
    return client.post(url, {"username": username, "password": password})


def test_personal_logs_in_with_username_or_email_and_lands_on_profile(client):
    user = PersonalFactory(username="budi", email="Budi@Contoh.id")
    response = login(client, "/akun/login/", "budi")
    assert response.status_code == 302 and response["Location"] == "/akun/profil/"
    profile = client.get("/akun/profil/").content.decode()
    assert "Profil Saya" in profile and user.email in profile

    other = Client()
    assert login(other, "/akun/login/", "budi@contoh.id")["Location"] == "/akun/profil/"


def test_mitra_logs_in_at_login_mitra_and_lands_on_profil_mitra(client):
    mitra = MitraFactory(username="toko.rambut")
    response = login(client, "/akun/login-mitra/", "toko.rambut")
    assert response["Location"] == "/akun/profil-mitra/"
    html = client.get("/akun/profil-mitra/").content.decode()
    assert mitra.mitra_profile.name in html


def test_wrong_login_page_points_to_the_right_one(client):
    MitraFactory(username="mitra1")
    PersonalFactory(username="personal1")
    UserFactory(username="operator", account_type="staff", is_staff=True)

    html = login(client, "/akun/login/", "mitra1").content.decode()
    assert "akun Mitra" in html and 'href="/akun/login-mitra/"' in html
    html = login(client, "/akun/login-mitra/", "personal1").content.decode()
    assert "akun Personal" in html and 'href="/akun/login/"' in html
    html = login(client, "/akun/login/", "operator").content.decode()
    assert 'href="/app/v1/admin/login/"' in html
    assert SESSION_KEY not in client.session


def test_unknown_user_and_wrong_password_get_the_same_answer(client):
    PersonalFactory(username="budi")
    wrong_password = login(client, "/akun/login/", "budi", "Salah#12345").content.decode()
    unknown = login(client, "/akun/login/", "tidakada", "Salah#12345").content.decode()
    message = "Email/Nama Pengguna atau Password salah."
    assert message in wrong_password and message in unknown


def test_login_form_keeps_the_username_after_an_error(client):
    html = login(client, "/akun/login/", "budi.typo", "x").content.decode()
    assert 'value="budi.typo"' in html


def test_login_is_throttled_per_username_and_ip_with_a_clear_message(client):
    PersonalFactory(username="budi")
    for _ in range(5):
        login(client, "/akun/login/", "budi", "Salah#12345")
    locked = login(client, "/akun/login/", "budi")  # even the right password
    assert locked.status_code == 429
    assert "Login dikunci sementara" in locked.content.decode()
    assert SESSION_KEY not in client.session

    # Another account behind the same (carrier) IP is not locked out.
    PersonalFactory(username="siti")
    assert login(client, "/akun/login/", "siti")["Location"] == "/akun/profil/"


def test_mitra_login_is_throttled_too(client):
    MitraFactory(username="mitra1")
    for _ in range(5):
        login(client, "/akun/login-mitra/", "mitra1", "Salah#12345")
    assert login(client, "/akun/login-mitra/", "mitra1").status_code == 429


def test_logout_and_logout_everywhere(client):
    PersonalFactory(username="budi")
    other_device = Client()
    login(client, "/akun/login/", "budi")
    login(other_device, "/akun/login/", "budi")
    assert other_device.get("/akun/profil/").status_code == 200

    client.post("/akun/logout/semua-perangkat/")
    assert client.get("/akun/profil/").status_code == 302
    assert other_device.get("/akun/profil/").status_code == 302


def test_logout_needs_post(client):
    PersonalFactory(username="budi")
    login(client, "/akun/login/", "budi")
    assert client.get("/akun/logout/").status_code == 405
    client.post("/akun/logout/")
    assert SESSION_KEY not in client.session


def test_profiles_are_only_for_their_account_type(client):
    client.force_login(PersonalFactory())
    assert client.get("/akun/profil-mitra/").status_code == 403
    client.force_login(MitraFactory())
    assert client.get("/akun/profil/").status_code == 403
    anonymous = Client()
    assert anonymous.get("/akun/profil-mitra/")["Location"].startswith("/akun/login-mitra/")


def test_header_shows_profile_link_when_logged_in(client):
    client.force_login(PersonalFactory())
    html = client.get("/").content.decode()
    assert 'href="/akun/profil/"' in html and ">Daftar</a>" not in html


def test_admin_login_is_throttled_too(client):
    UserFactory(username="operator", account_type="staff", is_staff=True)
    for _ in range(5):
        client.post("/app/v1/admin/login/", {"username": "operator", "password": "Salah#12345"})
    locked = client.post("/app/v1/admin/login/", {"username": "operator", "password": DEFAULT_PASSWORD})
    assert locked.status_code == 429
    assert SESSION_KEY not in client.session


def test_staff_log_in_at_the_admin_and_land_on_the_dashboard(client):
    save_staff_account(UserFactory(username="operator", account_type="staff"), StaffRole.DINAKER)
    response = client.post("/app/v1/admin/login/", {"username": "operator", "password": DEFAULT_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/app/v1/admin/"
    assert client.get("/app/v1/admin/").status_code == 200
