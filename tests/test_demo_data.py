import pytest
from django.core.management import call_command
from django.test import Client

from marketplace.choices import ServiceRequestStatus
from marketplace.models import (
    Application,
    MitraAnnouncement,
    MitraRating,
    Service,
    ServiceRating,
    ServiceRequest,
    Testimonial,
    Vacancy,
)
from users.models import User

pytestmark = pytest.mark.django_db

ACCOUNTS = [
    "superadmin",
    "admin",
    "dinaker",
    "kecamatan",
    "verifikator",
    "desa",
    "personal",
    "mitra",
    "mitra_informal",
]


def test_demo_accounts_log_in_where_the_guide_says(settings):
    settings.DEMO_PASSWORD = "Demo#Purbalingga1"
    call_command(
        "load_demo_data",
        "--personals",
        "3",
        "--mitras",
        "2",
        "--announcements",
        "2",
        stdout=open("/dev/null", "w"),
    )
    call_command(
        "load_demo_data",
        "--personals",
        "0",
        "--mitras",
        "0",
        "--announcements",
        "0",
        stdout=open("/dev/null", "w"),
    )

    for username in ACCOUNTS:
        assert User.objects.filter(username=username).count() == 1
        assert User.objects.get(username=username).email_verified

    assert User.objects.get(username="desa").scope_desa is not None
    assert User.objects.get(username="kecamatan").scope_kecamatan.name == "Purbalingga"
    assert User.objects.get(username="superadmin").is_superuser
    assert User.objects.get(username="mitra_informal").mitra_profile.category == "informal"
    assert User.objects.get(username="mitra").mitra_profile.is_verified
    assert Vacancy.objects.open().filter(mitra__user__username__in=["mitra", "mitra_informal"]).exists()
    assert Application.objects.filter(vacancy__mitra__user__username__in=["mitra", "mitra_informal"]).exists()
    # Services of Personal and Mitra, on Penawaran Jasa, with requests that went through the lifecycle.
    assert Service.objects.public().filter(provider__username="personal").exists()
    assert Service.objects.public().filter(provider__username="mitra_informal").exists()
    for request in ServiceRequest.objects.prefetch_related("events"):
        assert request.requester_id != request.service.provider_id
        assert [event.to_status for event in request.events.all()][-1] == request.status
    assert ServiceRequest.objects.filter(status=ServiceRequestStatus.SELESAI).exists()
    # Public ratings, approved testimonials and announcements of verified demo Mitra.
    assert MitraRating.objects.public().filter(mitra__user__username__in=["mitra", "mitra_informal"]).exists()
    assert (
        ServiceRating.objects.public().count() == 2 * ServiceRequest.objects.filter(status="selesai").count()
    )
    assert Testimonial.objects.approved().filter(author__username="personal").exists()
    assert MitraAnnouncement.objects.public().filter(mitra__user__username="mitra").count() == 2

    personal = Client()
    response = personal.post("/akun/login/", {"username": "personal", "password": "Demo#Purbalingga1"})
    assert response["Location"] == "/akun/profil/"
    mitra = Client()
    response = mitra.post("/akun/login-mitra/", {"username": "mitra", "password": "Demo#Purbalingga1"})
    assert response["Location"] == "/akun/profil-mitra/"
    staff = Client()
    response = staff.post("/app/v1/admin/login/", {"username": "desa", "password": "Demo#Purbalingga1"})
    assert response.status_code == 302
    assert staff.get("/app/v1/admin/").status_code == 200
