"""Offering services (guide §5, §6.2; issue 6): Tawarkan Jasa with Tambah Jasa, Ubah, Jeda /
Aktifkan kembali and Hapus; the photo rules; Jasa Tersimpan; who may reach these pages."""

import os
import re
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from marketplace import service_use_cases as use_cases
from marketplace.choices import PriceUnit, ServiceRequestStatus, ServiceStatus
from marketplace.factories import KategoriJasaFactory, ServiceFactory, ServiceRequestFactory
from marketplace.models import SavedService, Service, ServicePhoto
from marketplace.use_cases import UseCaseError
from users.factories import MitraFactory, PersonalFactory, UserFactory
from users.models import Kecamatan

pytestmark = pytest.mark.django_db

SERVICES_URL = "/akun/jasa/"
CREATE_URL = "/akun/jasa/tambah/"
SAVED_URL = "/akun/jasa-tersimpan/"
SAVED_MESSAGE = "Jasa disimpan dan tampil di halaman Penawaran Jasa."


def edit_url(service):
    return f"/akun/jasa/{service.pk}/ubah/"


def pause_url(service):
    return f"/akun/jasa/{service.pk}/jeda/"


def resume_url(service):
    return f"/akun/jasa/{service.pk}/aktifkan/"


def delete_url(service):
    return f"/akun/jasa/{service.pk}/hapus/"


def save_url(service):
    return f"/akun/jasa/{service.pk}/simpan/"


def image_file(name="foto.png", image_format="PNG", size=(40, 30)):
    output = BytesIO()
    Image.new("RGB", size, (200, 80, 40)).save(output, image_format)
    content_type = {"PNG": "image/png", "JPEG": "image/jpeg", "WEBP": "image/webp"}[image_format]
    return SimpleUploadedFile(name, output.getvalue(), content_type=content_type)


@pytest.fixture
def kecamatan(db):
    return Kecamatan.objects.get(name="Bobotsari")


@pytest.fixture
def kategori(db):
    return KategoriJasaFactory(name="Bangunan dan Renovasi")


@pytest.fixture
def personal(db):
    return PersonalFactory(first_name="Budi", last_name="Santoso")


def form_data(kategori, kecamatan, **overrides):
    return {
        "title": "Tukang Cat Rumah",
        "description": "Pengecatan rumah dan pagar, bahan dari pemilik.",
        "category": kategori.pk,
        "price": "150000",
        "price_unit": PriceUnit.DAY,
        "areas": [kecamatan.pk],
        "submission_key": "6f1c1d2e-6d5c-4a8e-9f55-1c2b3d4e5f60",
        **overrides,
    }


# --- Access ------------------------------------------------------------------------------------

ACCOUNT_PAGES = [SERVICES_URL, CREATE_URL, "/akun/permintaan-jasa/", "/akun/pengguna-jasa/", SAVED_URL,
                 "/akun/gunakan-jasa-terkirim/"]  # fmt: skip


@pytest.mark.parametrize("url", ACCOUNT_PAGES)
def test_personal_and_mitra_reach_the_service_pages(client, url):
    for user in (PersonalFactory(), MitraFactory()):
        client.force_login(user)
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", ACCOUNT_PAGES)
def test_staff_get_403_and_visitors_go_to_the_login(client, url):
    response = client.get(url)
    assert response.status_code == 302 and response.url == f"/akun/login/?next={url}"
    client.force_login(UserFactory(account_type="staff", is_staff=True))
    assert client.get(url).status_code == 403


def test_the_account_menu_links_the_service_pages(client, personal):
    client.force_login(personal)
    html = client.get(SERVICES_URL).content.decode()
    for label in (
        "Tawarkan Jasa",
        "Permintaan Jasa",
        "Pengguna Jasa",
        "Jasa Tersimpan",
        "Gunakan Jasa Terkirim",
    ):
        assert label in html


