"""Master Data in the admin (guide §7.1, issue 8): lists ordered by "urutan" then name, values still in
use cannot be deleted (a clear message, no button, nothing cascaded), only Super Admin and Admin."""

import re

import pytest
from django.urls import reverse

from marketplace.factories import ServiceFactory, VacancyFactory
from marketplace.initial_data import KATEGORI_LOWONGAN
from marketplace.models import KategoriJasa, KategoriLowongan, Service, TipePekerjaan, Vacancy
from users.choices import StaffRole
from users.factories import MitraProfileFactory, PersonalProfileFactory, staff_account
from users.initial_data import PENDIDIKAN
from users.models import BidangUsaha, Desa, Kecamatan, MitraProfile, Pendidikan, PersonalProfile

pytestmark = pytest.mark.django_db

MASTER_DATA_MODELS = (Kecamatan, Desa, BidangUsaha, Pendidikan, TipePekerjaan, KategoriLowongan, KategoriJasa)
OTHER_ROLES = (StaffRole.DINAKER, StaffRole.KECAMATAN, StaffRole.VERIFIKATOR, StaffRole.DESA)


def url(model, action="index", *args):
    opts = model._meta
    return reverse(f"{opts.app_label}_{opts.model_name}_modeladmin_{action}", args=args)


def delete_url(instance):
    return url(type(instance), "delete", instance.pk)


def sidebar(html):
    match = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S
    )
    assert match, "sidebar props not found"
    return match.group(1)


@pytest.fixture
def admin(client):
    user = staff_account(StaffRole.ADMIN)
    client.force_login(user)
    return user


def new_kecamatan(name="Kecamatan Uji"):
    return Kecamatan.objects.create(name=name, code=f"uji-{name}")


def new_desa(name="Desa Uji"):
    return Desa.objects.create(
        name=name, code=f"uji-{name}", kecamatan=Kecamatan.objects.get(name="Bobotsari")
    )


# Each case: a new master-data value, used by some rows made by `use`; the expected message part.
def _kategori_lowongan():
    value = KategoriLowongan.objects.create(name="Kategori Uji")
    VacancyFactory.create_batch(2, category=value)
    return value, "2 lowongan", lambda: Vacancy.objects.filter(category=value).count() == 2


def _kategori_jasa():
    value = KategoriJasa.objects.create(name="Kategori Jasa Uji")
    ServiceFactory(category=value)
    return value, "1 jasa", lambda: Service.objects.filter(category=value).count() == 1


def _tipe_pekerjaan():
    value = TipePekerjaan.objects.create(name="Tipe Uji")
    VacancyFactory(job_type=value)
    return value, "1 lowongan", lambda: Vacancy.objects.filter(job_type=value).count() == 1


def _pendidikan():
    value = Pendidikan.objects.create(name="Jenjang Uji", rank=99)
    profile = PersonalProfileFactory()
    profile.education_level = value
    profile.save()
    return value, "1 profil personal", lambda: PersonalProfile.objects.filter(education_level=value).exists()


def _bidang_usaha():
    value = BidangUsaha.objects.create(name="Bidang Uji")
    MitraProfileFactory(business_field=value)
    return value, "1 profil mitra", lambda: MitraProfile.objects.filter(business_field=value).exists()


def _kecamatan_with_desa():
    value = new_kecamatan()
    Desa.objects.create(name="Desa A", code="uji-a", kecamatan=value)
    Desa.objects.create(name="Desa B", code="uji-b", kecamatan=value)
    return value, "2 desa/kelurahan", lambda: value.desa_set.count() == 2


def _kecamatan_as_vacancy_location():
    """A many-to-many use: Django would cascade the link rows silently; here nothing is deleted."""
    value = new_kecamatan()
    vacancy = VacancyFactory(locations=[value])
    return value, "1 lowongan", lambda: list(vacancy.locations.all()) == [value]


def _desa():
    value = new_desa()
    profile = PersonalProfileFactory()
    profile.kecamatan, profile.desa = value.kecamatan, value
    profile.save()
    return value, "1 profil personal", lambda: PersonalProfile.objects.filter(desa=value).exists()


USED_CASES = {
    "kategori-lowongan": _kategori_lowongan,
    "kategori-jasa": _kategori_jasa,
    "tipe-pekerjaan": _tipe_pekerjaan,
    "pendidikan": _pendidikan,
    "bidang-usaha": _bidang_usaha,
    "kecamatan-desa": _kecamatan_with_desa,
    "kecamatan-lokasi-lowongan": _kecamatan_as_vacancy_location,
    "desa": _desa,
}


@pytest.mark.parametrize("case", USED_CASES)
def test_a_value_in_use_is_explained_and_kept(client, admin, case):
    value, usage, references_intact = USED_CASES[case]()
    expected = f"tidak dapat dihapus karena masih dipakai oleh {usage}."

    page = client.get(delete_url(value))
    html = page.content.decode()
    assert page.status_code == 200
    assert expected in html
    assert f"&quot;{value}&quot;" in html or f'"{value}"' in html
    assert "Ya, hapus" not in html
    assert 'method="POST"' not in html
    assert "Kembali ke daftar" in html

    # A forged POST deletes nothing and shows the same message (no 500, no cascade).
    response = client.post(delete_url(value))
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert type(value).objects.filter(pk=value.pk).exists()
    assert references_intact()


