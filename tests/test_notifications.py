"""Pemberitahuan (guide chapters 5 and 6): the notification service, its delivery by email and
WhatsApp, the list with its preferences, the open endpoint, the header bell and its unread count."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from portal import whatsapp
from users import notifications
from users.choices import AccountType
from users.factories import MitraFactory, PersonalFactory
from users.models import Notification

pytestmark = pytest.mark.django_db

LIST_URL = "/akun/pemberitahuan/"
COUNT_URL = "/akun/pemberitahuan/jumlah/"
MARK_ALL_URL = "/akun/pemberitahuan/tandai-semua-dibaca/"


def open_url(notification):
    return f"/akun/pemberitahuan/{notification.pk}/buka/"


@pytest.fixture
def personal():
    return PersonalFactory(phone_verified_at=timezone.now())


@pytest.fixture
def deliver(django_capture_on_commit_callbacks):
    """Call notify() and run the jobs it enqueued (as they run after the request's commit)."""

    def deliver(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return notifications.notify(*args, **kwargs)

    return deliver


def make(user, count, **fields):
    """``count`` notifications, the later ones newer."""
    now = timezone.now()
    created = []
    for index in range(count):
        notification = Notification.objects.create(user=user, event="test", title=f"Kabar {index}", **fields)
        Notification.objects.filter(pk=notification.pk).update(
            created_at=now - timedelta(minutes=count - index)
        )
        created.append(notification)
    return created


def test_urls():
    assert reverse("users:notifications") == LIST_URL
    assert reverse("users:notifications_unread_count") == COUNT_URL
    assert reverse("users:notifications_mark_all_read") == MARK_ALL_URL


# --- the service -------------------------------------------------------------------------------


def test_notify_creates_an_unread_in_app_notification_only(personal, deliver):
    notification = deliver(
        personal, "verification.verified", "Akun terverifikasi", "Selamat.", "/akun/profil/"
    )

    assert Notification.objects.get() == notification
    assert (notification.user, notification.title, notification.url) == (
        personal,
        "Akun terverifikasi",
        "/akun/profil/",
    )
    assert notification.read_at is None
    assert notifications.unread_count(personal) == 1
    assert mail.outbox == []
    assert whatsapp.outbox == []


def test_important_notification_goes_by_email_and_whatsapp(personal, deliver):
    deliver(
        personal,
        "verification.verified",
        "Akun Anda terverifikasi",
        "Selamat!",
        "/akun/profil/",
        important=True,
    )

    (email,) = mail.outbox
    assert email.to == [personal.email]
    assert "Akun Anda terverifikasi" in email.subject
    assert "Akun Anda terverifikasi" in email.body
    assert "http://testserver/akun/profil/" in email.body
    html, mimetype = email.alternatives[0]
    assert mimetype == "text/html"
    assert "Akun Anda terverifikasi" in html
    (message,) = whatsapp.outbox
    assert message.to == personal.phone
    assert "Akun Anda terverifikasi" in message.body


def test_preferences_are_respected(deliver):
    no_email = PersonalFactory(phone_verified_at=timezone.now(), notify_by_email=False)
    no_whatsapp = PersonalFactory(phone_verified_at=timezone.now(), notify_by_whatsapp=False)

    deliver(no_email, "x", "Untuk yang tanpa email", important=True)
    deliver(no_whatsapp, "x", "Untuk yang tanpa WhatsApp", important=True)

    assert [email.to for email in mail.outbox] == [[no_whatsapp.email]]
    assert [message.to for message in whatsapp.outbox] == [no_email.phone]
    assert Notification.objects.count() == 2


def test_never_whatsapp_to_an_unverified_phone(deliver):
    user = MitraFactory(phone_verified_at=None, notify_by_whatsapp=True)

    deliver(user, "verification.rejected", "Verifikasi ditolak", important=True)

    assert whatsapp.outbox == []
    assert len(mail.outbox) == 1


# --- the list ----------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(LIST_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/login/?next=")


def test_list_is_newest_first_and_only_the_users_own(client, personal):
    make(personal, 3)
    make(PersonalFactory(), 1, body="Milik orang lain")
    client.force_login(personal)

    response = client.get(LIST_URL)

    titles = [n.title for n in response.context["page_obj"]]
    assert titles == ["Kabar 2", "Kabar 1", "Kabar 0"]
    assert "Milik orang lain" not in response.text
    assert response.text.index("Kabar 2") < response.text.index("Kabar 1") < response.text.index("Kabar 0")


def test_list_works_for_mitra_accounts(client):
    mitra = MitraFactory()
    notifications.notify(mitra, "application.new", "Lamaran baru masuk")
    client.force_login(mitra)

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert "Lamaran baru masuk" in response.text


def test_list_is_paginated_by_twenty(client, personal):
    make(personal, 25)
    client.force_login(personal)

    first = client.get(LIST_URL)
    second = client.get(LIST_URL, {"halaman": 2})

    assert [n.title for n in first.context["page_obj"]][:1] == ["Kabar 24"]
    assert len(first.context["page_obj"]) == 20
    assert "halaman=2" in first.text
    assert [n.title for n in second.context["page_obj"]] == [f"Kabar {i}" for i in range(4, -1, -1)]


def test_unread_ones_are_marked_new_and_bold(client, personal):
    read, unread = make(personal, 2)
    Notification.objects.filter(pk=read.pk).update(read_at=timezone.now())
    client.force_login(personal)

    html = client.get(LIST_URL).text

    items = re.findall(r'<li class="list-group-item.*?</li>', html, re.S)
    assert len(items) == 2
    newest, older = items
    assert "Kabar 1" in newest and "Baru" in newest and 'class="fw-bold"' in newest
    assert "Kabar 0" in older and "Baru" not in older and "fw-bold" not in older
    assert "1 pemberitahuan belum dibaca." in html


def test_empty_state(client, personal):
    client.force_login(personal)

    response = client.get(LIST_URL)

    assert "Belum ada pemberitahuan." in response.text
    assert "Tandai semua dibaca" not in response.text


# --- opening one -------------------------------------------------------------------------------


def test_open_marks_read_and_follows_a_local_link(client, personal):
    (notification,) = make(personal, 1, url="/akun/profil/?bagian=dokumen")
    client.force_login(personal)

    response = client.get(open_url(notification))

    assert response.status_code == 302
    assert response["Location"] == "/akun/profil/?bagian=dokumen"
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert notifications.unread_count(personal) == 0


def test_open_follows_an_absolute_link_to_this_very_site(client, personal):
    (notification,) = make(personal, 1, url="http://testserver/akun/profil/")
    client.force_login(personal)

    assert client.get(open_url(notification))["Location"] == "http://testserver/akun/profil/"


def test_open_also_accepts_post(client, personal):
    (notification,) = make(personal, 1, url="/akun/profil/")
    client.force_login(personal)

    response = client.post(open_url(notification))

    assert response["Location"] == "/akun/profil/"
    notification.refresh_from_db()
    assert notification.read_at is not None


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example",
        "//evil.example",
        "/\\evil.example",
        "http://evil.example/akun/",
        "javascript:alert(1)",
        "evil.example",
        "",
    ],
)
def test_open_never_redirects_elsewhere(client, personal, url):
    (notification,) = make(personal, 1, url=url)
    client.force_login(personal)

    response = client.get(open_url(notification))

    assert response.status_code == 302
    assert response["Location"] == LIST_URL
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_open_another_users_notification_is_404_and_leaves_it_unread(client, personal):
    (other,) = make(PersonalFactory(), 1, url="/akun/profil/")
    client.force_login(personal)

    assert client.get(open_url(other)).status_code == 404
    assert client.post(open_url(other)).status_code == 404
    other.refresh_from_db()
    assert other.read_at is None


