"""Pemberitahuan (admin broadcast of in-app notifications) under "Testimoni, Pengumuman,
Pemberitahuan": the role matrix, scope of Kecamatan and Desa operators, recipient counts, the
preview → Kirim flow, one set of notifications under a double submit, and the audit log."""

import json
import re

import pytest
from django.test import RequestFactory
from django.utils import timezone
from wagtail.admin.menu import admin_menu
from wagtail.models import ModelLogEntry

from portal import broadcasts
from portal.models import Broadcast
from users.choices import StaffRole
from users.factories import MitraFactory, PersonalFactory
from users.models import Desa, Kecamatan, Notification, User
from users.roles import AdminMenu
from users.staff import install_role_groups, save_staff_account

pytestmark = pytest.mark.django_db

LIST_URL = "/app/v1/admin/kirim-pemberitahuan/"
COMPOSE_URL = "/app/v1/admin/kirim-pemberitahuan/buat/"
WHATSAPP_LIST_URL = "/app/v1/admin/kirim-pesan/"
WHATSAPP_COMPOSE_URL = "/app/v1/admin/kirim-pesan/buat/"


# --- Data -------------------------------------------------------------------------------------


def make_staff(username, role, **scope):
    user = User(username=username, email=f"{username}@purbalinggakab.go.id", first_name=username.title())
    user.set_password("Kepenak#Staf2026")
    return save_staff_account(user, role, **scope)


def personal_in(desa, **fields):
    user = PersonalFactory(**fields)
    profile = user.personal_profile
    profile.kecamatan, profile.desa = desa.kecamatan, desa
    profile.save()
    return user


def mitra_in(desa, **fields):
    user = MitraFactory(**fields)
    profile = user.mitra_profile
    profile.kecamatan, profile.desa = desa.kecamatan, desa
    profile.save()
    return user


class World:
    """Two kecamatan: Bobotsari (desa a1, a2) and another (desa b1); accounts spread over them."""


@pytest.fixture
def world(db):
    install_role_groups()
    w = World()
    w.kec_a = Kecamatan.objects.get(name="Bobotsari")
    w.a1, w.a2 = list(w.kec_a.desa_set.order_by("name")[:2])
    w.b1 = Desa.objects.exclude(kecamatan=w.kec_a).order_by("name").first()
    w.kec_b = w.b1.kecamatan
    verified = {"phone_verified_at": timezone.now()}
    w.p_a1 = personal_in(w.a1, username="warga.a1", **verified)
    w.p_a1_nowa = personal_in(w.a1, username="warga.a1.tanpawa", notify_by_whatsapp=False, **verified)
    w.p_a2 = personal_in(w.a2, username="warga.a2")  # phone not verified
    w.p_b1 = personal_in(w.b1, username="warga.b1", **verified)
    w.p_inactive = personal_in(w.a1, username="warga.nonaktif", is_active=False, **verified)
    w.m_a1 = mitra_in(w.a1, username="mitra.a1", **verified)
    w.m_b1 = mitra_in(w.b1, username="mitra.b1")
    w.staff = {
        StaffRole.SUPER_ADMIN: make_staff("superadmin", StaffRole.SUPER_ADMIN),
        StaffRole.ADMIN: make_staff("admin", StaffRole.ADMIN),
        StaffRole.DINAKER: make_staff("dinaker", StaffRole.DINAKER),
        StaffRole.KECAMATAN: make_staff("kecamatan", StaffRole.KECAMATAN, kecamatan=w.kec_a),
        StaffRole.VERIFIKATOR: make_staff("verifikator", StaffRole.VERIFIKATOR),
        StaffRole.DESA: make_staff("desa", StaffRole.DESA, desa=w.a1),
    }
    return w


def form_data(**overrides):
    data = {
        "target": broadcasts.ALL_PERSONAL,
        "kecamatan": "",
        "desa": "",
        "title": "Job Fair Purbalingga 2026",
        "body": "Datang ke GOR Goentoer Darjono, 12 Mei 2026.",
        "url": "/lowongan/",
        "submission_key": "6f1c1f7e-3b0a-4d7e-9a55-1d2b8f0c0a01",
    }
    data.update(overrides)
    return data


def communications_entries(user):
    request = RequestFactory().get("/app/v1/admin/")
    request.user = user
    for item in admin_menu.menu_items_for_request(request):
        if item.name == AdminMenu.COMMUNICATIONS.value:
            return {str(child.label): child.url for child in item.menu.menu_items_for_request(request)}
    return {}


