"""Exports of Laporan Personal and Laporan Mitra: CSV, XLSX (openpyxl) and a printable PDF.

Every export is built from ``Table`` objects (a title, headings and rows), so that the three formats
and the background job (users/report_tasks.py) write the same figures. Rows may be a generator:
the CSV and XLSX writers stream them (a big drill-down list is never held in memory).

Files of background exports live in private storage under ``laporan/<user id>/<kind>-<token>.<fmt>``
(portal/job_files.py): the owner is part of the path, so the download view only ever looks in the
requester's folder, and they are deleted after JOB_FILE_RETENTION_HOURS.
"""

import csv
import datetime
import io
import re
import tempfile
from dataclasses import dataclass

from django.core.files import File
from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from portal import pdf
from portal.job_files import REPORT_EXPORTS

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CONTENT_TYPES = {"csv": CSV_TYPE, "xlsx": XLSX_TYPE}
SHEET_TITLE_FORBIDDEN = re.compile(r"[\\/?*\[\]:]")


@dataclass
class Table:
    title: str
    headings: list
    rows: object  # an iterable of lists
    label_columns: int = 0  # the leading columns that name a row; the others are figures


def cell(value):
    """A value as written to CSV, XLSX and PDF."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Ya") if value else _("Tidak")
    if isinstance(value, datetime.datetime):
        # date_format(…, "Y-m-d H:i") to the character, without its per-call cost (a 200,000-row
        # export formats one datetime per row).
        local = timezone.localtime(value)
        return f"{local.year:04d}-{local.month:02d}-{local.day:02d} {local.hour:02d}:{local.minute:02d}"
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int):
        return value
    return str(value)


# A text cell starting with one of these is a formula to Excel/LibreOffice ("CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value):
    """``cell(value)`` for CSV and XLSX: text that a spreadsheet would run as a formula is written
    with a leading apostrophe, so a name typed as "=HYPERLINK(…)" stays text."""
    value = cell(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


# ---------------------------------------------------------------------------------------------
# Tables of the reports


def report_table(title, first_headings, rows, measures, first_values, total=None):
    """A table of grouped figures: ``first_values(row)`` are the label columns of a row."""
    headings = [*first_headings, *(str(label) for _key, label in measures)]
    body = [[*first_values(row), *row.values(measures)] for row in rows]
    if total is not None:
        body.append([total.label, *([""] * (len(first_headings) - 1)), *total.values(measures)])
    return Table(title, headings, body, label_columns=len(first_headings))


def personal_report_tables(report):
    return [
        report_table(
            _("Per kecamatan"),
            [_("Kecamatan")],
            report.kecamatan_rows,
            report.measures,
            lambda row: [row.label],
            report.total,
        ),
        report_table(
            _("Per desa/kelurahan"),
            [_("Kecamatan"), _("Desa/Kelurahan")],
            report.desa_rows,
            report.measures,
            lambda row: [row.kecamatan, row.label],
            report.total,
        ),
    ]


def mitra_report_tables(report):
    def table(title, heading, rows, total=None):
        return report_table(title, [heading], rows, report.measures, lambda row: [row.label], total)

    return [
        table(_("Per kategori"), _("Kategori"), report.category_rows, report.total),
        table(_("Per bidang usaha"), _("Bidang Usaha"), report.business_field_rows),
        table(_("Per kecamatan"), _("Kecamatan"), report.kecamatan_rows, report.total),
    ]


PERSONAL_ACCOUNT_HEADINGS = (
    gettext_lazy("Nama"),
    gettext_lazy("Username"),
    gettext_lazy("Email"),
    gettext_lazy("Nomor HP"),
    gettext_lazy("Jenis kelamin"),
    gettext_lazy("Pendidikan terakhir"),
    gettext_lazy("Kecamatan"),
    gettext_lazy("Desa/Kelurahan"),
    gettext_lazy("Tanggal daftar"),
    gettext_lazy("Status verifikasi"),
    gettext_lazy("Profil lengkap"),
    gettext_lazy("Pernah melamar"),
    gettext_lazy("Diterima kerja"),
)


# The drill-down list is read as plain values, not model instances: a regency-wide export is about
# 200,000 rows, and five model instances and two choice lookups per row cost more than the file.
PERSONAL_ACCOUNT_FIELDS = (
    "user__first_name",
    "user__last_name",
    "user__username",
    "user__email",
    "user__phone",
    "gender",
    "education_level__name",
    "kecamatan__name",
    "desa__name",
    "user__date_joined",
    "verification_status",
    "is_complete",
    "has_applied",
    "has_accepted",
)


def _choice_labels(model, field_name):
    """``{value: label}`` of a choice field, as ``get_<field>_display()`` shows them."""
    return {value: str(label) for value, label in model._meta.get_field(field_name).flatchoices}


def personal_account_rows(queryset):
    """The rows of the drill-down list (``users.reports.personal_accounts``), fetched in chunks."""
    genders = _choice_labels(queryset.model, "gender")
    statuses = _choice_labels(queryset.model, "verification_status")
    flags = {True: _("Ya"), False: _("Tidak"), None: ""}  # as cell() writes them
    rows = queryset.values_list(*PERSONAL_ACCOUNT_FIELDS).iterator(chunk_size=2000)
    for (
        first_name,
        last_name,
        username,
        email,
        phone,
        gender,
        education_level,
        kecamatan,
        desa,
        date_joined,
        verification_status,
        is_complete,
        has_applied,
        has_accepted,
    ) in rows:
        yield [
            f"{first_name} {last_name}".strip() or username,  # User.get_full_name() or username
            username,
            email,
            phone,
            genders.get(gender, gender),
            education_level or "",
            kecamatan or "",
            desa or "",
            date_joined,
            statuses.get(verification_status, verification_status),
            flags[is_complete],
            flags[has_applied],
            flags[has_accepted],
        ]


def personal_accounts_table(queryset):
    """The drill-down list as a table; rows are fetched in chunks while they are written."""
    return Table(
        _("Daftar akun personal"),
        [str(heading) for heading in PERSONAL_ACCOUNT_HEADINGS],
        personal_account_rows(queryset),
        label_columns=len(PERSONAL_ACCOUNT_HEADINGS),
    )


# ---------------------------------------------------------------------------------------------
# Writers


class _Echo:
    def write(self, value):
        return value


def csv_lines(table):
    writer = csv.writer(_Echo())
    yield "\ufeff"  # lets spreadsheet programs read UTF-8
    yield writer.writerow([str(heading) for heading in table.headings])
    for row in table.rows:
        yield writer.writerow([spreadsheet_cell(value) for value in row])


def write_xlsx(tables, output):
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for table in tables:
        sheet = workbook.create_sheet(title=SHEET_TITLE_FORBIDDEN.sub("-", str(table.title))[:31])
        heading_cells = []
        for heading in table.headings:
            heading_cell = WriteOnlyCell(sheet, value=str(heading))
            heading_cell.font = bold
            heading_cells.append(heading_cell)
        sheet.append(heading_cells)
        for row in table.rows:
            sheet.append([spreadsheet_cell(value) for value in row])
    workbook.save(output)


def xlsx_bytes(tables):
    output = io.BytesIO()
    write_xlsx(tables, output)
    return output.getvalue()


def _attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(table, filename):
    return _attachment(StreamingHttpResponse(csv_lines(table), content_type=CSV_TYPE), filename)


def xlsx_response(tables, filename):
    return _attachment(HttpResponse(xlsx_bytes(tables), content_type=XLSX_TYPE), filename)


def pdf_response(title, tables, filters_text, filename):
    context = {
        "title": title,
        "tables": tables,
        "filters_text": filters_text,
        "printed_at": timezone.now(),
    }
    return pdf.pdf_response(pdf.render_pdf("users/admin/reports/report_pdf.html", context), filename)


def export_filename(kind, fmt):
    return f"laporan-{kind}-{timezone.localdate():%Y%m%d}.{fmt}"


# ---------------------------------------------------------------------------------------------
# Files of background exports


def save_export(user_id, kind, token, fmt, table):
    """Write ``table`` as CSV or XLSX to private storage; returns the stored name."""
    with tempfile.TemporaryFile() as output:
        if fmt == "csv":
            for line in csv_lines(table):
                output.write(line.encode("utf-8"))
        else:
            write_xlsx([table], output)
        output.seek(0)
        return REPORT_EXPORTS.save(user_id, kind, token, fmt, File(output))


def open_export(user, kind, token, fmt):
    """The requester's own export file, or None (another user's token finds nothing)."""
    if fmt not in CONTENT_TYPES:
        return None
    return REPORT_EXPORTS.open(user.pk, kind, token, fmt)
