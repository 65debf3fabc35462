"""The region tallies of the Dasbor and Laporan Personal (portal/region_tallies.py) and Laporan
Mitra's tallies (portal/mitra_report_tallies.py): whatever changes the profiles, their sections,
their accounts, the vacancies and the applications (use cases, queryset updates, an account closed,
a bulk insert), the counts read from the trigger-kept rows equal the counts of the tables
themselves, for every viewer's region; folding and rebuilding keep them; and the Dasbor and both
reports read them without touching the big tables."""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from marketplace import use_cases
from marketplace.choices import ApplicationStatus, VacancyStatus
from marketplace.factories import ApplicationFactory, VacancyFactory
from marketplace.models import Application, Vacancy
from portal import mitra_report_tallies, personal_report_tallies, region_tallies
from portal.models import MitraReportTally, PersonalReportState, RegionTally
from users import privacy
from users.choices import MitraCategory, StaffRole, VerificationStatus
from users.factories import MitraProfileFactory, UserFactory, complete_personal_profile
from users.models import Kecamatan, MitraProfile, PersonalProfile, Skill, User
from users.staff import install_role_groups, save_staff_account

pytestmark = pytest.mark.django_db


@pytest.fixture
def viewers(desa_a, bobotsari, bancar):
    """Super Admin (everything), a Desa operator of desa A, Kecamatan operators of Bobotsari and of
    Purbalingga."""
    install_role_groups()

    def staff(role, **scope):
        user = UserFactory(account_type="staff", username=f"staf-{role}-{len(scope) and id(scope)}")
        return save_staff_account(user, role, **scope)

    return [
        staff(StaffRole.SUPER_ADMIN),
        staff(StaffRole.DESA, desa=desa_a),
        staff(StaffRole.KECAMATAN, kecamatan=bobotsari),
        staff(StaffRole.KECAMATAN, kecamatan=bancar.kecamatan),
    ]


def assert_tallies_match(viewers):
    for viewer in viewers:
        for measure in region_tallies.MEASURES:
            for group_by in region_tallies.GROUPS:
                tallied = region_tallies.counts(viewer, measure, group_by)
                live = region_tallies.live_counts(viewer, measure, group_by)
                live = {key: n for key, n in live.items() if n}
                assert tallied == live, (viewer.username, measure, group_by)


def test_counts_follow_every_kind_of_change(viewers, desa_a, bancar):
    assert region_tallies.uses_triggers()
    ani = complete_personal_profile(desa_a, username="ani")
    budi = complete_personal_profile(bancar, username="budi")
    mitra = MitraProfileFactory(
        kecamatan=desa_a.kecamatan, desa=desa_a, verification_status=VerificationStatus.TERVERIFIKASI
    )
    MitraProfileFactory(kecamatan=bancar.kecamatan, desa=bancar, category=MitraCategory.INFORMAL)
    vacancies = [VacancyFactory(mitra=mitra) for _index in range(3)]
    assert_tallies_match(viewers)

    # Applying, a Mitra's decision, a bulk decision, a withdrawal.
    sent, _created = use_cases.apply(ani.user, vacancies[0])
    use_cases.apply(ani.user, vacancies[1])
    for vacancy in vacancies:
        use_cases.apply(budi.user, vacancy)
    use_cases.set_status(mitra, sent, ApplicationStatus.DITERIMA, by=mitra.user)
    budi_applications = list(Application.objects.filter(personal=budi).order_by("pk"))
    use_cases.set_status_bulk(mitra, budi_applications[:2], ApplicationStatus.DITOLAK, by=mitra.user)
    use_cases.withdraw(budi.user, budi_applications[2])
    assert_tallies_match(viewers)

    # Written around the models: a queryset update of statuses, a profile moved to another region
    # (its applications move with it), a Mitra changing category, a registration date corrected.
    Application.objects.filter(personal=ani).update(status=ApplicationStatus.DIPROSES)
    PersonalProfile.objects.filter(pk=budi.pk).update(kecamatan=desa_a.kecamatan, desa=desa_a)
    mitra.category = MitraCategory.INFORMAL
    mitra.save()
    User.objects.filter(pk=ani.user_id).update(date_joined=timezone.now() - datetime.timedelta(days=95))
    assert_tallies_match(viewers)

    # A Personal closing the account (anonymised: no desa any more), then an account deleted.
    privacy.delete_account(User.objects.get(pk=budi.user_id))
    MitraProfile.objects.get(pk=mitra.pk).user.delete()
    assert_tallies_match(viewers)

    # A bulk insert, as the demo loader does, bypasses every save(): the triggers still count it.
    extra = [
        PersonalProfile(user=UserFactory(account_type="personal"), kecamatan=bancar.kecamatan, desa=bancar)
        for _index in range(3)
    ]
    PersonalProfile.objects.bulk_create(extra)
    assert_tallies_match(viewers)