def test_another_providers_service_is_a_404(client, personal):
    other = ServiceFactory()
    client.force_login(personal)
    assert client.get(edit_url(other)).status_code == 404
    assert client.get(delete_url(other)).status_code == 404
    for url in (pause_url(other), resume_url(other), delete_url(other)):
        assert client.post(url).status_code == 404
    other.refresh_from_db()
    assert other.status == ServiceStatus.ACTIVE
    with pytest.raises(UseCaseError):
        use_cases.pause_service(personal, other)


# --- Tambah Jasa ---------------------------------------------------------------------------------


def test_tambah_jasa_saves_once_and_shows_it_on_tawarkan_jasa(client, personal, kategori, kecamatan):
    client.force_login(personal)
    page = client.get(SERVICES_URL).content.decode()
    assert f'href="{CREATE_URL}">Tambah Jasa</a>' in page
    form = client.get(CREATE_URL).content.decode()
    for label in ("Judul", "Deskripsi", "Kategori", "Harga/biaya", "Satuan harga", "Wilayah layanan", "Foto"):
        assert label in form
    assert 'name="submission_key"' in form and "data-submit-once" in form

    response = client.post(CREATE_URL, form_data(kategori, kecamatan), follow=True)
    assert response.redirect_chain[-1][0] == SERVICES_URL
    html = response.content.decode()
    assert SAVED_MESSAGE in html
    assert "Tukang Cat Rumah" in html and "Aktif" in html and "Rp 150.000 per hari" in html
    service = Service.objects.get()
    assert service.provider == personal and service.is_active
    assert list(service.areas.all()) == [kecamatan]
    assert Service.objects.public().filter(pk=service.pk).exists()

    # The same form posted again (double click, back and resend): still one service.
    again = client.post(CREATE_URL, form_data(kategori, kecamatan), follow=True).content.decode()
    assert "Jasa ini sudah tersimpan." in again
    assert Service.objects.count() == 1


def test_a_mitra_offers_a_service_too(client, kategori, kecamatan):
    mitra = MitraFactory()
    client.force_login(mitra)
    response = client.post(
        CREATE_URL, form_data(kategori, kecamatan, price_unit=PriceUnit.NEGOTIABLE, price="")
    )
    assert response.status_code == 302
    service = Service.objects.get(provider=mitra)
    assert service.price is None and service.is_negotiable
    assert "Nego" in client.get(SERVICES_URL).content.decode()


def test_nego_drops_a_typed_price(client, personal, kategori, kecamatan):
    client.force_login(personal)
    client.post(CREATE_URL, form_data(kategori, kecamatan, price_unit=PriceUnit.NEGOTIABLE, price="90000"))
    assert Service.objects.get().price is None


def test_missing_fields_are_marked_beside_them_and_typed_data_kept(client, personal, kategori, kecamatan):
    client.force_login(personal)
    data = form_data(kategori, kecamatan, price="", areas=[], description="")
    html = client.post(CREATE_URL, data).content.decode()
    assert "Jasa belum tersimpan" in html
    assert "Isi harga/biaya, atau pilih satuan harga Nego." in html
    assert "Pilih minimal satu kecamatan." in html
    assert "Deskripsi wajib diisi." in html
    assert 'value="Tukang Cat Rumah"' in html
    assert not Service.objects.exists()


def test_an_unverified_provider_is_told_and_gets_no_form(client, kategori, kecamatan):
    user = PersonalFactory(email_verified_at=None)
    client.force_login(user)
    page = client.get(SERVICES_URL).content.decode()
    assert "Verifikasi email Anda terlebih dahulu sebelum menawarkan jasa." in page
    assert 'href="/akun/daftar/terkirim/"' in page
    assert f'href="{CREATE_URL}">Tambah Jasa</a>' not in page
    form_page = client.get(CREATE_URL).content.decode()
    assert "Verifikasi email Anda terlebih dahulu" in form_page and 'name="title"' not in form_page
    client.post(CREATE_URL, form_data(kategori, kecamatan))
    assert not Service.objects.exists()
    with pytest.raises(UseCaseError):
        use_cases.save_service(user, {"title": "x"})


