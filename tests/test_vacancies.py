"""Vacancies (guide §6.1, issue 5): Memposting Lowongan → Konfirmasi → Posting, the lifecycle
(publish only when verified, Perpanjang, tutup, tandai terisi), List Lowongan, and the public
Lowongan page with its search, filters, sorting, pagination and detail route."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from marketplace import use_cases
from marketplace.choices import ApplicationStatus, VacancyStatus
from marketplace.factories import ApplicationFactory, VacancyFactory
from marketplace.models import KategoriLowongan, TipePekerjaan, Vacancy
from tests.form_data import vacancy_form_data
from users.choices import MitraCategory, VerificationStatus
from users.factories import MitraProfileFactory, PersonalFactory, complete_mitra_profile
from users.models import Kecamatan, Notification, Pendidikan

pytestmark = pytest.mark.django_db

LOWONGAN = "/lowongan/"
CREATE_URL = "/akun/lowongan/posting/"
LIST_URL = "/akun/lowongan/"
TODAY = timezone.localdate


def days(n):
    return TODAY() + datetime.timedelta(days=n)


@pytest.fixture
def bobotsari(db):
    return Kecamatan.objects.get(name="Bobotsari")


@pytest.fixture
def mitra(bobotsari):
    profile = complete_mitra_profile(bobotsari.desa_set.first())
    profile.verification_status = VerificationStatus.TERVERIFIKASI
    profile.save()
    return profile


@pytest.fixture
def mitra_client(client, mitra):
    client.force_login(mitra.user)
    return client


def form_data(bobotsari, **overrides):
    kutasari = Kecamatan.objects.get(name="Kutasari")
    return vacancy_form_data(bobotsari, **{"locations": [bobotsari.pk, kutasari.pk], **overrides})


# --- Memposting Lowongan ---------------------------------------------------------------------


def test_konfirmasi_shows_a_preview_and_posting_publishes_once(mitra_client, mitra, bobotsari):
    page = mitra_client.get(CREATE_URL).content.decode()
    assert "Memposting Lowongan" in page and 'value="konfirmasi"' in page

    data = form_data(bobotsari)
    preview = mitra_client.post(CREATE_URL, {**data, "aksi": "konfirmasi"}).content.decode()
    assert "Konfirmasi Lowongan" in preview and "Penjahit Garmen" in preview
    assert "Rp 2.500.000 – Rp 3.000.000" in preview and "Kec. Kutasari" in preview
    assert ">Posting</button>" in preview
    assert not Vacancy.objects.exists()

    response = mitra_client.post(CREATE_URL, {**data, "aksi": "posting"}, follow=True)
    assert response.redirect_chain[-1][0] == LIST_URL
    vacancy = Vacancy.objects.get()
    assert vacancy.status == VacancyStatus.PUBLISHED and vacancy.published_at
    assert vacancy.mitra == mitra and vacancy.locations.count() == 2
    assert "tayang di halaman Lowongan" in response.content.decode()

    # A double click (same form, same key) makes no second vacancy.
    mitra_client.post(CREATE_URL, {**data, "aksi": "posting"})
    assert Vacancy.objects.count() == 1
    assert "Penjahit Garmen" in mitra_client.get(LOWONGAN).content.decode()


def test_ubah_returns_to_the_form_with_everything_typed(mitra_client, bobotsari):
    page = mitra_client.post(CREATE_URL, {**form_data(bobotsari), "aksi": "ubah"}).content.decode()
    assert 'value="Penjahit Garmen"' in page and 'value="konfirmasi"' in page
    assert not Vacancy.objects.exists()


def test_form_errors_are_shown_beside_the_fields_and_nothing_is_lost(mitra_client, bobotsari):
    data = form_data(bobotsari, salary_min="", end_date=days(-1).isoformat(), locations=[])
    page = mitra_client.post(CREATE_URL, {**data, "aksi": "konfirmasi"}).content.decode()
    assert "Isi gaji minimal, atau centang Gaji dirahasiakan / nego." in page
    assert "Tanggal berakhir tidak boleh sebelum hari ini." in page
    assert "Pilih minimal satu kecamatan." in page
    assert 'value="Penjahit Garmen"' in page
    assert not Vacancy.objects.exists()

    reversed_range = form_data(bobotsari, salary_min="3000000", salary_max="2000000")
    page = mitra_client.post(CREATE_URL, {**reversed_range, "aksi": "konfirmasi"}).content.decode()
    assert "Gaji maksimal tidak boleh lebih kecil dari gaji minimal." in page


def test_hidden_salary_is_shown_as_dirahasiakan(mitra_client, bobotsari):
    data = form_data(bobotsari, salary_min="", salary_max="", salary_hidden="on")
    mitra_client.post(CREATE_URL, {**data, "aksi": "posting"})
    vacancy = Vacancy.objects.get()
    assert vacancy.salary_hidden and vacancy.salary_min is None
    assert "Dirahasiakan / nego" in mitra_client.get(f"{LOWONGAN}{vacancy.pk}/").content.decode()


def test_unverified_mitra_keeps_a_draft_and_is_told_why(client, bobotsari):
    mitra = complete_mitra_profile(bobotsari.desa_set.first())  # verification: Belum Diajukan
    client.force_login(mitra.user)
    data = form_data(bobotsari)
    preview = client.post(CREATE_URL, {**data, "aksi": "konfirmasi"}).content.decode()
    assert "Simpan sebagai Draf" in preview

    page = client.post(CREATE_URL, {**data, "aksi": "posting"}, follow=True).content.decode()
    vacancy = Vacancy.objects.get()
    assert vacancy.status == VacancyStatus.DRAFT and vacancy.published_at is None
    assert "dapat diposting setelah akun Mitra Anda terverifikasi" in page
    assert "Draf" in page

    client.post(f"/akun/lowongan/{vacancy.pk}/posting/")
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.DRAFT
    assert client.get(f"{LOWONGAN}{vacancy.pk}/").status_code == 404

    with pytest.raises(use_cases.MitraNotVerified):
        use_cases.publish(vacancy)

    mitra.verification_status = VerificationStatus.TERVERIFIKASI
    mitra.save()
    client.post(f"/akun/lowongan/{vacancy.pk}/posting/")
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.PUBLISHED


# --- Lifecycle ---------------------------------------------------------------------------------


def test_publish_extend_close_and_fill(mitra, bobotsari):
    vacancy = use_cases.save_draft(
        mitra,
        {
            "title": "Kasir",
            "description": "Melayani pembeli.",
            "qualifications": "Jujur.",
            "salary_min": 2_000_000,
            "job_type": TipePekerjaan.objects.first(),
            "category": KategoriLowongan.objects.first(),
            "quota": 1,
            "end_date": days(5),
            "locations": [bobotsari],
        },
    )
    assert vacancy.status == VacancyStatus.DRAFT
    assert use_cases.publish(vacancy).status == VacancyStatus.PUBLISHED
    first_published = Vacancy.objects.get().published_at
    use_cases.publish(vacancy)  # idempotent
    assert Vacancy.objects.get().published_at == first_published

    Vacancy.objects.filter(pk=vacancy.pk).update(end_date=days(-1))
    vacancy.refresh_from_db()
    assert vacancy.display_status == "Berakhir" and not Vacancy.objects.open().exists()
    with pytest.raises(use_cases.UseCaseError):
        use_cases.extend(vacancy, days(-2))
    use_cases.extend(vacancy, days(14))
    vacancy.refresh_from_db()
    assert vacancy.end_date == days(14) and vacancy.display_status == "Tayang"
    assert list(Vacancy.objects.open()) == [vacancy]

    use_cases.close(vacancy)
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.CLOSED and vacancy.closed_at
    assert not Vacancy.objects.open().exists()
    with pytest.raises(use_cases.UseCaseError):
        use_cases.extend(vacancy, days(30))
    with pytest.raises(use_cases.UseCaseError):
        use_cases.publish(vacancy)


def test_mark_filled_tells_every_applicant_still_waiting(mitra_client, mitra):
    vacancy = VacancyFactory(mitra=mitra)
    waiting = ApplicationFactory(vacancy=vacancy)
    in_process = ApplicationFactory(vacancy=vacancy, status=ApplicationStatus.DIPROSES)
    accepted = ApplicationFactory(vacancy=vacancy, status=ApplicationStatus.DITERIMA)

    mitra_client.post(f"/akun/lowongan/{vacancy.pk}/terisi/")
    mitra_client.post(f"/akun/lowongan/{vacancy.pk}/terisi/")  # double submit

    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.FILLED
    for application in (waiting, in_process):
        application.refresh_from_db()
        assert application.status == ApplicationStatus.DITOLAK
        assert "sudah terisi" in application.mitra_message
        assert (
            Notification.objects.filter(user=application.personal.user, event="vacancy_filled").count() == 1
        )
    accepted.refresh_from_db()
    assert accepted.status == ApplicationStatus.DITERIMA
    assert not Notification.objects.filter(user=accepted.personal.user).exists()


def test_list_lowongan_shows_status_and_applicant_counts(mitra_client, mitra):
    busy = VacancyFactory(mitra=mitra, title="Lowongan Ramai")
    ApplicationFactory.create_batch(2, vacancy=busy)
    ApplicationFactory(vacancy=busy, status=ApplicationStatus.DITERIMA)
    VacancyFactory(mitra=mitra, title="Lowongan Draf", draft=True)
    VacancyFactory(mitra=mitra, title="Lowongan Lewat", end_date=days(-3))
    VacancyFactory(title="Lowongan Mitra Lain")

    page = mitra_client.get(LIST_URL).content.decode()
    assert "Lowongan Mitra Lain" not in page
    assert "3 pelamar" in page and "Terkirim 2" in page and "Diterima 1" in page
    assert ">Draf<" in page and ">Berakhir<" in page and ">Tayang<" in page
    for label in ["Ubah", "Perpanjang", "Tutup", "Tandai Terisi"]:
        assert label in page


def test_list_lowongan_query_count_does_not_grow_with_vacancies(mitra_client, mitra):
    VacancyFactory(mitra=mitra)
    mitra_client.get(LIST_URL)  # warm up per-process caches (site, settings)
    cache.clear()  # each count from the same state: no cached fragment (footer) nor count
    with CaptureQueriesContext(connection) as few:
        mitra_client.get(LIST_URL)
    for vacancy in VacancyFactory.create_batch(6, mitra=mitra):
        ApplicationFactory(vacancy=vacancy)
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        mitra_client.get(LIST_URL)
    assert len(many) == len(few)


def test_perpanjang_through_the_page(mitra_client, mitra):
    vacancy = VacancyFactory(mitra=mitra, end_date=days(-1))
    assert 'type="date"' in mitra_client.get(f"/akun/lowongan/{vacancy.pk}/perpanjang/").content.decode()
    page = mitra_client.post(
        f"/akun/lowongan/{vacancy.pk}/perpanjang/", {"end_date": days(-5).isoformat()}
    ).content.decode()
    assert "tidak boleh sebelum hari ini" in page
    mitra_client.post(f"/akun/lowongan/{vacancy.pk}/perpanjang/", {"end_date": days(30).isoformat()})
    vacancy.refresh_from_db()
    assert vacancy.end_date == days(30)


def test_edit_keeps_the_status(mitra_client, mitra, bobotsari):
    vacancy = VacancyFactory(mitra=mitra, locations=[bobotsari])
    page = mitra_client.get(f"/akun/lowongan/{vacancy.pk}/ubah/").content.decode()
    assert f'value="{vacancy.title}"' in page
    mitra_client.post(f"/akun/lowongan/{vacancy.pk}/ubah/", form_data(bobotsari, title="Judul Baru"))
    vacancy.refresh_from_db()
    assert vacancy.title == "Judul Baru" and vacancy.status == VacancyStatus.PUBLISHED
    assert Vacancy.objects.count() == 1


def test_another_mitra_gets_404_on_someone_elses_vacancy(client, bobotsari):
    vacancy = VacancyFactory(locations=[bobotsari])
    other = MitraProfileFactory(verification_status=VerificationStatus.TERVERIFIKASI)
    client.force_login(other.user)
    assert client.get(f"/akun/lowongan/{vacancy.pk}/ubah/").status_code == 404
    assert client.get(f"/akun/lowongan/{vacancy.pk}/perpanjang/").status_code == 404
    for action in ["posting", "tutup", "terisi", "perpanjang"]:
        assert client.post(f"/akun/lowongan/{vacancy.pk}/{action}/").status_code == 404, action
    vacancy.refresh_from_db()
    assert vacancy.status == VacancyStatus.PUBLISHED


def test_mitra_pages_are_for_mitra_accounts_only(client):
    assert client.get(CREATE_URL).url.startswith("/akun/login-mitra/")
    client.force_login(PersonalFactory())
    assert client.get(CREATE_URL).status_code == 403
    assert client.get("/akun/pelamar/").status_code == 403


def test_sidebar_carries_the_guides_menu_names(mitra_client):
    page = mitra_client.get("/akun/profil-mitra/").content.decode()
    for label, url in [
        ("Memposting Lowongan", CREATE_URL),
        ("List Lowongan", LIST_URL),
        ("Pelamar", "/akun/pelamar/"),
    ]:
        assert f'href="{url}">{label}</a>' in page


# --- Public Lowongan page ----------------------------------------------------------------------


def titles(html):
    return re.findall(r'class="stretched-link" href="[^"]+">([^<]+)</a>', html)


def test_only_open_vacancies_of_verified_mitra_are_listed(client, bobotsari):
    VacancyFactory(title="Tayang Satu", locations=[bobotsari])
    VacancyFactory(title="Sudah Lewat", end_date=days(-1))
    VacancyFactory(title="Masih Draf", draft=True)
    VacancyFactory(title="Sudah Ditutup", status=VacancyStatus.CLOSED)
    VacancyFactory(title="Sudah Terisi", status=VacancyStatus.FILLED)
    VacancyFactory(title="Mitra Belum Verifikasi", mitra__verification_status=VerificationStatus.DIAJUKAN)
    ends_today = VacancyFactory(title="Berakhir Hari Ini", end_date=TODAY())

    html = client.get(LOWONGAN).content.decode()
    assert sorted(titles(html)) == ["Berakhir Hari Ini", "Tayang Satu"]
    assert "Terverifikasi" in html and "Kec. Bobotsari" in html and "Rp 2.200.000 – Rp 2.800.000" in html
    assert f'href="{LOWONGAN}{ends_today.pk}/"' in html


def test_detail_shows_everything_and_drafts_are_404(client, bobotsari):
    vacancy = VacancyFactory(
        title="Operator Mesin",
        min_education=Pendidikan.objects.get(name="SMA/SMK/Sederajat"),
        locations=[bobotsari],
    )
    html = client.get(f"{LOWONGAN}{vacancy.pk}/").content.decode()
    for text in [
        "Operator Mesin",
        vacancy.description,
        vacancy.qualifications,
        vacancy.mitra.name,
        "Terverifikasi",
        "SMA/SMK/Sederajat",
        "Kec. Bobotsari",
        "5 orang",
        "Penuh Waktu",
        "Lamar Sekarang",
        f'href="/mitra-formal/{vacancy.mitra.pk}/"',
    ]:
        assert text in html, text

    draft = VacancyFactory(draft=True)
    assert client.get(f"{LOWONGAN}{draft.pk}/").status_code == 404
    unverified = VacancyFactory(mitra__verification_status=VerificationStatus.BELUM)
    assert client.get(f"{LOWONGAN}{unverified.pk}/").status_code == 404

    closed = VacancyFactory(status=VacancyStatus.CLOSED)
    closed_html = client.get(f"{LOWONGAN}{closed.pk}/").content.decode()
    assert "sudah tidak menerima lamaran" in closed_html and "Lamar Sekarang" not in closed_html


def test_keyword_search_and_filters(client, bobotsari):
    kutasari = Kecamatan.objects.get(name="Kutasari")
    magang = TipePekerjaan.objects.get(name="Magang")
    kesehatan = KategoriLowongan.objects.get(name="Kesehatan")
    s1 = Pendidikan.objects.get(name="D4/S1")
    sma = Pendidikan.objects.get(name="SMA/SMK/Sederajat")
    VacancyFactory(title="Penjahit Konveksi", locations=[bobotsari], salary_min=1_500_000, salary_max=None)
    VacancyFactory(
        title="Perawat Klinik",
        locations=[kutasari],
        category=kesehatan,
        min_education=s1,
        salary_min=4_000_000,
        salary_max=5_000_000,
    )
    VacancyFactory(title="Magang Admin", job_type=magang, locations=[bobotsari, kutasari], salary_hidden=True)
    VacancyFactory(
        title="Sopir Truk",
        mitra__name="CV Angkut Jaya",
        mitra__category=MitraCategory.INFORMAL,
        min_education=sma,
    )

    def search(**params):
        return sorted(titles(client.get(LOWONGAN, params).content.decode()))

    assert search(q="penjahit") == ["Penjahit Konveksi"]
    assert search(q="angkut jaya") == ["Sopir Truk"]  # the Mitra's name
    assert search(q="ekspor") == ["Magang Admin", "Penjahit Konveksi", "Perawat Klinik", "Sopir Truk"]
    assert search(kecamatan=bobotsari.pk) == ["Magang Admin", "Penjahit Konveksi"]
    assert search(kecamatan=kutasari.pk) == ["Magang Admin", "Perawat Klinik"]
    assert search(tipe=magang.pk) == ["Magang Admin"]
    assert search(kategori=kesehatan.pk) == ["Perawat Klinik"]
    assert search(pendidikan=sma.pk) == ["Magang Admin", "Penjahit Konveksi", "Sopir Truk"]
    assert search(gaji=2_500_000) == ["Perawat Klinik", "Sopir Truk"]
    assert search(mitra="informal") == ["Sopir Truk"]
    assert search(kecamatan=kutasari.pk, tipe=magang.pk) == ["Magang Admin"]
    assert search(kecamatan="bukan-angka") == search()  # an invalid filter is ignored, not an error

    empty = client.get(LOWONGAN, {"q": "astronot"}).content.decode()
    assert 'class="empty-state"' in empty and "Tidak ada lowongan yang cocok" in empty


def test_sorting(client):
    VacancyFactory(title="Lama", published_at=timezone.now() - datetime.timedelta(days=3), end_date=days(2))
    VacancyFactory(
        title="Baru", published_at=timezone.now(), end_date=days(40), salary_min=1_000_000, salary_max=None
    )
    VacancyFactory(
        title="Gaji Besar", published_at=timezone.now() - datetime.timedelta(days=1), salary_max=9_000_000
    )
    VacancyFactory(
        title="Rahasia",
        published_at=timezone.now() - datetime.timedelta(days=2),
        salary_hidden=True,
        salary_min=None,
        salary_max=None,
    )

    def order(sort):
        return titles(client.get(LOWONGAN, {"urut": sort}).content.decode())

    assert order("terbaru") == ["Baru", "Gaji Besar", "Rahasia", "Lama"]
    assert order("segera-berakhir")[0] == "Lama"
    assert order("gaji") == ["Gaji Besar", "Lama", "Baru", "Rahasia"]


def test_pagination_keeps_the_filters_in_the_url(client, bobotsari):
    VacancyFactory.create_batch(12, locations=[bobotsari])
    VacancyFactory(title="Di Tempat Lain")
    first = client.get(
        LOWONGAN, {"q": "produksi", "kecamatan": bobotsari.pk, "urut": "gaji"}
    ).content.decode()
    assert len(titles(first)) == 10 and "Halaman 1 dari 2" in first
    link = re.search(r'href="(\?[^"]+)" rel="next"', first).group(1).replace("&amp;", "&")
    assert set(link.lstrip("?").split("&")) == {
        "q=produksi",
        f"kecamatan={bobotsari.pk}",
        "urut=gaji",
        "halaman=2",
    }
    second = client.get(LOWONGAN + link).content.decode()
    assert len(titles(second)) == 2 and "Di Tempat Lain" not in second
    assert f'<option value="{bobotsari.pk}" selected>' in second  # the form still shows the search


def test_listing_query_count_is_constant(client):
    VacancyFactory.create_batch(2, locations=list(Kecamatan.objects.all()[:2]))
    client.get(LOWONGAN)  # warm up per-process caches (site, settings)
    cache.clear()  # each count from the same state: no cached fragment (footer) nor count
    with CaptureQueriesContext(connection) as few:
        assert (
            client.get(LOWONGAN, {"q": "produksi", "kecamatan": Kecamatan.objects.first().pk}).status_code
            == 200
        )
    VacancyFactory.create_batch(8, locations=list(Kecamatan.objects.all()[:3]))
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        html = client.get(
            LOWONGAN, {"q": "produksi", "kecamatan": Kecamatan.objects.first().pk}
        ).content.decode()
    assert len(titles(html)) == 10
    assert len(many) == len(few)


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Indonesian stemming is PostgreSQL's 'indonesian' text search"
)
def test_search_understands_indonesian_word_forms(client):
    VacancyFactory(title="Penjahit Konveksi", description="Menjahit seragam sekolah.")
    VacancyFactory(title="Sopir Truk", description="Mengantar barang ke Purwokerto.")
    assert titles(client.get(LOWONGAN, {"q": "jahit"}).content.decode()) == ["Penjahit Konveksi"]
    assert titles(client.get(LOWONGAN, {"q": "pengantaran"}).content.decode()) == ["Sopir Truk"]


def test_search_follows_a_renamed_mitra(client):
    vacancy = VacancyFactory(title="Kasir", mitra__name="Toko Lama")
    vacancy.mitra.name = "Swalayan Baru"
    vacancy.mitra.save()
    assert titles(client.get(LOWONGAN, {"q": "swalayan"}).content.decode()) == ["Kasir"]
