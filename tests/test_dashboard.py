"""Dasbor Admin (guide §7.2; issue 8): totals, charts and the verification queue on the Wagtail
admin home, scoped to the viewer's region, for every staff role, in a constant number of queries."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.admin.views.home import RecentEditsPanel
from wagtail.users.models import UserProfile

from marketplace.choices import ApplicationStatus, ServiceRequestStatus, ServiceStatus
from marketplace.factories import ApplicationFactory, ServiceFactory, ServiceRequestFactory, VacancyFactory
from portal import dashboard
from users.choices import MitraCategory, StaffRole, VerificationStatus
from users.factories import MitraProfileFactory, UserFactory, complete_personal_profile
from users.models import Kecamatan, User
from users.staff import install_role_groups, save_staff_account

pytestmark = pytest.mark.django_db

DASHBOARD_URL = reverse("wagtailadmin_home")


@pytest.fixture(autouse=True)
def role_groups(db):
    install_role_groups()


def staff(role, **scope):
    user = UserFactory(account_type="staff", username=f"staf-{role}")
    return save_staff_account(user, role, **scope)


@pytest.fixture
def data(desa_a, desa_b, bancar):
    """p1 (desa A), p2 (desa B), both in Bobotsari; p3 in Bancar (Purbalingga).
    m1 formal in desa A, m2 informal and m3 formal in Bancar; m1 and m2 have an open vacancy, m3 a
    draft. p1 applied to m1 (Terkirim), p3 to m2 (Diterima). Services: p1 (public, one Dikirim
    request), m2 (public, one Selesai request), p3 (paused)."""
    p1 = complete_personal_profile(desa_a, username="ani")
    p2 = complete_personal_profile(desa_b, username="budi")
    p3 = complete_personal_profile(bancar, username="cahyo")
    m1 = MitraProfileFactory(
        kecamatan=desa_a.kecamatan, desa=desa_a, verification_status=VerificationStatus.TERVERIFIKASI
    )
    m2 = MitraProfileFactory(
        kecamatan=bancar.kecamatan,
        desa=bancar,
        category=MitraCategory.INFORMAL,
        verification_status=VerificationStatus.TERVERIFIKASI,
    )
    m3 = MitraProfileFactory(kecamatan=bancar.kecamatan, desa=bancar)
    v1, v2 = VacancyFactory(mitra=m1), VacancyFactory(mitra=m2)
    VacancyFactory(mitra=m3, draft=True)
    ApplicationFactory(vacancy=v1, personal=p1)
    ApplicationFactory(vacancy=v2, personal=p3, status=ApplicationStatus.DITERIMA)
    s1 = ServiceFactory(provider=p1.user)
    s2 = ServiceFactory(provider=m2.user)
    ServiceFactory(provider=p3.user, status=ServiceStatus.PAUSED)
    ServiceRequestFactory(service=s1, requester=p2.user)
    ServiceRequestFactory(service=s2, requester=p3.user, status=ServiceRequestStatus.SELESAI)
    return {"p1": p1, "p2": p2, "p3": p3, "m1": m1, "m2": m2, "m3": m3}


def context_of(panel_class, user):
    request = RequestFactory().get(DASHBOARD_URL)
    request.user = user
    return panel_class(request).get_context_data({"request": request})


def totals(user):
    context = context_of(dashboard.SummaryPanel, user)
    return {str(item["label"]): item["count"] for item in context["totals"]}


def by_status(user, key):
    return {str(item["label"]): item["count"] for item in context_of(dashboard.SummaryPanel, user)[key]}


def test_totals_for_a_role_that_sees_every_region(data):
    admin = staff(StaffRole.ADMIN)
    assert totals(admin) == {
        "Personal": 3,
        "Mitra Formal": 2,
        "Mitra Informal": 1,
        "Lowongan aktif": 2,
        "Lamaran": 2,
        "Jasa ditawarkan": 2,
        "Permintaan jasa": 2,
    }
    applications = by_status(admin, "applications")
    assert applications["Terkirim"] == 1 and applications["Diterima"] == 1 and applications["Ditolak"] == 0
    requests = by_status(admin, "requests")
    assert requests["Dikirim"] == 1 and requests["Selesai"] == 1


def test_kecamatan_operator_counts_only_its_kecamatan(data, bobotsari):
    operator = staff(StaffRole.KECAMATAN, kecamatan=bobotsari)
    assert totals(operator) == {
        "Personal": 2,
        "Mitra Formal": 1,
        "Mitra Informal": 0,
        "Lowongan aktif": 1,
        "Lamaran": 1,
        "Jasa ditawarkan": 1,
        "Permintaan jasa": 1,
    }
    assert by_status(operator, "applications")["Diterima"] == 0


def test_desa_operator_counts_only_its_desa(data, desa_a, bancar):
    assert totals(staff(StaffRole.DESA, desa=desa_a)) == {
        "Personal": 1,
        "Mitra Formal": 1,
        "Mitra Informal": 0,
        "Lowongan aktif": 1,
        "Lamaran": 1,
        "Jasa ditawarkan": 1,
        "Permintaan jasa": 1,
    }
    other = save_staff_account(
        UserFactory(account_type="staff", username="desa-lain"), StaffRole.DESA, desa=bancar
    )
    assert totals(other)["Personal"] == 1
    assert totals(other)["Mitra Formal"] == 1 and totals(other)["Mitra Informal"] == 1


def test_registrations_per_month_of_the_last_twelve_months(data, desa_a):
    today = timezone.localdate()
    old = complete_personal_profile(desa_a, username="lama")
    User.objects.filter(pk=old.user_id).update(date_joined=timezone.now() - datetime.timedelta(days=400))
    context = context_of(dashboard.RegistrationsPanel, staff(StaffRole.DINAKER))
    rows = context["rows"]
    assert len(rows) == 12
    assert rows[-1]["label"].endswith(str(today.year))
    assert rows[-1]["personal"] == 3 and rows[-1]["mitra"] == 3
    assert rows[-1]["personal_percent"] == 100
    assert sum(row["personal"] for row in rows) == 3  # the account of 400 days ago is left out
    assert context["personal_total"] == 3 and context["mitra_total"] == 3


def test_last_months_cross_the_year():
    months = dashboard.last_months(datetime.date(2026, 2, 14))
    assert months[0] == datetime.date(2025, 3, 1) and months[-1] == datetime.date(2026, 2, 1)
    assert len(set(months)) == 12


def test_personal_per_kecamatan_and_per_desa_for_operators(data, bobotsari, desa_a, desa_b):
    bars = {
        str(bar["label"]): bar["count"]
        for bar in context_of(dashboard.PersonalByAreaPanel, staff(StaffRole.ADMIN))["bars"]
    }
    assert len(bars) == Kecamatan.objects.count()
    assert bars["Bobotsari"] == 2 and bars["Purbalingga"] == 1 and bars["Kalimanah"] == 0
    operator = staff(StaffRole.KECAMATAN, kecamatan=bobotsari)
    context = context_of(dashboard.PersonalByAreaPanel, operator)
    assert context["heading"] == "Personal per desa/kelurahan"
    bars = {bar["label"]: bar["count"] for bar in context["bars"]}
    assert len(bars) == bobotsari.desa_set.count()
    assert bars[desa_a.name] == 1 and bars[desa_b.name] == 1


def test_dashboard_page_shows_figures_and_charts_as_text(client, data, bobotsari):
    client.force_login(staff(StaffRole.KECAMATAN, kecamatan=bobotsari))
    page = client.get(DASHBOARD_URL).content.decode()
    assert "Ringkasan" in page and "Pendaftaran baru per bulan" in page
    assert '<span class="kn-dash-number">2</span> <span>Personal</span>' in page
    assert "Personal per desa/kelurahan" in page
    assert '<span class="kn-dash-value">1</span>' in page
    assert "Antrean verifikasi akun" not in page  # a Kecamatan operator decides on nothing


def test_verification_queue_size_with_a_link(client, data, desa_a, desa_b):
    for profile in (data["p1"], data["p2"]):
        profile.verification_status = VerificationStatus.DIAJUKAN
        profile.save()
    data["m3"].verification_status = VerificationStatus.DIAJUKAN
    data["m3"].save()
    queue_url = reverse("account_verification:queue")

    client.force_login(staff(StaffRole.DESA, desa=desa_a))
    page = client.get(DASHBOARD_URL).content.decode()
    assert "Antrean verifikasi akun" in page
    assert "<strong>1</strong> akun menunggu keputusan Anda" in page
    assert f'href="{queue_url}"' in page

    admin_context = context_of(dashboard.VerificationQueuePanel, staff(StaffRole.ADMIN))
    assert (admin_context["personal"], admin_context["mitra"], admin_context["total"]) == (2, 1, 3)
    verifikator_context = context_of(dashboard.VerificationQueuePanel, staff(StaffRole.VERIFIKATOR))
    assert (verifikator_context["personal"], verifikator_context["mitra"]) == (0, 1)


@pytest.mark.parametrize(
    ("role", "keeps_wagtail_panels"),
    [
        (StaffRole.SUPER_ADMIN, True),
        (StaffRole.ADMIN, True),
        (StaffRole.DINAKER, False),
        (StaffRole.DESA, False),
    ],
)
def test_wagtail_cms_panels_only_for_cms_editors(role, keeps_wagtail_panels, bobotsari):
    user = staff(role, desa=bobotsari.desa_set.first()) if role == StaffRole.DESA else staff(role)
    request = RequestFactory().get(DASHBOARD_URL)
    request.user = user
    cms_panel = RecentEditsPanel()
    panels = [cms_panel]
    dashboard.construct_dashboard_panels(request, panels)
    kept = [getattr(panel, "panel", None) for panel in panels]  # portal/wagtail_home_panels.py
    assert (cms_panel in kept) is keeps_wagtail_panels
    assert any(isinstance(panel, dashboard.SummaryPanel) for panel in panels)


def test_dashboard_runs_a_constant_number_of_queries(client, data, desa_a, bancar):
    client.force_login(staff(StaffRole.DINAKER))
    client.get(DASHBOARD_URL)  # what a process looks up once (content types, locales) is looked up

    def count():
        cache.clear()  # every figure computed again, from more rows the second time
        with CaptureQueriesContext(connection) as queries:
            assert client.get(DASHBOARD_URL).status_code == 200
        return len(queries)

    few = count()
    for index in range(5):
        profile = complete_personal_profile(bancar if index % 2 else desa_a, username=f"tambah{index}")
        ApplicationFactory(personal=profile, vacancy=VacancyFactory(mitra__kecamatan=bancar.kecamatan))
        ServiceRequestFactory(service=ServiceFactory(provider=profile.user), requester=data["p1"].user)
    assert count() == few


@pytest.mark.parametrize("role", list(StaffRole))
def test_every_role_opens_the_dasbor_with_its_menu_entry(client, role, bobotsari):
    scope = {}
    if role == StaffRole.KECAMATAN:
        scope = {"kecamatan": bobotsari}
    elif role == StaffRole.DESA:
        scope = {"desa": bobotsari.desa_set.first()}
    client.force_login(staff(role, **scope))
    response = client.get(DASHBOARD_URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert '"label": "Dasbor"' in page
    assert "Ringkasan" in page and "Pendaftaran baru per bulan" in page


def test_kept_dasbor_markup_follows_each_staff_members_admin_language(client, data):
    """Panels are kept as markup with their figures; a staff member who works in English gets the
    English month names of the last twelve months (August among them, whatever today is) even
    right after a colleague's Indonesian Dasbor was kept, and the colleague keeps Indonesian."""
    colleague = staff(StaffRole.DINAKER)
    english = save_staff_account(UserFactory(account_type="staff", username="staf-en"), StaffRole.DINAKER)
    profile = UserProfile.get_for_user(english)
    profile.preferred_language = "en"
    profile.save()
    august = datetime.date(2000, 8, 1)
    with translation.override("id"):
        agustus = f">{date_format(august, 'M')} "
    with translation.override("en"):
        aug = f">{date_format(august, 'M')} "
    assert agustus != aug

    def months_seen(user):
        client.force_login(user)
        html = client.get(DASHBOARD_URL).content.decode()
        return agustus in html, aug in html

    assert months_seen(colleague) == (True, False)
    assert months_seen(english) == (False, True)
    assert months_seen(colleague) == (True, False)
