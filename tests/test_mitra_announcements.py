"""Pengumuman (guide §6, §9; issue 7): a Mitra creates, edits and deletes announcements (title, body,
optional attachment, optional link to one of its vacancies); the public Pengumuman page shows the
government's and verified Mitra's announcements together, newest first, marked with their source,
filterable by source and paginated."""

import datetime
import io
import uuid

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from marketplace import community_use_cases as use_cases
from marketplace.factories import VacancyFactory
from marketplace.models import MitraAnnouncement
from marketplace.use_cases import UseCaseError
from pages.factories import AnnouncementPageFactory
from pages.models import AnnouncementIndexPage
from users.choices import VerificationStatus
from users.factories import MitraProfileFactory, PersonalFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/akun/pengumuman/"
CREATE_URL = "/akun/pengumuman/buat/"
PUBLIC_URL = "/pengumuman/"
PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def pdf(name="jadwal.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def png(name="denah.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def edit_url(announcement):
    return f"/akun/pengumuman/{announcement.pk}/ubah/"


def delete_url(announcement):
    return f"/akun/pengumuman/{announcement.pk}/hapus/"


def detail_url(announcement):
    return f"{PUBLIC_URL}mitra/{announcement.pk}/"


@pytest.fixture
def mitra(db):
    return MitraProfileFactory(
        name="PT Sinar Purbalingga", verification_status=VerificationStatus.TERVERIFIKASI
    )


@pytest.fixture
def mitra_client(client, mitra):
    client.force_login(mitra.user)
    return client


def announce(mitra, title="Jadwal wawancara", body="Wawancara hari Senin.", **kwargs):
    return use_cases.save_announcement(mitra, title=title, body=body, **kwargs)


def form_data(**overrides):
    return {
        "title": "Jadwal wawancara operator",
        "body": "Wawancara dilaksanakan Senin, 7 Desember, pukul 09.00 di kantor kami.",
        "vacancy": "",
        "submission_key": str(uuid.uuid4()),
        **overrides,
    }


# --- Account pages ---------------------------------------------------------------------------------


def test_create_with_attachment_and_vacancy_then_it_is_public(mitra_client, mitra):
    vacancy = VacancyFactory(mitra=mitra, title="Operator Jahit")
    page = mitra_client.get(LIST_URL).content.decode()
    assert 'href="/akun/pengumuman/">Pengumuman</a>' in page  # the sidebar entry
    assert "Buat Pengumuman" in page and "Anda belum membuat pengumuman." in page
    form = mitra_client.get(CREATE_URL).content.decode()
    assert "data-submit-once" in form and 'name="submission_key"' in form
    assert 'enctype="multipart/form-data"' in form

    data = form_data(vacancy=vacancy.pk, attachment=pdf())
    response = mitra_client.post(CREATE_URL, data, follow=True)
    assert "tampil di halaman Pengumuman" in response.content.decode()
    announcement = MitraAnnouncement.objects.get()
    assert announcement.mitra == mitra and announcement.vacancy == vacancy
    assert announcement.attachment.name.endswith(".pdf")
    assert "jadwal" not in announcement.attachment.name  # stored under a random name
    assert announcement.attachment.storage.exists(announcement.attachment.name)

    # The same form posted again (double click) makes no second announcement.
    mitra_client.post(CREATE_URL, {**data, "attachment": pdf()})
    assert MitraAnnouncement.objects.count() == 1

    public = mitra_client.get(PUBLIC_URL).content.decode()
    assert "Jadwal wawancara operator" in public and "PT Sinar Purbalingga" in public
    detail = mitra_client.get(detail_url(announcement)).content.decode()
    assert "Wawancara dilaksanakan Senin" in detail
    assert announcement.attachment.url in detail and "Unduh lampiran" in detail
    assert f'href="/lowongan/{vacancy.pk}/">Operator Jahit</a>' in detail


def test_edit_replaces_and_removes_the_attachment(mitra_client, mitra):
    announcement = announce(mitra, attachment=pdf())
    old_name = announcement.attachment.name
    storage = announcement.attachment.storage
    page = mitra_client.get(edit_url(announcement)).content.decode()
    assert "Ubah Pengumuman" in page and "Hapus lampiran" in page and "Jadwal wawancara" in page

    mitra_client.post(edit_url(announcement), form_data(title="Jadwal baru", attachment=png()))
    announcement.refresh_from_db()
    assert announcement.title == "Jadwal baru"
    assert announcement.attachment.name.endswith(".png")
    assert not storage.exists(old_name) and storage.exists(announcement.attachment.name)

    png_name = announcement.attachment.name
    mitra_client.post(edit_url(announcement), form_data(title="Jadwal baru", remove_attachment="on"))
    announcement.refresh_from_db()
    assert not announcement.attachment
    assert not storage.exists(png_name)
    assert MitraAnnouncement.objects.count() == 1


def test_delete_asks_for_confirmation_then_deletes_once(mitra_client, mitra):
    announcement = announce(mitra, attachment=pdf())
    name, storage = announcement.attachment.name, announcement.attachment.storage
    confirm = mitra_client.get(delete_url(announcement)).content.decode()
    assert "Hapus pengumuman" in confirm and "Ya, hapus" in confirm and 'method="post"' in confirm
    assert MitraAnnouncement.objects.exists()

    response = mitra_client.post(delete_url(announcement), follow=True)
    assert "Pengumuman sudah dihapus." in response.content.decode()
    assert not MitraAnnouncement.objects.exists()
    assert not storage.exists(name)
    again = mitra_client.post(delete_url(announcement), follow=True)
    assert again.status_code == 200 and "sudah dihapus" in again.content.decode()


def test_another_mitras_announcement_answers_404(mitra_client):
    other = announce(MitraProfileFactory(verification_status=VerificationStatus.TERVERIFIKASI))
    assert mitra_client.get(edit_url(other)).status_code == 404
    assert mitra_client.post(edit_url(other), form_data(title="Dibajak")).status_code == 404
    assert mitra_client.get(delete_url(other)).status_code == 404
    assert mitra_client.post(delete_url(other)).status_code == 404
    other.refresh_from_db()
    assert other.title == "Jadwal wawancara"
    assert "Jadwal wawancara" not in mitra_client.get(LIST_URL).content.decode()


def test_personal_gets_403_and_anonymous_goes_to_the_mitra_login(client):
    for url in (LIST_URL, CREATE_URL):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("users:login_mitra"))
    client.force_login(PersonalFactory())
    assert client.get(LIST_URL).status_code == 403
    assert client.get(CREATE_URL).status_code == 403
    assert client.post(CREATE_URL, form_data()).status_code == 403
    assert not MitraAnnouncement.objects.exists()
    personal_page = client.get("/akun/testimoni/").content.decode()
    assert 'href="/akun/pengumuman/"' not in personal_page  # no Pengumuman entry for Personal


