"""The search documents of vacancies and services follow every write, whoever makes it: the
Lowongan and Penawaran Jasa searches find a listing by its new words and no longer by its old ones
(marketplace/search_documents.py; PostgreSQL's triggers)."""

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

from marketplace import search_documents
from marketplace.choices import ServiceStatus, VacancyStatus
from marketplace.factories import KategoriJasaFactory, ServiceFactory, VacancyFactory
from marketplace.models import KategoriJasa, Service, Vacancy
from users.models import MitraProfile

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the documents are PostgreSQL's"),
]


def vacancy_titles(text):
    return sorted(Vacancy.objects.open().search(text).values_list("title", flat=True))


def service_titles(text):
    return sorted(Service.objects.public().search(text).values_list("title", flat=True))


def test_documents_stem_like_wagtails_search_index():
    assert search_documents.CONFIG == get_search_backend().config


def test_an_edited_vacancy_is_found_by_its_new_words_only():
    vacancy = VacancyFactory(title="Penjahit Konveksi", qualifications="Bisa menjahit.")
    vacancy.title, vacancy.qualifications = "Sopir Truk", "Punya SIM B1."
    vacancy.save()
    assert vacancy_titles("sopir sim") == ["Sopir Truk"]
    assert vacancy_titles("penjahit") == []


def test_a_queryset_update_rewrites_the_document():
    vacancy = VacancyFactory(title="Kasir", description="Melayani pembeli.")
    Vacancy.objects.filter(pk=vacancy.pk).update(description="Mengelola gudang bahan baku.")
    assert vacancy_titles("gudang") == ["Kasir"]
    assert vacancy_titles("pembeli") == []


def test_every_word_is_needed_across_the_vacancy_and_its_mitra():
    VacancyFactory(title="Operator Produksi", mitra__name="CV Maju Jaya")
    VacancyFactory(title="Operator Gudang", mitra__name="PT Sentosa")
    assert vacancy_titles("operator maju") == ["Operator Produksi"]
    assert vacancy_titles("gudang maju") == []


def test_a_renamed_mitra_rewrites_the_documents_of_its_vacancies():
    first = VacancyFactory(title="Kasir", mitra__name="Toko Lama")
    VacancyFactory(title="Pramuniaga", mitra=first.mitra)
    VacancyFactory(title="Satpam", mitra__name="Toko Lama Juga")
    MitraProfile.objects.filter(pk=first.mitra_id).update(name="Swalayan Baru")
    assert vacancy_titles("swalayan") == ["Kasir", "Pramuniaga"]
    assert vacancy_titles("toko lama") == ["Satpam"]


def test_a_renamed_category_rewrites_the_documents_of_its_services():
    category = KategoriJasaFactory(name="Elektronik")
    ServiceFactory(title="Perbaikan Televisi", category=category)
    ServiceFactory(title="Tukang Kebun")
    KategoriJasa.objects.filter(pk=category.pk).update(name="Servis Peralatan Rumah")
    assert service_titles("servis peralatan") == ["Perbaikan Televisi"]
    assert service_titles("elektronik") == []


def test_only_public_listings_are_found():
    VacancyFactory(title="Penjahit Draf", status=VacancyStatus.DRAFT)
    ServiceFactory(title="Servis Dijeda", status=ServiceStatus.PAUSED)
    assert vacancy_titles("penjahit") == []
    assert service_titles("servis") == []


def test_a_search_inside_a_subquery_reads_the_subquerys_own_table():
    VacancyFactory(title="Penjahit Konveksi")
    VacancyFactory(title="Sopir Truk")
    matching = Vacancy.objects.open().search("penjahit").values("pk")
    titles = Vacancy.objects.filter(pk__in=matching).values_list("title", flat=True)
    assert list(titles) == ["Penjahit Konveksi"]


def test_backfill_writes_the_documents_of_rows_older_than_the_trigger():
    VacancyFactory(title="Perawat Klinik")
    ServiceFactory(title="Rias Pengantin")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE marketplace_vacancy SET search_document = NULL")
        cursor.execute("UPDATE marketplace_service SET search_document = NULL")
    assert vacancy_titles("perawat") == []
    assert sum(search_documents.backfill(document) for document in search_documents.DOCUMENTS) == 2
    assert vacancy_titles("perawat") == ["Perawat Klinik"]
    assert service_titles("rias") == ["Rias Pengantin"]
