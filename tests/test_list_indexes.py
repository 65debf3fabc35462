"""The public lists and the keyword search are served by the indexes built for them (issue 11), and
Pelamar pages through thousands of applicants without joining them all.

On a test database of a few rows PostgreSQL would rather read the whole table, so the plans are
asked with sequential scans and sorts priced out: what is checked is that the index *can* serve the
query as the app writes it (an index whose expression or order no longer matches the query fails).
bench/explain.py checks the real plans on the bulk-loaded database.
"""

import json

import pytest
from django.db import connection
from django.urls import reverse

from marketplace import search
from marketplace.choices import VacancySort
from marketplace.factories import ApplicationFactory, VacancyFactory
from marketplace.forms import VacancySearchForm
from marketplace.models import Vacancy
from users.factories import PersonalFactory

pytestmark = pytest.mark.django_db


def indexes_used(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    found, nodes = set(), [plan[0]["Plan"]]
    while nodes:
        node = nodes.pop()
        if "Index Name" in node:
            found.add(node["Index Name"])
        nodes.extend(node.get("Plans", []))
    return found


@pytest.mark.parametrize(
    ("sort", "index"),
    [
        (VacancySort.NEWEST, "vacancy_published_newest"),
        (VacancySort.ENDING, "vacancy_published_ending"),
        (VacancySort.SALARY, "vacancy_published_salary"),
    ],
)
def test_each_order_of_lowongan_reads_its_index(sort, index):
    VacancyFactory.create_batch(3)
    page = Vacancy.objects.open().with_card_data().sorted_by(sort)[490:500]
    assert index in indexes_used(page)


def test_keyword_search_goes_through_the_gin_index():
    assert "search_document_gin" in indexes_used(search.document_matches("penjahit konveksi"))


def test_search_with_filters_keeps_the_stemmer_and_every_word():
    VacancyFactory(title="Penjahit Konveksi", description="Menjahit seragam sekolah.")
    VacancyFactory(title="Penjahit Rumahan", description="Bordir kerudung.")
    form = VacancySearchForm({"q": "menjahit seragam"})
    titles = {vacancy.title for vacancy in form.filter(Vacancy.objects.open())}
    assert titles == {"Penjahit Konveksi"}


def test_pelamar_pages_keep_the_order_across_pages(client):
    vacancy = VacancyFactory()
    applications = [
        ApplicationFactory(vacancy=vacancy, personal=PersonalFactory().personal_profile) for _ in range(45)
    ]
    client.force_login(vacancy.mitra.user)
    url = reverse("marketplace:applicants")
    pages = client.get(url).context["page_obj"].paginator.num_pages
    assert pages > 1
    shown = []
    for page in range(1, pages + 1):
        response = client.get(url, {"halaman": page})
        shown += [application.pk for application in response.context["page_obj"]]
    newest_first = sorted(
        applications, key=lambda application: (application.created_at, application.pk), reverse=True
    )
    assert shown == [application.pk for application in newest_first]
    assert response.context["page_obj"].paginator.count == 45