def test_unverified_mitra_may_write_but_it_is_not_public(client):
    mitra = MitraProfileFactory(name="UD Belum Terverifikasi")
    client.force_login(mitra.user)
    assert "belum tampil untuk umum" in client.get(CREATE_URL).content.decode()
    response = client.post(CREATE_URL, form_data(title="Pengumuman rahasia"), follow=True)
    assert "belum tampil di halaman Pengumuman" in response.content.decode()
    announcement = MitraAnnouncement.objects.get()
    assert "Belum tampil untuk umum" in client.get(LIST_URL).content.decode()

    client.logout()
    assert "Pengumuman rahasia" not in client.get(PUBLIC_URL).content.decode()
    assert "Pengumuman rahasia" not in client.get(PUBLIC_URL, {"sumber": "mitra"}).content.decode()
    assert "Pengumuman rahasia" not in client.get("/").content.decode()
    assert client.get(detail_url(announcement)).status_code == 404

    mitra.verification_status = VerificationStatus.TERVERIFIKASI
    mitra.save()
    assert "Pengumuman rahasia" in client.get(PUBLIC_URL).content.decode()
    assert client.get(detail_url(announcement)).status_code == 200


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("setup.exe", b"MZ\x90\x00" + b"\x00" * 64), "Jenis berkas tidak didukung"),
        (SimpleUploadedFile("jadwal.pdf", b"ini bukan pdf, hanya teks"), "Jenis berkas tidak didukung"),
        (SimpleUploadedFile("rusak.png", b"\x89PNG\r\n\x1a\n" + b"rusak" * 10), "Berkas gambar rusak"),
    ],
)
def test_attachment_is_checked_by_its_content_and_the_typed_text_is_kept(mitra_client, upload, message):
    html = mitra_client.post(CREATE_URL, form_data(title="Info penting", attachment=upload)).content.decode()
    assert message in html
    assert 'id="id_attachment_error"' in html  # beside the field
    assert 'value="Info penting"' in html and "Wawancara dilaksanakan Senin" in html
    assert not MitraAnnouncement.objects.exists()