def sidebar_urls(html):
    """The URLs of the admin sidebar (rendered as JSON props)."""
    match = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    assert match, "sidebar props not found"
    return set(re.findall(r'"url": "([^"]+)"', match.group(1))) | set(
        re.findall(r'"url":"([^"]+)"', match.group(1))
    )


# --- Role matrix ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", list(StaffRole))
def test_every_role_has_both_entries_and_pages(client, world, role):
    user = world.staff[role]
    entries = communications_entries(user)
    assert entries.get("Pemberitahuan") == LIST_URL
    assert entries.get("Kirim Pesan") == WHATSAPP_LIST_URL

    client.force_login(user)
    page = client.get(LIST_URL)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Buat Pemberitahuan" in html
    assert {LIST_URL, WHATSAPP_LIST_URL} <= sidebar_urls(html)
    for url in (COMPOSE_URL, WHATSAPP_LIST_URL, WHATSAPP_COMPOSE_URL):
        assert client.get(url).status_code == 200, url


def test_accounts_outside_the_admin_are_refused(client, world):
    assert client.get(LIST_URL).status_code == 302  # anonymous → login
    client.force_login(world.p_a1)
    for url in (LIST_URL, COMPOSE_URL, WHATSAPP_LIST_URL, WHATSAPP_COMPOSE_URL):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "Buat Pemberitahuan" not in response.content.decode()
    assert communications_entries(world.p_a1) == {}


def test_staff_without_the_menu_permission_gets_403(client, world):
    nobody = make_staff("tanpa.grup", StaffRole.DINAKER)
    nobody.groups.clear()
    from django.contrib.auth.models import Permission

    nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
    nobody = User.objects.get(pk=nobody.pk)
    client.force_login(nobody)
    assert client.get(LIST_URL).status_code == 403
    assert client.post(COMPOSE_URL, form_data(action="send")).status_code == 403
    assert not Broadcast.objects.exists()


# --- Audiences and scope ----------------------------------------------------------------------


def test_recipient_counts_per_audience(world):
    count = lambda **audience: broadcasts.notification_recipients(audience).count()  # noqa: E731
    assert count(target=broadcasts.ALL_PERSONAL) == 4  # the inactive account is left out
    assert count(target=broadcasts.ALL_MITRA) == 2
    assert count(target=broadcasts.KECAMATAN, kecamatan=world.kec_a.pk) == 3
    assert count(target=broadcasts.KECAMATAN, kecamatan=world.kec_b.pk) == 1
    assert count(target=broadcasts.DESA, desa=world.a1.pk) == 2
    assert count(target=broadcasts.DESA, desa=world.a2.pk) == 1
    assert count(target="nonsense") == 0


def options_of(html, name):
    """The option values of the <select name=...> (or radio values of ``name``)."""
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S)
    if select:
        return set(re.findall(r'<option value="([^"]+)"', select.group(0)))
    return set(re.findall(rf'name="{name}" value="([^"]+)"', html))


def compose_page(client, user):
    client.force_login(user)
    return client.get(COMPOSE_URL).content.decode()


def test_the_form_offers_only_the_operators_region(client, world):
    html = compose_page(client, world.staff[StaffRole.KECAMATAN])
    assert options_of(html, "target") == {"kecamatan", "desa"}
    assert "Semua Personal" not in html and "Semua Mitra" not in html
    assert options_of(html, "kecamatan") == {str(world.kec_a.pk)}
    assert options_of(html, "desa") == {str(pk) for pk in world.kec_a.desa_set.values_list("pk", flat=True)}

    html = compose_page(client, world.staff[StaffRole.DESA])
    assert options_of(html, "target") == {"desa"}
    assert "Semua Personal" not in html and "Personal di kecamatan" not in html
    assert options_of(html, "desa") == {str(world.a1.pk)}

    html = compose_page(client, world.staff[StaffRole.DINAKER])
    assert options_of(html, "target") == {"all_personal", "all_mitra", "kecamatan", "desa"}
    assert "Semua Personal" in html and "Semua Mitra" in html
    assert options_of(html, "kecamatan") == {str(pk) for pk in Kecamatan.objects.values_list("pk", flat=True)}
    assert len(options_of(html, "desa")) == Desa.objects.count()