# --- Photos --------------------------------------------------------------------------------------


def test_photos_are_uploaded_reencoded_and_removable(client, personal, kategori, kecamatan):
    client.force_login(personal)
    data = form_data(kategori, kecamatan)
    data["photos"] = [image_file("a.png"), image_file("b.jpg", "JPEG"), image_file("c.webp", "WEBP")]
    assert client.post(CREATE_URL, data).status_code == 302
    service = Service.objects.get()
    photos = list(service.photos.all())
    assert len(photos) == 3
    assert [photo.image.name.rsplit(".", 1)[1] for photo in photos] == ["png", "jpg", "webp"]
    # Stored under a random name (20 hex digits), not the uploaded one.
    assert all(re.fullmatch(r"[0-9a-f]{20}\.\w+", photo.image.name.rsplit("/", 1)[1]) for photo in photos)

    edit = client.get(edit_url(service)).content.decode()
    assert "Hapus foto 1" in edit and 'name="submission_key"' not in edit
    data = form_data(kategori, kecamatan, title="Tukang Cat Tembok")
    data["remove_photos"] = [photos[0].pk, photos[1].pk]
    data["photos"] = [image_file("d.png")]
    response = client.post(edit_url(service), data, follow=True)
    assert SAVED_MESSAGE in response.content.decode()
    service.refresh_from_db()
    assert service.title == "Tukang Cat Tembok"
    remaining = list(service.photos.all())
    assert len(remaining) == 2 and photos[2] in remaining
    assert remaining[-1].sort_order > photos[2].sort_order


def test_a_non_image_file_is_refused_beside_the_field(client, personal, kategori, kecamatan):
    client.force_login(personal)
    data = form_data(kategori, kecamatan)
    data["photos"] = [SimpleUploadedFile("foto.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")]
    html = client.post(CREATE_URL, data).content.decode()
    assert "bukan gambar JPG, PNG atau WEBP" in html
    assert 'value="Tukang Cat Rumah"' in html and "150000" in html
    assert not Service.objects.exists()


def test_a_gif_or_a_too_large_photo_is_refused(client, personal, kategori, kecamatan):
    client.force_login(personal)
    output = BytesIO()
    Image.new("RGB", (10, 10)).save(output, "GIF")
    data = form_data(kategori, kecamatan)
    data["photos"] = [SimpleUploadedFile("x.gif", output.getvalue(), content_type="image/gif")]
    assert "bukan gambar JPG, PNG atau WEBP" in client.post(CREATE_URL, data).content.decode()
    noise = BytesIO()
    Image.frombytes("RGB", (1000, 1000), os.urandom(3_000_000)).save(noise, "PNG")  # ~3 MB
    data["photos"] = [SimpleUploadedFile("besar.png", noise.getvalue(), content_type="image/png")]
    assert "lebih dari 2 MB" in client.post(CREATE_URL, data).content.decode()
    assert not Service.objects.exists()


def test_at_most_three_photos(client, personal, kategori, kecamatan):
    client.force_login(personal)
    data = form_data(kategori, kecamatan)
    data["photos"] = [image_file(f"{n}.png") for n in range(Service.MAX_PHOTOS + 1)]
    html = client.post(CREATE_URL, data).content.decode()
    assert "Paling banyak 3 foto per jasa." in html
    assert not Service.objects.exists()


# --- Ubah, Jeda, Aktifkan kembali --------------------------------------------------------------


def test_edit_keeps_and_changes_the_service(client, personal, kategori, kecamatan):
    service = ServiceFactory(provider=personal, title="Servis AC", areas=[kecamatan])
    client.force_login(personal)
    html = client.get(edit_url(service)).content.decode()
    assert 'value="Servis AC"' in html
    data = form_data(
        kategori, kecamatan, title="Servis AC dan Kulkas", price="75000", price_unit=PriceUnit.UNIT
    )
    response = client.post(edit_url(service), data, follow=True)
    assert SAVED_MESSAGE in response.content.decode()
    service.refresh_from_db()
    assert (service.title, service.price, service.price_unit) == ("Servis AC dan Kulkas", 75000, "unit")