def test_folding_and_rebuilding_keep_the_counts(viewers, desa_a, bancar):
    mitra = MitraProfileFactory(kecamatan=desa_a.kecamatan, desa=desa_a)
    vacancy = VacancyFactory(mitra=mitra)
    for index in range(4):
        personal = complete_personal_profile(desa_a if index % 2 else bancar, username=f"pelamar{index}")
        ApplicationFactory(vacancy=vacancy, personal=personal)
    Application.objects.filter(vacancy=vacancy).update(status=ApplicationStatus.DIPROSES)
    rows_before = RegionTally.objects.count()

    region_tallies.fold()
    folded = RegionTally.objects.count()
    assert folded < rows_before
    # One row per measure, region and key; none left at zero (the applications all moved to Dalam Proses).
    assert not RegionTally.objects.filter(measure="application", key=ApplicationStatus.TERKIRIM).exists()
    assert_tallies_match(viewers)

    RegionTally.objects.filter(measure="personal").update(count=999)  # drift, e.g. a restored backup
    region_tallies.rebuild()
    assert RegionTally.objects.count() == folded
    assert_tallies_match(viewers)


def test_the_dasbor_reads_the_tallies_not_the_big_tables(viewers, desa_a, client):
    complete_personal_profile(desa_a, username="ani")
    client.force_login(viewers[0])
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/app/v1/admin/")
    assert response.status_code == 200
    big_tables = ('FROM "users_personalprofile"', 'FROM "marketplace_application"')
    # The verification queue's count is the one query left on them, through its status index.
    queue = '"users_personalprofile"."verification_status" = '
    scans = [
        query["sql"]
        for query in queries
        if any(table in query["sql"] for table in big_tables) and queue not in query["sql"]
    ]
    assert not scans, scans
    assert "Personal per kecamatan" in response.text


def report_live(user, filters):
    """Laporan Personal counted from the profiles, whatever the filters."""
    from users.reports import _counts_per_area_live

    return _counts_per_area_live(user, filters)


def test_laporan_personal_measures_follow_profiles_sections_accounts_and_applications(
    viewers, desa_a, bancar
):
    """Each change that makes a Personal (in)complete, verified, an applicant or accepted moves
    exactly that profile's Laporan counts, whoever writes it."""
    ani = complete_personal_profile(desa_a, username="ani")
    budi = complete_personal_profile(bancar, username="budi")
    mitra = MitraProfileFactory(kecamatan=desa_a.kecamatan, desa=desa_a)
    vacancy = VacancyFactory(mitra=mitra)
    superadmin = viewers[0]

    def report(measure):
        return region_tallies.counts(superadmin, f"report_{measure}").get(None, 0)

    assert (report("registered"), report("complete"), report("applied")) == (2, 2, 0)

    # A section removed, then a section moved to the other profile: only ani loses and gets back.
    skill = Skill.objects.get(profile=ani)
    skill.delete()
    assert report("complete") == 1
    Skill.objects.filter(profile=budi).update(profile=ani)
    assert report("complete") == 1  # ani complete again, budi now without a skill
    assert_tallies_match(viewers)

    # The account: a phone number changed (no longer verified), a name cleared.
    User.objects.filter(pk=ani.user_id).update(phone_verified_at=None)
    assert report("complete") == 0
    User.objects.filter(pk=ani.user_id).update(phone_verified_at=timezone.now(), first_name="")
    assert report("complete") == 0
    assert_tallies_match(viewers)

    # Verification, gender and education level (the keys the report filters by).
    PersonalProfile.objects.filter(pk=ani.pk).update(
        verification_status=VerificationStatus.TERVERIFIKASI, gender="L", education_level=None
    )
    assert report("verified") == 1
    assert_tallies_match(viewers)

    # Applications: the first counts, a second does not count twice; accepted, then undone.
    first = ApplicationFactory(personal=budi, vacancy=vacancy)
    ApplicationFactory(personal=budi, vacancy=VacancyFactory(mitra=mitra))
    assert report("applied") == 1
    use_cases.set_status(mitra, first, ApplicationStatus.DITERIMA, by=mitra.user)
    assert report("accepted") == 1
    Application.objects.filter(pk=first.pk).update(status=ApplicationStatus.DIPROSES)
    assert report("accepted") == 0
    Application.objects.filter(pk=first.pk).delete()
    assert report("applied") == 1  # the other application remains
    assert_tallies_match(viewers)

    # A profile deleted with everything hanging off it.
    User.objects.get(pk=budi.user_id).delete()
    assert (report("registered"), report("applied")) == (1, 0)
    assert_tallies_match(viewers)
    assert PersonalReportState.objects.count() == PersonalProfile.objects.count()