# --- Tandai semua dibaca -----------------------------------------------------------------------


def test_mark_all_read_is_post_only_and_idempotent(client, personal):
    make(personal, 3)
    (others,) = make(PersonalFactory(), 1)
    client.force_login(personal)

    assert client.get(MARK_ALL_URL).status_code == 405
    assert notifications.unread_count(personal) == 3

    first = client.post(MARK_ALL_URL, follow=True)
    assert first.redirect_chain == [(LIST_URL, 302)]
    assert "Semua pemberitahuan sudah ditandai dibaca." in first.text
    assert "Baru</span>" not in first.text
    assert notifications.unread_count(personal) == 0
    read_at = set(Notification.objects.filter(user=personal).values_list("read_at", flat=True))

    again = client.post(MARK_ALL_URL)
    assert again.status_code == 302
    assert set(Notification.objects.filter(user=personal).values_list("read_at", flat=True)) == read_at
    others.refresh_from_db()
    assert others.read_at is None


# --- preferences -------------------------------------------------------------------------------


def test_preferences_form_saves_both_choices(client, personal):
    client.force_login(personal)
    page = client.get(LIST_URL).text
    assert "Kirim pemberitahuan penting lewat email" in page
    assert "Kirim pemberitahuan penting lewat WhatsApp" in page

    response = client.post(LIST_URL, {"notify_by_whatsapp": "on"}, follow=True)

    assert "Pilihan pemberitahuan sudah disimpan." in response.text
    personal.refresh_from_db()
    assert (personal.notify_by_email, personal.notify_by_whatsapp) == (False, True)

    client.post(LIST_URL, {"notify_by_email": "on"})
    personal.refresh_from_db()
    assert (personal.notify_by_email, personal.notify_by_whatsapp) == (True, False)


