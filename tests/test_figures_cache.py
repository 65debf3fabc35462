"""The Dasbor and Laporan Personal aggregate every profile and application of the viewer's region:
they are computed once per region and filters and never shown stale after a change to what they
count (portal/figures_cache.py, issue 11)."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from marketplace import use_cases
from marketplace.factories import VacancyFactory
from users.choices import StaffRole
from users.factories import UserFactory, complete_personal_profile
from users.models import Kecamatan, PersonalProfile
from users.staff import install_role_groups, save_staff_account

pytestmark = pytest.mark.django_db

DASHBOARD_URL = reverse("wagtailadmin_home")
REPORT_URL = reverse("personal_report:index")


@pytest.fixture(autouse=True)
def role_groups(db):
    install_role_groups()


@pytest.fixture
def bobotsari():
    return Kecamatan.objects.get(name="Bobotsari")


def staff(role, **scope):
    return save_staff_account(UserFactory(account_type="staff", username=f"staf-{role}"), role, **scope)


def view(client, url):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    return html, len(queries)


def dasbor_total(html, label):
    match = re.search(rf'kn-dash-number">([\d.,]+)</span> <span>{label}</span>', html)
    return int(match.group(1).replace(".", "").replace(",", ""))


def without_tokens(html):
    """The page without its per-request CSRF tokens."""
    return re.sub(r"[A-Za-z0-9]{64}", "", html)


@pytest.mark.parametrize("url", [DASHBOARD_URL, REPORT_URL])
def test_second_view_reads_the_figures_from_the_cache(client, bobotsari, url):
    complete_personal_profile(bobotsari.desa_set.first(), username="ani")
    client.force_login(staff(StaffRole.DINAKER))
    first, computed = view(client, url)
    second, cached = view(client, url)
    assert without_tokens(second) == without_tokens(first)
    assert cached < computed


def test_a_new_application_shows_at_once(client, bobotsari):
    personal = complete_personal_profile(bobotsari.desa_set.first(), username="ani")
    client.force_login(staff(StaffRole.ADMIN))
    before = dasbor_total(view(client, DASHBOARD_URL)[0], "Lamaran")
    use_cases.apply(personal.user, VacancyFactory())
    assert dasbor_total(view(client, DASHBOARD_URL)[0], "Lamaran") == before + 1


def test_each_region_gets_its_own_figures(client, bobotsari):
    desa_a, desa_b = bobotsari.desa_set.order_by("name")[:2]
    complete_personal_profile(desa_a, username="ani")
    complete_personal_profile(desa_b, username="budi")
    complete_personal_profile(desa_b, username="cici")
    for desa, expected in ((desa_a, 1), (desa_b, 2)):
        operator = staff(StaffRole.DESA, desa=desa)
        client.force_login(operator)
        assert dasbor_total(view(client, DASHBOARD_URL)[0], "Personal") == expected
        operator.delete()


def test_while_rows_keep_changing_figures_are_renewed_once_a_minute(client, settings, bobotsari):
    settings.FIGURES_REFRESH_SECONDS = 60
    desa = bobotsari.desa_set.first()
    ani, budi = (complete_personal_profile(desa, username=name) for name in ("ani", "budi"))
    first, second = VacancyFactory(), VacancyFactory()
    client.force_login(staff(StaffRole.ADMIN))
    cache.clear()  # a quiet minute later
    before = dasbor_total(view(client, DASHBOARD_URL)[0], "Lamaran")

    use_cases.apply(ani.user, first)  # the first change of the minute shows at once
    assert dasbor_total(view(client, DASHBOARD_URL)[0], "Lamaran") == before + 1
    use_cases.apply(budi.user, second)  # the next ones wait for the minute to pass
    assert dasbor_total(view(client, DASHBOARD_URL)[0], "Lamaran") == before + 1

    cache.clear()  # the minute has passed: entries and the renewal mark expire
    assert dasbor_total(view(client, DASHBOARD_URL)[0], "Lamaran") == before + 2


def beranda_total(client, label):
    html = client.get("/").content.decode()
    match = re.search(rf'fs-3 fw-bold">([\d.]+)</span>{label}', html)
    return int(match.group(1).replace(".", ""))


def test_beranda_counts_follow_the_figures_rule(client, settings):
    """The hero's four counts are kept like the Dasbor's: a new vacancy in a quiet minute shows at
    once; while vacancies keep coming, the count catches up within the minute (the list of latest
    vacancies beside it, from the public page cache, shows every one at once)."""
    settings.FIGURES_REFRESH_SECONDS = 60
    cache.clear()
    before = beranda_total(client, "Lowongan aktif")
    VacancyFactory(title="Operator Jahit")
    assert beranda_total(client, "Lowongan aktif") == before + 1
    VacancyFactory(title="Staf Gudang")
    assert beranda_total(client, "Lowongan aktif") == before + 1
    assert "Staf Gudang" in client.get("/").content.decode()
    cache.clear()
    assert beranda_total(client, "Lowongan aktif") == before + 2


def test_laporan_personal_markup_is_kept_per_region_and_filters(client, bobotsari, bancar):
    complete_personal_profile(bobotsari.desa_set.first(), username="ani")
    for name in ("budi", "cici"):
        complete_personal_profile(bancar, username=name)
    PersonalProfile.objects.filter(user__username="cici").update(gender="L")

    def total(params=None):
        html = client.get(REPORT_URL, params or {}).content.decode()
        footer = html[html.rindex("<tfoot>") :]
        return int(re.search(r'kn-num">([\d.]+)</td>', footer).group(1).replace(".", ""))

    for kecamatan, expected in ((bobotsari, 1), (bancar.kecamatan, 2)):
        operator = staff(StaffRole.KECAMATAN, kecamatan=kecamatan)
        client.force_login(operator)
        assert total() == expected
        operator.delete()
    client.force_login(staff(StaffRole.DINAKER))
    assert (total(), total({"jenis_kelamin": "L"}), total({"jenis_kelamin": "P"})) == (3, 1, 2)
