"""Testimoni (guide §5, §6, §9; issue 7): Personal and Mitra write one testimonial, it waits for staff
approval, approved ones show on Beranda and on the Testimonial page with the author's name, account
type and kecamatan (no contact data); an edit sends it back for approval; staff moderate in the admin."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from marketplace import community_use_cases as use_cases
from marketplace.choices import TestimonialStatus as Status
from marketplace.models import Testimonial as Record
from marketplace.use_cases import UseCaseError
from users.choices import AccountType, StaffRole, VerificationStatus
from users.factories import MitraProfileFactory, PersonalFactory, UserFactory
from users.models import Kecamatan, Notification
from users.staff import save_staff_account

pytestmark = pytest.mark.django_db

WRITE_URL = "/akun/testimoni/"
PUBLIC_URL = "/testimonial/"
ADMIN_URL = "/app/v1/admin/testimoni/"


@pytest.fixture
def kecamatan(db):
    return Kecamatan.objects.get(name="Bobotsari")


@pytest.fixture
def personal(kecamatan):
    user = PersonalFactory(
        first_name="Siti", last_name="Aminah", email="siti.aminah@contoh.id", phone="6281234500001"
    )
    user.personal_profile.kecamatan = kecamatan
    user.personal_profile.save()
    return user


@pytest.fixture
def mitra(kecamatan):
    profile = MitraProfileFactory(
        name="CV Batik Perwira",
        kecamatan=kecamatan,
        user__email="batik@contoh.id",
        user__phone="6281234500002",
        contact_phone="6281300009999",
    )
    return profile.user


def staff(role=StaffRole.ADMIN):
    return save_staff_account(UserFactory(account_type=AccountType.STAFF), role)


def approve(testimonial):
    return use_cases.approve_testimonial(staff(), testimonial)


# --- Writing -------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["personal", "mitra"])
def test_personal_and_mitra_write_a_testimonial_that_waits_for_approval(client, request, who):
    user = request.getfixturevalue(who)
    client.force_login(user)
    page = client.get(WRITE_URL).content.decode()
    assert 'href="/akun/testimoni/">Testimoni</a>' in page  # the sidebar entry
    assert "Tulis testimoni" in page and 'name="stars"' in page
    assert "<legend" in page and "Rating (opsional)" in page  # radio group with its legend

    response = client.post(WRITE_URL, {"text": "  Cepat dapat kerja di sini.  ", "stars": "5"}, follow=True)
    html = response.content.decode()
    assert "menunggu persetujuan petugas" in html
    assert "Menunggu persetujuan" in html
    testimonial = Record.objects.get(author=user)
    assert (testimonial.text, testimonial.stars, testimonial.status) == (
        "Cepat dapat kerja di sini.",
        5,
        Status.PENDING,
    )
    assert "Cepat dapat kerja di sini." not in client.get(PUBLIC_URL).content.decode()
    assert "Cepat dapat kerja di sini." not in client.get("/").content.decode()


def test_rating_is_optional_and_a_double_submit_makes_one_testimonial(client, personal):
    client.force_login(personal)
    client.post(WRITE_URL, {"text": "Aplikasinya mudah dipakai.", "stars": ""})
    second = client.post(WRITE_URL, {"text": "Aplikasinya mudah dipakai.", "stars": ""}, follow=True)
    assert "Tidak ada perubahan" in second.content.decode()
    assert Record.objects.filter(author=personal).count() == 1
    assert Record.objects.get(author=personal).stars is None


def test_errors_beside_the_field_and_the_text_is_kept(client, personal):
    client.force_login(personal)
    too_long = "Bagus sekali. " * 80  # over 1000 characters
    html = client.post(WRITE_URL, {"text": too_long, "stars": "4"}).content.decode()
    assert "Testimoni maksimal 1000 karakter" in html
    assert "Bagus sekali. Bagus sekali." in html  # what was typed is kept
    assert 'id="id_stars_4" checked' in html  # the chosen rating is kept too
    empty = client.post(WRITE_URL, {"text": "   ", "stars": "9"}).content.decode()
    assert "Testimoni wajib diisi." in empty
    assert "Masukkan pilihan yang valid" in empty
    assert not Record.objects.exists()


def test_editing_an_approved_testimonial_sends_it_back_to_pending(client, personal):
    client.force_login(personal)
    client.post(WRITE_URL, {"text": "Dapat kerja dalam seminggu.", "stars": "5"})
    approve(Record.objects.get())
    page = client.get(WRITE_URL).content.decode()
    assert "Disetujui" in page and "menunggu persetujuan lagi" in page
    assert "Dapat kerja dalam seminggu." in client.get(PUBLIC_URL).content.decode()

    response = client.post(WRITE_URL, {"text": "Dapat kerja dalam tiga hari.", "stars": "4"}, follow=True)
    assert "menunggu persetujuan lagi" in response.content.decode()
    testimonial = Record.objects.get()
    assert testimonial.status == Status.PENDING
    assert testimonial.decided_at is None
    public = client.get(PUBLIC_URL).content.decode()
    assert "Dapat kerja dalam" not in public


def test_only_personal_and_mitra_may_write(client):
    response = client.get(WRITE_URL)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('users:login')}?next={WRITE_URL}"
    client.force_login(staff())
    assert client.get(WRITE_URL).status_code == 403
    assert client.post(WRITE_URL, {"text": "Dari petugas"}).status_code == 403
    assert not Record.objects.exists()
    with pytest.raises(UseCaseError):
        use_cases.save_testimonial(staff(StaffRole.VERIFIKATOR), "Dari petugas", None)


# --- Public ---------------------------------------------------------------------------------------


def test_approved_testimonials_show_name_type_kecamatan_and_no_contact_data(client, personal, mitra):
    use_cases.save_testimonial(personal, "Lamaran saya cepat diproses.", 5)
    use_cases.save_testimonial(mitra, "Kami mendapat penjahit yang terampil.", None)
    for testimonial in Record.objects.all():
        approve(testimonial)

    for url in (PUBLIC_URL, "/"):
        html = client.get(url).content.decode()
        assert "Lamaran saya cepat diproses." in html, url
        assert "Kami mendapat penjahit yang terampil." in html, url
        assert "Siti Aminah" in html and "CV Batik Perwira" in html, url
        assert "Personal" in html and "Mitra" in html, url
        assert "Kec. Bobotsari" in html, url
        assert "5 dari 5 bintang" in html, url
        for secret in (
            "siti.aminah@contoh.id",
            "batik@contoh.id",
            "6281234500001",
            "81234500001",
            "6281300009999",
        ):
            assert secret not in html, (url, secret)


def test_rejected_testimonial_is_not_public_and_the_author_is_told(client, personal):
    testimonial, _ = use_cases.save_testimonial(personal, "Tulisan yang melanggar.", 1)
    use_cases.reject_testimonial(staff(), testimonial)
    assert "Tulisan yang melanggar." not in client.get(PUBLIC_URL).content.decode()
    notification = Notification.objects.get(user=personal)
    assert notification.title == "Testimoni Anda tidak disetujui"
    client.force_login(personal)
    assert "Ditolak" in client.get(WRITE_URL).content.decode()


def test_testimonial_page_is_newest_approved_first_and_paginated(client):
    authors = PersonalFactory.create_batch(13)
    base = timezone.now() - datetime.timedelta(days=30)
    for number, author in enumerate(authors, start=1):
        testimonial, _ = use_cases.save_testimonial(author, f"Testimoni nomor {number:02d}.", 4)
        approve(testimonial)
        Record.objects.filter(pk=testimonial.pk).update(decided_at=base + datetime.timedelta(days=number))
    first = client.get(PUBLIC_URL).content.decode()
    assert first.index("Testimoni nomor 13.") < first.index("Testimoni nomor 12.")
    assert "Testimoni nomor 01." not in first and "Halaman 1 dari 2" in first
    second = client.get(PUBLIC_URL, {"halaman": 2}).content.decode()
    assert "Testimoni nomor 01." in second and "Testimoni nomor 13." not in second
    home = client.get("/").content.decode()
    assert "Testimoni nomor 13." in home and "Testimoni nomor 11." in home
    assert "Testimoni nomor 10." not in home  # Beranda shows the latest three


def test_testimonial_page_query_count_is_constant(client, kecamatan):
    def add(count):
        for _ in range(count):
            author = PersonalFactory()
            author.personal_profile.kecamatan = kecamatan
            author.personal_profile.save()
            approve(use_cases.save_testimonial(author, "Sangat membantu.", 5)[0])
        profile = MitraProfileFactory(
            kecamatan=kecamatan, verification_status=VerificationStatus.TERVERIFIKASI
        )
        approve(use_cases.save_testimonial(profile.user, "Pelamar banyak.", 4)[0])

    add(1)
    client.get(PUBLIC_URL)  # warm up per-process caches (site, settings)
    client.get("/")
    cache.clear()  # pages as rendered, not as cached (portal/public_cache.py)
    with CaptureQueriesContext(connection) as few:
        client.get(PUBLIC_URL)
    cache.clear()
    with CaptureQueriesContext(connection) as few_home:
        client.get("/")
    add(8)
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        assert client.get(PUBLIC_URL).content.decode().count("Sangat membantu.") == 9
    cache.clear()
    with CaptureQueriesContext(connection) as many_home:
        client.get("/")
    assert len(many) == len(few)
    assert len(many_home) == len(few_home)


# --- Moderation -----------------------------------------------------------------------------------


def test_staff_approve_in_the_admin_and_the_author_is_notified(client, personal, mitra):
    use_cases.save_testimonial(mitra, "Sudah disetujui sebelumnya.", 3)
    approve(Record.objects.get(author=mitra))
    testimonial, _ = use_cases.save_testimonial(personal, "Menunggu keputusan.", 5)
    moderator = staff(StaffRole.VERIFIKATOR)
    client.force_login(moderator)

    listing = client.get(ADMIN_URL).content.decode()
    assert listing.index("Menunggu keputusan.") < listing.index(
        "Sudah disetujui sebelumnya."
    )  # pending first
    assert "Setujui" in listing and "Tolak" in listing
    assert "Menunggu keputusan." in client.get(ADMIN_URL, {"status": "menunggu"}).content.decode()
    assert "Sudah disetujui" not in client.get(ADMIN_URL, {"status": "menunggu"}).content.decode()

    response = client.post(f"{ADMIN_URL}{testimonial.pk}/keputusan/", {"action": "setujui"})
    assert response.status_code == 302
    testimonial.refresh_from_db()
    assert testimonial.status == Status.APPROVED
    assert testimonial.decided_by == moderator
    notification = Notification.objects.get(user=personal)
    assert notification.title == "Testimoni Anda disetujui"
    assert notification.url == WRITE_URL

    # A second click changes nothing and tells nobody twice.
    client.post(f"{ADMIN_URL}{testimonial.pk}/keputusan/", {"action": "setujui"})
    assert Notification.objects.filter(user=personal).count() == 1
    assert "Menunggu keputusan." in client.get(PUBLIC_URL).content.decode()


def test_moderation_needs_the_change_testimonial_permission(client, personal):
    testimonial, _ = use_cases.save_testimonial(personal, "Perlu izin.", 5)
    operator = staff(StaffRole.DINAKER)
    group = Group.objects.get(name="Dinaker")
    group.permissions.remove(*group.permissions.filter(codename="change_testimonial"))
    operator = type(operator).objects.get(pk=operator.pk)  # fresh permission cache

    assert not use_cases.may_moderate_testimonials(operator)
    with pytest.raises(UseCaseError):
        use_cases.approve_testimonial(operator, testimonial)
    client.force_login(operator)
    assert client.get(ADMIN_URL).status_code == 403
    assert client.post(f"{ADMIN_URL}{testimonial.pk}/keputusan/", {"action": "setujui"}).status_code == 403
    testimonial.refresh_from_db()
    assert testimonial.status == Status.PENDING

    client.force_login(personal)
    assert client.post(f"{ADMIN_URL}{testimonial.pk}/keputusan/", {"action": "setujui"}).status_code in (
        302,
        403,
    )
    testimonial.refresh_from_db()
    assert testimonial.status == Status.PENDING
    assert not Notification.objects.filter(user=personal).exists()


def test_admin_menu_shows_testimoni_to_moderators(client):
    client.force_login(staff(StaffRole.ADMIN))
    html = client.get("/app/v1/admin/").content.decode()
    assert ADMIN_URL in html


# --- Sembunyikan after approval, audit log ------------------------------------------------------


def test_an_approved_testimonial_can_be_hidden_and_shown_again_from_the_admin(client, personal):
    testimonial, _ = use_cases.save_testimonial(personal, "Dapat kerja di pabrik bulu mata.", 5)
    approve(testimonial)
    assert "Dapat kerja di pabrik bulu mata." in client.get(PUBLIC_URL).content.decode()
    assert "Dapat kerja di pabrik bulu mata." in client.get("/").content.decode()
    moderator = staff(StaffRole.VERIFIKATOR)
    client.force_login(moderator)
    listing = client.get(ADMIN_URL).content.decode()
    assert 'value="sembunyikan"' in listing and 'value="tolak"' not in listing  # approved: hide, not reject

    response = client.post(
        f"{ADMIN_URL}{testimonial.pk}/keputusan/", {"action": "sembunyikan", "next": f"{ADMIN_URL}?halaman=1"}
    )
    assert response.status_code == 302 and response["Location"] == f"{ADMIN_URL}?halaman=1"
    testimonial.refresh_from_db()
    assert testimonial.status == Status.APPROVED and testimonial.is_hidden
    assert testimonial.hidden_by == moderator
    client.logout()
    assert "Dapat kerja di pabrik bulu mata." not in client.get(PUBLIC_URL).content.decode()
    assert "Dapat kerja di pabrik bulu mata." not in client.get("/").content.decode()
    told = Notification.objects.filter(user=personal).order_by("-pk").first()
    assert told.title == "Testimoni Anda disembunyikan" and told.url == WRITE_URL
    client.force_login(personal)
    own = client.get(WRITE_URL).content.decode()
    assert "Disembunyikan" in own and "disembunyikan oleh petugas" in own

    # A second click changes nothing and tells nobody twice; the list offers "Tampilkan kembali".
    client.force_login(moderator)
    client.post(f"{ADMIN_URL}{testimonial.pk}/keputusan/", {"action": "sembunyikan"})
    assert Notification.objects.filter(user=personal, event="testimonial_hidden").count() == 1
    hidden_list = client.get(ADMIN_URL, {"status": "disembunyikan"}).content.decode()
    assert "Dapat kerja di pabrik bulu mata." in hidden_list and 'value="tampilkan"' in hidden_list
    assert "Dapat kerja" not in client.get(ADMIN_URL, {"status": "menunggu"}).content.decode()

    client.post(f"{ADMIN_URL}{testimonial.pk}/keputusan/", {"action": "tampilkan"})
    testimonial.refresh_from_db()
    assert not testimonial.is_hidden
    assert "Dapat kerja di pabrik bulu mata." in client.get(PUBLIC_URL).content.decode()
    assert Notification.objects.filter(user=personal, event="testimonial_shown").count() == 1


def test_only_approved_testimonials_can_be_hidden(personal):
    testimonial, _ = use_cases.save_testimonial(personal, "Masih menunggu.", 4)
    with pytest.raises(UseCaseError):
        use_cases.hide_testimonial(staff(), testimonial)
    testimonial.refresh_from_db()
    assert not testimonial.is_hidden


def test_an_edit_of_a_hidden_testimonial_waits_for_approval_again(personal):
    testimonial, _ = use_cases.save_testimonial(personal, "Kata-kata pertama.", 4)
    use_cases.hide_testimonial(staff(), approve(testimonial))
    use_cases.save_testimonial(personal, "Kata-kata yang diperbaiki.", 4)
    testimonial.refresh_from_db()
    assert testimonial.status == Status.PENDING and not testimonial.is_hidden
    approve(testimonial)
    assert Record.objects.newest_approved().filter(pk=testimonial.pk).exists()


def test_testimonial_decisions_are_in_the_audit_log(personal, mitra):
    from wagtail.models import ModelLogEntry

    moderator = staff(StaffRole.DINAKER)
    first, _ = use_cases.save_testimonial(personal, "Bagus.", 5)
    second, _ = use_cases.save_testimonial(mitra, "Kurang pantas.", 1)
    use_cases.approve_testimonial(moderator, first)
    use_cases.approve_testimonial(moderator, first)  # a repeat is not logged twice
    use_cases.hide_testimonial(moderator, first)
    use_cases.show_testimonial(moderator, first)
    use_cases.reject_testimonial(moderator, second)
    entries = ModelLogEntry.objects.filter(object_id=str(first.pk), action__startswith="portal.")
    assert sorted(entries.values_list("action", flat=True)) == [
        "portal.approve_testimonial",
        "portal.hide_testimonial",
        "portal.show_testimonial",
    ]
    assert all(entry.user_id == moderator.pk for entry in entries)
    rejected = ModelLogEntry.objects.get(object_id=str(second.pk), action="portal.reject_testimonial")
    assert rejected.data["previous_status"] == Status.PENDING
    assert rejected.message == "Testimoni ditolak"
