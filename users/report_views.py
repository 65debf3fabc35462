"""Laporan Personal and Laporan Mitra in the admin panel (guide §7.1, §7.2).

Thin views: the figures come from users/reports.py, the files from users/report_exports.py, the
background exports from users/report_tasks.py. Every view asks ``can_open`` for its menu (403 for
other roles) and every queryset is limited to the viewer's region (users.reports.region_scope_q).
"""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.admin_panel import AdminMenuRequiredMixin
from portal.figures_cache import cached_figures, cached_html, filters_key, region_of
from portal.pagination import DeferredJoinPaginator
from users import audit, report_tasks
from users import report_exports as exports
from users.report_forms import ReportFilterForm
from users.reports import (
    ACCOUNT_ORDER,
    filtered_personal_profiles,
    mitra_report,
    personal_accounts,
    personal_report,
    with_report_flags,
)
from users.roles import AdminMenu

# Parameters that are not filters (pagination, export options).
NON_FILTER_PARAMS = ("halaman", "per")
PAGE_SIZE = 25


def filter_params(request, **overrides):
    """The query string of the current filters, with ``overrides`` (None removes a parameter)."""
    params = request.GET.copy()
    for name in NON_FILTER_PARAMS:
        params.pop(name, None)
    for name, value in overrides.items():
        params.pop(name, None)
        if value not in (None, ""):
            params[name] = value
    return params.urlencode()


def filters_text(form):
    """The active filters in words, printed on the PDF."""
    form.is_valid()  # the fields with errors are left out, as in the report itself
    parts = []
    for name, field in form.fields.items():
        value = form.cleaned_data.get(name)
        if value in (None, ""):
            continue
        if name == "jenis_kelamin":
            value = dict(field.choices).get(value, value)
        parts.append(f"{field.label}: {value}")
    return "; ".join(str(part) for part in parts)


def cached_report(build, user, filters):
    """The report on screen, computed once per region and filters (portal/figures_cache.py)."""
    return cached_figures(
        build.__name__, (region_of(user), filters_key(filters)), lambda: build(user, filters)
    )


class ReportMixin(AdminMenuRequiredMixin, WagtailAdminTemplateMixin):
    header_icon = "table"
    personal = True
    index_url_name = ""

    def get_form(self):
        if not hasattr(self, "_form"):
            self._form = ReportFilterForm(self.request.GET, user=self.request.user, personal=self.personal)
        return self._form

    def get_filters(self):
        return self.get_form().filters()

    def export_url(self, url_name, fmt, **overrides):
        query = filter_params(self.request, **overrides)
        url = reverse(url_name, args=[fmt])
        return f"{url}?{query}" if query else url

    def export_urls(self, url_name):
        return {fmt: self.export_url(url_name, fmt) for fmt in ("csv", "xlsx", "pdf")}


# ---------------------------------------------------------------------------------------------
# Laporan Personal


class PersonalReportView(ReportMixin, TemplateView):
    admin_menu = AdminMenu.PERSONAL_REPORT
    template_name = "users/admin/reports/personal_report.html"
    page_title = gettext_lazy("Laporan Personal")

    tables_template = "users/admin/reports/includes/personal_tables.html"

    def get_context_data(self, **kwargs):
        """The two tables of figures (257 rows for the regency) are kept as markup with the figures
        they show, per region, filters and language (portal/figures_cache.py)."""
        query = filter_params(self.request)
        filters = self.get_filters()
        tables = cached_html(
            "personal_report",
            (region_of(self.request.user), filters_key(filters), query),
            lambda: render_to_string(self.tables_template, self.tables_context(filters)),
        )
        return super().get_context_data(
            form=self.get_form(),
            tables=tables,
            export_urls=self.export_urls("personal_report:export"),
            accounts_url=f"{reverse('personal_report:accounts')}?{query}",
            **kwargs,
        )

    def tables_context(self, filters):
        report = personal_report(self.request.user, filters)
        accounts_url = reverse("personal_report:accounts")
        for row in report.kecamatan_rows:
            row.url = (
                f"{accounts_url}?{filter_params(self.request, kecamatan=row.kecamatan_id, desa=None)}"
                if row.kecamatan_id
                else ""
            )
        for row in report.desa_rows:
            row.url = (
                f"{accounts_url}?{filter_params(self.request, kecamatan=row.kecamatan_id, desa=row.desa_id)}"
                if row.desa_id
                else ""
            )
        return {
            "report": report,
            "measures": report.measures,
            "csv_url": self.export_url("personal_report:export", "csv"),
            "kecamatan_csv_url": self.export_url("personal_report:export", "csv", per="kecamatan"),
        }


class PersonalReportExportView(ReportMixin, View):
    admin_menu = AdminMenu.PERSONAL_REPORT

    def get(self, request, fmt):
        form = self.get_form()
        report = personal_report(request.user, form.filters())
        tables = exports.personal_report_tables(report)
        if fmt == "csv":
            table = tables[0] if request.GET.get("per") == "kecamatan" else tables[1]
            return exports.csv_response(table, exports.export_filename("personal", "csv"))
        if fmt == "xlsx":
            return exports.xlsx_response(tables, exports.export_filename("personal", "xlsx"))
        if fmt == "pdf":
            return exports.pdf_response(
                _("Laporan Personal"), tables, filters_text(form), exports.export_filename("personal", "pdf")
            )
        raise Http404


