"""Admin List Penawaran Jasa (guide §7.1, issue 8): every service with search, filters and request
counts, for Super Admin and Admin only; "Jeda" with a reason the provider is told, audit-logged."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry

from marketplace import moderation
from marketplace.choices import ServiceRequestStatus, ServiceStatus
from marketplace.factories import KategoriJasaFactory, ServiceFactory, ServiceRequestFactory
from marketplace.models import KategoriJasa
from marketplace.use_cases import UseCaseError
from users.choices import StaffRole, VerificationStatus
from users.factories import MitraFactory, PersonalFactory
from users.models import Kecamatan, Notification

pytestmark = pytest.mark.django_db

DASHBOARD_URL = "/app/v1/admin/"
INDEX_URL = "/app/v1/admin/list-penawaran-jasa/"
ALLOWED = {StaffRole.SUPER_ADMIN, StaffRole.ADMIN}


def pause_url(service):
    return reverse("admin_services:pause", args=[service.pk])


@pytest.fixture
def service(bobotsari):
    provider = PersonalFactory(first_name="Joko", last_name="Susilo", email="joko@contoh.id")
    return ServiceFactory(provider=provider, title="Renovasi Atap", areas=[bobotsari])


@pytest.mark.parametrize("role", list(StaffRole))
def test_only_super_admin_and_admin_see_list_penawaran_jasa(client, staff, service, role):
    client.force_login(staff(role))
    allowed = role in ALLOWED
    assert (INDEX_URL in client.get(DASHBOARD_URL).content.decode()) is allowed
    assert client.get(INDEX_URL).status_code == (200 if allowed else 403)
    assert client.get(pause_url(service)).status_code == (200 if allowed else 403)
    if not allowed:
        assert client.post(pause_url(service), {"reason": "Spam"}).status_code == 403
        service.refresh_from_db()
        assert service.status == ServiceStatus.ACTIVE
        with pytest.raises(UseCaseError):
            moderation.pause_service(service, staff(role), "Spam")


def rows(response):
    return [service.title for service in response.context["page_obj"]]


def test_list_shows_every_service_with_filters_and_request_counts(client, staff, service, bobotsari):
    purbalingga = Kecamatan.objects.get(name="Purbalingga")
    other_category = KategoriJasa.objects.exclude(pk=service.category_id).order_by("name").first()
    mitra = MitraFactory(
        mitra_profile__name="CV Katering Sari",
        mitra_profile__verification_status=VerificationStatus.TERVERIFIKASI,
    )
    catering = ServiceFactory(
        provider=mitra, title="Katering Hajatan", category=other_category, areas=[purbalingga]
    )
    ServiceFactory(title="Les Privat", status=ServiceStatus.PAUSED)
    ServiceFactory(title="Jasa Lama", status=ServiceStatus.ARCHIVED)
    ServiceRequestFactory(service=service)
    ServiceRequestFactory(service=service, status=ServiceRequestStatus.SELESAI)
    client.force_login(staff(StaffRole.ADMIN))

    response = client.get(INDEX_URL)
    assert set(rows(response)) == {"Renovasi Atap", "Katering Hajatan", "Les Privat", "Jasa Lama"}
    row = next(s for s in response.context["page_obj"] if s.pk == service.pk)
    assert (row.requests_total, row.requests_open) == (2, 1)
    page = response.content.decode()
    assert "Joko Susilo" in page and "CV Katering Sari" in page
    assert "Dijeda" in page and "Dihapus" in page

    assert rows(client.get(INDEX_URL, {"q": "katering"})) == ["Katering Hajatan"]
    assert rows(client.get(INDEX_URL, {"q": "joko"})) == ["Renovasi Atap"]
    assert rows(client.get(INDEX_URL, {"q": "sari"})) == ["Katering Hajatan"]  # the Mitra's name only
    assert rows(client.get(INDEX_URL, {"status": ServiceStatus.PAUSED})) == ["Les Privat"]
    assert rows(client.get(INDEX_URL, {"penyedia": "mitra"})) == ["Katering Hajatan"]
    assert rows(client.get(INDEX_URL, {"kategori": other_category.pk})) == ["Katering Hajatan"]
    assert rows(client.get(INDEX_URL, {"kecamatan": bobotsari.pk})) == ["Renovasi Atap"]
    assert catering.pk


def test_list_query_count_is_constant(client, staff, service, bobotsari, django_assert_max_num_queries):
    client.force_login(staff(StaffRole.SUPER_ADMIN))
    client.get(INDEX_URL)
    with CaptureQueriesContext(connection) as one:
        client.get(INDEX_URL)
    category = KategoriJasaFactory(name="Katering")
    for _n in range(3):
        ServiceRequestFactory(service=ServiceFactory(category=category, areas=[bobotsari]))
        ServiceFactory(provider=MitraFactory(), status=ServiceStatus.PAUSED)
    with django_assert_max_num_queries(len(one)):
        response = client.get(INDEX_URL)
    assert len(response.context["page_obj"]) == 7


def test_pause_needs_a_reason_tells_the_provider_and_is_logged(
    client, staff, service, django_capture_on_commit_callbacks
):
    admin = staff(StaffRole.ADMIN)
    client.force_login(admin)
    response = client.post(pause_url(service), {"reason": ""})
    assert response.status_code == 200
    assert "Tuliskan alasan jasa dijeda." in response.content.decode()
    service.refresh_from_db()
    assert service.status == ServiceStatus.ACTIVE

    response = client.post(pause_url(service), {"reason": "Foto tidak sesuai."})
    assert response.status_code == 302
    client.post(pause_url(service), {"reason": "Foto tidak sesuai."})  # double submit
    service.refresh_from_db()
    assert service.status == ServiceStatus.PAUSED
    note = Notification.objects.get(user=service.provider, event="service.paused_by_admin")
    assert "Foto tidak sesuai." in note.body
    assert [m.to for m in mail.outbox] == [["joko@contoh.id"]]
    entry = ModelLogEntry.objects.get(action="portal.pause_service", object_id=str(service.pk))
    assert entry.user_id == admin.pk and entry.data == {"reason": "Foto tidak sesuai."}
    assert not any(s.pk == service.pk for s in type(service).objects.public())


def test_an_archived_service_cannot_be_paused(staff, service):
    service.status = ServiceStatus.ARCHIVED
    service.save()
    with pytest.raises(UseCaseError, match="dihapus"):
        moderation.pause_service(service, staff(StaffRole.ADMIN), "x")


def test_a_staff_pause_binds_the_provider_until_staff_lift_it(client, staff, service):
    admin = staff(StaffRole.ADMIN)
    moderation.pause_service(service, admin, "Foto tidak sesuai jasa.")
    provider = service.provider

    # The provider sees why and cannot make it active again.
    client.force_login(provider)
    page = client.get(reverse("marketplace:services")).content.decode()
    assert "Dijeda oleh admin: Foto tidak sesuai jasa." in page
    client.post(reverse("marketplace:service_resume", args=[service.pk]))
    service.refresh_from_db()
    assert service.status == ServiceStatus.PAUSED

    # Staff lift it: active again, the provider told, the decision logged.
    client.force_login(admin)
    response = client.post(reverse("admin_services:resume", args=[service.pk]))
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.status == ServiceStatus.ACTIVE and service.admin_pause_reason == ""
    assert Notification.objects.filter(user=provider, event="service.resumed_by_admin").exists()
    assert ModelLogEntry.objects.for_instance(service).filter(action="portal.resume_service").exists()

    # Roles without List Penawaran Jasa cannot.
    moderation.pause_service(service, admin, "Lagi")
    client.force_login(staff(StaffRole.DINAKER))
    assert client.post(reverse("admin_services:resume", args=[service.pk])).status_code == 403
