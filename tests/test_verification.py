"""Account verification (guide §4.3, §4.4): state machine, who decides, notifications, and the decision
in the admin's Data Profil screens (more of those screens in tests/test_profile_admin.py)."""

import re

import pytest
from django.core import mail

from users import verification
from users.choices import StaffRole, VerificationStatus
from users.factories import PersonalFactory, UserFactory, complete_mitra_profile, complete_personal_profile
from users.models import (
    Desa,
    Notification,
    VerificationLog,
)
from users.staff import save_staff_account

pytestmark = pytest.mark.django_db


def sidebar(html):
    """The admin sidebar (rendered as JSON props): menu entries, their labels and URLs."""
    match = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    assert match, "sidebar props not found"
    return match.group(1)


def staff(role, **scope):
    user = UserFactory(account_type="staff")
    return save_staff_account(user, role, **scope)


@pytest.fixture
def desa():
    return Desa.objects.get(name="Bancar", kecamatan__name="Purbalingga")


def test_incomplete_profile_cannot_be_submitted():
    profile = PersonalFactory().personal_profile
    with pytest.raises(verification.VerificationRefused, match="Lengkapi profil"):
        verification.submit(profile)
    profile.refresh_from_db()
    assert profile.verification_status == VerificationStatus.BELUM


def test_submit_verify_flow_notifies_both_sides(desa, django_capture_on_commit_callbacks):
    profile = complete_personal_profile(desa)
    desa_operator = staff(StaffRole.DESA, desa=desa)
    other_desa = staff(StaffRole.DESA, desa=Desa.objects.exclude(pk=desa.pk).first())
    admin = staff(StaffRole.ADMIN)

    verification.submit(profile)
    verification.submit(profile)  # double submit: no second entry
    profile.refresh_from_db()
    assert profile.verification_status == VerificationStatus.DIAJUKAN
    assert VerificationLog.objects.filter(account=profile.user, action="diajukan").count() == 1
    assert Notification.objects.filter(user=desa_operator, event="verification.submitted").count() == 1
    assert Notification.objects.filter(user=admin, event="verification.submitted").exists()
    assert not Notification.objects.filter(user=other_desa).exists()

    with pytest.raises(verification.VerificationRefused):
        verification.verify(profile, other_desa)
    with django_capture_on_commit_callbacks(execute=True):
        verification.verify(profile, desa_operator)
    profile.refresh_from_db()
    assert profile.is_verified and profile.verified_by == desa_operator
    log = VerificationLog.objects.get(account=profile.user, action="terverifikasi")
    assert log.actor == desa_operator
    notification = Notification.objects.get(user=profile.user, event="verification.verified")
    assert notification.read_at is None
    assert any("diverifikasi" in message.subject for message in mail.outbox)


def test_reject_needs_a_reason_and_owner_may_submit_again(desa):
    profile = complete_personal_profile(desa)
    admin = staff(StaffRole.ADMIN)
    verification.submit(profile)
    with pytest.raises(verification.VerificationRefused, match="alasan"):
        verification.reject(profile, admin, "  ")
    verification.reject(profile, admin, "Foto tidak jelas")
    profile.refresh_from_db()
    assert profile.verification_status == VerificationStatus.DITOLAK
    assert profile.verification_note == "Foto tidak jelas"
    assert "Foto tidak jelas" in Notification.objects.get(user=profile.user).body
    verification.submit(profile)
    profile.refresh_from_db()
    assert profile.verification_status == VerificationStatus.DIAJUKAN


def test_who_decides_on_a_mitra(desa):
    profile = complete_mitra_profile(desa)
    verification.submit(profile)
    for role in (StaffRole.KECAMATAN, StaffRole.DESA):
        scoped = staff(role, kecamatan=desa.kecamatan, desa=desa)
        assert not verification.can_verify(scoped, profile)
    for role in (StaffRole.VERIFIKATOR, StaffRole.DINAKER, StaffRole.ADMIN, StaffRole.SUPER_ADMIN):
        assert verification.can_verify(staff(role), profile)
    verifikator = staff(StaffRole.VERIFIKATOR)
    assert list(verification.queue(verifikator, "mitra")) == [profile]
    assert list(verification.queue(verifikator, "personal")) == []
    verification.verify(profile, verifikator)
    profile.refresh_from_db()
    assert profile.is_verified


def test_identity_change_sends_a_verified_account_back(desa):
    profile = complete_personal_profile(desa)
    verification.submit(profile)
    verification.verify(profile, staff(StaffRole.ADMIN))
    verification.review_again_after_identity_change(profile, ["NIK"])
    profile.refresh_from_db()
    assert profile.verification_status == VerificationStatus.DIAJUKAN
    assert VerificationLog.objects.filter(account=profile.user, action="ditinjau_ulang").exists()