class PersonalAccountsView(ReportMixin, TemplateView):
    """The drill-down: the Personal accounts behind a row of Laporan Personal."""

    admin_menu = AdminMenu.PERSONAL_REPORT
    template_name = "users/admin/reports/personal_accounts.html"
    page_title = gettext_lazy("Laporan Personal: daftar akun")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("personal_report:index"), "label": _("Laporan Personal")},
            {"url": "", "label": _("Daftar akun")},
        ]

    def get_context_data(self, **kwargs):
        # The page is chosen on the profiles' order alone; the flags (three subqueries) are
        # computed for its rows only.
        profiles = filtered_personal_profiles(self.request.user, self.get_filters()).order_by(*ACCOUNT_ORDER)
        paginator = DeferredJoinPaginator(profiles, PAGE_SIZE, rows=with_report_flags(profiles), version=None)
        page = paginator.get_page(self.request.GET.get("halaman"))
        query = filter_params(self.request)
        return super().get_context_data(
            form=self.get_form(),
            page_obj=page,
            profiles=page.object_list,
            query=query,
            report_url=f"{reverse('personal_report:index')}?{query}",
            export_urls={
                fmt: f"{reverse('personal_report:accounts_export', args=[fmt])}?{query}"
                for fmt in ("csv", "xlsx")
            },
            inline_limit=report_tasks.INLINE_EXPORT_LIMIT,
            **kwargs,
        )


class PersonalAccountsExportView(ReportMixin, View):
    """CSV/XLSX of the drill-down list: streamed when small, a background job when large."""

    admin_menu = AdminMenu.PERSONAL_REPORT

    def get(self, request, fmt):
        if fmt not in ("csv", "xlsx"):
            raise Http404
        audit.record_profile_access(request, None, audit.EXPORT)
        queryset = personal_accounts(request.user, self.get_filters())
        if queryset.count() > report_tasks.INLINE_EXPORT_LIMIT:
            params = {key: value for key, value in request.GET.items() if key not in NON_FILTER_PARAMS}
            report_tasks.start_personal_accounts_export(request.user, params, fmt)
            messages.success(
                request,
                _(
                    "Daftar ini besar, jadi berkasnya disiapkan di latar belakang. Tautan unduhan akan "
                    "dikirim lewat Pemberitahuan setelah selesai."
                ),
            )
            return redirect(f"{reverse('personal_report:accounts')}?{filter_params(request)}")
        table = exports.personal_accounts_table(queryset)
        filename = exports.export_filename("personal-akun", fmt)
        if fmt == "csv":
            return exports.csv_response(table, filename)
        return exports.xlsx_response([table], filename)


class ExportDownloadView(AdminMenuRequiredMixin, View):
    """A finished background export, for the staff member who asked for it only."""

    admin_menu = AdminMenu.PERSONAL_REPORT
    kind = report_tasks.PERSONAL_KIND

    def get(self, request, token, fmt):
        file = exports.open_export(request.user, self.kind, token, fmt)
        if file is None:
            raise Http404
        audit.record_profile_access(request, None, audit.DOWNLOAD_EXPORT)
        return FileResponse(
            file,
            as_attachment=True,
            filename=exports.export_filename(f"{self.kind}-akun", fmt),
            content_type=exports.CONTENT_TYPES[fmt],
        )


# ---------------------------------------------------------------------------------------------
# Laporan Mitra


class MitraReportView(ReportMixin, TemplateView):
    admin_menu = AdminMenu.MITRA_REPORT
    template_name = "users/admin/reports/mitra_report.html"
    page_title = gettext_lazy("Laporan Mitra")
    personal = False

    def get_context_data(self, **kwargs):
        report = cached_report(mitra_report, self.request.user, self.get_filters())
        return super().get_context_data(
            form=self.get_form(),
            report=report,
            measures=report.measures,
            export_urls=self.export_urls("mitra_report:export"),
            sections=[
                (
                    caption,
                    heading,
                    rows,
                    report.total if with_total else None,
                    self.export_url("mitra_report:export", "csv", per=per),
                )
                for caption, heading, rows, with_total, per in (
                    (_("Per kategori"), _("Kategori"), report.category_rows, True, "kategori"),
                    (_("Per bidang usaha"), _("Bidang Usaha"), report.business_field_rows, False, "bidang"),
                    (_("Per kecamatan"), _("Kecamatan"), report.kecamatan_rows, True, "kecamatan"),
                )
            ],
            **kwargs,
        )


MITRA_CSV_TABLES = {"kategori": 0, "bidang": 1, "kecamatan": 2}


class MitraReportExportView(ReportMixin, View):
    admin_menu = AdminMenu.MITRA_REPORT
    personal = False

    def get(self, request, fmt):
        form = self.get_form()
        tables = exports.mitra_report_tables(mitra_report(request.user, form.filters()))
        if fmt == "csv":
            table = tables[MITRA_CSV_TABLES.get(request.GET.get("per"), 0)]
            return exports.csv_response(table, exports.export_filename("mitra", "csv"))
        if fmt == "xlsx":
            return exports.xlsx_response(tables, exports.export_filename("mitra", "xlsx"))
        if fmt == "pdf":
            return exports.pdf_response(
                _("Laporan Mitra"), tables, filters_text(form), exports.export_filename("mitra", "pdf")
            )
        raise Http404