def test_attachment_over_5_mb_is_refused(mitra_client):
    big = SimpleUploadedFile("besar.pdf", b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024 + 1))
    html = mitra_client.post(CREATE_URL, form_data(attachment=big)).content.decode()
    assert "Ukuran berkas maksimal 5 MB" in html
    assert not MitraAnnouncement.objects.exists()


def test_only_the_mitras_own_posted_vacancies_may_be_linked(mitra_client, mitra):
    own = VacancyFactory(mitra=mitra, title="Lowongan Sendiri")
    draft = VacancyFactory(mitra=mitra, title="Lowongan Draf Sendiri", draft=True)
    foreign = VacancyFactory(title="Lowongan Mitra Lain")
    form = mitra_client.get(CREATE_URL).content.decode()
    assert "Lowongan Sendiri" in form
    assert "Lowongan Draf Sendiri" not in form and "Lowongan Mitra Lain" not in form

    for vacancy in (foreign, draft):
        html = mitra_client.post(CREATE_URL, form_data(vacancy=vacancy.pk)).content.decode()
        assert "Pilih salah satu lowongan Anda yang sudah diposting." in html
    assert not MitraAnnouncement.objects.exists()
    with pytest.raises(UseCaseError):
        announce(mitra, vacancy=foreign)
    mitra_client.post(CREATE_URL, form_data(vacancy=own.pk))
    assert MitraAnnouncement.objects.get().vacancy == own


# --- The public Pengumuman page ---------------------------------------------------------------------


@pytest.fixture
def index(db):
    return AnnouncementIndexPage.objects.get()


def mitra_announcement_on(day, title, mitra):
    announcement = announce(mitra, title=title)
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 0)))
    MitraAnnouncement.objects.filter(pk=announcement.pk).update(created_at=moment)
    return announcement


def test_government_and_mitra_announcements_together_newest_first(client, index, mitra):
    AnnouncementPageFactory(parent=index, title="Bursa kerja akbar", date=datetime.date(2026, 11, 3))
    AnnouncementPageFactory(parent=index, title="Pelatihan menjahit gratis", date=datetime.date(2026, 11, 1))
    mitra_announcement_on(datetime.date(2026, 11, 2), "Rekrutmen operator gelombang dua", mitra)
    mitra_announcement_on(datetime.date(2026, 11, 4), "Libur produksi akhir tahun", mitra)

    html = client.get(PUBLIC_URL).content.decode()
    order = [
        "Libur produksi akhir tahun",
        "Bursa kerja akbar",
        "Rekrutmen operator gelombang dua",
        "Pelatihan menjahit gratis",
    ]
    positions = [html.index(title) for title in order]
    assert positions == sorted(positions)
    assert html.count("announcement-source") == 4
    assert ">Pemerintah</span>" in html and ">Mitra</span> PT Sinar Purbalingga" in html

    government = client.get(PUBLIC_URL, {"sumber": "pemerintah"}).content.decode()
    assert "Bursa kerja akbar" in government and "Pelatihan menjahit gratis" in government
    assert "Rekrutmen operator" not in government and "Libur produksi" not in government
    assert 'aria-current="page" href="/pengumuman/?sumber=pemerintah"' in government
    from_mitra = client.get(PUBLIC_URL, {"sumber": "mitra"}).content.decode()
    assert "Rekrutmen operator" in from_mitra and "Libur produksi" in from_mitra
    assert "Bursa kerja akbar" not in from_mitra
    assert client.get(PUBLIC_URL, {"sumber": "lainnya"}).content.decode().count("announcement-source") == 4

    home = client.get("/").content.decode()
    assert "Libur produksi akhir tahun" in home and "Bursa kerja akbar" in home
    assert "Pelatihan menjahit gratis" not in home  # Beranda shows the newest three


