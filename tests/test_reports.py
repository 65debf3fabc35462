"""Laporan Personal and Laporan Mitra (guide §7.1, §7.2; issue 8): figures on a known dataset,
filters, region scope, drill-down, exports (CSV, XLSX, PDF, background job) and the role matrix."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from marketplace.choices import ApplicationStatus, VacancyStatus
from marketplace.factories import ApplicationFactory, VacancyFactory
from users import report_exports, report_tasks
from users.choices import MitraCategory, StaffRole, VerificationStatus
from users.completeness import personal_completeness
from users.factories import (
    BidangUsahaFactory,
    MitraProfileFactory,
    PersonalFactory,
    UserFactory,
    complete_personal_profile,
)
from users.models import Kecamatan, Notification, Pendidikan, User
from users.querysets import personal_profiles_with_sections
from users.reports import ReportFilters, mitra_report, personal_complete_q, personal_report
from users.roles import AdminMenu, roles_for
from users.staff import install_role_groups, save_staff_account

pytestmark = pytest.mark.django_db

PERSONAL_URL = reverse("personal_report:index")
MITRA_URL = reverse("mitra_report:index")
ACCOUNTS_URL = reverse("personal_report:accounts")
DASHBOARD_URL = reverse("wagtailadmin_home")


@pytest.fixture(autouse=True)
def role_groups(db):
    install_role_groups()


def staff(role, **scope):
    user = UserFactory(account_type="staff", username=f"staf-{role}")
    return save_staff_account(user, role, **scope)


@pytest.fixture
def purbalingga():
    return Kecamatan.objects.get(name="Purbalingga")


def joined(profile, date):
    User.objects.filter(pk=profile.user_id).update(
        date_joined=timezone.make_aware(datetime.datetime.combine(date, datetime.time(9)))
    )


def incomplete_personal(desa, **profile_fields):
    profile = PersonalFactory().personal_profile
    profile.desa, profile.kecamatan = desa, desa.kecamatan
    for name, value in profile_fields.items():
        setattr(profile, name, value)
    profile.save()
    return profile


@pytest.fixture
def personal_data(desa_a, desa_b, bancar):
    """Five Personal accounts with figures worked out by hand:

    desa A (Bobotsari): p1 complete, verified, applied and accepted; p2 complete, applied (Terkirim);
                        p5 incomplete, registered in 2020.
    desa B (Bobotsari): p3 incomplete, S1.
    Bancar (Purbalingga): p4 complete, male.
    """
    p1 = complete_personal_profile(desa_a, username="ani")
    p1.verification_status = VerificationStatus.TERVERIFIKASI
    p1.save()
    p2 = complete_personal_profile(desa_a, username="budi")
    p3 = incomplete_personal(desa_b, education_level=Pendidikan.objects.get(name="D4/S1"))
    p4 = complete_personal_profile(bancar, username="cahyo")
    p4.gender = "L"
    p4.save()
    p5 = incomplete_personal(desa_a)
    joined(p5, datetime.date(2020, 3, 1))
    vacancy = VacancyFactory()
    ApplicationFactory(vacancy=vacancy, personal=p1, status=ApplicationStatus.DITERIMA)
    ApplicationFactory(
        vacancy=VacancyFactory(mitra=vacancy.mitra), personal=p1, status=ApplicationStatus.DITOLAK
    )
    ApplicationFactory(vacancy=vacancy, personal=p2)
    return {"p1": p1, "p2": p2, "p3": p3, "p4": p4, "p5": p5}


def figures(row):
    return [row.counts[key] for key in ("registered", "verified", "complete", "applied", "accepted")]


def by_label(rows):
    return {row.label: figures(row) for row in rows}


# --- figures --------------------------------------------------------------------------------------


def test_personal_figures_per_desa_and_kecamatan(personal_data, desa_a, desa_b, bancar):
    admin = staff(StaffRole.ADMIN)
    report = personal_report(admin, ReportFilters())
    desa = by_label(report.desa_rows)
    assert desa == {desa_a.name: [3, 1, 2, 2, 1], desa_b.name: [1, 0, 0, 0, 0], "Bancar": [1, 0, 1, 0, 0]}
    kecamatan = by_label(report.kecamatan_rows)
    assert len(kecamatan) == Kecamatan.objects.count()
    assert kecamatan["Bobotsari"] == [4, 1, 2, 2, 1]
    assert kecamatan["Purbalingga"] == [1, 0, 1, 0, 0]
    assert kecamatan["Kalimanah"] == [0, 0, 0, 0, 0]
    assert figures(report.total) == [5, 1, 3, 2, 1]


def test_personal_filters(personal_data, desa_a, purbalingga):
    admin = staff(StaffRole.ADMIN)

    def total(**filters):
        return figures(personal_report(admin, ReportFilters(**filters)).total)

    assert total(date_from=datetime.date(2025, 1, 1)) == [4, 1, 3, 2, 1]
    assert total(date_to=datetime.date(2020, 12, 31)) == [1, 0, 0, 0, 0]
    assert total(kecamatan=purbalingga) == [1, 0, 1, 0, 0]
    assert total(desa=desa_a) == [3, 1, 2, 2, 1]
    assert total(gender="L") == [1, 0, 1, 0, 0]
    assert total(gender="P") == [2, 1, 2, 2, 1]  # p3 and p5 have not filled in their gender
    assert total(education_level=Pendidikan.objects.get(name="D4/S1")) == [1, 0, 0, 0, 0]
    report = personal_report(admin, ReportFilters(kecamatan=purbalingga))
    assert [row.label for row in report.kecamatan_rows] == ["Purbalingga"]


def test_complete_in_sql_agrees_with_the_completeness_checklist(desa_a):
    profiles = [complete_personal_profile(desa_a, username=f"lengkap{i}") for i in range(6)]
    profiles[0].summary = ""
    profiles[1].no_experience = False  # no experience entered either
    profiles[2].skills.all().delete()
    profiles[3].photo = ""
    User.objects.filter(pk=profiles[4].user_id).update(phone_verified_at=None)
    for profile in profiles:
        profile.save()
    incomplete_personal(desa_a)
    annotated = personal_profiles_with_sections().filter(personal_complete_q())
    sql_complete = set(annotated.values_list("pk", flat=True))
    python_complete = {p.pk for p in personal_profiles_with_sections() if personal_completeness(p).complete}
    assert sql_complete == python_complete == {profiles[5].pk}


@pytest.fixture
def mitra_data(bobotsari, purbalingga):
    """m1 formal Konveksi Bobotsari: 2 posted vacancies + 1 draft, 4 applications (1 Diterima);
    m2 informal Kuliner Purbalingga: 1 closed vacancy, 1 application Diterima;
    m3 formal Konveksi Bobotsari, registered in 2020, no vacancy."""
    konveksi = BidangUsahaFactory(name="Konveksi Uji")
    kuliner = BidangUsahaFactory(name="Kuliner Uji")
    m1 = MitraProfileFactory(
        business_field=konveksi, kecamatan=bobotsari, verification_status=VerificationStatus.TERVERIFIKASI
    )
    m2 = MitraProfileFactory(
        business_field=kuliner,
        kecamatan=purbalingga,
        category=MitraCategory.INFORMAL,
        verification_status=VerificationStatus.TERVERIFIKASI,
    )
    m3 = MitraProfileFactory(business_field=konveksi, kecamatan=bobotsari)
    joined(m3, datetime.date(2020, 3, 1))
    v1, v2 = VacancyFactory(mitra=m1), VacancyFactory(mitra=m1)
    VacancyFactory(mitra=m1, draft=True)
    v3 = VacancyFactory(mitra=m2, status=VacancyStatus.CLOSED)
    ApplicationFactory(vacancy=v1, status=ApplicationStatus.DITERIMA)
    ApplicationFactory(vacancy=v1)
    ApplicationFactory(vacancy=v1, status=ApplicationStatus.DITOLAK)
    ApplicationFactory(vacancy=v2)
    ApplicationFactory(vacancy=v3, status=ApplicationStatus.DITERIMA)
    return {"m1": m1, "m2": m2, "m3": m3}


def mitra_figures(rows):
    return {
        row.label: [row.counts[key] for key in ("mitra", "vacancies", "applicants", "accepted")]
        for row in rows
    }


def test_mitra_figures_by_category_business_field_and_kecamatan(mitra_data):
    report = mitra_report(staff(StaffRole.DINAKER), ReportFilters())
    assert mitra_figures(report.category_rows) == {"Formal": [2, 2, 4, 1], "Informal": [1, 1, 1, 1]}
    assert mitra_figures(report.business_field_rows) == {
        "Konveksi Uji": [2, 2, 4, 1],
        "Kuliner Uji": [1, 1, 1, 1],
    }
    kecamatan = mitra_figures(report.kecamatan_rows)
    assert kecamatan["Bobotsari"] == [2, 2, 4, 1]
    assert kecamatan["Purbalingga"] == [1, 1, 1, 1]
    assert kecamatan["Kalimanah"] == [0, 0, 0, 0]
    assert mitra_figures([report.total]) == {"Jumlah": [3, 3, 5, 2]}


def test_mitra_filters_period_and_kecamatan(mitra_data, purbalingga):
    admin = staff(StaffRole.ADMIN)
    recent = mitra_report(admin, ReportFilters(date_from=datetime.date(2025, 1, 1)))
    assert mitra_figures(recent.category_rows)["Formal"] == [1, 2, 4, 1]
    in_purbalingga = mitra_report(admin, ReportFilters(kecamatan=purbalingga))
    assert mitra_figures(in_purbalingga.category_rows) == {"Formal": [0, 0, 0, 0], "Informal": [1, 1, 1, 1]}
    assert [row.label for row in in_purbalingga.kecamatan_rows] == ["Purbalingga"]


def test_reports_run_a_constant_number_of_queries(desa_a, bobotsari):
    admin = staff(StaffRole.ADMIN)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            personal_report(admin, ReportFilters())
            mitra_report(admin, ReportFilters())
        return len(queries)

    ApplicationFactory(
        personal=complete_personal_profile(desa_a), vacancy=VacancyFactory(mitra__kecamatan=bobotsari)
    )
    few = count_queries()
    for index in range(4):
        profile = complete_personal_profile(desa_a, username=f"banyak{index}")
        ApplicationFactory(personal=profile, vacancy=VacancyFactory(mitra__kecamatan=bobotsari))
    assert count_queries() == few


# --- screens --------------------------------------------------------------------------------------


def test_personal_report_page_shows_figures_and_links_to_the_drill_down(client, personal_data, desa_a):
    client.force_login(staff(StaffRole.DINAKER))
    response = client.get(PERSONAL_URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Laporan Personal" in page and "Profil lengkap" in page and "Pernah melamar" in page
    assert f"desa={desa_a.pk}" in page

    accounts = client.get(ACCOUNTS_URL, {"desa": desa_a.pk, "kecamatan": desa_a.kecamatan_id})
    names = accounts.content.decode()
    assert "ani" in names and "budi" in names and "cahyo" not in names
    assert "3 akun personal" in names


def test_drill_down_filters_and_paginates(client, desa_a, django_assert_max_num_queries):
    for index in range(30):
        complete_personal_profile(desa_a, username=f"warga{index:02d}", first_name=f"Warga{index:02d}")
    client.force_login(staff(StaffRole.ADMIN))
    with django_assert_max_num_queries(25):
        first = client.get(ACCOUNTS_URL, {"desa": desa_a.pk})
    assert "30 akun personal" in first.content.decode()
    assert "Halaman 1 dari 2" in first.content.decode()
    second = client.get(ACCOUNTS_URL, {"desa": desa_a.pk, "halaman": 2}).content.decode()
    assert "warga29" in second and "warga00" not in second
    men = client.get(ACCOUNTS_URL, {"desa": desa_a.pk, "jenis_kelamin": "L"}).content.decode()
    assert "0 akun personal" in men


def test_filter_errors_are_shown_beside_the_field(client, personal_data):
    client.force_login(staff(StaffRole.ADMIN))
    page = client.get(PERSONAL_URL, {"dari": "2026-02-01", "sampai": "2026-01-01"}).content.decode()
    assert "Tanggal akhir tidak boleh sebelum tanggal awal." in page


def test_mitra_report_page(client, mitra_data):
    client.force_login(staff(StaffRole.SUPER_ADMIN))
    page = client.get(MITRA_URL).content.decode()
    assert "Laporan Mitra" in page and "Konveksi Uji" in page and "Lowongan diposting" in page


# --- scope -----------------------------------------------------------------------------------------


def test_kecamatan_operator_sees_only_its_kecamatan(
    client, personal_data, mitra_data, bobotsari, bancar, purbalingga
):
    operator = staff(StaffRole.KECAMATAN, kecamatan=bobotsari)
    report = personal_report(operator, ReportFilters())
    assert [row.label for row in report.kecamatan_rows] == ["Bobotsari"]
    assert figures(report.total) == [4, 1, 2, 2, 1]
    mitra = mitra_report(operator, ReportFilters())
    assert mitra_figures([mitra.total]) == {"Jumlah": [2, 2, 4, 1]}
    assert [row.label for row in mitra.kecamatan_rows] == ["Bobotsari"]

    client.force_login(operator)
    page = client.get(PERSONAL_URL, {"kecamatan": purbalingga.pk}).content.decode()
    assert "Pilih kecamatan dari daftar." in page
    assert "Bancar" not in page
    accounts = client.get(ACCOUNTS_URL, {"desa": bancar.pk}).content.decode()
    assert "cahyo" not in accounts
    exported = client.get(reverse("personal_report:accounts_export", args=["csv"]))
    rows = list(csv.reader(io.StringIO(b"".join(exported.streaming_content).decode("utf-8-sig"))))
    assert {row[1] for row in rows[1:]} == {
        "ani",
        "budi",
        personal_data["p3"].user.username,
        personal_data["p5"].user.username,
    }
    mitra_csv = client.get(reverse("mitra_report:export", args=["csv"]), {"per": "kecamatan"})
    mitra_rows = list(csv.reader(io.StringIO(b"".join(mitra_csv.streaming_content).decode("utf-8-sig"))))
    assert [row[0] for row in mitra_rows[1:]] == ["Bobotsari", "Jumlah"]


# --- exports ---------------------------------------------------------------------------------------


def read_csv(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def test_personal_report_exports(client, personal_data, desa_a):
    client.force_login(staff(StaffRole.ADMIN))
    per_desa = read_csv(client.get(reverse("personal_report:export", args=["csv"])))
    assert per_desa[0] == [
        "Kecamatan",
        "Desa/Kelurahan",
        "Terdaftar",
        "Terverifikasi",
        "Profil lengkap",
        "Pernah melamar",
        "Diterima kerja",
    ]
    assert ["Bobotsari", desa_a.name, "3", "1", "2", "2", "1"] in per_desa
    assert per_desa[-1] == ["Jumlah", "", "5", "1", "3", "2", "1"]
    per_kecamatan = read_csv(
        client.get(reverse("personal_report:export", args=["csv"]), {"per": "kecamatan"})
    )
    assert ["Purbalingga", "1", "0", "1", "0", "0"] in per_kecamatan

    response = client.get(reverse("personal_report:export", args=["xlsx"]), {"dari": "2025-01-01"})
    assert "attachment" in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Per kecamatan", "Per desa-kelurahan"]
    desa_sheet = [list(row) for row in workbook["Per desa-kelurahan"].iter_rows(values_only=True)]
    assert ["Bobotsari", desa_a.name, 2, 1, 2, 2, 1] in desa_sheet

    pdf = client.get(reverse("personal_report:export", args=["pdf"]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_mitra_report_exports(client, mitra_data):
    client.force_login(staff(StaffRole.DINAKER))
    by_category = read_csv(client.get(reverse("mitra_report:export", args=["csv"])))
    assert by_category == [
        ["Kategori", "Jumlah mitra", "Lowongan diposting", "Pelamar", "Diterima"],
        ["Formal", "2", "2", "4", "1"],
        ["Informal", "1", "1", "1", "1"],
        ["Jumlah", "3", "3", "5", "2"],
    ]
    by_field = read_csv(client.get(reverse("mitra_report:export", args=["csv"]), {"per": "bidang"}))
    assert ["Konveksi Uji", "2", "2", "4", "1"] in by_field
    workbook = load_workbook(io.BytesIO(client.get(reverse("mitra_report:export", args=["xlsx"])).content))
    assert workbook.sheetnames == ["Per kategori", "Per bidang usaha", "Per kecamatan"]
    rows = [list(row) for row in workbook["Per kategori"].iter_rows(values_only=True)]
    assert rows[1] == ["Formal", 2, 2, 4, 1]
    assert client.get(reverse("mitra_report:export", args=["pdf"])).content.startswith(b"%PDF")


def test_small_drill_down_export_streams(client, personal_data, desa_a):
    client.force_login(staff(StaffRole.ADMIN))
    rows = read_csv(client.get(reverse("personal_report:accounts_export", args=["csv"]), {"desa": desa_a.pk}))
    assert rows[0][:3] == ["Nama", "Username", "Email"]
    ani = next(row for row in rows if row[1] == "ani")
    assert ani[-4:] == ["Terverifikasi", "Ya", "Ya", "Ya"]
    response = client.get(reverse("personal_report:accounts_export", args=["xlsx"]), {"desa": desa_a.pk})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 4  # heading + 3 accounts
    assert not Notification.objects.exists()


def test_large_drill_down_export_runs_in_the_background(client, personal_data, desa_a, monkeypatch):
    monkeypatch.setattr(report_tasks, "INLINE_EXPORT_LIMIT", 2)
    admin = staff(StaffRole.ADMIN)
    client.force_login(admin)
    response = client.get(
        reverse("personal_report:accounts_export", args=["xlsx"]), {"desa": desa_a.pk}, follow=True
    )
    assert "disiapkan di latar belakang" in response.content.decode()
    notification = Notification.objects.get(user=admin, event="report.export_ready")
    assert "siap diunduh" in notification.title

    download = client.get(notification.url)
    assert download.status_code == 200
    assert "attachment" in download["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    usernames = {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert usernames == {"ani", "budi", personal_data["p5"].user.username}

    # Another staff member with the same menu cannot fetch it; roles without the menu get 403.
    client.force_login(staff(StaffRole.DINAKER))
    assert client.get(notification.url).status_code == 404
    client.force_login(staff(StaffRole.VERIFIKATOR))
    assert client.get(notification.url).status_code == 403


def test_background_export_keeps_the_requesters_scope(client, personal_data, bobotsari, monkeypatch):
    monkeypatch.setattr(report_tasks, "INLINE_EXPORT_LIMIT", 1)
    operator = staff(StaffRole.KECAMATAN, kecamatan=bobotsari)
    client.force_login(operator)
    client.get(reverse("personal_report:accounts_export", args=["csv"]))
    notification = Notification.objects.get(user=operator)
    rows = list(
        csv.reader(io.StringIO(b"".join(client.get(notification.url).streaming_content).decode("utf-8-sig")))
    )
    assert "cahyo" not in {row[1] for row in rows}
    assert len(rows) == 1 + 4


def test_download_with_a_malformed_or_unknown_token_is_404(client):
    client.force_login(staff(StaffRole.ADMIN))
    assert client.get(reverse("personal_report:download", args=["0" * 32, "csv"])).status_code == 404
    assert client.get(reverse("personal_report:download", args=["..%2F..", "csv"])).status_code == 404
    assert client.get(reverse("personal_report:download", args=["0" * 32, "exe"])).status_code == 404


# --- role matrix -----------------------------------------------------------------------------------

SCOPES = {StaffRole.KECAMATAN: "kecamatan", StaffRole.DESA: "desa"}
SCREENS = {
    AdminMenu.PERSONAL_REPORT: [
        PERSONAL_URL,
        ACCOUNTS_URL,
        reverse("personal_report:export", args=["csv"]),
        reverse("personal_report:accounts_export", args=["csv"]),
        reverse("personal_report:download", args=["0" * 32, "csv"]),
    ],
    AdminMenu.MITRA_REPORT: [MITRA_URL, reverse("mitra_report:export", args=["xlsx"])],
}


def staff_of(role, bobotsari):
    scope = {}
    if role == StaffRole.KECAMATAN:
        scope["kecamatan"] = bobotsari
    if role == StaffRole.DESA:
        scope["desa"] = bobotsari.desa_set.first()
    return staff(role, **scope)


@pytest.mark.parametrize("role", list(StaffRole))
def test_role_matrix_of_the_reports(client, role, bobotsari):
    client.force_login(staff_of(role, bobotsari))
    dashboard = client.get(DASHBOARD_URL)
    assert dashboard.status_code == 200
    sidebar = dashboard.content.decode()
    for menu, urls in SCREENS.items():
        allowed = role in roles_for(menu)
        assert (f'"url": "{urls[0]}"' in sidebar) is allowed, (menu, role)
        assert (f'"label": "{menu.label}"' in sidebar) is allowed, (menu, role)
        for url in urls:
            status = client.get(url).status_code
            if allowed:
                assert status in (200, 404) if "unduh" in url else status == 200, (url, role)
            else:
                assert status == 403, (url, role)


def test_anonymous_is_sent_to_the_login(client):
    response = client.get(PERSONAL_URL)
    assert response.status_code == 302 and "/login/" in response.url


def test_exported_text_that_a_spreadsheet_would_run_as_a_formula_stays_text():
    typed = ['=HYPERLINK("http://contoh.id","klik")', "+62812", "-1+1", "@SUM(A1)", "\tx", "Budi"]
    table = report_exports.Table("Uji", ["Nama", "Jumlah"], [[text, -3] for text in typed])

    csv_rows = list(csv.reader(io.StringIO("".join(report_exports.csv_lines(table)))))[1:]
    sheet = load_workbook(io.BytesIO(report_exports.xlsx_bytes([table]))).active
    xlsx_rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]

    expected = ["'" + text for text in typed[:-1]] + ["Budi"]
    assert [row[0] for row in csv_rows] == expected
    assert [row[0] for row in xlsx_rows] == expected
    assert [row[1] for row in xlsx_rows] == [-3] * len(typed)  # numbers stay numbers
