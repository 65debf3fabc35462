"""Beranda (guide §9): live statistics including the services on offer, and the newest testimonials."""

import re

import pytest

from marketplace import community_use_cases as use_cases
from marketplace.choices import ServiceStatus
from marketplace.factories import ServiceFactory
from users.choices import AccountType, StaffRole
from users.factories import PersonalFactory, UserFactory
from users.staff import save_staff_account

pytestmark = pytest.mark.django_db


def statistic(html, label):
    match = re.search(r'fs-3 fw-bold">([\d.]+)</span>' + re.escape(label), html)
    assert match, label
    return int(match.group(1).replace(".", ""))


def test_statistics_count_public_services(client):
    before = statistic(client.get("/").content.decode(), "Jasa ditawarkan")
    ServiceFactory.create_batch(2)
    ServiceFactory(status=ServiceStatus.PAUSED)
    ServiceFactory(provider__email_verified_at=None)
    html = client.get("/").content.decode()
    assert statistic(html, "Jasa ditawarkan") == before + 2
    for label in ("Lowongan aktif", "Mitra terverifikasi", "Pencari kerja terdaftar"):
        statistic(html, label)


def test_beranda_testimonials_section(client):
    html = client.get("/").content.decode()
    assert '<h2 id="testimoni" class="h4">Testimoni</h2>' in html
    assert "Belum ada testimoni." in html

    author = PersonalFactory(first_name="Budi", last_name="Santoso")
    testimonial, _ = use_cases.save_testimonial(author, "Dapat pekerjaan dekat rumah.", 5)
    assert "Dapat pekerjaan dekat rumah." not in client.get("/").content.decode()
    moderator = save_staff_account(UserFactory(account_type=AccountType.STAFF), StaffRole.ADMIN)
    use_cases.approve_testimonial(moderator, testimonial)
    html = client.get("/").content.decode()
    assert "Dapat pekerjaan dekat rumah." in html and "Budi Santoso" in html
    assert 'href="/testimonial/">Lihat semua testimoni</a>' in html

    author.is_active = False
    author.save()
    assert "Dapat pekerjaan dekat rumah." not in client.get("/").content.decode()
