"""Admin Pengumuman (guide §7.1 "Testimoni, Pengumuman, Pemberitahuan", issue 8): the government's
announcements (CMS pages, live or not, with links to Wagtail's page editor for editors) and the Mitra's
in one list, newest first, with a source filter, a title search and pages; "Sembunyikan" with a reason
(the announcement leaves the public Pengumuman page, its detail page and Beranda; the Mitra is told and
sees the reason) and "Tampilkan kembali", both in the audit log."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.menu import admin_menu
from wagtail.models import ModelLogEntry

from marketplace import community_use_cases as use_cases
from marketplace.models import MitraAnnouncement
from marketplace.use_cases import UseCaseError
from pages.factories import AnnouncementPageFactory
from pages.models import AnnouncementIndexPage, AnnouncementPage
from users.choices import StaffRole, VerificationStatus
from users.factories import MitraProfileFactory, PersonalFactory, UserFactory
from users.models import Notification
from users.roles import AdminMenu

pytestmark = pytest.mark.django_db

DASHBOARD_URL = "/app/v1/admin/"
INDEX_URL = "/app/v1/admin/pengumuman/"
PUBLIC_URL = "/pengumuman/"
MITRA_LIST_URL = "/akun/pengumuman/"
MODERATORS = {StaffRole.SUPER_ADMIN, StaffRole.ADMIN, StaffRole.DINAKER}
EDITORS = {StaffRole.SUPER_ADMIN, StaffRole.ADMIN}


def hide_url(announcement):
    return reverse("admin_announcements:hide", args=[announcement.pk])


def show_url(announcement):
    return reverse("admin_announcements:show", args=[announcement.pk])


def detail_url(announcement):
    return f"{PUBLIC_URL}mitra/{announcement.pk}/"


@pytest.fixture
def index(db):
    return AnnouncementIndexPage.objects.get()


@pytest.fixture
def mitra(db):
    profile = MitraProfileFactory(
        name="PT Sinar Purbalingga", verification_status=VerificationStatus.TERVERIFIKASI
    )
    profile.user.email = "hrd@sinar.id"
    profile.user.notify_by_email = True
    profile.user.save()
    return profile


@pytest.fixture
def announcement(mitra):
    return use_cases.save_announcement(
        mitra, title="Rekrutmen operator gelombang dua", body="Datang ke kantor kami hari Senin."
    )


def draft_page(index, title):
    page = AnnouncementPage(title=title, body="<p>Draf.</p>", live=False)
    index.add_child(instance=page)
    page.save_revision()
    return page


def communications_entries(user):
    request = RequestFactory().get(DASHBOARD_URL)
    request.user = user
    for item in admin_menu.menu_items_for_request(request):
        if item.name == AdminMenu.COMMUNICATIONS.value:
            return {str(child.label): child.url for child in item.menu.menu_items_for_request(request)}
    return {}


# --- Role matrix ----------------------------------------------------------------------------


@pytest.mark.parametrize("role", list(StaffRole))
def test_every_role_sees_pengumuman_and_only_moderators_may_hide(client, staff, index, announcement, role):
    government = AnnouncementPageFactory(parent=index, title="Bursa kerja akbar")
    user = staff(role)
    assert communications_entries(user).get("Pengumuman") == INDEX_URL
    client.force_login(user)
    assert INDEX_URL in client.get(DASHBOARD_URL).content.decode()

    response = client.get(INDEX_URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Rekrutmen operator gelombang dua" in page and "Bursa kerja akbar" in page
    may_hide = role in MODERATORS
    assert ("Sembunyikan" in page) is may_hide
    edit_link = reverse("wagtailadmin_pages:edit", args=[government.pk])
    unpublish_link = reverse("wagtailadmin_pages:unpublish", args=[government.pk])
    assert (edit_link in page) is (role in EDITORS)
    assert (unpublish_link in page) is (role in EDITORS)

    assert client.get(hide_url(announcement)).status_code == (200 if may_hide else 403)
    response = client.post(hide_url(announcement), {"reason": "Berisi nomor rekening pribadi."})
    assert response.status_code == (302 if may_hide else 403)
    announcement.refresh_from_db()
    assert announcement.is_hidden is may_hide
    assert client.post(show_url(announcement)).status_code == (302 if may_hide else 403)
    announcement.refresh_from_db()
    assert not announcement.is_hidden
    if not may_hide:
        assert "menyembunyikan pengumuman Mitra hanya untuk Super Admin, Admin dan Dinaker" in page
        with pytest.raises(UseCaseError):
            use_cases.hide_announcement(user, announcement, "Tidak pantas")


@pytest.mark.parametrize("account", ["personal", "mitra"])
def test_personal_and_mitra_accounts_cannot_open_the_admin_list(client, announcement, account):
    client.force_login(UserFactory(account_type=account))
    assert client.get(INDEX_URL).status_code in (302, 403)
    assert client.post(hide_url(announcement), {"reason": "x"}).status_code in (302, 403)
    announcement.refresh_from_db()
    assert not announcement.is_hidden


def test_anonymous_is_sent_to_the_login_page(client):
    response = client.get(INDEX_URL)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


# --- The list -------------------------------------------------------------------------------


def titles(response):
    return [item.obj.title for item in response.context["page_obj"]]


def mitra_announcement_on(day, title, mitra):
    announcement = use_cases.save_announcement(mitra, title=title, body="Isi.")
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))
    MitraAnnouncement.objects.filter(pk=announcement.pk).update(created_at=moment)
    return announcement


def test_list_has_both_sources_live_or_not_newest_first_with_filter_and_search(client, staff, index, mitra):
    AnnouncementPageFactory(parent=index, title="Bursa kerja akbar", date=datetime.date(2026, 11, 3))
    draft = draft_page(index, "Pelatihan menjahit gratis")
    AnnouncementPage.objects.filter(pk=draft.pk).update(date=datetime.date(2026, 11, 1))
    mitra_announcement_on(datetime.date(2026, 11, 2), "Rekrutmen operator gelombang dua", mitra)
    unverified = MitraProfileFactory(name="CV Belum Jelas", verification_status=VerificationStatus.DIAJUKAN)
    mitra_announcement_on(datetime.date(2026, 11, 4), "Libur produksi akhir tahun", unverified)
    hidden = mitra_announcement_on(datetime.date(2026, 10, 30), "Lowongan palsu", mitra)
    admin = staff(StaffRole.ADMIN)
    use_cases.hide_announcement(admin, hidden, "Penipuan")
    client.force_login(admin)

    response = client.get(INDEX_URL)
    assert titles(response) == [
        "Libur produksi akhir tahun",
        "Bursa kerja akbar",
        "Rekrutmen operator gelombang dua",
        "Pelatihan menjahit gratis",
        "Lowongan palsu",
    ]
    html = response.content.decode()
    assert "5 pengumuman" in html
    assert "Draf" in html and "Tayang" in html
    assert "Mitra belum terverifikasi" in html and "CV Belum Jelas" in html
    assert "Disembunyikan" in html and "Alasan: Penipuan" in html and "Tampilkan kembali" in html
    assert reverse("wagtailadmin_pages:edit", args=[draft.pk]) in html  # drafts are editable too
    assert reverse("wagtailadmin_pages:unpublish", args=[draft.pk]) not in html  # nothing to unpublish
    add_url = reverse("wagtailadmin_pages:add", args=["pages", "announcementpage", index.pk])
    assert add_url in html

    assert titles(client.get(INDEX_URL, {"sumber": "pemerintah"})) == [
        "Bursa kerja akbar",
        "Pelatihan menjahit gratis",
    ]
    assert titles(client.get(INDEX_URL, {"sumber": "mitra"})) == [
        "Libur produksi akhir tahun",
        "Rekrutmen operator gelombang dua",
        "Lowongan palsu",
    ]
    assert titles(client.get(INDEX_URL, {"q": "OPERATOR"})) == ["Rekrutmen operator gelombang dua"]
    assert titles(client.get(INDEX_URL, {"q": "kerja", "sumber": "pemerintah"})) == ["Bursa kerja akbar"]
    assert titles(client.get(INDEX_URL, {"q": "tidak ada judul begini"})) == []


def test_list_is_paginated_and_keeps_the_filter(client, staff, mitra):
    for day in range(1, 23):
        mitra_announcement_on(datetime.date(2026, 10, day), f"Mitra tanggal {day:02d}", mitra)
    client.force_login(staff(StaffRole.DINAKER))
    first = client.get(INDEX_URL, {"sumber": "mitra"})
    html = first.content.decode()
    assert "Halaman 1 dari 2" in html and len(titles(first)) == 20
    assert "sumber=mitra" in html.split("Halaman 1 dari 2")[1].split("</nav>")[0]
    second = client.get(INDEX_URL, {"sumber": "mitra", "halaman": 2})
    assert titles(second) == ["Mitra tanggal 02", "Mitra tanggal 01"]


def test_list_query_count_is_constant(client, staff, index):
    admin = staff(StaffRole.ADMIN)

    def add(count):
        for number in range(count):
            AnnouncementPageFactory(parent=index, title=f"Pemerintah {number}")
            draft_page(index, f"Draf {number}")
            other = MitraProfileFactory(verification_status=VerificationStatus.TERVERIFIKASI)
            use_cases.save_announcement(other, title=f"Mitra {number}", body="Isi.")
            hidden = use_cases.save_announcement(other, title=f"Disembunyikan {number}", body="Isi.")
            use_cases.hide_announcement(admin, hidden, "Alasan")

    add(1)
    client.force_login(admin)
    client.get(INDEX_URL)  # warm up per-process caches (site, settings)
    with CaptureQueriesContext(connection) as few:
        client.get(INDEX_URL)
    add(4)
    client.get(INDEX_URL)  # publishing renewed the cached site and settings (portal/site_cache.py)
    with CaptureQueriesContext(connection) as many:
        response = client.get(INDEX_URL)
    assert len(titles(response)) == 20
    assert len(many) == len(few)


# --- Sembunyikan / Tampilkan kembali --------------------------------------------------------


def test_hide_needs_a_reason_shown_beside_the_field(client, staff, announcement):
    client.force_login(staff(StaffRole.DINAKER))
    page = client.get(hide_url(announcement)).content.decode()
    assert "Alasan disembunyikan" in page and "Rekrutmen operator gelombang dua" in page
    response = client.post(hide_url(announcement), {"reason": "   "})
    assert response.status_code == 200
    html = response.content.decode()
    field = html.split('for="id_reason"')[1].split("</textarea>")[0]  # the error beside the field
    assert "Tuliskan alasan pengumuman disembunyikan." in field and "error-message" in field
    announcement.refresh_from_db()
    assert not announcement.is_hidden
    assert not Notification.objects.filter(user=announcement.mitra.user).exists()


def test_hide_takes_it_off_the_public_pages_and_tells_the_mitra(client, staff, index, mitra, announcement):
    assert "Rekrutmen operator gelombang dua" in client.get(PUBLIC_URL).content.decode()
    assert client.get(detail_url(announcement)).status_code == 200
    assert "Rekrutmen operator gelombang dua" in client.get("/").content.decode()

    moderator = staff(StaffRole.DINAKER)
    client.force_login(moderator)
    response = client.post(hide_url(announcement), {"reason": "Berisi nomor rekening pribadi."}, follow=True)
    assert "disembunyikan" in response.content.decode()
    announcement.refresh_from_db()
    assert announcement.hidden_by == moderator
    assert announcement.hidden_reason == "Berisi nomor rekening pribadi."

    client.logout()
    assert "Rekrutmen operator gelombang dua" not in client.get(PUBLIC_URL).content.decode()
    assert "Rekrutmen operator" not in client.get(PUBLIC_URL, {"sumber": "mitra"}).content.decode()
    assert client.get(detail_url(announcement)).status_code == 404
    assert "Rekrutmen operator gelombang dua" not in client.get("/").content.decode()

    notification = Notification.objects.get(user=mitra.user)
    assert notification.title == 'Pengumuman "Rekrutmen operator gelombang dua" disembunyikan oleh admin'
    assert "Berisi nomor rekening pribadi." in notification.body
    assert notification.url == MITRA_LIST_URL
    assert any("Berisi nomor rekening pribadi." in message.body for message in mail.outbox)  # important

    client.force_login(mitra.user)
    own = client.get(MITRA_LIST_URL).content.decode()
    assert "Disembunyikan oleh admin: Berisi nomor rekening pribadi." in own
    assert "Tidak tampil untuk umum" in own
    assert f'href="{detail_url(announcement)}"' not in own

    # A second submit changes nothing and tells nobody twice.
    client.force_login(moderator)
    client.post(hide_url(announcement), {"reason": "Alasan lain"})
    announcement.refresh_from_db()
    assert announcement.hidden_reason == "Berisi nomor rekening pribadi."
    assert Notification.objects.filter(user=mitra.user).count() == 1
    assert ModelLogEntry.objects.filter(action=use_cases.HIDE_ANNOUNCEMENT).count() == 1


def test_show_restores_it_everywhere(client, staff, mitra, announcement):
    moderator = staff(StaffRole.ADMIN)
    use_cases.hide_announcement(moderator, announcement, "Salah ketik nomor telepon.")
    client.force_login(moderator)
    response = client.post(show_url(announcement), {"next": f"{INDEX_URL}?sumber=mitra"})
    assert response.status_code == 302 and response["Location"] == f"{INDEX_URL}?sumber=mitra"
    announcement.refresh_from_db()
    assert not announcement.is_hidden and announcement.hidden_reason == ""

    client.logout()
    assert "Rekrutmen operator gelombang dua" in client.get(PUBLIC_URL).content.decode()
    assert client.get(detail_url(announcement)).status_code == 200
    assert "Rekrutmen operator gelombang dua" in client.get("/").content.decode()
    titles_told = list(Notification.objects.filter(user=mitra.user).values_list("title", flat=True))
    assert 'Pengumuman "Rekrutmen operator gelombang dua" ditampilkan kembali' in titles_told
    client.force_login(mitra.user)
    assert "Disembunyikan oleh admin" not in client.get(MITRA_LIST_URL).content.decode()

    # Showing again changes nothing.
    use_cases.show_announcement(moderator, announcement)
    assert Notification.objects.filter(user=mitra.user).count() == 2
    assert client.post(show_url(announcement)).status_code in (302, 403)  # as the Mitra: refused
    assert client.get(show_url(announcement)).status_code in (302, 403, 405)


def test_hide_and_show_are_in_the_audit_log(staff, announcement):
    moderator = staff(StaffRole.SUPER_ADMIN)
    use_cases.hide_announcement(moderator, announcement, "Tidak sesuai ketentuan.")
    use_cases.show_announcement(moderator, announcement)
    hide_entry = ModelLogEntry.objects.get(action="portal.hide_announcement", object_id=str(announcement.pk))
    assert hide_entry.user_id == moderator.pk
    assert hide_entry.data["reason"] == "Tidak sesuai ketentuan."
    assert hide_entry.message == "Pengumuman Mitra disembunyikan oleh admin"
    show_entry = ModelLogEntry.objects.get(action="portal.show_announcement", object_id=str(announcement.pk))
    assert show_entry.user_id == moderator.pk
    assert show_entry.data["previous_reason"] == "Tidak sesuai ketentuan."


def test_the_mitra_may_still_edit_a_hidden_announcement_and_it_stays_hidden(
    client, staff, mitra, announcement
):
    use_cases.hide_announcement(staff(StaffRole.ADMIN), announcement, "Judul menyesatkan.")
    use_cases.save_announcement(
        mitra, title="Rekrutmen operator", body="Isi yang diperbaiki.", announcement=announcement
    )
    announcement.refresh_from_db()
    assert announcement.is_hidden
    assert client.get(detail_url(announcement)).status_code == 404


def test_a_personal_cannot_use_the_use_cases(announcement):
    with pytest.raises(UseCaseError):
        use_cases.hide_announcement(PersonalFactory(), announcement, "Iseng")
    announcement.refresh_from_db()
    assert not announcement.is_hidden


def test_the_mitra_editing_a_hidden_announcement_is_told_it_stays_hidden(client, staff, announcement):
    use_cases.hide_announcement(staff(StaffRole.ADMIN), announcement, "Berisi nomor rekening pribadi.")
    client.force_login(announcement.mitra.user)

    response = client.post(
        reverse("marketplace:announcement_edit", args=[announcement.pk]),
        {"title": announcement.title, "body": "Isi yang sudah diperbaiki."},
        follow=True,
    )

    assert "tetap disembunyikan oleh admin" in response.content.decode()
    announcement.refresh_from_db()
    assert announcement.body == "Isi yang sudah diperbaiki." and announcement.hidden_at is not None