def test_message_lists_every_kind_of_use(client, admin):
    value = Pendidikan.objects.create(name="Jenjang Campuran", rank=98)
    profile = PersonalProfileFactory()
    profile.education_level = value
    profile.save()
    profile.educations.create(level=value, institution="SMK Uji", start_year=2015)
    VacancyFactory(min_education=value)

    html = client.get(delete_url(value)).content.decode()
    assert "masih dipakai oleh 1 profil personal, 1 riwayat pendidikan dan 1 lowongan." in html


@pytest.mark.parametrize(
    "make",
    [
        lambda: KategoriLowongan.objects.create(name="Kategori Kosong"),
        lambda: KategoriJasa.objects.create(name="Kategori Jasa Kosong"),
        lambda: TipePekerjaan.objects.create(name="Tipe Kosong"),
        lambda: Pendidikan.objects.create(name="Jenjang Kosong", rank=97),
        lambda: BidangUsaha.objects.create(name="Bidang Kosong"),
        lambda: new_kecamatan("Kecamatan Kosong"),
        lambda: new_desa("Desa Kosong"),
    ],
    ids=[
        "kategori-lowongan",
        "kategori-jasa",
        "tipe-pekerjaan",
        "pendidikan",
        "bidang-usaha",
        "kecamatan",
        "desa",
    ],
)
def test_an_unused_value_is_deleted(client, admin, make):
    value = make()
    model = type(value)

    page = client.get(delete_url(value)).content.decode()
    assert "Ya, hapus" in page
    assert "tidak dapat dihapus" not in page

    response = client.post(delete_url(value))
    assert response.status_code == 302
    assert response.url == url(model)
    assert not model.objects.filter(pk=value.pk).exists()
    assert "dihapus" in client.get(url(model)).content.decode()


def test_lists_are_ordered_by_sort_order_then_name(client, admin):
    KategoriLowongan.objects.create(name="Zulu Uji", sort_order=0)
    KategoriLowongan.objects.create(name="Alfa Uji", sort_order=0)
    KategoriLowongan.objects.create(name="Bravo Uji", sort_order=1000)

    html = client.get(url(KategoriLowongan)).content.decode()
    names = ["Alfa Uji", "Zulu Uji", KATEGORI_LOWONGAN[0], KATEGORI_LOWONGAN[1], "Bravo Uji"]
    positions = [html.index(name) for name in names]
    assert positions == sorted(positions)
    assert "Urutan" in html or "urutan" in html  # the sort-order column


def test_pendidikan_is_listed_from_the_lowest_level(client, admin):
    html = client.get(url(Pendidikan)).content.decode()
    positions = [html.index(f">{name}<") for name in PENDIDIKAN]
    assert positions == sorted(positions)


def test_sort_order_is_edited_in_the_form_with_help(client, admin):
    add = client.get(url(BidangUsaha, "create")).content.decode()
    assert 'name="sort_order"' in add
    assert "Angka lebih kecil tampil lebih dulu" in add

    response = client.post(url(BidangUsaha, "create"), {"name": "Bidang Baru", "sort_order": 0})
    assert response.status_code == 302
    assert BidangUsaha.objects.get(name="Bidang Baru").sort_order == 0
    html = client.get(url(BidangUsaha)).content.decode()
    assert html.index("Bidang Baru") < html.index("Pertanian, Perkebunan dan Peternakan")

    value = TipePekerjaan.objects.get(name="Magang")
    edit = client.get(url(TipePekerjaan, "edit", value.pk)).content.decode()
    assert "Angka lebih kecil tampil lebih dulu" in edit
    client.post(url(TipePekerjaan, "edit", value.pk), {"name": "Magang", "sort_order": 0})
    value.refresh_from_db()
    assert value.sort_order == 0

    rank_help = client.get(url(Pendidikan, "create")).content.decode()
    assert 'name="rank"' in rank_help and "pendidikan minimal lowongan" in rank_help


def test_desa_list_has_constant_queries(client, admin, django_assert_max_num_queries):
    client.get(url(Desa))  # warm caches (site, settings)
    with django_assert_max_num_queries(25):
        response = client.get(url(Desa))
    assert response.status_code == 200
    assert response.content.decode().count("Bobotsari") > 5


@pytest.mark.parametrize("role", [StaffRole.SUPER_ADMIN, StaffRole.ADMIN])
def test_super_admin_and_admin_open_master_data(client, role):
    client.force_login(staff_account(role))
    menu = sidebar(client.get("/app/v1/admin/").content.decode())
    assert "Master Data" in menu
    for model in MASTER_DATA_MODELS:
        assert url(model) in menu
        assert client.get(url(model)).status_code == 200


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_other_roles_neither_see_nor_open_master_data(client, role):
    client.force_login(staff_account(role))
    menu = sidebar(client.get("/app/v1/admin/").content.decode())
    assert "Master Data" not in menu
    value = KategoriLowongan.objects.create(name="Kategori Rahasia")
    for model in MASTER_DATA_MODELS:
        assert url(model) not in menu
        assert client.get(url(model)).status_code == 403
        assert client.get(url(model, "create")).status_code == 403
    assert client.get(delete_url(value)).status_code == 403
    assert client.post(delete_url(value)).status_code == 403
    assert KategoriLowongan.objects.filter(pk=value.pk).exists()