def test_laporan_personal_from_the_tallies_equals_the_count_of_the_profiles(viewers, desa_a, desa_b, bancar):
    from users.reports import ReportFilters

    people = [
        complete_personal_profile(desa, username=f"warga{index}")
        for index, desa in enumerate([desa_a, desa_a, desa_b, bancar, bancar])
    ]
    PersonalProfile.objects.filter(pk=people[0].pk).update(gender="L")
    PersonalProfile.objects.filter(pk=people[3].pk).update(education_level=None, gender="")
    PersonalProfile.objects.filter(pk=people[4].pk).update(kecamatan=None, desa=None)
    PersonalProfile.objects.filter(pk=people[2].pk).update(
        verification_status=VerificationStatus.TERVERIFIKASI
    )
    mitra = MitraProfileFactory(kecamatan=desa_a.kecamatan, desa=desa_a)
    accepted = ApplicationFactory(personal=people[1], vacancy=VacancyFactory(mitra=mitra))
    Application.objects.filter(pk=accepted.pk).update(status=ApplicationStatus.DITERIMA)
    ApplicationFactory(personal=people[3], vacancy=VacancyFactory(mitra=mitra))
    level = people[1].education_level
    # Registered on 1 March 2026 just after midnight in Purbalingga (still 28 February in UTC), in
    # April, and (the rest) today.
    zone = zoneinfo.ZoneInfo("Asia/Jakarta")
    for person, joined in (
        (people[0], datetime.datetime(2026, 3, 1, 0, 30)),
        (people[1], datetime.datetime(2026, 4, 15, 9)),
    ):
        User.objects.filter(pk=person.user_id).update(date_joined=joined.replace(tzinfo=zone))
    march, april = datetime.date(2026, 3, 1), datetime.date(2026, 4, 30)

    combinations = [
        ReportFilters(),
        ReportFilters(gender="P"),
        ReportFilters(gender="L"),
        ReportFilters(education_level=level),
        ReportFilters(kecamatan=desa_a.kecamatan),
        ReportFilters(desa=desa_b, gender="P", education_level=level),
        ReportFilters(date_from=march, date_to=march),
        ReportFilters(date_to=datetime.date(2026, 2, 28)),
        ReportFilters(date_from=datetime.date(2026, 3, 2), gender="P"),
        ReportFilters(date_from=march, date_to=april, kecamatan=desa_a.kecamatan, education_level=level),
    ]
    assert personal_report_tallies.holds()
    for viewer in viewers:
        for filters in combinations:
            tallied = personal_report_tallies.counts_per_area(viewer, filters)
            live = {
                area: {key: n for key, n in counts.items() if n}
                for area, counts in report_live(viewer, filters).items()
            }
            assert tallied == live, (viewer.username, filters)
    # The profile without a region counts under no kecamatan and no desa (and is incomplete).
    assert personal_report_tallies.counts_per_area(viewers[0], ReportFilters())[(None, None)] == {
        "registered": 1
    }
    in_march = personal_report_tallies.counts_per_area(
        viewers[0], ReportFilters(date_from=march, date_to=march)
    )
    assert in_march == {(desa_a.kecamatan_id, desa_a.pk): {"registered": 1, "complete": 1}}


@pytest.mark.parametrize(
    "period", [{}, {"dari": "2020-01-01"}, {"dari": "2020-01-01", "sampai": "2099-12-31"}]
)
def test_laporan_personal_reads_no_profile_with_or_without_a_registration_period(
    viewers, desa_a, client, period
):
    complete_personal_profile(desa_a, username="ani")
    client.force_login(viewers[0])
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/app/v1/admin/laporan-personal/", period)
    assert response.status_code == 200
    assert response.context["report"].total.counts["registered"] == 1
    assert not [query["sql"] for query in queries if 'FROM "users_personalprofile"' in query["sql"]]


def laporan_mitra_figures(viewer, filters):
    """Every row of Laporan Mitra for ``viewer`` and ``filters``: label and the four counts."""
    from users.reports import mitra_report

    report = mitra_report(viewer, filters)
    rows = [*report.category_rows, *report.business_field_rows, *report.kecamatan_rows, report.total]
    return [(row.label, row.counts) for row in rows]


