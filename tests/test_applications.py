"""Applications (guide §5.1, chapter 6 Pelamar; issue 5): Lamar Sekarang → confirmation → Lamaran
Terkirim; the rules (verified email, 100 % profile, open vacancy, one per vacancy); Tarik lamaran
while Terkirim; the Mitra's status changes with a message; Lowongan Tersimpan."""

import datetime
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from marketplace import use_cases
from marketplace.choices import ApplicationStatus, VacancyStatus
from marketplace.factories import ApplicationFactory, VacancyFactory
from marketplace.models import Application, SavedVacancy
from users.choices import VerificationStatus
from users.factories import MitraProfileFactory, PersonalFactory, complete_personal_profile
from users.models import Desa, Notification

pytestmark = pytest.mark.django_db

APPLICATIONS_URL = "/akun/lamaran/"
APPLICANTS_URL = "/akun/pelamar/"


@pytest.fixture
def desa(db):
    return Desa.objects.filter(kecamatan__name="Bobotsari").first()


@pytest.fixture
def personal(desa):
    return complete_personal_profile(desa)


@pytest.fixture
def vacancy(db):
    return VacancyFactory(title="Operator Bulu Mata", mitra__name="PT Cantik Abadi")


def apply_url(vacancy):
    return f"/akun/lamar/{vacancy.pk}/"


def detail_url(vacancy):
    return f"/lowongan/{vacancy.pk}/"


# --- Lamar Sekarang ----------------------------------------------------------------------------


def test_apply_through_the_confirmation_once_and_the_mitra_is_told(client, personal, vacancy):
    client.force_login(personal.user)
    detail = client.get(detail_url(vacancy)).content.decode()
    assert f'href="{apply_url(vacancy)}">Lamar Sekarang</a>' in detail

    confirm = client.get(apply_url(vacancy)).content.decode()
    assert "Kirim Lamaran" in confirm and "PT Cantik Abadi" in confirm
    assert not Application.objects.exists()

    response = client.post(apply_url(vacancy), follow=True)
    assert response.redirect_chain[-1][0] == APPLICATIONS_URL
    page = response.content.decode()
    assert "sudah terkirim ke PT Cantik Abadi" in page
    assert "Operator Bulu Mata" in page and ">Terkirim<" in page and "Tarik lamaran" in page
    application = Application.objects.get()
    assert application.personal == personal and application.status == ApplicationStatus.TERKIRIM
    told = Notification.objects.get(user=vacancy.mitra.user, event="application_received")
    assert "Operator Bulu Mata" in told.title and told.url == f"{APPLICANTS_URL}?lowongan={vacancy.pk}"

    # A double click or a second tab: still one application, one notification.
    again = client.post(apply_url(vacancy), follow=True).content.decode()
    assert "Anda sudah melamar lowongan ini." in again
    assert Application.objects.count() == 1
    assert Notification.objects.filter(user=vacancy.mitra.user).count() == 1
    assert "Anda sudah melamar" in client.get(detail_url(vacancy)).content.decode()


def test_use_case_apply_twice_returns_the_existing_application(personal, vacancy):
    first, created = use_cases.apply(personal.user, vacancy)
    second, created_again = use_cases.apply(personal.user, vacancy)
    assert created and not created_again and first == second
    assert Application.objects.count() == 1


def test_anonymous_visitor_is_sent_to_login_and_brought_back(client, vacancy):
    response = client.get(apply_url(vacancy))
    assert response.status_code == 302
    assert response.url == f"/akun/login/?next={apply_url(vacancy)}"


def test_mitra_accounts_cannot_apply(client, vacancy):
    client.force_login(MitraProfileFactory().user)
    assert client.get(apply_url(vacancy)).status_code == 403
    assert "Hanya akun Personal" in client.get(detail_url(vacancy)).content.decode()


def test_unverified_email_is_refused_with_a_clear_message(client, desa, vacancy):
    personal = complete_personal_profile(desa, email_verified_at=None)
    client.force_login(personal.user)
    detail = client.get(detail_url(vacancy)).content.decode()
    assert "Verifikasi email Anda terlebih dahulu sebelum melamar." in detail
    assert "Lamar Sekarang</a>" not in detail
    page = client.get(apply_url(vacancy)).content.decode()
    assert "Verifikasi email Anda terlebih dahulu" in page and "Kirim ulang email verifikasi" in page
    assert "Kirim Lamaran" not in page

    client.post(apply_url(vacancy))
    assert not Application.objects.exists()
    with pytest.raises(use_cases.UseCaseError):
        use_cases.apply(personal.user, vacancy)