@pytest.mark.parametrize(
    "role, data",
    [
        (StaffRole.KECAMATAN, {"target": broadcasts.ALL_PERSONAL}),
        (StaffRole.KECAMATAN, {"target": broadcasts.ALL_MITRA}),
        (StaffRole.KECAMATAN, {"target": broadcasts.KECAMATAN, "kecamatan": "kec_b"}),
        (StaffRole.KECAMATAN, {"target": broadcasts.DESA, "desa": "b1"}),
        (StaffRole.DESA, {"target": broadcasts.DESA, "desa": "a2"}),
        (StaffRole.DESA, {"target": broadcasts.KECAMATAN, "kecamatan": "kec_a"}),
    ],
)
def test_a_crafted_post_outside_the_region_is_refused(client, world, role, data):
    data = {
        key: str(getattr(world, value).pk) if key in ("kecamatan", "desa") else value
        for key, value in data.items()
    }
    client.force_login(world.staff[role])
    for action in ("preview", "send"):
        response = client.post(COMPOSE_URL, form_data(action=action, **data))
        assert response.status_code == 200
        html = response.content.decode()
        assert (
            "error-message" in html or "Pilih pilihan yang valid" in html or "Select a valid choice" in html
        )
        assert "Pesan akan dikirim ke" not in html
    assert not Broadcast.objects.exists()
    assert not Notification.objects.filter(event=broadcasts.NOTIFICATION_EVENT).exists()


def test_the_use_case_refuses_out_of_scope_audiences_too(world):
    from marketplace.use_cases import UseCaseError

    with pytest.raises(UseCaseError):
        broadcasts.send_notification_broadcast(
            world.staff[StaffRole.DESA], {"target": broadcasts.DESA, "desa": world.a2.pk}, "Judul", "Isi"
        )
    with pytest.raises(UseCaseError):
        broadcasts.send_notification_broadcast(
            world.staff[StaffRole.KECAMATAN], {"target": broadcasts.ALL_PERSONAL}, "Judul", "Isi"
        )
    assert not Broadcast.objects.exists()


# --- Preview, send, double submit, audit log --------------------------------------------------


def test_preview_shows_the_recipient_count_then_kirim_sends_once(client, world):
    admin = world.staff[StaffRole.ADMIN]
    client.force_login(admin)
    data = form_data(target=broadcasts.KECAMATAN, kecamatan=str(world.kec_a.pk))

    preview = client.post(COMPOSE_URL, {**data, "action": "preview"})
    html = preview.content.decode()
    assert "Pesan akan dikirim ke 3 akun" in html
    assert "Personal di kecamatan Bobotsari" in html
    assert "Job Fair Purbalingga 2026" in html and ">Kirim</button>" in html
    assert not Broadcast.objects.exists()  # nothing sent by the preview
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))
    assert hidden["submission_key"] == data["submission_key"] and hidden["kecamatan"] == str(world.kec_a.pk)

    sent = client.post(COMPOSE_URL, {**data, "action": "send"}, follow=True)
    assert sent.redirect_chain[-1][0] == LIST_URL
    assert "Pemberitahuan sedang dikirim ke 3 akun." in sent.content.decode()
    again = client.post(COMPOSE_URL, {**data, "action": "send"})  # double submit / back button
    assert again.status_code == 302

    notified = Notification.objects.filter(event=broadcasts.NOTIFICATION_EVENT)
    assert sorted(notified.values_list("user__username", flat=True)) == sorted(
        ["warga.a1", "warga.a1.tanpawa", "warga.a2"]
    )
    first = notified.first()
    assert (first.title, first.body, first.url) == (data["title"], data["body"], "/lowongan/")

    broadcast = Broadcast.objects.get()
    assert broadcast.kind == Broadcast.Kind.NOTIFICATION
    assert broadcast.recipients_count == 3 and broadcast.status == Broadcast.Status.DONE
    assert broadcast.created_by == admin and broadcast.finished_at is not None

    listing = client.get(LIST_URL).content.decode()
    assert "Job Fair Purbalingga 2026" in listing and "Personal di kecamatan Bobotsari" in listing
    assert "Selesai" in listing

    entry = ModelLogEntry.objects.get(action="portal.broadcast")
    assert entry.user_id == admin.pk and entry.object_id == str(broadcast.pk)
    assert entry.data == {"kind": "notification", "target": "kecamatan", "recipients": 3}
    assert "warga" not in json.dumps(entry.data) + entry.label


def test_in_app_only_no_email_and_the_mitra_audience(client, world, mailoutbox):
    from portal import whatsapp

    client.force_login(world.staff[StaffRole.VERIFIKATOR])
    client.post(COMPOSE_URL, form_data(target=broadcasts.ALL_MITRA, action="send"))
    assert sorted(
        Notification.objects.filter(event=broadcasts.NOTIFICATION_EVENT).values_list(
            "user__username", flat=True
        )
    ) == ["mitra.a1", "mitra.b1"]
    assert mailoutbox == [] and whatsapp.outbox == []


