"""The applicant list of one vacancy as a PDF ("Cetak PDF", guide §6.1), inline or as a job.

Up to ``INLINE_PDF_LIMIT`` applicants the PDF is rendered in the request. A longer list is rendered
by a background job (portal/tasks.py): the PDF goes to private storage under
``pelamar/<user id>/lowongan-<vacancy id>-<token>.pdf`` (portal/job_files.py, deleted after
JOB_FILE_RETENTION_HOURS) and the Mitra is told through Pemberitahuan, with a link to the download
view. The owner is part of the path and the download view also looks the vacancy up among the
requester's own, so a link only ever opens for the Mitra who asked for it.

The rows are printed as tables of ``ROWS_PER_TABLE`` (numbering carried over, header repeated):
xhtml2pdf splits one long table across pages at a cost that grows with the table's length, so
2,000 rows in one table take about three times as long as in tables of 25.
"""

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from marketplace.models import Vacancy
from portal.job_files import APPLICANT_LISTS, TOKEN_PATTERN, new_token
from portal.pdf import PDF_MAX_RENDER_SECONDS, render_pdf
from portal.tasks import enqueue
from users.choices import AccountType
from users.notifications import notify

# Up to this many applicants the PDF is rendered in the request; above it, by a job.
INLINE_PDF_LIMIT = 100
ROWS_PER_TABLE = 25
# A job holds no request: it may take longer than portal.pdf's bound for a request (about 13 s
# for 2,000 applicants on the 2-core reference machine).
JOB_MAX_RENDER_SECONDS = 120
TEMPLATE = "marketplace/pdf/applicant_list.html"
READY_EVENT = "applicants.pdf_ready"


def applications_of(vacancy):
    """The applications printed, in the order they came in."""
    return vacancy.applications.select_related(
        "personal__user", "personal__kecamatan", "personal__education_level"
    ).order_by("created_at", "pk")


def numbered_tables(applications, size=ROWS_PER_TABLE):
    """``[[(1, application), …, (size, application)], [(size + 1, application), …], …]``."""
    rows = list(enumerate(applications, start=1))
    return [rows[start : start + size] for start in range(0, len(rows), size)]


def render_applicant_list(vacancy, max_seconds=PDF_MAX_RENDER_SECONDS):
    """The PDF bytes of the applicant list of ``vacancy`` (its Mitra selected with it)."""
    tables = numbered_tables(applications_of(vacancy))
    context = {
        "vacancy": vacancy,
        "tables": tables,
        "total": sum(len(table) for table in tables),
        "printed_at": timezone.now(),
    }
    return render_pdf(TEMPLATE, context, max_seconds)


def applicant_list_filename(vacancy):
    return f"pelamar-lowongan-{vacancy.pk}-{slugify(vacancy.title)}.pdf"


# ---------------------------------------------------------------------------------------------
# The background job and its file


def pdf_stem(vacancy_id):
    return f"lowongan-{int(vacancy_id)}"


def start_applicant_list_pdf(user, vacancy):
    """Enqueue the PDF of ``vacancy``'s applicant list for ``user``; returns the token naming it."""
    token = new_token()
    enqueue(print_applicant_list, user.pk, vacancy.pk, token)
    return token


def owned_vacancy(user_id, vacancy_id):
    """The vacancy if ``user_id`` is an active Mitra account that owns it, else None."""
    return (
        Vacancy.objects.select_related("mitra__user")
        .filter(
            pk=vacancy_id,
            mitra__user_id=user_id,
            mitra__user__is_active=True,
            mitra__user__account_type=AccountType.MITRA,
        )
        .first()
    )


def print_applicant_list(user_id, vacancy_id, token):
    """The job: ownership is checked again at run time (the vacancy may have changed hands or the
    account been closed since the click). Returns the notification, or None."""
    vacancy = owned_vacancy(user_id, vacancy_id)
    if vacancy is None or not TOKEN_PATTERN.match(token):
        return None
    pdf_bytes = render_applicant_list(vacancy, max_seconds=JOB_MAX_RENDER_SECONDS)
    APPLICANT_LISTS.save(user_id, pdf_stem(vacancy.pk), token, "pdf", ContentFile(pdf_bytes))
    return notify(
        vacancy.mitra.user,
        READY_EVENT,
        _("PDF daftar pelamar siap diunduh"),
        _("PDF daftar pelamar lowongan “%(title)s” sudah selesai dibuat.") % {"title": vacancy.title},
        reverse("marketplace:vacancy_applicants_pdf_download", args=[vacancy.pk, token]),
    )


def open_applicant_list(user, vacancy, token):
    """The requester's own finished PDF of ``vacancy``, or None (another user's token finds nothing)."""
    return APPLICANT_LISTS.open(user.pk, pdf_stem(vacancy.pk), token, "pdf")