def test_owner_submits_from_the_profile_page(client, desa):
    profile = complete_personal_profile(desa)
    client.force_login(profile.user)
    response = client.post("/akun/ajukan-verifikasi/", follow=True)
    assert "Pengajuan verifikasi terkirim" in response.content.decode()
    profile.refresh_from_db()
    assert profile.verification_status == VerificationStatus.DIAJUKAN


def test_incomplete_owner_gets_the_checklist_message(client):
    user = PersonalFactory()
    client.force_login(user)
    response = client.post("/akun/ajukan-verifikasi/", follow=True)
    assert "Lengkapi profil Anda terlebih dahulu" in response.content.decode()
    assert "NIK" in response.content.decode()


def test_desa_operator_decides_in_data_profil_personal(client, desa):
    profile = complete_personal_profile(desa)
    verification.submit(profile)
    desa_operator = staff(StaffRole.DESA, desa=desa)
    outsider = staff(StaffRole.DESA, desa=Desa.objects.exclude(pk=desa.pk).first())
    kecamatan = staff(StaffRole.KECAMATAN, kecamatan=desa.kecamatan)
    listing = "/app/v1/admin/data-profil-personal/"
    detail = f"{listing}{profile.pk}/"

    client.force_login(kecamatan)
    assert client.get(listing).status_code == 403
    assert client.post(detail, {"action": "verify"}).status_code == 403
    client.force_login(outsider)
    assert "Siti Aminah" not in client.get(listing).content.decode()
    assert client.get(detail).status_code == 404
    assert client.post(detail, {"action": "verify"}).status_code == 404

    client.force_login(desa_operator)
    queue = client.get(f"{listing}?status=diajukan").content.decode()
    assert "Siti Aminah" in queue
    page = client.get(detail).content.decode()
    assert profile.nik in page  # the verifying staff sees the full NIK
    html = client.post(detail, {"action": "reject", "reason": ""}).content.decode()
    assert "Tuliskan alasan penolakan" in html
    response = client.post(detail, {"action": "verify"}, follow=True)
    assert "sudah diverifikasi" in response.content.decode()
    profile.refresh_from_db()
    assert profile.is_verified


def test_old_verification_urls_lead_to_data_profil(client, desa):
    profile = complete_personal_profile(desa)
    mitra = complete_mitra_profile(desa)
    client.force_login(staff(StaffRole.DESA, desa=desa))
    response = client.get("/app/v1/admin/verifikasi-akun/")
    assert response.status_code == 302
    assert response["Location"] == "/app/v1/admin/data-profil-personal/?status=diajukan"
    response = client.get(f"/app/v1/admin/verifikasi-akun/personal/{profile.pk}/")
    assert response["Location"] == f"/app/v1/admin/data-profil-personal/{profile.pk}/"
    client.force_login(staff(StaffRole.VERIFIKATOR))
    response = client.get("/app/v1/admin/verifikasi-akun/")
    assert response["Location"] == "/app/v1/admin/data-profil-mitra/?status=diajukan"
    response = client.get(f"/app/v1/admin/verifikasi-akun/mitra/{mitra.pk}/")
    assert response["Location"] == f"/app/v1/admin/data-profil-mitra/{mitra.pk}/"
    assert client.get(f"/app/v1/admin/verifikasi-akun/personal/{profile.pk}/").status_code == 403


def test_submission_notice_links_to_the_profile_in_the_admin(desa):
    operator = staff(StaffRole.DESA, desa=desa)
    profile = complete_personal_profile(desa)
    verification.submit(profile)
    notice = Notification.objects.get(user=operator, event="verification.submitted")
    assert notice.url == f"/app/v1/admin/data-profil-personal/{profile.pk}/"


def test_menu_entries_replace_the_interim_verifikasi_akun(client, desa):
    client.force_login(staff(StaffRole.DESA, desa=desa))
    menu = sidebar(client.get("/app/v1/admin/").content.decode())
    assert "/app/v1/admin/data-profil-personal/" in menu and "Data Profil Personal" in menu
    assert "/app/v1/admin/verifikasi-akun/" not in menu and "Verifikasi Akun" not in menu
    client.force_login(staff(StaffRole.KECAMATAN, kecamatan=desa.kecamatan))
    menu = sidebar(client.get("/app/v1/admin/").content.decode())
    assert "Data Profil Personal" not in menu and "Data Profil Mitra" in menu


def test_staff_find_their_notifications_from_the_admin_menu(client, desa):
    operator = staff(StaffRole.DESA, desa=desa)
    verification.submit(complete_personal_profile(desa))
    client.force_login(operator)
    assert "Pemberitahuan (1)" in client.get("/app/v1/admin/").content.decode()
    page = client.get("/akun/pemberitahuan/").content.decode()
    assert "Pengajuan verifikasi baru" in page
    assert "Dasbor Admin" in page and "Profil Saya" not in page