def test_pause_and_resume_hide_and_show_the_service(client, personal):
    service = ServiceFactory(provider=personal)
    client.force_login(personal)
    html = client.get(SERVICES_URL).content.decode()
    assert ">Jeda<" in html
    response = client.post(pause_url(service), follow=True)
    assert "Jasa dijeda" in response.content.decode()
    service.refresh_from_db()
    assert service.status == ServiceStatus.PAUSED
    assert not Service.objects.public().filter(pk=service.pk).exists()
    assert "Aktifkan kembali" in response.content.decode() and "Dijeda" in response.content.decode()
    # A second click is harmless.
    assert "Jasa ini sudah dijeda." in client.post(pause_url(service), follow=True).content.decode()

    response = client.post(resume_url(service), follow=True)
    assert "Jasa aktif kembali" in response.content.decode()
    service.refresh_from_db()
    assert service.is_active and Service.objects.public().filter(pk=service.pk).exists()
    assert "Jasa ini sudah aktif." in client.post(resume_url(service), follow=True).content.decode()


def test_editing_a_paused_service_says_it_is_not_shown(client, personal, kategori, kecamatan):
    service = ServiceFactory(provider=personal, status=ServiceStatus.PAUSED)
    client.force_login(personal)
    html = client.post(edit_url(service), form_data(kategori, kecamatan), follow=True).content.decode()
    assert "sedang dijeda" in html
    service.refresh_from_db()
    assert service.status == ServiceStatus.PAUSED


def test_request_counts_on_tawarkan_jasa(client, personal):
    service = ServiceFactory(provider=personal, title="Jahit Baju")
    ServiceRequestFactory(service=service)
    ServiceRequestFactory(service=service, status=ServiceRequestStatus.SELESAI)
    ServiceRequestFactory(service=service, status=ServiceRequestStatus.DITOLAK)
    client.force_login(personal)
    html = client.get(SERVICES_URL).content.decode()
    assert "3 permintaan" in html and "1 masih berjalan" in html


# --- Hapus ---------------------------------------------------------------------------------------


def test_hapus_without_history_deletes_after_a_confirmation(client, personal):
    service = ServiceFactory(provider=personal, title="Les Privat")
    ServicePhoto.objects.create(service=service, image=image_file())
    client.force_login(personal)
    confirm = client.get(delete_url(service)).content.decode()
    assert "akan dihapus permanen" in confirm and ">Hapus<" in confirm
    assert Service.objects.filter(pk=service.pk).exists()
    response = client.post(delete_url(service), follow=True)
    assert "Jasa Les Privat sudah dihapus." in response.content.decode()
    assert not Service.objects.filter(pk=service.pk).exists()
    # The second click of a double submit.
    assert "Jasa ini sudah dihapus." in client.post(delete_url(service), follow=True).content.decode()


def test_hapus_with_history_archives_the_service(client, personal):
    service = ServiceFactory(provider=personal, title="Les Privat")
    ServiceRequestFactory(service=service, status=ServiceRequestStatus.SELESAI)
    SavedService.objects.create(user=PersonalFactory(), service=service)
    client.force_login(personal)
    assert "Riwayat permintaannya tetap tersimpan" in client.get(delete_url(service)).content.decode()
    html = client.post(delete_url(service), follow=True).content.decode()
    assert "sudah dihapus dari Penawaran Jasa" in html
    service.refresh_from_db()
    assert service.status == ServiceStatus.ARCHIVED and service.requests.count() == 1
    assert not SavedService.objects.exists()
    assert "Jasa yang dihapus" in html and "Dihapus" in html
    assert client.get(edit_url(service)).status_code == 302  # no more edits
    assert use_cases.remove_service(personal, service) == "already"


