"""Staff accounts in Pengaturan → Pengguna (guide §2.4, §3.3, §8.3)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from users.choices import AccountType, StaffRole
from users.models import Desa, Kecamatan, User
from users.staff import install_role_groups, save_staff_account

PASSWORD = "Kepenak#Staf2026"
LOGIN_URL = "/app/v1/admin/login/"
DASHBOARD_URL = "/app/v1/admin/"
INDEX_URL = reverse("wagtailusers_users:index")
ADD_URL = reverse("wagtailusers_users:add")


def edit_url(user):
    return reverse("wagtailusers_users:edit", args=[user.pk])


def make_staff(username, role, **scope):
    user = User(username=username, email=f"{username}@purbalinggakab.go.id", first_name=username.title())
    user.set_password(PASSWORD)
    return save_staff_account(user, role, **scope)


@pytest.fixture
def role_groups(db):
    install_role_groups()


@pytest.fixture
def superadmin(role_groups):
    return make_staff("superadmin", StaffRole.SUPER_ADMIN)


@pytest.fixture
def admin(role_groups):
    return make_staff("admin", StaffRole.ADMIN)


@pytest.fixture
def bobotsari(db):
    return Kecamatan.objects.get(name="Bobotsari")


@pytest.fixture
def desa_bobotsari(bobotsari):
    return bobotsari.desa_set.order_by("name").first()


@pytest.fixture
def desa_elsewhere(bobotsari):
    return Desa.objects.exclude(kecamatan=bobotsari).order_by("name").first()


@pytest.fixture
def desa_operator(role_groups, desa_bobotsari):
    return make_staff("desa", StaffRole.DESA, desa=desa_bobotsari)


def account_data(**overrides):
    data = {
        "first_name": "Siti",
        "last_name": "Aminah",
        "email": "siti.aminah@purbalinggakab.go.id",
        "username": "siti.aminah",
        "phone": "081234567890",
        "role": "",
        "scope_kecamatan": "",
        "scope_desa": "",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(overrides)
    return data


def offered_roles(response):
    form = response.context["form"]
    return [value for value, _label in form.fields["role"].widget.choices if value]


def test_admin_creates_a_desa_operator_who_logs_in_to_the_dashboard(client, admin, bobotsari, desa_bobotsari):
    client.force_login(admin)
    response = client.post(
        ADD_URL,
        account_data(role="desa", scope_kecamatan=bobotsari.pk, scope_desa=desa_bobotsari.pk),
    )
    assert response.status_code == 302, response.context["form"].errors

    operator = User.objects.get(username="siti.aminah")
    assert operator.account_type == AccountType.STAFF
    assert operator.role == StaffRole.DESA
    assert operator.is_staff and not operator.is_superuser
    assert operator.scope_desa == desa_bobotsari
    assert operator.scope_kecamatan is None  # a Desa operator is bound to its desa only
    assert operator.phone == "6281234567890"
    assert list(operator.groups.values_list("name", flat=True)) == ["Desa"]

    client.logout()
    login_page = client.get(LOGIN_URL)
    assert login_page.status_code == 200
    response = client.post(LOGIN_URL, {"username": "siti.aminah", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == DASHBOARD_URL
    assert response.status_code == 200
    assert response.context["request"].user == operator
    assert "wagtailadmin/home.html" in [t.name for t in response.templates]


def test_admin_is_offered_only_the_operator_levels_and_super_admin_every_level(client, admin, superadmin):
    client.force_login(admin)
    assert offered_roles(client.get(ADD_URL)) == ["dinaker", "kecamatan", "verifikator", "desa"]
    client.force_login(superadmin)
    assert offered_roles(client.get(ADD_URL)) == [role.value for role in StaffRole]


@pytest.mark.parametrize("forged_role", ["admin", "superadmin"])
def test_admin_cannot_create_an_admin_even_with_a_forged_form(client, admin, forged_role):
    client.force_login(admin)
    response = client.post(ADD_URL, account_data(role=forged_role))

    assert response.status_code == 200
    label = StaffRole(forged_role).label
    assert response.context["form"].errors["role"] == [
        f"Anda tidak berwenang membuat atau mengubah akun dengan level {label}."
    ]
    assert not User.objects.filter(username="siti.aminah").exists()


def test_super_admin_creates_admins_and_super_admins(client, superadmin):
    client.force_login(superadmin)
    client.post(ADD_URL, account_data(role="admin"))
    second_account = {"username": "kominfo", "email": "kominfo@purbalinggakab.go.id", "phone": ""}
    client.post(ADD_URL, account_data(role="superadmin", **second_account))

    admin = User.objects.get(username="siti.aminah")
    assert (admin.role, admin.is_superuser, admin.is_staff) == ("admin", False, True)
    assert list(admin.groups.values_list("name", flat=True)) == ["Admin"]
    second = User.objects.get(username="kominfo")
    assert (second.role, second.is_superuser) == ("superadmin", True)
    assert list(second.groups.values_list("name", flat=True)) == ["Super Admin"]


def test_admin_cannot_open_or_post_to_the_edit_page_of_a_super_admin_or_admin(client, admin, superadmin):
    other_admin = make_staff("admin2", StaffRole.ADMIN)
    client.force_login(admin)

    assert client.get(edit_url(superadmin)).status_code == 403
    assert client.get(edit_url(other_admin)).status_code == 403
    response = client.post(edit_url(superadmin), account_data(role="dinaker", username="superadmin"))
    assert response.status_code == 403
    superadmin.refresh_from_db()
    assert superadmin.is_superuser and superadmin.username == "superadmin"


def test_admin_edits_an_operator_and_the_level_change_moves_group_and_clears_scope(
    client, admin, desa_operator
):
    client.force_login(admin)
    response = client.get(edit_url(desa_operator))
    assert response.status_code == 200

    response = client.post(
        edit_url(desa_operator),
        account_data(
            role="dinaker",
            username="desa",
            email="desa@purbalinggakab.go.id",
            scope_desa=desa_operator.scope_desa_id,
            password1="",
            password2="",
            is_active="on",
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    desa_operator.refresh_from_db()
    assert desa_operator.role == "dinaker"
    assert desa_operator.scope_desa is None and desa_operator.scope_kecamatan is None
    assert list(desa_operator.groups.values_list("name", flat=True)) == ["Dinaker"]
    assert desa_operator.check_password(PASSWORD)  # blank password fields keep the password


@pytest.mark.parametrize("role", ["desa", "kecamatan", "verifikator", "dinaker"])
def test_operators_cannot_reach_user_management(client, role_groups, desa_bobotsari, role):
    scope = {"desa": {"desa": desa_bobotsari}, "kecamatan": {"kecamatan": desa_bobotsari.kecamatan}}
    operator = make_staff("operator", role, **scope.get(role, {}))
    other = make_staff("dinaker2", StaffRole.DINAKER)
    client.force_login(operator)

    assert client.get(DASHBOARD_URL).status_code == 200
    assert client.get(INDEX_URL).status_code == 403
    assert client.get(ADD_URL).status_code == 403
    assert client.get(edit_url(other)).status_code == 403


def test_listing_shows_staff_with_level_and_region_but_no_personal_accounts(
    client, admin, superadmin, desa_operator
):
    User.objects.create_user("warga", "warga@example.com", PASSWORD, first_name="Warga")
    client.force_login(admin)
    response = client.get(INDEX_URL)

    assert response.status_code == 200
    rows = {user.username: user for user in response.context["object_list"]}
    assert set(rows) == {"admin", "superadmin", "desa"}
    html = response.content.decode()
    assert "Level Akun" in html and "Wilayah Tugas" in html
    assert str(desa_operator.scope_desa) in html
    # Only accounts the admin may manage are links.
    assert edit_url(desa_operator) in html
    assert edit_url(superadmin) not in html


@pytest.mark.parametrize(
    ("role", "scope", "field", "message"),
    [
        ("kecamatan", {}, "scope_kecamatan", "Pilih kecamatan untuk akun level Kecamatan."),
        ("desa", {}, "scope_desa", "Pilih desa untuk akun level Desa."),
        ("desa", {"scope_kecamatan": "bobotsari"}, "scope_desa", "Pilih desa untuk akun level Desa."),
        (
            "desa",
            {"scope_kecamatan": "bobotsari", "scope_desa": "elsewhere"},
            "scope_desa",
            "Desa {desa} tidak berada di Kecamatan Bobotsari.",
        ),
    ],
)
def test_level_and_region_must_agree(client, admin, bobotsari, desa_elsewhere, role, scope, field, message):
    values = {"bobotsari": bobotsari.pk, "elsewhere": desa_elsewhere.pk}
    client.force_login(admin)
    response = client.post(ADD_URL, account_data(role=role, **{k: values[v] for k, v in scope.items()}))

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message.format(desa=desa_elsewhere.name)]
    assert not User.objects.filter(username="siti.aminah").exists()


def test_kecamatan_operator_keeps_only_the_kecamatan_scope(client, admin, bobotsari, desa_bobotsari):
    client.force_login(admin)
    response = client.post(
        ADD_URL,
        account_data(role="kecamatan", scope_kecamatan=bobotsari.pk, scope_desa=desa_bobotsari.pk),
    )
    assert response.status_code == 302
    operator = User.objects.get(username="siti.aminah")
    assert (operator.scope_kecamatan, operator.scope_desa) == (bobotsari, None)
    assert list(operator.groups.values_list("name", flat=True)) == ["Kecamatan"]


def test_duplicate_and_malformed_fields_get_indonesian_errors(client, admin, desa_operator):
    client.force_login(admin)
    response = client.post(
        ADD_URL,
        account_data(role="dinaker", username="DESA", email="DESA@purbalinggakab.go.id", password2="lain"),
    )
    errors = response.context["form"].errors
    assert errors["username"] == [
        "Nama Pengguna hanya boleh berisi huruf kecil, angka, titik, dan underscore."
    ]
    assert errors["email"] == ["Email ini sudah terdaftar."]
    assert errors["password2"] == ["Kedua password tidak sama."]

    response = client.post(
        ADD_URL, account_data(role="dinaker", username="desa", password1="pendek", password2="pendek")
    )
    errors = response.context["form"].errors
    assert errors["username"] == ["Nama pengguna ini sudah dipakai."]
    assert any("terlalu pendek" in error for error in errors["password1"])


def test_personal_accounts_are_not_turned_into_staff_here(client, superadmin):
    warga = User.objects.create_user("warga", "warga@example.com", PASSWORD)
    client.force_login(superadmin)

    assert client.get(edit_url(warga)).status_code == 404
    response = client.post(edit_url(warga), account_data(role="admin", username="warga"))
    assert response.status_code == 404
    warga.refresh_from_db()
    assert (warga.account_type, warga.role, warga.is_staff) == (AccountType.PERSONAL, "", False)


def test_createsuperuser_account_is_listed_and_keeps_its_level_when_editing_itself(client, role_groups):
    root = User.objects.create_superuser("root", "root@purbalinggakab.go.id", PASSWORD)
    client.force_login(root)
    assert client.get(INDEX_URL).status_code == 200

    response = client.post(
        edit_url(root),
        account_data(role="desa", username="root", email="root@purbalinggakab.go.id", first_name="Root"),
    )
    assert response.status_code == 302, response.context["form"].errors
    root.refresh_from_db()
    assert (root.account_type, root.role, root.is_superuser) == (AccountType.STAFF, "superadmin", True)
    assert list(root.groups.values_list("name", flat=True)) == ["Super Admin"]


def test_bulk_actions_do_not_reach_accounts_above_the_admin(client, admin, superadmin, desa_operator):
    client.force_login(admin)
    url = reverse("wagtail_bulk_action", args=["users", "user", "set_active_state"])
    client.post(f"{url}?id={superadmin.pk}&id={desa_operator.pk}", {"mark_as_active": "False"})
    superadmin.refresh_from_db()
    desa_operator.refresh_from_db()
    assert superadmin.is_active
    assert not desa_operator.is_active

    url = reverse("wagtail_bulk_action", args=["users", "user", "assign_role"])
    response = client.post(f"{url}?id={desa_operator.pk}&id={superadmin.pk}", {"role": "admin"})
    assert response.status_code == 200  # "admin" is not a level an Admin may give
    client.post(f"{url}?id={desa_operator.pk}&id={superadmin.pk}", {"role": "verifikator"})
    desa_operator.refresh_from_db()
    superadmin.refresh_from_db()
    assert (desa_operator.role, desa_operator.scope_desa) == ("verifikator", None)
    assert list(desa_operator.groups.values_list("name", flat=True)) == ["Verifikator"]
    assert superadmin.role == "superadmin" and superadmin.is_superuser


def test_admin_password_reset_from_the_login_page(client, desa_operator):
    reset_url = reverse("wagtailadmin_password_reset")
    assert reset_url.startswith("/app/v1/admin/")
    assert f'href="{reset_url}"' in client.get(LOGIN_URL).content.decode()

    response = client.post(reset_url, {"email": "DESA@purbalinggakab.go.id"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [desa_operator.email]
    link = re.search(r"https?://\S+/app/v1/admin/password_reset/confirm/\S+/", mail.outbox[0].body).group(0)

    form_page = client.get(link.split("testserver", 1)[1], follow=True)
    assert form_page.status_code == 200
    set_password_url = form_page.redirect_chain[-1][0]
    new_password = "Baru#Sandi2026"
    response = client.post(set_password_url, {"new_password1": new_password, "new_password2": new_password})
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_password_reset_complete")

    desa_operator.refresh_from_db()
    assert desa_operator.check_password(new_password)
    response = client.post(LOGIN_URL, {"username": "desa", "password": new_password}, follow=True)
    assert response.redirect_chain[-1][0] == DASHBOARD_URL
    assert response.context["request"].user == desa_operator


def admin_menu_labels(client, user):
    client.force_login(user)
    return re.findall(r'"label": "([^"]*)"', client.get(DASHBOARD_URL).content.decode())


def test_admin_menu_follows_the_level(client, admin, desa_operator):
    admin_menu = admin_menu_labels(client, admin)
    assert {"Master Data", "Pengaturan", "Pengguna", "Pengaturan Aplikasi"} <= set(admin_menu)
    desa_menu = admin_menu_labels(client, desa_operator)
    assert not {"Master Data", "Pengaturan", "Pengguna", "Halaman"} & set(desa_menu)