def test_desa_operator_sends_to_its_desa(client, world):
    client.force_login(world.staff[StaffRole.DESA])
    compose = client.get(COMPOSE_URL).content.decode()
    assert "checked" in compose  # the only audience is preselected
    response = client.post(
        COMPOSE_URL, form_data(target=broadcasts.DESA, desa=str(world.a1.pk), action="send"), follow=True
    )
    assert "Pemberitahuan sedang dikirim ke 2 akun." in response.content.decode()
    assert set(Notification.objects.filter(event="broadcast").values_list("user_id", flat=True)) == {
        world.p_a1.pk,
        world.p_a1_nowa.pk,
    }


@pytest.mark.parametrize(
    "data, message",
    [
        ({"target": broadcasts.KECAMATAN}, "Pilih kecamatan."),
        ({"target": broadcasts.DESA}, "Pilih desa/kelurahan."),
        ({"title": ""}, "Tuliskan judul pemberitahuan."),
        ({"url": "https://contoh.id/"}, "Tautan harus berupa alamat halaman di situs ini"),
        ({"url": "//contoh.id/"}, "Tautan harus berupa alamat halaman di situs ini"),
    ],
)
def test_errors_are_shown_beside_the_fields_and_input_kept(client, world, data, message):
    client.force_login(world.staff[StaffRole.SUPER_ADMIN])
    html = client.post(COMPOSE_URL, form_data(action="preview", **data)).content.decode()
    assert message in html
    assert "Datang ke GOR Goentoer Darjono" in html  # what was typed is kept
    assert not Broadcast.objects.exists()


def test_notification_job_writes_in_chunks_and_runs_once(world, monkeypatch, django_assert_max_num_queries):
    monkeypatch.setattr(broadcasts, "NOTIFICATION_CHUNK_SIZE", 2)
    broadcast = Broadcast.objects.create(
        kind=Broadcast.Kind.NOTIFICATION,
        audience={"target": broadcasts.ALL_PERSONAL},
        audience_label="Semua Personal",
        title="Info",
        body="Isi",
    )
    assert broadcasts.deliver_notification_broadcast(broadcast.pk) == 4
    assert broadcasts.deliver_notification_broadcast(broadcast.pk) == 0  # a repeated job adds nothing
    assert Notification.objects.filter(event="broadcast").count() == 4


def test_the_list_has_constant_queries(client, world, django_assert_max_num_queries):
    admin = world.staff[StaffRole.ADMIN]
    for number in range(5):
        Broadcast.objects.create(
            kind=Broadcast.Kind.NOTIFICATION,
            audience={"target": broadcasts.ALL_PERSONAL},
            audience_label="Semua Personal",
            title=f"Info {number}",
            body="Isi",
            recipients_count=4,
            created_by=admin,
        )
    client.force_login(admin)
    client.get(LIST_URL)  # warm caches (site settings, permissions)
    with django_assert_max_num_queries(25) as captured:
        html = client.get(LIST_URL).content.decode()
    assert "Info 4" in html and "Info 0" in html
    few = len(captured.captured_queries)
    Broadcast.objects.bulk_create(
        [
            Broadcast(
                kind=Broadcast.Kind.NOTIFICATION,
                audience_label="Semua Mitra",
                title=f"Lagi {number}",
                body="Isi",
                created_by=make_staff(f"staf{number}", StaffRole.DINAKER),
            )
            for number in range(5)
        ]
    )
    with django_assert_max_num_queries(few):
        client.get(LIST_URL)


def test_region_operators_list_only_their_own_broadcasts(client, world):
    def sent_by(role, title):
        return Broadcast.objects.create(
            kind=Broadcast.Kind.NOTIFICATION,
            audience={"target": broadcasts.ALL_PERSONAL},
            audience_label="Semua Personal",
            title=title,
            body="Isi",
            created_by=world.staff[role],
        )

    sent_by(StaffRole.ADMIN, "Dari Admin")
    sent_by(StaffRole.DESA, "Dari Desa")
    client.force_login(world.staff[StaffRole.DESA])
    html = client.get(LIST_URL).content.decode()
    assert "Dari Desa" in html and "Dari Admin" not in html
    client.force_login(world.staff[StaffRole.DINAKER])
    html = client.get(LIST_URL).content.decode()
    assert "Dari Desa" in html and "Dari Admin" in html