def test_incomplete_profile_is_refused_and_the_checklist_shown(client, vacancy):
    user = PersonalFactory()
    client.force_login(user)
    detail = client.get(detail_url(vacancy)).content.decode()
    assert "Lengkapi profil Anda hingga 100%" in detail
    assert "completeness-missing" in detail and "NIK" in detail and "Lengkapi Profil Saya" in detail
    page = client.get(apply_url(vacancy)).content.decode()
    assert "Lengkapi profil Anda hingga 100%" in page and "completeness-missing" in page

    response = client.post(apply_url(vacancy), follow=True)
    assert "Lengkapi profil Anda hingga 100%" in response.content.decode()
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"end_date": timezone.localdate() - datetime.timedelta(days=1)},
        {"status": VacancyStatus.CLOSED},
        {"status": VacancyStatus.FILLED},
    ],
    ids=["expired", "closed", "filled"],
)
def test_a_vacancy_that_no_longer_takes_applications_is_refused(client, personal, overrides):
    vacancy = VacancyFactory(**overrides)
    client.force_login(personal.user)
    assert "Lamar Sekarang</a>" not in client.get(detail_url(vacancy)).content.decode()
    client.post(apply_url(vacancy))
    assert not Application.objects.exists()
    with pytest.raises(use_cases.UseCaseError, match="tidak menerima lamaran"):
        use_cases.apply(personal.user, vacancy)


def test_drafts_cannot_be_applied_to(client, personal):
    draft = VacancyFactory(draft=True)
    client.force_login(personal.user)
    assert client.get(apply_url(draft)).status_code == 404
    assert client.post(apply_url(draft)).status_code == 404


# --- Tarik lamaran -----------------------------------------------------------------------------


def test_withdraw_only_while_terkirim(client, personal, vacancy):
    waiting = ApplicationFactory(vacancy=vacancy, personal=personal)
    processed = ApplicationFactory(personal=personal, status=ApplicationStatus.DIPROSES)
    client.force_login(personal.user)

    page = client.get(APPLICATIONS_URL).content.decode()
    assert f"/akun/lamaran/{waiting.pk}/tarik/" in page
    assert f"/akun/lamaran/{processed.pk}/tarik/" not in page

    client.post(f"/akun/lamaran/{waiting.pk}/tarik/")
    waiting.refresh_from_db()
    assert waiting.status == ApplicationStatus.DITARIK
    assert Notification.objects.filter(user=vacancy.mitra.user, event="application_withdrawn").exists()

    refused = client.post(f"/akun/lamaran/{processed.pk}/tarik/", follow=True).content.decode()
    assert "tidak dapat ditarik" in refused
    processed.refresh_from_db()
    assert processed.status == ApplicationStatus.DIPROSES

    # Applying again after withdrawing sends the same application again.
    application, created = use_cases.apply(personal.user, vacancy)
    assert created and application == waiting and application.status == ApplicationStatus.TERKIRIM
    assert Application.objects.filter(vacancy=vacancy).count() == 1


def test_another_personal_gets_404_on_someone_elses_application(client, desa, personal, vacancy):
    application = ApplicationFactory(vacancy=vacancy, personal=personal)
    other = complete_personal_profile(desa)
    client.force_login(other.user)
    assert client.post(f"/akun/lamaran/{application.pk}/tarik/").status_code == 404
    assert "Operator Bulu Mata" not in client.get(APPLICATIONS_URL).content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.TERKIRIM


# --- Pelamar (Mitra) ---------------------------------------------------------------------------


def status_url(application):
    return f"/akun/pelamar/{application.pk}/status/"


def status_data(application, status, message=""):
    prefix = f"lamaran-{application.pk}"
    return {f"{prefix}-status": status, f"{prefix}-message": message}


def test_status_change_notifies_the_applicant_who_sees_the_message(client, personal, vacancy):
    application = ApplicationFactory(vacancy=vacancy, personal=personal)
    client.force_login(vacancy.mitra.user)
    response = client.post(
        status_url(application),
        status_data(application, ApplicationStatus.DITERIMA, "Silakan datang Senin pukul 08.00."),
        follow=True,
    )
    assert "Pelamar sudah diberi tahu" in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DITERIMA and application.decided_at
    assert application.status_changed_by == vacancy.mitra.user
    notification = Notification.objects.get(user=personal.user, event="application_status")
    assert "Diterima" in notification.title and notification.body == "Silakan datang Senin pukul 08.00."
    assert any("Diterima" in message.subject for message in mail.outbox)  # important: also by email

    # The same change again (double submit) tells the applicant nothing new.
    client.post(
        status_url(application),
        status_data(application, ApplicationStatus.DITERIMA, "Silakan datang Senin pukul 08.00."),
    )
    assert Notification.objects.filter(user=personal.user, event="application_status").count() == 1

    client.force_login(personal.user)
    page = client.get(APPLICATIONS_URL).content.decode()
    assert ">Diterima<" in page and "Silakan datang Senin pukul 08.00." in page
    assert "Tarik lamaran" not in page


