"""Background exports of Laporan Personal: a drill-down list longer than ``INLINE_EXPORT_LIMIT`` rows
is written to private storage by a job (portal/tasks.py), and the staff member is told through
Pemberitahuan with a link to the download view, which serves the file to its owner only."""

from django.urls import reverse
from django.utils.translation import gettext as _

from portal.admin_panel import can_open
from portal.job_files import new_token
from portal.tasks import enqueue
from users.models import User
from users.notifications import notify
from users.report_exports import personal_accounts_table, save_export
from users.report_forms import ReportFilterForm
from users.reports import personal_accounts
from users.roles import AdminMenu

# Up to this many rows an export streams in the response; above it, it runs as a job.
INLINE_EXPORT_LIMIT = 2000
PERSONAL_KIND = "personal"


def start_personal_accounts_export(user, params, fmt):
    """Enqueue the export of the drill-down list for ``user`` with the filters ``params`` (the
    query string as a dict); returns the token naming the file."""
    token = new_token()
    enqueue(export_personal_accounts, user.pk, dict(params), fmt, token)
    return token


def export_personal_accounts(user_id, params, fmt, token):
    """The job: the same filters and the same scope as the screen, checked again at run time."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not can_open(user, AdminMenu.PERSONAL_REPORT):
        return None
    form = ReportFilterForm(params, user=user)
    save_export(
        user.pk, PERSONAL_KIND, token, fmt, personal_accounts_table(personal_accounts(user, form.filters()))
    )
    return notify(
        user,
        "report.export_ready",
        _("Ekspor Laporan Personal siap diunduh"),
        _("Berkas %(format)s daftar akun personal sudah selesai dibuat.") % {"format": fmt.upper()},
        reverse("personal_report:download", args=[token, fmt]),
    )
