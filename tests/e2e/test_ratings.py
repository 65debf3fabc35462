"""Ratings in a browser (issue 7): a Personal whose application was accepted rates the Mitra from
Lamaran Terkirim; the rating stays hidden until the Mitra rates the applicant back from Pelamar;
then both are revealed and the review shows on the Mitra's public page. axe checks every page."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from marketplace import use_cases
from marketplace.choices import ApplicationStatus
from marketplace.factories import VacancyFactory
from marketplace.models import Application, MitraRating, PersonalRating
from tests.e2e.ui import account_menu, heading, log_in
from users.choices import VerificationStatus
from users.factories import complete_mitra_profile, complete_personal_profile
from users.models import Desa

pytestmark = pytest.mark.browser

COMMENT = "Proses rekrutmen jelas dan ramah."


def give_rating(page, stars, comment=""):
    heading(page, "Berikan Rating")
    group = page.get_by_role("group", name=re.compile(r"^\s*Rating"))
    expect(group).to_be_visible()
    group.get_by_label(f"{stars} bintang", exact=True).check()
    if comment:
        page.get_by_label("Komentar (opsional)").fill(comment)


def test_applicant_and_mitra_rate_each_other_and_the_review_goes_public(
    site, desktop, second_desktop, assert_accessible
):
    desa = Desa.objects.get(name="Bancar", kecamatan__name="Purbalingga")
    mitra = complete_mitra_profile(desa)
    mitra.name = "PT Bulu Mata Purbalingga"
    mitra.verification_status = VerificationStatus.TERVERIFIKASI
    mitra.verified_at = timezone.now()
    mitra.save()
    personal = complete_personal_profile(desa)
    vacancy = VacancyFactory(mitra=mitra, title="Operator Bulu Mata")
    application = Application.objects.create(vacancy=vacancy, personal=personal)
    use_cases.set_status(mitra, application, ApplicationStatus.DITERIMA, "Selamat bergabung.")

    # The Personal rates the Mitra from Lamaran Terkirim.
    personal_page = desktop
    log_in(personal_page, "/akun/login/", personal.user.username)
    account_menu(personal_page, "Lamaran Terkirim")
    assert_accessible(personal_page)
    row = personal_page.locator("li", has=personal_page.get_by_role("link", name="Operator Bulu Mata"))
    row.get_by_role("link", name=re.compile(r"^Berikan Rating")).click()
    give_rating(personal_page, 4, COMMENT)
    expect(personal_page.get_by_text("Rating untuk PT Bulu Mata Purbalingga")).to_be_visible()
    assert_accessible(personal_page)
    personal_page.get_by_role("button", name="Simpan Rating").click()
    heading(personal_page, "Lamaran Terkirim")
    expect(personal_page.get_by_text("rating Anda tersimpan")).to_be_visible()
    expect(row.get_by_text("Rating Anda:")).to_be_visible()
    expect(row.get_by_role("link", name=re.compile(r"^Ubah Rating"))).to_be_visible()
    assert_accessible(personal_page)
    assert MitraRating.objects.get().stars == 4

    # Not public yet: the Mitra has not rated back and the 14 days are not over.
    public_url = f"/mitra-formal/{mitra.pk}/"
    personal_page.goto(public_url)
    heading(personal_page, "PT Bulu Mata Purbalingga")
    expect(personal_page.get_by_text(COMMENT)).to_have_count(0)
    expect(personal_page.get_by_text("Belum ada rating")).to_be_visible()

    # The Mitra rates the applicant back from Pelamar: both ratings are revealed together.
    mitra_page = second_desktop
    log_in(mitra_page, "/akun/login-mitra/", mitra.user.username)
    account_menu(mitra_page, "Pelamar")
    mitra_page.get_by_role("link", name=re.compile(r"^Berikan Rating")).click()
    give_rating(mitra_page, 5)
    assert_accessible(mitra_page)
    mitra_page.get_by_role("button", name="Simpan Rating").click()
    heading(mitra_page, "Pelamar")
    expect(mitra_page.get_by_text("Rating Anda:")).to_be_visible()
    assert_accessible(mitra_page)
    assert PersonalRating.objects.get().revealed_at is not None

    # The review is on the Mitra's public page, with the average and schema.org data.
    personal_page.goto(public_url)
    heading(personal_page, "PT Bulu Mata Purbalingga")
    expect(personal_page.get_by_text(COMMENT)).to_be_visible()
    expect(personal_page.get_by_text("4,0 dari 5 (1 ulasan)").first).to_be_visible()
    assert "EmployerAggregateRating" in personal_page.content()
    assert_accessible(personal_page)

    # And next to the Mitra's name on its vacancy.
    personal_page.goto(f"/lowongan/{vacancy.pk}/")
    expect(personal_page.locator(".mitra-rating")).to_contain_text("4,0 dari 5 (1 ulasan)")
    assert_accessible(personal_page)