def test_a_withdrawn_application_cannot_be_decided(personal, vacancy):
    application = ApplicationFactory(vacancy=vacancy, personal=personal, status=ApplicationStatus.DITARIK)
    with pytest.raises(use_cases.UseCaseError):
        use_cases.set_status(vacancy.mitra, application, ApplicationStatus.DITERIMA)
    with pytest.raises(use_cases.UseCaseError):
        use_cases.set_status(vacancy.mitra, ApplicationFactory(), ApplicationStatus.TERKIRIM)


def test_another_mitra_gets_404_on_someone_elses_application(client, personal, vacancy):
    application = ApplicationFactory(vacancy=vacancy, personal=personal)
    other = MitraProfileFactory(verification_status=VerificationStatus.TERVERIFIKASI)
    client.force_login(other.user)
    assert client.post(status_url(application), status_data(application, "diterima")).status_code == 404
    application.refresh_from_db()
    assert application.status == ApplicationStatus.TERKIRIM
    assert personal.user.get_full_name() not in client.get(APPLICANTS_URL).content.decode()


def test_pelamar_lists_every_vacancy_and_filters(client, desa, vacancy):
    second = VacancyFactory(mitra=vacancy.mitra, title="Staf Gudang")
    ani = ApplicationFactory(vacancy=vacancy, personal=complete_personal_profile(desa, first_name="Ani"))
    budi = ApplicationFactory(
        vacancy=second,
        personal=complete_personal_profile(desa, first_name="Budi"),
        status=ApplicationStatus.DIPROSES,
    )
    ApplicationFactory(personal=complete_personal_profile(desa, first_name="Citra"))  # another Mitra's
    client.force_login(vacancy.mitra.user)

    def names(**params):
        html = client.get(APPLICANTS_URL, params).content.decode()
        return {name for name in ("Ani", "Budi", "Citra") if f">{name} " in html}

    assert names() == {"Ani", "Budi"}
    assert names(lowongan=second.pk) == {"Budi"}
    assert names(status=ApplicationStatus.TERKIRIM) == {"Ani"}
    assert names(lowongan=vacancy.pk, status=ApplicationStatus.DIPROSES) == set()
    assert names(q="budi") == {"Budi"}
    assert names(q="citra") == set()  # another Mitra's applicant stays hidden
    assert ani.pk and budi.pk


# --- Lowongan Tersimpan ------------------------------------------------------------------------


def test_save_and_unsave_from_the_detail_page(client, personal, vacancy):
    client.force_login(personal.user)
    save_url = f"/akun/simpan/{vacancy.pk}/"
    response = client.post(save_url, {"next": detail_url(vacancy)})
    assert response.url == detail_url(vacancy)
    client.post(save_url, {"next": detail_url(vacancy)})  # double submit
    assert SavedVacancy.objects.filter(personal=personal).count() == 1
    assert "Tersimpan (hapus)" in client.get(detail_url(vacancy)).content.decode()

    page = client.get("/akun/lowongan-tersimpan/").content.decode()
    assert "Operator Bulu Mata" in page and "PT Cantik Abadi" in page

    client.post(save_url, {"aksi": "hapus", "next": "https://jahat.example/"})
    assert not SavedVacancy.objects.exists()
    assert "Belum ada lowongan tersimpan" in client.get("/akun/lowongan-tersimpan/").content.decode()


def test_personal_sidebar_carries_the_guides_menu_names(client, personal):
    client.force_login(personal.user)
    page = client.get("/akun/profil/").content.decode()
    assert 'href="/akun/lowongan-tersimpan/">Lowongan Tersimpan</a>' in page
    assert 'href="/akun/lamaran/">Lamaran Terkirim</a>' in page


# --- Query counts ------------------------------------------------------------------------------


def _queries(client, url):
    cache.clear()  # the page as computed, not with its total from the cache
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_pelamar_query_count_does_not_grow_with_applicants(client, desa, vacancy):
    ApplicationFactory(vacancy=vacancy, personal=complete_personal_profile(desa))
    client.force_login(vacancy.mitra.user)
    client.get(APPLICANTS_URL)  # warm up per-process caches (site, settings)
    few = _queries(client, APPLICANTS_URL)
    for _ in range(5):
        ApplicationFactory(vacancy=VacancyFactory(mitra=vacancy.mitra))
    assert _queries(client, APPLICANTS_URL) == few


