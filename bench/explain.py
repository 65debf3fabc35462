"""EXPLAIN (ANALYZE, FORMAT JSON) of the main list and search queries, built from the app's own
querysets and forms, on a bulk-loaded database; flags sequential scans over the big tables.

    DJANGO_SETTINGS_MODULE=portal.settings.production DATABASE_URL=... python bench/explain.py [--no-analyze]

Each page's queries are the count and the first page (10 rows) its Paginator runs, and the
aggregates of the Dasbor, Laporan Personal and Laporan Mitra for the whole regency. A keyword search must also
read its GIN index (marketplace/search_documents.py). Not part of the test suite (bench/README.md).
"""

import argparse
import json
import os
import sys
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from marketplace.forms import ApplicantFilterForm, VacancySearchForm  # noqa: E402
from marketplace.forms_service_search import ServiceSearchForm  # noqa: E402
from marketplace.models import Application, Vacancy  # noqa: E402
from marketplace.search_documents import DOCUMENTS  # noqa: E402
from pages.models.service_listing import public_services  # noqa: E402
from users.models import Kecamatan, MitraProfile, PersonalProfile  # noqa: E402

PER_PAGE = 10
# Tables a sequential scan must not read on a page request (they grow with the users).
WATCHED_TABLES = {
    Application._meta.db_table,
    PersonalProfile._meta.db_table,
    Vacancy._meta.db_table,
    "wagtailsearch_indexentry",
}
VACANCY_SEARCH_INDEX, SERVICE_SEARCH_INDEX = (document.index for document in DOCUMENTS)


def busiest_personal():
    return PersonalProfile.objects.order_by("-pk").filter(applications__isnull=False).first()


def demo_mitra():
    return MitraProfile.objects.filter(user__username="mitra").first() or MitraProfile.objects.first()


def page_queries(name, queryset, index=None):
    """(label, sql, params, index it must read) for the Paginator's count and first page."""
    count_sql, count_params = queryset.order_by().query.sql_with_params()
    yield (f"{name}: count", f"SELECT COUNT(*) FROM ({count_sql}) AS counted", count_params, index)
    page_sql, page_params = queryset[:PER_PAGE].query.sql_with_params()
    yield (f"{name}: first page", page_sql, page_params, None)


def scenarios():
    kecamatan = Kecamatan.objects.order_by("name").first()
    personal, mitra = busiest_personal(), demo_mitra()
    vacancies = Vacancy.objects.open().with_card_data()
    yield from page_queries("Lowongan list", VacancySearchForm({}).filter(vacancies))
    yield from page_queries(
        "Lowongan keyword + filters",
        VacancySearchForm(
            {"q": "operator produksi", "kecamatan": kecamatan.pk, "gaji": 2_000_000, "urut": "gaji"}
        ).filter(vacancies),
        VACANCY_SEARCH_INDEX,
    )
    yield from page_queries(
        "Lowongan keyword", VacancySearchForm({"q": "penjahit"}).filter(vacancies), VACANCY_SEARCH_INDEX
    )
    yield from page_queries(
        "Penawaran Jasa search",
        ServiceSearchForm({"q": "servis motor"}).filter(public_services()),
        SERVICE_SEARCH_INDEX,
    )
    if personal:
        yield from page_queries(
            "Lamaran Terkirim", Application.objects.for_personal(personal).order_by("-created_at", "-pk")
        )
    if mitra:
        yield from page_queries(
            "Pelamar of a Mitra",
            ApplicantFilterForm({}, mitra=mitra)
            .filter(Application.objects.for_mitra(mitra))
            .order_by("-created_at", "-pk")
            .values("pk"),  # the page's ids: DeferredJoinPaginator joins the rest for 10 rows
        )
    yield from staff_list_queries()
    yield from staff_figures_queries()


def staff_list_queries():
    """The admin panel's lists of every profile and vacancy (Super Admin): their first pages, and
    their searches through the trigram indexes (portal/text_indexes.py)."""
    from marketplace.admin_views import VacancyFilterForm, admin_vacancies
    from users.profile_admin_forms import PersonalFilterForm
    from users.profile_admin_views import PersonalIndexView, QueueFirst

    profiles = PersonalProfile.objects.all()
    listed = QueueFirst(profiles, *PersonalIndexView.name_ordering)
    yield from page_queries("Data Profil Personal: queue", listed.queue)
    yield from page_queries("Data Profil Personal: by name", listed.rest)
    yield from page_queries(
        "Data Profil Personal search",
        PersonalFilterForm({"q": "budi"}).filter(profiles),
        "user_first_name_contains",
    )
    yield from page_queries("List Lowongan (admin)", admin_vacancies())
    yield from page_queries(
        "List Lowongan (admin) search",
        VacancyFilterForm({"q": "operator"}).filter(admin_vacancies()),
        "vacancy_title_contains",
    )


