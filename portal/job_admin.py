"""Pengaturan → Tugas Latar Belakang: the background-job outbox (portal/job_outbox.py) for Super Admin
and Admin. A list with a status filter, the job's name, attempts, last error and times; an inspect
page; "Coba Lagi" queues a failed job again (the same row, so a double submit queues it once),
written to the audit log. The jobs' arguments (addresses, message texts) are never shown."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log

from portal import job_outbox
from portal.models import BackgroundJob
from portal.viewsets import RecordViewSet, ViewOnlyPermissionPolicy
from users import roles
from users.choices import StaffRole

JOBS_NAME = "tugas-latar-belakang"
RETRY_ACTION = "portal.background_job_retry"
ERROR_SUMMARY_LENGTH = 120

#: What each job of the portal does, by dotted path; other jobs show their path.
JOB_LABELS = {
    "portal.mail.deliver_email": _("Kirim email"),
    "portal.whatsapp.tasks.deliver_whatsapp": _("Kirim pesan WhatsApp"),
    "portal.broadcasts.deliver_notification_broadcast": _("Kirim Pemberitahuan ke banyak akun"),
    "portal.broadcasts.deliver_whatsapp_broadcast": _("Kirim Pesan WhatsApp ke banyak akun"),
    "users.report_tasks.export_personal_accounts": _("Ekspor Laporan Personal"),
}

background_job_permission_policy = ViewOnlyPermissionPolicy(BackgroundJob)


def job_label(job):
    return JOB_LABELS.get(job.func, job.func)


def error_summary(job):
    """The exception line (the traceback's last line), shortened for the list."""
    lines = job.last_error.strip().splitlines()
    summary = lines[-1] if lines else ""
    if len(summary) > ERROR_SUMMARY_LENGTH:
        summary = summary[: ERROR_SUMMARY_LENGTH - 1] + "…"
    return summary


def can_retry_jobs(user):
    """ "Coba Lagi": Super Admin and Admin (who see Pengaturan)."""
    return roles.role_of(user) in (StaffRole.SUPER_ADMIN, StaffRole.ADMIN) and user.has_perm(
        "portal.view_backgroundjob"
    )


@transaction.atomic
def retry_job(user, job_id):
    """Coba Lagi by ``user``: queue the failed job ``job_id`` again, written to the audit log.
    Returns the job, or None when it is not (or no longer) failed."""
    if not can_retry_jobs(user):
        raise PermissionDenied
    job = job_outbox.retry_failed_job(job_id)
    if job is not None:
        log(
            job,
            RETRY_ACTION,
            user=user,
            title=gettext("Tugas #%(id)s") % {"id": job.pk},
            data={"job": job.pk, "func": job.func, "attempts": job.attempts},
        )
    return job


def register_job_log_actions(actions):
    actions.register_action(RETRY_ACTION, _("Coba lagi tugas latar belakang"), _("Tugas dicoba lagi"))


def retry_url(job):
    if job.status == BackgroundJob.Status.FAILED:
        return reverse(f"{JOBS_NAME}:retry", args=[job.pk])
    return None


class JobIndexView(IndexView):
    @cached_property
    def columns(self):
        columns = super().columns
        columns[0].accessor = job_label  # the job's name, linking to its page
        return columns

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if (url := retry_url(instance)) and can_retry_jobs(self.request.user):
            buttons.append(MenuItem(gettext("Coba Lagi"), url=url, icon_name="resubmit", priority=5))
        return buttons


class JobInspectView(InspectView):
    def get_page_subtitle(self):
        return job_label(self.object)

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if (url := retry_url(self.object)) and can_retry_jobs(self.request.user):
            buttons.append(Button(gettext("Coba Lagi"), url=url, icon_name="resubmit", priority=5))
        return buttons


class RetryView(WagtailAdminTemplateMixin, TemplateView):
    """Coba Lagi: a confirmation page (GET) and the re-queueing (POST), for Super Admin and Admin."""

    template_name = "portal/admin/background_job_retry.html"
    page_title = _("Coba Lagi")
    header_icon = "resubmit"

    def dispatch(self, request, pk):
        if not can_retry_jobs(request.user):
            raise PermissionDenied
        self.job = get_object_or_404(BackgroundJob, pk=pk)
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return gettext("Tugas #%(id)s") % {"id": self.job.pk}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            job=self.job, job_label=job_label(self.job), index_url=reverse(f"{JOBS_NAME}:index"), **kwargs
        )

    def post(self, request, pk):
        if retry_job(request.user, self.job.pk) is None:
            messages.warning(request, gettext("Hanya tugas yang gagal yang dapat dicoba lagi."))
        else:
            messages.success(
                request, gettext("Tugas #%(id)s diantre untuk dicoba lagi.") % {"id": self.job.pk}
            )
        return redirect(f"{JOBS_NAME}:index")


class BackgroundJobViewSet(RecordViewSet):
    model = BackgroundJob
    name = JOBS_NAME
    index_view_class = JobIndexView
    inspect_view_class = JobInspectView
    retry_path = "coba-lagi"
    retry_view_class = RetryView
    icon = "cogs"
    menu_label = _("Tugas Latar Belakang")
    menu_order = 910
    inspect_view_fields = [
        "status",
        "attempts",
        "queue",
        "run_after",
        "created_at",
        "updated_at",
        "finished_at",
        "last_error",
    ]
    list_display = [
        "func",
        "status",
        "attempts",
        Column("last_error", label=_("Galat terakhir"), accessor=error_summary),
        "created_at",
        "updated_at",
        "finished_at",
    ]
