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

from marketplace.admin_views import ServiceFilterForm, VacancyFilterForm, admin_services, admin_vacancies
from marketplace.choices import VacancySort
from marketplace.factories import ApplicationFactory, ServiceFactory, VacancyFactory
from marketplace.forms import VacancySearchForm
from marketplace.forms_service_search import ServiceSearchForm
from marketplace.models import Vacancy
from pages.models.service_listing import public_services
from users.choices import StaffRole
from users.factories import PersonalFactory, UserFactory
from users.models import MitraProfile, PersonalProfile
from users.profile_admin_forms import MitraFilterForm, PersonalFilterForm
from users.profile_admin_views import PersonalIndexView, QueueFirst
from users.staff import install_role_groups, save_staff_account

pytestmark = pytest.mark.django_db


def plan_nodes(queryset, *planner_settings):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        for setting in ("enable_seqscan", "enable_sort", *planner_settings):
            cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = json.loads(plan) if isinstance(plan, str) else plan
    nodes = [plan[0]["Plan"]]
    while nodes:
        node = nodes.pop()
        yield node
        nodes.extend(node.get("Plans", []))


def indexes_used(queryset):
    return {node["Index Name"] for node in plan_nodes(queryset) if "Index Name" in node}


def index_conditions(queryset):
    """{index: the condition it is scanned with} (bitmap scans only: no plain index scan)."""
    nodes = plan_nodes(queryset, "enable_indexscan")
    return {node["Index Name"]: node.get("Index Cond", "") for node in nodes if "Index Name" in node}


def index_condition(queryset, index):
    """The condition ``index`` is scanned with (None: not read, or read whole for its predicate)."""
    nodes = plan_nodes(queryset, "enable_indexscan")
    return next((node.get("Index Cond") for node in nodes if node.get("Index Name") == index), None)


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


def only_index(table, index):
    """Drop (until the test's rollback) the other indexes of ``table`` that are not constraints, so
    that the plan shows whether ``index`` can serve the query: on a few rows PostgreSQL would rather
    read a small btree index on the status."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexname <> %s "
            "AND indexname NOT IN (SELECT conname FROM pg_constraint)",
            [table, index],
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP INDEX "{name}"')


def test_lowongan_keyword_search_reads_the_gin_index_of_published_vacancies():
    VacancyFactory(title="Penjahit Konveksi")
    only_index("marketplace_vacancy", "vacancy_published_search")
    # Keyword only: with a kecamatan, a few rows make reaching vacancies through their locations
    # just as cheap (bench/explain.py checks the plan with filters on the bulk-loaded data).
    form = VacancySearchForm({"q": "penjahit konveksi"})
    condition = index_condition(form.filter(Vacancy.objects.open()).order_by(), "vacancy_published_search")
    assert "search_document @@" in (condition or "")


def test_penawaran_jasa_keyword_search_reads_the_gin_index_of_active_services():
    ServiceFactory(title="Servis Motor")
    only_index("marketplace_service", "service_active_search")
    form = ServiceSearchForm({"q": "servis motor"})
    condition = index_condition(form.filter(public_services()).order_by(), "service_active_search")
    assert "search_document @@" in (condition or "")


def test_data_profil_search_reads_a_trigram_index_for_every_field():
    PersonalFactory()
    personal = PersonalFilterForm().matching(PersonalProfile, "budi")
    mitra = MitraFilterForm().matching(MitraProfile, "jaya")
    conditions = {**index_conditions(personal), **index_conditions(mitra)}
    for index in (
        "personal_nik_contains",
        "user_first_name_contains",
        "user_last_name_contains",
        "user_username_contains",
        "user_email_contains",
        "mitra_name_contains",
        "mitra_contact_contains",
    ):
        assert "~~" in conditions.get(index, ""), index  # LIKE '%...%', through the index


def test_admin_list_searches_read_a_trigram_index_for_every_field():
    ServiceFactory()
    vacancies = VacancyFilterForm({"q": "operator"}).filter(admin_vacancies())
    services = ServiceFilterForm({"q": "servis"}).filter(admin_services())
    conditions = {**index_conditions(vacancies), **index_conditions(services)}
    for index in (
        "vacancy_title_contains",
        "mitra_name_contains",
        "service_title_contains",
        "user_first_name_contains",
        "user_last_name_contains",
    ):
        assert "~~" in conditions.get(index, ""), index


@pytest.mark.parametrize(
    "url", ["data-profil-personal/", "data-profil-mitra/", "list-lowongan/", "list-penawaran-jasa/"]
)
def test_a_staff_search_needs_words_a_trigram_index_can_find(client, url):
    """A keyword of one or two characters has no trigram: PostgreSQL would read every row (1.6 s
    over 200,000 profiles). It is refused beside the field, what was typed stays in the field and
    the list is shown unsearched; next to a longer word, such a word is left out."""
    install_role_groups()
    staff = UserFactory(account_type="staff", username="cari")
    save_staff_account(staff, StaffRole.SUPER_ADMIN)
    client.force_login(staff)
    response = client.get(f"/app/v1/admin/{url}", {"q": "ab"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ketik minimal 3 huruf atau angka untuk mencari." in html
    assert 'value="ab"' in html

    for form_class in (PersonalFilterForm, MitraFilterForm, VacancyFilterForm, ServiceFilterForm):
        form = form_class({"q": "budi s"})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["q"] == "budi"


def test_kirim_pesan_recipient_search_reads_a_trigram_index_for_every_field():
    from portal.broadcasts import accounts_matching

    PersonalFactory()
    conditions = index_conditions(accounts_matching("0812345"))
    for index in (
        "user_username_contains",
        "user_first_name_contains",
        "user_last_name_contains",
        "mitra_name_contains",
        "user_phone_contains",
    ):
        assert "~~" in conditions.get(index, ""), index
    assert "62812345" in conditions["user_phone_contains"]  # typed 08…, stored 628…


def test_admin_list_lowongan_pages_through_its_index_without_counting_applicants():
    VacancyFactory()
    assert "vacancy_created" in indexes_used(admin_vacancies()[:25])
    assert "marketplace_application" not in str(admin_vacancies().query)


def test_data_profil_personal_lists_by_name_through_its_index():
    PersonalFactory()
    rest = QueueFirst(PersonalProfile.objects.all(), *PersonalIndexView.name_ordering).rest[:25]
    assert "user_name_order" in indexes_used(rest)


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