def test_combined_list_paginates_and_keeps_the_source_filter(client, index, mitra):
    for day in range(1, 7):
        AnnouncementPageFactory(
            parent=index, title=f"Pemerintah tanggal {day:02d}", date=f"2026-10-{day:02d}"
        )
    for day in range(1, 13):
        mitra_announcement_on(datetime.date(2026, 10, day), f"Mitra tanggal {day:02d}", mitra)

    first = client.get(PUBLIC_URL).content.decode()
    assert "Halaman 1 dari 2" in first and "Mitra tanggal 12" in first
    second = client.get(PUBLIC_URL, {"halaman": 2}).content.decode()
    assert "Mitra tanggal 01" in second and "Pemerintah tanggal 01" in second
    assert "Mitra tanggal 12" not in second
    assert first.count("announcement-item") + second.count("announcement-item") == 18

    filtered = client.get(PUBLIC_URL, {"sumber": "mitra"}).content.decode()
    assert "Halaman 1 dari 2" in filtered and "Pemerintah tanggal" not in filtered
    assert "sumber=mitra" in filtered.split("Halaman 1 dari 2")[1].split("</nav>")[0]  # "Berikutnya" keeps it
    filtered_second = client.get(PUBLIC_URL, {"sumber": "mitra", "halaman": 2}).content.decode()
    assert "Mitra tanggal 01" in filtered_second and "Mitra tanggal 02" in filtered_second
    assert "Pemerintah tanggal" not in filtered_second


def test_detail_links_the_vacancy_only_while_it_is_public(client, mitra):
    vacancy = VacancyFactory(mitra=mitra, title="Penjahit Borongan")
    announcement = announce(mitra, title="Info penjahit", vacancy=vacancy)
    assert f'href="/lowongan/{vacancy.pk}/"' in client.get(detail_url(announcement)).content.decode()
    assert client.get(f"{PUBLIC_URL}mitra/999999/").status_code == 404


def test_pengumuman_page_query_count_is_constant(client, index, mitra):
    def add(count):
        for number in range(count):
            AnnouncementPageFactory(parent=index, title=f"Pemerintah {number}")
            other = MitraProfileFactory(verification_status=VerificationStatus.TERVERIFIKASI)
            announce(other, title=f"Mitra {number}", vacancy=VacancyFactory(mitra=other))

    add(1)
    client.get(PUBLIC_URL)  # warm up per-process caches (site, settings)
    cache.clear()  # each count from the same state: no cached fragment (footer) nor count
    with CaptureQueriesContext(connection) as few:
        client.get(PUBLIC_URL)
    add(4)
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        html = client.get(PUBLIC_URL).content.decode()
    assert html.count("announcement-item") == 10
    assert len(many) == len(few)
    for source in ("pemerintah", "mitra"):
        client.get(PUBLIC_URL, {"sumber": source})
        cache.clear()
        with CaptureQueriesContext(connection) as filtered:
            client.get(PUBLIC_URL, {"sumber": source})
        assert len(filtered) <= len(few)