def staff_figures_queries():
    """The aggregates behind the Dasbor (Super Admin), Laporan Personal and Laporan Mitra of the whole
    regency, as those pages compute them when their cached figures are renewed (portal/figures_cache.py)."""
    from django.test import RequestFactory

    from portal import dashboard
    from users.models import User
    from users.report_forms import ReportFilterForm
    from users.reports import mitra_report, personal_report

    superadmin = User.objects.filter(username="superadmin").first()
    if superadmin is None:
        return
    request = RequestFactory().get("/")
    request.user = superadmin
    panels = (dashboard.SummaryPanel, dashboard.RegistrationsPanel, dashboard.PersonalByAreaPanel)
    for panel in panels:
        with CaptureQueriesContext(connection) as captured:
            panel(request).figures()
        for n, query in enumerate(captured.captured_queries):
            yield (f"Dasbor {panel.__name__} {n}", query["sql"], None, None)
    periods = {
        "": {},
        ", one month": {"dari": "2026-03-01", "sampai": "2026-03-31"},
        ", one year": {"dari": "2025-01-01", "sampai": "2025-12-31"},
    }
    reports = {"Laporan Personal": (personal_report, True), "Laporan Mitra": (mitra_report, False)}
    for title, (report, personal) in reports.items():
        for name, period in periods.items():
            form = ReportFilterForm(period, user=superadmin, personal=personal)
            with CaptureQueriesContext(connection) as captured:
                report(superadmin, form.filters())
            for n, query in enumerate(captured.captured_queries):
                yield (f"{title}{name} {n}", query["sql"], None, None)


def plan_nodes(node):
    yield node
    for child in node.get("Plans", []):
        yield from plan_nodes(child)


def explain(sql, params, analyze):
    options = "ANALYZE, BUFFERS, FORMAT JSON" if analyze else "FORMAT JSON"
    with connection.cursor() as cursor:
        if params is None:  # captured SQL, parameters already inlined
            cursor.execute(f"EXPLAIN ({options}) {sql}")
        else:
            cursor.execute(f"EXPLAIN ({options}) {sql}", params)
        plan = cursor.fetchone()[0]
    return plan[0] if isinstance(plan, list) else json.loads(plan)[0]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-analyze", action="store_true", help="plans only, without running the queries")
    parser.add_argument("--json", dest="json_path", help="write every plan to this file")
    args = parser.parse_args(argv)
    report, flagged = [], []
    for label, sql, params, index in scenarios():
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        plan = explain(sql, params, analyze=not args.no_analyze)
        nodes = list(plan_nodes(plan["Plan"]))
        seq_scans = [
            node["Relation Name"]
            for node in nodes
            if node["Node Type"] == "Seq Scan" and node.get("Relation Name") in WATCHED_TABLES
        ]
        missing = [index] if index and index not in {node.get("Index Name") for node in nodes} else []
        time_ms = plan.get("Execution Time")
        print(
            f"{label:45} cost {plan['Plan']['Total Cost']:>12,.0f}"
            + (f"  {time_ms:>9.1f} ms" if time_ms is not None else "")
            + (f"  SEQ SCAN: {', '.join(seq_scans)}" if seq_scans else "")
            + (f"  WITHOUT {index}" if missing else "")
        )
        flagged += [(label, f"sequential scan of {table}") for table in seq_scans]
        flagged += [(label, f"{index} not read") for index in missing]
        report.append({"query": label, "sql": sql, "params": params, "plan": plan, "seq_scans": seq_scans})
    if args.json_path:
        with open(args.json_path, "w") as output:
            json.dump(report, output, indent=2, default=str)
    if flagged:
        print(f"\n{len(flagged)} plan(s) off their indexes:")
        for label, problem in flagged:
            print(f"  {label}: {problem}")
        sys.exit(1)


if __name__ == "__main__":
    main()
