import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count, F

from home.bulk_demo_data import BULK_PHOTO
from marketplace.choices import OPEN_SERVICE_REQUEST_STATUSES, ApplicationStatus
from marketplace.models import (
    Application,
    MitraRating,
    PersonalRating,
    Service,
    ServiceRating,
    ServiceRequest,
    Vacancy,
)
from portal import region_tallies
from users.choices import AccountType
from users.completeness import personal_completeness
from users.models import MitraProfile, PersonalProfile, User

pytestmark = pytest.mark.django_db

DEMO_PASSWORD = "Bulk#Purbalingga1"
COUNTS = {
    "personals": 300,
    "mitras": 30,
    "vacancies": 100,
    "applications": 1000,
    "services": 50,
    "requests": 100,
    "ratings": 200,
}


@pytest.fixture
def bulk_data(settings):
    settings.DEMO_PASSWORD = DEMO_PASSWORD
    output = io.StringIO()
    arguments = [f"--{name}={value}" for name, value in COUNTS.items()]
    call_command("load_demo_data", "--bulk", "--seed=7", *arguments, stdout=output)
    return output.getvalue()


def test_bulk_load_writes_the_requested_volumes_and_reports_its_speed(bulk_data):
    # The demo accounts of every role come first, then the bulk rows.
    assert User.objects.filter(username__in=["personal", "mitra", "superadmin"]).count() == 3
    assert PersonalProfile.objects.exclude(user__username="personal").count() == 300
    assert MitraProfile.objects.exclude(user__username__in=["mitra", "mitra_informal"]).count() == 30
    assert Vacancy.objects.count() == 100
    assert Application.objects.count() == 1000
    assert Service.objects.count() == 50
    assert ServiceRequest.objects.count() == 100
    ratings = MitraRating.objects.count() + PersonalRating.objects.count() + ServiceRating.objects.count()
    assert ratings == 200
    assert "applications: 1,000 rows" in bulk_data and "rows/s" in bulk_data

    # Full profiles spread over the regency's desa; a third of the vacancies open for applications.
    profiles = PersonalProfile.objects.exclude(user__username="personal")
    assert not profiles.filter(desa__isnull=True).exists() and not profiles.filter(nik__isnull=True).exists()
    assert profiles.values("desa").distinct().count() > 100
    assert profiles.filter(educations__isnull=True).count() == 0
    assert 20 <= Vacancy.objects.open().count() <= 50


def test_bulk_rows_respect_the_one_per_relationship_rules(bulk_data):
    duplicates = Application.objects.values("vacancy", "personal").annotate(n=Count("pk")).filter(n__gt=1)
    assert not duplicates.exists()
    open_twice = (
        ServiceRequest.objects.filter(status__in=OPEN_SERVICE_REQUEST_STATUSES)
        .values("service", "requester")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
    )
    assert not open_twice.exists()
    assert not ServiceRequest.objects.filter(requester=F("service__provider")).exists()
    rated = MitraRating.objects.values_list("application__status", flat=True).distinct()
    assert set(rated) <= {ApplicationStatus.DITERIMA, ApplicationStatus.DITOLAK}
    assert Application.objects.filter(status=ApplicationStatus.DITERIMA, decided_at__isnull=True).count() == 0


def test_bulk_vacancies_are_listed_and_found_by_keyword(bulk_data, client):
    newest = Vacancy.objects.open().order_by("-published_at", "-pk").first()
    detail_link = f'href="/lowongan/{newest.pk}/"'

    listing = client.get("/lowongan/").content.decode()
    assert detail_link in listing

    keyword = newest.mitra.name.split()[-1]
    found = client.get("/lowongan/", {"q": keyword}).content.decode()
    assert detail_link in found
    nothing = client.get("/lowongan/", {"q": "zzzyyyxxx"}).content.decode()
    assert detail_link not in nothing

    provider_service = Service.objects.public().order_by("-created_at", "-pk").first()
    services = client.get("/penawaran-jasa/", {"q": provider_service.title.split()[0]}).content.decode()
    assert f'href="/penawaran-jasa/{provider_service.pk}/"' in services


def test_bulk_personal_logs_in_with_the_demo_password(bulk_data, client):
    user = User.objects.filter(account_type=AccountType.PERSONAL, email_verified_at__isnull=False).last()
    assert user.username != "personal"
    response = client.post("/akun/login/", {"username": user.username, "password": DEMO_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/akun/profil/"
    assert user.get_full_name() in client.get("/akun/profil/").content.decode()


def test_bulk_personal_profiles_are_complete_so_they_can_apply(bulk_data):
    """The benchmark's mixed run applies as bulk Personal accounts: their profiles reach 100 %."""
    profile = PersonalProfile.objects.exclude(user__username="personal").select_related("user").last()
    assert profile.photo.name == BULK_PHOTO and profile.photo.storage.exists(BULK_PHOTO)
    assert personal_completeness(profile).complete


def test_bulk_load_leaves_every_region_tally_right(bulk_data):
    """The loader writes without the tally triggers where it may, then recounts: the Dasbor and
    Laporan Personal read the same figures as the tables give, and the triggers count again."""
    superadmin = User.objects.get(username="superadmin")
    for measure in region_tallies.MEASURES:
        for group_by in region_tallies.GROUPS:
            live = region_tallies.live_counts(superadmin, measure, group_by)
            live = {key: n for key, n in live.items() if n}
            assert region_tallies.counts(superadmin, measure, group_by) == live, (measure, group_by)
    with connection.cursor() as cursor:
        cursor.execute("SHOW session_replication_role")
        assert cursor.fetchone()[0] == "origin"
    PersonalProfile.objects.exclude(user__username="personal").first().user.delete()
    registered = region_tallies.counts(superadmin, "report_registered").get(None, 0)
    assert registered == PersonalProfile.objects.count()