def assert_laporan_mitra_matches(viewers, monkeypatch):
    """Laporan Mitra from the tallies equals Laporan Mitra counted from the tables, for every viewer
    and a few filters (a period, a kecamatan)."""
    from users.reports import ReportFilters

    combinations = [
        ReportFilters(),
        ReportFilters(date_from=timezone.localdate()),
        ReportFilters(date_to=timezone.localdate() - datetime.timedelta(days=1)),
        ReportFilters(kecamatan=Kecamatan.objects.get(name="Bobotsari")),
    ]
    for viewer in viewers:
        for filters in combinations:
            assert mitra_report_tallies.holds()
            tallied = laporan_mitra_figures(viewer, filters)
            with monkeypatch.context() as patched:
                patched.setattr(mitra_report_tallies, "holds", lambda: False)
                live = laporan_mitra_figures(viewer, filters)
            assert tallied == live, (viewer.username, filters)


def test_laporan_mitra_counts_follow_vacancies_and_applications(viewers, desa_a, bancar, monkeypatch):
    """Whoever posts, decides, moves or deletes, Laporan Mitra's vacancies, applicants and accepted
    read from the tallies equal those counted from the tables; folding and rebuilding keep them."""
    from users.reports import ReportFilters

    mitra = MitraProfileFactory(
        kecamatan=desa_a.kecamatan, desa=desa_a, verification_status=VerificationStatus.TERVERIFIKASI
    )
    other = MitraProfileFactory(kecamatan=bancar.kecamatan, desa=bancar, category=MitraCategory.INFORMAL)
    User.objects.filter(pk=other.user_id).update(date_joined=timezone.now() - datetime.timedelta(days=40))
    published = [VacancyFactory(mitra=mitra) for _index in range(2)]
    draft = VacancyFactory(mitra=mitra, draft=True)
    ani = complete_personal_profile(desa_a, username="ani")
    budi = complete_personal_profile(bancar, username="budi")

    def total():
        report = laporan_mitra_figures(viewers[0], ReportFilters())
        counts = report[-1][1]
        return counts["vacancies"], counts["applicants"], counts["accepted"]

    assert total() == (2, 0, 0)  # the draft is not posted

    # Applying, a decision, a withdrawal; a draft published by a queryset update.
    sent, _created = use_cases.apply(ani.user, published[0])
    use_cases.apply(budi.user, published[0])
    withdrawn, _created = use_cases.apply(budi.user, published[1])
    use_cases.set_status(mitra, sent, ApplicationStatus.DITERIMA, by=mitra.user)
    use_cases.withdraw(budi.user, withdrawn)
    Vacancy.objects.filter(pk=draft.pk).update(status=VacancyStatus.PUBLISHED)
    assert total() == (3, 3, 1)
    assert_laporan_mitra_matches(viewers, monkeypatch)

    # Around the models: statuses updated in bulk, a vacancy handed to the other Mitra with its
    # applications, a vacancy deleted with its applications, a bulk insert.
    Application.objects.filter(vacancy=published[0]).update(status=ApplicationStatus.DITERIMA)
    Vacancy.objects.filter(pk=published[1].pk).update(mitra=other)
    assert total() == (3, 3, 2)
    assert_laporan_mitra_matches(viewers, monkeypatch)
    Vacancy.objects.get(pk=published[0].pk).delete()
    Application.objects.bulk_create([Application(vacancy=draft, personal=ani)])
    assert total() == (2, 2, 0)
    assert_laporan_mitra_matches(viewers, monkeypatch)

    region_tallies.fold()
    assert MitraReportTally.objects.count() == 2  # one row per Mitra with anything to count
    assert_laporan_mitra_matches(viewers, monkeypatch)
    MitraReportTally.objects.update(applicants=999)  # drift, e.g. a restored backup
    region_tallies.rebuild()
    assert total() == (2, 2, 0)
    assert_laporan_mitra_matches(viewers, monkeypatch)

    # A Mitra's account deleted: its vacancies and their applications leave the report, and its
    # rows sum to nothing and are folded away.
    MitraProfile.objects.get(pk=mitra.pk).user.delete()
    assert total() == (1, 1, 0)
    region_tallies.fold()
    assert list(MitraReportTally.objects.values_list("mitra_id", flat=True)) == [other.pk]
    assert_laporan_mitra_matches(viewers, monkeypatch)


def test_laporan_mitra_reads_neither_vacancies_nor_applications(viewers, desa_a, client):
    ApplicationFactory(vacancy=VacancyFactory(mitra__kecamatan=desa_a.kecamatan, mitra__desa=desa_a))
    client.force_login(viewers[0])
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/app/v1/admin/laporan-mitra/", {"dari": "2020-01-01"})
    assert response.status_code == 200
    assert response.context["report"].total.counts["applicants"] == 1
    big_tables = ('"marketplace_application"', '"marketplace_vacancy"')
    assert not [query["sql"] for query in queries if any(table in query["sql"] for table in big_tables)]