def test_lamaran_terkirim_and_detail_query_counts_do_not_grow(client, personal):
    ApplicationFactory(personal=personal)
    client.force_login(personal.user)
    client.get(APPLICATIONS_URL)
    few = _queries(client, APPLICATIONS_URL)
    vacancies = [ApplicationFactory(personal=personal).vacancy for _ in range(5)]
    assert _queries(client, APPLICATIONS_URL) == few

    client.get(detail_url(vacancies[0]))
    one = _queries(client, detail_url(vacancies[0]))
    assert _queries(client, detail_url(vacancies[1])) == one


def test_pelamar_filter_lists_every_vacancy_and_keeps_the_choice(client, vacancy):
    other = VacancyFactory(mitra=vacancy.mitra, title="Juru Masak <Dapur>")
    ApplicationFactory(vacancy=vacancy)
    ApplicationFactory(vacancy=other)
    client.force_login(vacancy.mitra.user)
    html = client.get(APPLICANTS_URL, {"lowongan": other.pk}).content.decode()
    assert '<option value="">Semua lowongan</option>' in html
    assert f'<option value="{vacancy.pk}">{vacancy.title}</option>' in html
    assert f'<option value="{other.pk}" selected>Juru Masak &lt;Dapur&gt;</option>' in html
    assert 'name="lowongan" class="' in html and 'id="id_lowongan"' in html


def test_pelamar_status_form_shows_the_current_decision_and_ignores_foreign_vacancies(client, desa, vacancy):
    """Each applicant's Ubah Status form (written out, not through crispy) preselects the current
    decision, with a label for each field; a vacancy of another Mitra in the filter is refused
    (the list stays the Mitra's own, unfiltered) instead of showing anything of the other Mitra."""
    decided = ApplicationFactory(
        vacancy=vacancy,
        personal=complete_personal_profile(desa, first_name="Ani"),
        status=ApplicationStatus.DIPROSES,
    )
    foreign = ApplicationFactory(personal=complete_personal_profile(desa, first_name="Citra"))
    client.force_login(vacancy.mitra.user)
    html = client.get(APPLICANTS_URL).content.decode()
    prefix = f"lamaran-{decided.pk}"
    assert f'<label for="id_{prefix}-status" class="form-label requiredField">Status' in html
    select = f'<select name="{prefix}-status" class="select form-select" id="id_{prefix}-status" required>'
    assert select in html
    assert '<option value="diproses" selected>Dalam Proses</option>' in html
    message_label = "Pesan untuk pelamar (opsional)"
    assert f'<label for="id_{prefix}-message" class="form-label">{message_label}</label>' in html

    refused = client.get(APPLICANTS_URL, {"lowongan": foreign.vacancy_id}).content.decode()
    assert ">Ani " in refused and ">Citra " not in refused
    assert f'value="{foreign.vacancy_id}"' not in refused


def test_pelamar_row_shows_the_applicant_and_its_status_form_posts_with_the_page_token(desa, vacancy):
    """The rows of Pelamar (marketplace/application_markup.py): who applied, to what and when, and
    an Ubah Status form that works as served, CSRF check included."""
    application = ApplicationFactory(
        vacancy=vacancy, personal=complete_personal_profile(desa, first_name="Ani")
    )
    personal = application.personal
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(vacancy.mitra.user)
    html = browser.get(APPLICANTS_URL, {"status": ApplicationStatus.TERKIRIM}).content.decode()
    row = html[html.index(f'id="lamaran-{application.pk}"') :]
    row = row[: row.index("</li>")]
    name = personal.user.get_full_name()
    assert f'<label class="form-check-label small" for="pilih-{application.pk}">Pilih {name}</label>' in row
    assert f'<a href="/akun/pelamar/{application.pk}/">{name}</a>' in row
    assert '<span class="badge application-status text-bg-light border">Terkirim</span>' in row
    applied = timezone.localtime(application.created_at)
    assert f"{vacancy.title} · melamar {applied.day} " in row
    assert f"{personal.education_level.name} · Kec. {personal.kecamatan.name}" in row
    assert f'href="/akun/pelamar/{application.pk}/cetak/">Cetak PDF' in row

    form = re.search(r'<form class="application-status-form" method="post" action="([^"]+)"', row)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', row).group(1)
    next_url = re.search(r'name="next" value="([^"]+)"', row).group(1)
    response = browser.post(
        form.group(1),
        {
            "csrfmiddlewaretoken": token,
            "next": next_url.replace("&amp;", "&"),
            f"lamaran-{application.pk}-status": ApplicationStatus.DITERIMA,
            f"lamaran-{application.pk}-message": "Silakan datang Senin.",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/akun/pelamar/?status=terkirim"
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DITERIMA
    assert application.mitra_message == "Silakan datang Senin."