def test_preferences_say_whatsapp_needs_a_verified_phone(client):
    user = PersonalFactory(phone_verified_at=None)
    client.force_login(user)

    html = client.get(LIST_URL).text

    assert "hanya dikirim ke nomor HP yang sudah terverifikasi" in html
    assert "Nomor HP Anda belum terverifikasi" in html
    assert reverse("users:send_phone_code") in html


# --- unread count endpoint and bell ------------------------------------------------------------


@pytest.mark.parametrize("count", [0, 50])
def test_unread_endpoint_costs_the_same_whatever_the_count(
    client, personal, django_assert_num_queries, count
):
    make(personal, count)
    make(PersonalFactory(), 5)
    client.force_login(personal)

    # Session, user, and one COUNT.
    with django_assert_num_queries(3) as captured:
        response = client.get(COUNT_URL)

    assert response.status_code == 200
    assert response.json() == {"unread": count}
    assert "no-store" in response["Cache-Control"]
    count_sql = captured.captured_queries[-1]["sql"]
    assert "COUNT(" in count_sql.upper() and "read_at" in count_sql and "IS NULL" in count_sql.upper()


def test_unread_endpoint_ignores_read_ones(client, personal):
    first, _second = make(personal, 2)
    notifications.mark_read(personal, first.pk)
    client.force_login(personal)

    assert client.get(COUNT_URL).json() == {"unread": 1}


def test_unread_endpoint_refuses_anonymous_visitors(client):
    response = client.get(COUNT_URL)

    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"
    assert "unread" not in response.json()
    assert "no-store" in response["Cache-Control"]


def bell(html):
    match = re.search(r"<a [^>]*data-notification-bell[^>]*>.*?</a>", html, re.S)
    return match and match.group(0)


def test_header_bell_shows_the_unread_count(client, personal):
    make(personal, 3)
    client.force_login(personal)

    html = client.get("/").text

    link = bell(html)
    assert link is not None
    assert 'href="/akun/pemberitahuan/"' in link
    assert 'aria-label="Pemberitahuan, 3 belum dibaca"' in link
    assert re.search(r"data-notification-badge>3</span>", link)
    assert 'data-count-url="/akun/pemberitahuan/jumlah/"' in link
    assert 'data-poll-seconds="20"' in link
    assert "js/notifications.js" in html


def test_header_bell_with_nothing_unread_hides_the_badge(client):
    mitra = MitraFactory()
    client.force_login(mitra)

    link = bell(client.get("/").text)

    assert 'aria-label="Pemberitahuan, 0 belum dibaca"' in link
    assert "data-notification-badge hidden>0</span>" in link


def test_bell_poll_interval_comes_from_settings(client, personal, settings):
    settings.NOTIFICATION_POLL_SECONDS = 1
    client.force_login(personal)

    assert 'data-poll-seconds="1"' in bell(client.get("/").text)


def test_no_bell_and_no_polling_for_anonymous_visitors_or_staff(client):
    html = client.get("/").text
    assert bell(html) is None
    assert "notifications.js" not in html

    staff = PersonalFactory(is_staff=True, account_type=AccountType.STAFF)
    client.force_login(staff)
    assert bell(client.get("/").text) is None


def test_bell_count_costs_one_query(personal, django_assert_num_queries):
    make(personal, 4)

    with django_assert_num_queries(1):
        html = render_to_string("users/includes/bell.html", {"user": personal})

    assert "Pemberitahuan, 4 belum dibaca" in html
