"""Data Profil Personal and Data Profil Mitra in the admin panel (guide §7.1, §7.2; issue 8): the menus
per role, scope, search and filters, ordering, the whole profile, "Verifikasi" / "Tolak" with the audit
log, and "Mitra Unggulan"."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from users import roles, verification
from users.choices import StaffRole, VerificationStatus
from users.factories import (
    BidangUsahaFactory,
    PersonalFactory,
    UserFactory,
    complete_mitra_profile,
    complete_personal_profile,
)
from users.models import Desa, MitraProfile, Notification
from users.staff import save_staff_account

pytestmark = pytest.mark.django_db

ADMIN = "/app/v1/admin/"
PERSONAL = "/app/v1/admin/data-profil-personal/"
MITRA = "/app/v1/admin/data-profil-mitra/"


@pytest.fixture
def desa():
    return Desa.objects.get(name="Bancar", kecamatan__name="Purbalingga")


@pytest.fixture
def far_desa(desa):
    """A desa of another kecamatan."""
    return Desa.objects.exclude(kecamatan=desa.kecamatan).order_by("pk").first()


def sidebar(html):
    """The admin sidebar (rendered as JSON props): menu entries, their labels and URLs."""
    match = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    assert match, "sidebar props not found"
    return match.group(1)


def staff(role, desa=None):
    user = UserFactory(account_type="staff")
    scope = {}
    if role == StaffRole.KECAMATAN:
        scope["kecamatan"] = desa.kecamatan
    if role == StaffRole.DESA:
        scope["desa"] = desa
    return save_staff_account(user, role, **scope)


def submitted(profile):
    verification.submit(profile)
    profile.refresh_from_db()
    return profile


def audit_actions(profile):
    return list(ModelLogEntry.objects.for_instance(profile).values_list("action", flat=True))


# ---------------------------------------------------------------------------------------------
# The role matrix


@pytest.mark.parametrize("role", list(StaffRole))
def test_menus_and_urls_per_role(client, desa, role):
    personal = complete_personal_profile(desa)
    mitra = complete_mitra_profile(desa)
    client.force_login(staff(role, desa))
    menu_html = sidebar(client.get(ADMIN).content.decode())
    for menu, url, detail in (
        (roles.AdminMenu.PERSONAL_PROFILES, PERSONAL, f"{PERSONAL}{personal.pk}/"),
        (roles.AdminMenu.MITRA_PROFILES, MITRA, f"{MITRA}{mitra.pk}/"),
    ):
        allowed = role in roles.MENU_ROLES[menu]
        assert (url in menu_html) is allowed, (role, menu)
        assert (str(menu.label) in menu_html) is allowed, (role, menu)
        expected = 200 if allowed else 403
        assert client.get(url).status_code == expected, (role, menu)
        assert client.get(detail).status_code == expected, (role, menu)


def test_anonymous_goes_to_the_login(client, desa):
    response = client.get(PERSONAL)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_personal_and_mitra_accounts_are_refused(client, desa):
    personal = complete_personal_profile(desa)
    client.force_login(personal.user)
    assert client.get(MITRA).status_code in (302, 403)
    assert client.get(f"{PERSONAL}{personal.pk}/").status_code in (302, 403)


# ---------------------------------------------------------------------------------------------
# Scope


def test_desa_operator_sees_only_the_personal_of_its_desa(client, desa, far_desa):
    neighbour = Desa.objects.filter(kecamatan=desa.kecamatan).exclude(pk=desa.pk).first()
    own = complete_personal_profile(desa, first_name="Warga", last_name="Bancar")
    other = complete_personal_profile(neighbour, first_name="Warga", last_name="Tetangga")
    far = complete_personal_profile(far_desa, first_name="Warga", last_name="Jauh")
    submitted(other)
    client.force_login(staff(StaffRole.DESA, desa))

    page = client.get(PERSONAL).content.decode()
    assert "Warga Bancar" in page
    assert "Warga Tetangga" not in page and "Warga Jauh" not in page
    assert "0 akun menunggu verifikasi" in page  # the count is scoped too
    assert "Warga Tetangga" not in client.get(PERSONAL, {"q": other.nik}).content.decode()
    assert client.get(f"{PERSONAL}{own.pk}/").status_code == 200
    assert client.get(f"{PERSONAL}{other.pk}/").status_code == 404
    assert client.get(f"{PERSONAL}{far.pk}/").status_code == 404
    assert client.post(f"{PERSONAL}{other.pk}/", {"action": "verify"}).status_code == 404
    other.refresh_from_db()
    assert other.verification_status == VerificationStatus.DIAJUKAN
    assert 'name="kecamatan"' not in page  # nothing to widen


def test_kecamatan_and_desa_operators_see_the_mitra_of_their_area(client, desa, far_desa):
    """The rule of users/documents.py (mitra_visible_to): whoever sees a Mitra may open its documents."""
    near = complete_mitra_profile(desa, username="mitra.dekat")
    near.name = "Usaha Dekat"
    near.save()
    far = complete_mitra_profile(far_desa, username="mitra.jauh")
    far.name = "Usaha Jauh"
    far.save()

    for role in (StaffRole.KECAMATAN, StaffRole.DESA):
        client.force_login(staff(role, desa))
        page = client.get(MITRA).content.decode()
        assert "Usaha Dekat" in page and "Usaha Jauh" not in page, role
        assert client.get(f"{MITRA}{near.pk}/").status_code == 200
        assert client.get(f"{MITRA}{far.pk}/").status_code == 404

    for role in (StaffRole.DINAKER, StaffRole.VERIFIKATOR, StaffRole.ADMIN, StaffRole.SUPER_ADMIN):
        client.force_login(staff(role, desa))
        page = client.get(MITRA).content.decode()
        assert "Usaha Dekat" in page and "Usaha Jauh" in page, role


# ---------------------------------------------------------------------------------------------
# Lists: search, filters, ordering, pagination, query counts


def test_personal_search_by_name_username_email_and_nik(client, desa):
    siti = complete_personal_profile(desa, first_name="Siti", last_name="Aminah", username="siti.a")
    complete_personal_profile(desa, first_name="Budi", last_name="Santoso", username="budi.s")
    client.force_login(staff(StaffRole.ADMIN))
    for query in ("siti aminah", "siti.a", siti.user.email, siti.nik, siti.nik[-6:]):
        page = client.get(PERSONAL, {"q": query}).content.decode()
        assert "Siti Aminah" in page and "Budi Santoso" not in page, query
    page = client.get(PERSONAL, {"q": "tidak-ada-yang-cocok"}).content.decode()
    assert "Tidak ada profil personal yang cocok" in page


def test_personal_filters_status_kecamatan_and_desa(client, desa, far_desa):
    waiting = submitted(complete_personal_profile(desa, first_name="Menunggu", last_name="Satu"))
    complete_personal_profile(far_desa, first_name="Jauh", last_name="Dua")
    client.force_login(staff(StaffRole.ADMIN))

    page = client.get(PERSONAL, {"status": "diajukan"}).content.decode()
    assert "Menunggu Satu" in page and "Jauh Dua" not in page
    page = client.get(PERSONAL, {"kecamatan": far_desa.kecamatan_id}).content.decode()
    assert "Jauh Dua" in page and "Menunggu Satu" not in page
    page = client.get(PERSONAL, {"desa": waiting.desa_id}).content.decode()
    assert "Menunggu Satu" in page and "Jauh Dua" not in page
    # a broken filter value is reported and ignored, the list still answers
    response = client.get(PERSONAL, {"status": "entah"})
    assert response.status_code == 200
    assert "Menunggu Satu" in response.content.decode() and "Jauh Dua" in response.content.decode()


def test_mitra_filters_category_business_field_and_featured(client, desa):
    catering = BidangUsahaFactory(name="Katering")
    formal = complete_mitra_profile(desa)
    formal.name, formal.business_field = "PT Formal Jaya", catering
    formal.save()
    informal = complete_mitra_profile(desa)
    informal.name, informal.category = "Warung Informal", "informal"
    informal.save()
    client.force_login(staff(StaffRole.VERIFIKATOR))

    page = client.get(MITRA, {"kategori": "informal"}).content.decode()
    assert "Warung Informal" in page and "PT Formal Jaya" not in page
    page = client.get(MITRA, {"bidang_usaha": catering.pk}).content.decode()
    assert "PT Formal Jaya" in page and "Warung Informal" not in page
    page = client.get(MITRA, {"q": "warung"}).content.decode()
    assert "Warung Informal" in page and "PT Formal Jaya" not in page
    page = client.get(MITRA, {"kecamatan": desa.kecamatan_id, "desa": desa.pk}).content.decode()
    assert "Warung Informal" in page and "PT Formal Jaya" in page
    formal.featured = True
    formal.save()
    page = client.get(MITRA, {"unggulan": "ya"}).content.decode()
    assert "PT Formal Jaya" in page and "Warung Informal" not in page
    # Unfiltered, a Verifikator (who sees every Mitra) reads the total from the Dasbor's tallies.
    assert client.get(MITRA).context["page_obj"].paginator.count == MitraProfile.objects.count() == 2
    assert client.get(MITRA, {"kategori": "informal"}).context["page_obj"].paginator.count == 1


def test_submitted_first_oldest_first_then_by_name(client, desa):
    names = {}
    for first_name in ("Zainal", "Ahmad", "Wati", "Budi"):
        names[first_name] = complete_personal_profile(desa, first_name=first_name, last_name="Test")
    now = timezone.now()
    for first_name, days_ago in (("Wati", 1), ("Zainal", 3)):
        profile = submitted(names[first_name])
        profile.submitted_at = now - datetime.timedelta(days=days_ago)
        profile.save(update_fields=["submitted_at"])
    client.force_login(staff(StaffRole.ADMIN))
    page = client.get(PERSONAL).content.decode()
    positions = [page.index(f"{name} Test") for name in ("Zainal", "Wati", "Ahmad", "Budi")]
    assert positions == sorted(positions)


def test_pages_run_from_the_queue_into_the_rest_without_a_gap(client, desa):
    from users import profile_admin_views

    now = timezone.now()
    for days_ago, first_name in ((1, "Citra"), (3, "Yusuf"), (2, "Dewi")):
        profile = submitted(complete_personal_profile(desa, first_name=first_name, last_name="Antre"))
        profile.submitted_at = now - datetime.timedelta(days=days_ago)
        profile.save(update_fields=["submitted_at"])
    for first_name in ("Bayu", "Anisa"):
        complete_personal_profile(desa, first_name=first_name, last_name="Lain")
    client.force_login(staff(StaffRole.ADMIN))
    original = profile_admin_views.PER_PAGE
    profile_admin_views.PER_PAGE = 2
    try:
        pages = [client.get(PERSONAL, {"halaman": number}).context["page_obj"] for number in (1, 2, 3)]
    finally:
        profile_admin_views.PER_PAGE = original
    listed = [profile.user.first_name for page in pages for profile in page.object_list]
    assert listed == ["Yusuf", "Dewi", "Citra", "Anisa", "Bayu"]
    assert pages[0].paginator.count == 5 and pages[0].paginator.num_pages == 3


def test_pagination_keeps_the_filters(client, desa, settings):
    from users import profile_admin_views

    for number in range(3):
        complete_personal_profile(desa, first_name=f"Orang{number}", last_name="Bancar")
    client.force_login(staff(StaffRole.ADMIN))
    original = profile_admin_views.PER_PAGE
    profile_admin_views.PER_PAGE = 2
    try:
        page = client.get(PERSONAL, {"desa": desa.pk}).content.decode()
        assert "Halaman 1 dari 2" in page
        assert f"?desa={desa.pk}&amp;halaman=2" in page
        second = client.get(PERSONAL, {"desa": desa.pk, "halaman": 2}).content.decode()
        assert "Halaman 2 dari 2" in second
        assert client.get(PERSONAL, {"halaman": "x"}).status_code == 200
    finally:
        profile_admin_views.PER_PAGE = original


def test_list_completeness_matches_each_profile_and_the_total_counts_every_profile(client, desa, far_desa):
    """Each row's Kelengkapan is the profile's own completeness (whichever sections it has), and
    the total a Super Admin sees (read from the Dasbor's tallies, not counted) is every profile."""
    from users.completeness import personal_completeness
    from users.models import PersonalProfile, Skill, WorkExperience
    from users.querysets import personal_profiles_with_sections

    whole = complete_personal_profile(desa, first_name="Utuh", last_name="Lengkap")
    no_skill = complete_personal_profile(desa, first_name="Tanpa", last_name="Keahlian")
    Skill.objects.filter(profile=no_skill).delete()
    worker = complete_personal_profile(far_desa, first_name="Pekerja", last_name="Pabrik")
    PersonalProfile.objects.filter(pk=worker.pk).update(no_experience=False)
    WorkExperience.objects.create(
        profile=worker, position="Operator", company="PT Bulu Mata", start_date=datetime.date(2020, 1, 1)
    )
    bare = PersonalFactory(first_name="Baru", last_name="Daftar").personal_profile
    client.force_login(staff(StaffRole.SUPER_ADMIN))

    with CaptureQueriesContext(connection) as queries:
        response = client.get(PERSONAL)
    rows = {profile.pk: completeness.percent for profile, completeness in response.context["rows"]}
    expected = {
        profile.pk: personal_completeness(profile).percent
        for profile in personal_profiles_with_sections().filter(
            pk__in=[whole.pk, no_skill.pk, worker.pk, bare.pk]
        )
    }
    assert rows == expected and rows[whole.pk] == 100 and rows[no_skill.pk] < 100
    html = response.content.decode()
    assert f"{rows[no_skill.pk]}%" in html
    assert response.context["page_obj"].paginator.count == PersonalProfile.objects.count() == 4
    counts = [
        query["sql"]
        for query in queries
        if "COUNT(*)" in query["sql"] and "users_personalprofile" in query["sql"]
    ]
    assert len(counts) == 1 and "diajukan" in counts[0]  # only the verification queue is counted

    # Filtered, the list is counted: one profile of the far desa.
    filtered = client.get(PERSONAL, {"desa": far_desa.pk}).context["page_obj"]
    assert filtered.paginator.count == 1 and filtered.object_list[0].pk == worker.pk


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("kind", ["personal", "mitra"])
def test_list_query_count_does_not_grow_with_rows(client, desa, kind, django_assert_max_num_queries):
    make = complete_personal_profile if kind == "personal" else complete_mitra_profile
    url = PERSONAL if kind == "personal" else MITRA
    client.force_login(staff(StaffRole.ADMIN))
    submitted(make(desa))
    client.get(url)  # warm caches (content types, site)
    cache.clear()
    few = _count_queries(client, url)
    for _ in range(6):
        submitted(make(desa))  # each tells the Admin: a new unread count, so a new admin menu
    cache.clear()  # both measures build the menu (portal/wagtail_sidebar.py)
    with django_assert_max_num_queries(few):
        client.get(url)


# ---------------------------------------------------------------------------------------------
# Detail pages


def test_personal_detail_shows_the_whole_profile_and_history(client, desa):
    profile = submitted(complete_personal_profile(desa))
    client.force_login(staff(StaffRole.ADMIN))
    page = client.get(f"{PERSONAL}{profile.pk}/").content.decode()
    for text in (
        "Siti Aminah",
        profile.nik,
        "Purbalingga",
        "Bancar",
        "SMK N 1 Purbalingga",
        "2013",
        "Menjahit",
        "Penjahit berpengalaman.",
        "Kelengkapan profil",
        "100%",
        "Riwayat verifikasi",
        "Diajukan",
        profile.user.username,
    ):
        assert text in page, text
    assert 'value="verify"' in page and "Alasan penolakan" in page


def test_mitra_detail_shows_documents_with_private_links(client, desa):
    mitra = submitted(complete_mitra_profile(desa))
    document = mitra.documents.get()
    client.force_login(staff(StaffRole.KECAMATAN, desa))
    page = client.get(f"{MITRA}{mitra.pk}/").content.decode()
    assert mitra.name in page and "Bu Rina" in page and "NIB" in page
    download = reverse("users:mitra_document_download", args=[document.pk])
    assert f'href="{download}"' in page
    assert client.get(download).status_code == 200
    # a Kecamatan operator cannot decide on a Mitra: no buttons, and a post is refused
    assert 'value="verify"' not in page and "menunggu verifikasi oleh petugas" in page


# ---------------------------------------------------------------------------------------------
# Verifikasi / Tolak


@pytest.mark.parametrize("role", [StaffRole.KECAMATAN, StaffRole.DESA])
def test_roles_that_cannot_decide_on_a_mitra_are_refused(client, desa, role):
    mitra = submitted(complete_mitra_profile(desa))
    client.force_login(staff(role, desa))
    detail = f"{MITRA}{mitra.pk}/"
    assert client.post(detail, {"action": "verify"}).status_code == 403
    assert client.post(detail, {"action": "reject", "reason": "Tidak lengkap"}).status_code == 403
    mitra.refresh_from_db()
    assert mitra.verification_status == VerificationStatus.DIAJUKAN
    assert audit_actions(mitra) == []


def test_verifikator_verifies_a_mitra_with_audit_log(client, desa):
    mitra = submitted(complete_mitra_profile(desa))
    verifikator = staff(StaffRole.VERIFIKATOR)
    client.force_login(verifikator)
    detail = f"{MITRA}{mitra.pk}/"
    response = client.post(detail, {"action": "verify"}, follow=True)
    assert "sudah diverifikasi" in response.content.decode()
    mitra.refresh_from_db()
    assert mitra.is_verified and mitra.verified_by == verifikator
    assert audit_actions(mitra) == ["portal.verify"]
    assert ModelLogEntry.objects.get(action="portal.verify").user == verifikator
    assert Notification.objects.filter(user=mitra.user, event="verification.verified").exists()
    # a second click changes nothing and says why
    response = client.post(detail, {"action": "verify"}, follow=True)
    assert "tidak sedang menunggu verifikasi" in response.content.decode()
    assert audit_actions(mitra) == ["portal.verify"]
    page = response.content.decode()
    assert "Diverifikasi" in page  # the history


def test_reject_needs_a_reason_beside_the_field(client, desa):
    profile = submitted(complete_personal_profile(desa))
    desa_operator = staff(StaffRole.DESA, desa)
    client.force_login(desa_operator)
    detail = f"{PERSONAL}{profile.pk}/"

    response = client.post(detail, {"action": "reject", "reason": "   "})
    html = response.content.decode()
    assert response.status_code == 200 and "Tuliskan alasan penolakan." in html
    profile.refresh_from_db()
    assert profile.verification_status == VerificationStatus.DIAJUKAN

    response = client.post(detail, {"action": "reject", "reason": "Foto tidak jelas"}, follow=True)
    assert "ditolak" in response.content.decode()
    profile.refresh_from_db()
    assert profile.verification_status == VerificationStatus.DITOLAK
    assert profile.verification_note == "Foto tidak jelas"
    entry = ModelLogEntry.objects.get(action="portal.reject")
    assert entry.user == desa_operator and entry.data == {"reason": "Foto tidak jelas"}
    assert "Foto tidak jelas" in Notification.objects.get(user=profile.user).body
    page = response.content.decode()
    assert "Foto tidak jelas" in page  # reason in the history and above


def test_unknown_action_is_refused(client, desa):
    profile = submitted(complete_personal_profile(desa))
    client.force_login(staff(StaffRole.ADMIN))
    assert client.post(f"{PERSONAL}{profile.pk}/", {"action": "hapus"}).status_code == 403


def test_audit_log_actions_are_registered():
    for action in ("portal.verify", "portal.reject", "portal.feature", "portal.unfeature"):
        assert log_registry.action_exists(action), action
    assert str(log_registry.get_action_label("portal.verify")) == "Diverifikasi"


# ---------------------------------------------------------------------------------------------
# Mitra Unggulan


@pytest.mark.parametrize("role", [StaffRole.ADMIN, StaffRole.SUPER_ADMIN])
def test_admins_mark_and_unmark_mitra_unggulan(client, desa, role):
    mitra = submitted(complete_mitra_profile(desa))
    verification.verify(mitra, staff(StaffRole.VERIFIKATOR))
    client.force_login(staff(role, desa))
    detail = f"{MITRA}{mitra.pk}/"
    assert "Jadikan Mitra Unggulan" in client.get(detail).content.decode()

    url = f"{detail}unggulan/"
    response = client.post(url, {"featured": "1"}, follow=True)
    assert "dijadikan Mitra Unggulan" in response.content.decode()
    client.post(url, {"featured": "1"})  # double submit
    mitra.refresh_from_db()
    assert mitra.featured
    assert audit_actions(mitra) == ["portal.feature"]
    assert "Hapus dari Mitra Unggulan" in response.content.decode()

    client.post(url, {"featured": "0"})
    mitra.refresh_from_db()
    assert not mitra.featured
    assert sorted(audit_actions(mitra)) == ["portal.feature", "portal.unfeature"]


def test_only_a_verified_mitra_becomes_unggulan(client, desa):
    mitra = submitted(complete_mitra_profile(desa))
    client.force_login(staff(StaffRole.ADMIN))
    detail = f"{MITRA}{mitra.pk}/"
    assert "Jadikan Mitra Unggulan" not in client.get(detail).content.decode()
    response = client.post(f"{detail}unggulan/", {"featured": "1"}, follow=True)
    assert "Hanya mitra yang sudah terverifikasi" in response.content.decode()
    mitra.refresh_from_db()
    assert not mitra.featured


@pytest.mark.parametrize(
    "role", [StaffRole.DINAKER, StaffRole.KECAMATAN, StaffRole.VERIFIKATOR, StaffRole.DESA]
)
def test_other_roles_cannot_mark_mitra_unggulan(client, desa, role):
    mitra = submitted(complete_mitra_profile(desa))
    verification.verify(mitra, staff(StaffRole.ADMIN))
    client.force_login(staff(role, desa))
    detail = f"{MITRA}{mitra.pk}/"
    assert "Jadikan Mitra Unggulan" not in client.get(detail).content.decode()
    assert client.post(f"{detail}unggulan/", {"featured": "1"}).status_code == 403
    mitra.refresh_from_db()
    assert not mitra.featured