def test_hapus_is_refused_while_requests_are_running(client, personal):
    service = ServiceFactory(provider=personal)
    ServiceRequestFactory(service=service, status=ServiceRequestStatus.DITERIMA)
    client.force_login(personal)
    assert "masih memiliki 1 permintaan yang berjalan" in client.get(delete_url(service)).content.decode()
    html = client.post(delete_url(service), follow=True).content.decode()
    assert "masih memiliki permintaan yang berjalan" in html
    service.refresh_from_db()
    assert service.is_active
    with pytest.raises(UseCaseError):
        use_cases.remove_service(personal, service)


# --- Jasa Tersimpan ------------------------------------------------------------------------------


def test_save_and_unsave_a_service(client, personal):
    service = ServiceFactory(
        title="Catering Nasi Kotak", provider=MitraFactory(mitra_profile__name="CV Rasa")
    )
    client.force_login(personal)
    response = client.post(save_url(service), follow=True)
    assert response.redirect_chain[-1][0] == SAVED_URL
    html = response.content.decode()
    assert "Jasa disimpan di Jasa Tersimpan." in html and "Catering Nasi Kotak" in html and "CV Rasa" in html
    client.post(save_url(service))  # double submit
    assert SavedService.objects.filter(user=personal).count() == 1

    response = client.post(save_url(service), {"aksi": "hapus", "next": "/akun/jasa/"})
    assert response.url == "/akun/jasa/"
    assert not SavedService.objects.exists()


def test_own_or_hidden_services_cannot_be_saved(client, personal):
    own = ServiceFactory(provider=personal)
    paused = ServiceFactory(status=ServiceStatus.PAUSED)
    client.force_login(personal)
    assert "Ini jasa Anda sendiri" in client.post(save_url(own), follow=True).content.decode()
    assert "sedang tidak tersedia" in client.post(save_url(paused), follow=True).content.decode()
    assert not SavedService.objects.exists()


def test_saved_list_marks_a_paused_service(client, personal):
    service = ServiceFactory(title="Sewa Tenda")
    use_cases.save_service_for_later(personal, service)
    use_cases.pause_service(service.provider, service)
    client.force_login(personal)
    html = client.get(SAVED_URL).content.decode()
    assert "Sewa Tenda" in html and "Dijeda" in html


def test_save_requires_login_and_a_service_account(client):
    service = ServiceFactory()
    response = client.post(save_url(service))
    assert response.status_code == 302 and response.url.startswith("/akun/login/")
    client.force_login(UserFactory(account_type="staff", is_staff=True))
    assert client.post(save_url(service)).status_code == 403


# --- Query counts --------------------------------------------------------------------------------


def _count(client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(60) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_tawarkan_jasa_query_count_does_not_grow(client, personal, kecamatan, django_assert_max_num_queries):
    ServiceFactory(provider=personal, areas=[kecamatan])
    ServiceFactory(provider=personal, status=ServiceStatus.ARCHIVED)
    client.force_login(personal)
    baseline = _count(client, SERVICES_URL, django_assert_max_num_queries)
    for n in range(5):
        service = ServiceFactory(
            provider=personal, areas=[kecamatan], category=KategoriJasaFactory(name=f"K{n}")
        )
        ServiceRequestFactory(service=service)
        ServiceFactory(provider=personal, status=ServiceStatus.ARCHIVED)
    with django_assert_max_num_queries(baseline):
        client.get(SERVICES_URL)


def test_jasa_tersimpan_query_count_does_not_grow(client, personal, kecamatan, django_assert_max_num_queries):
    use_cases.save_service_for_later(personal, ServiceFactory(areas=[kecamatan]))
    client.force_login(personal)
    baseline = _count(client, SAVED_URL, django_assert_max_num_queries)
    for _ in range(3):
        use_cases.save_service_for_later(personal, ServiceFactory(areas=[kecamatan]))
        use_cases.save_service_for_later(personal, ServiceFactory(provider=MitraFactory()))
    with django_assert_max_num_queries(baseline):
        html = client.get(SAVED_URL).content.decode()
    assert html.count('value="hapus"') == 7
