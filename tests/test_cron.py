"""The periodic jobs of portal/cron.py: what `manage.py rqcron portal.cron` schedules, and one of
them enqueued by the real cron scheduler and run by a real rqworker process; the relay of the job
outbox among them, run by a real worker too."""

import datetime
import zoneinfo

import pytest
from django.conf import settings
from django.utils import timezone
from rq.cron import CronScheduler

from marketplace.choices import ServiceRequestStatus
from marketplace.factories import ServiceRequestFactory
from marketplace.models import ServiceRequest
from portal import job_outbox
from portal.models import BackgroundJob, WhatsAppMessage
from portal.whatsapp import send_whatsapp
from tests.test_tasks import async_default_queue, requires_redis, run_worker  # noqa: F401
from tests.test_whatsapp import FakeGateway

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")


def load_scheduler(connection):
    scheduler = CronScheduler(connection=connection)
    scheduler.load_config_from_file("portal.cron")
    return {job.name: job for job in scheduler.get_jobs()}, scheduler


@requires_redis
def test_daily_jobs_run_in_the_morning_of_purbalingga_and_requests_expire_hourly(async_default_queue):  # noqa: F811
    jobs, _scheduler = load_scheduler(async_default_queue.connection)

    assert set(jobs) == {
        "send_job_alerts",
        "remind_expiring_vacancies",
        "expire_stale_requests",
        "purge_finished_jobs",
        "relay_pending_jobs",
        "rebuild",
        "fold",
        "purge_job_files",
    }
    assert jobs["send_job_alerts"].next_enqueue_time.astimezone(WIB).time() == datetime.time(6, 0)
    assert jobs["remind_expiring_vacancies"].next_enqueue_time.astimezone(WIB).time() == datetime.time(7, 0)
    assert jobs["expire_stale_requests"].next_enqueue_time.astimezone(WIB).minute == 15
    assert jobs["purge_finished_jobs"].next_enqueue_time.astimezone(WIB).time() == datetime.time(3, 30)
    # Jobs a Redis outage left pending in the database go to the queue within a minute.
    assert jobs["relay_pending_jobs"].interval == 60
    # The Dasbor's region tallies: folded every minute, recounted at night.
    assert jobs["fold"].interval == 60
    assert jobs["purge_job_files"].next_enqueue_time.astimezone(WIB).minute == 50
    assert jobs["rebuild"].next_enqueue_time.astimezone(WIB).time() == datetime.time(2, 45)
    for job in jobs.values():
        assert job.queue_name == "default"


@requires_redis
@pytest.mark.django_db(transaction=True)
def test_the_scheduler_enqueues_a_due_job_and_a_real_worker_runs_it(tmp_path, async_default_queue):  # noqa: F811
    days = settings.SERVICE_REQUEST_EXPIRY_DAYS
    stale = ServiceRequestFactory()
    ServiceRequest.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=days, hours=1)
    )
    fresh = ServiceRequestFactory()
    jobs, scheduler = load_scheduler(async_default_queue.connection)
    due = jobs["expire_stale_requests"]
    due.next_enqueue_time = timezone.now() - datetime.timedelta(seconds=1)
    for interval_job in ("relay_pending_jobs", "fold"):
        jobs[interval_job].set_enqueue_time(timezone.now())  # an interval job is due at start

    enqueued = scheduler.enqueue_jobs()

    assert [job.name for job in enqueued] == ["expire_stale_requests"]
    assert async_default_queue.count == 1
    with FakeGateway() as gateway:
        run_worker(tmp_path, gateway)
    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert stale.status == ServiceRequestStatus.KEDALUWARSA
    assert fresh.status == ServiceRequestStatus.DIKIRIM
    assert stale.requester.notifications.filter(event="service_request.expired").exists()


@requires_redis
@pytest.mark.django_db(transaction=True)
def test_the_relay_job_hands_pending_outbox_jobs_to_a_real_worker(tmp_path, async_default_queue):  # noqa: F811
    """A WhatsApp message whose job stayed pending (Redis was down when its request committed) goes
    out once the cron's relay job has run on a worker."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(job_outbox, "relay", lambda job: False)  # Redis "down" at commit time
        message = send_whatsapp("6281234567890", "Lowongan baru di Bobotsari")
    BackgroundJob.objects.update(updated_at=timezone.now() - datetime.timedelta(minutes=1))
    jobs, scheduler = load_scheduler(async_default_queue.connection)
    jobs["relay_pending_jobs"].next_enqueue_time = timezone.now() - datetime.timedelta(seconds=1)
    jobs["fold"].set_enqueue_time(timezone.now())

    assert [job.name for job in scheduler.enqueue_jobs()] == ["relay_pending_jobs"]
    with FakeGateway() as gateway:
        run_worker(tmp_path, gateway)  # runs the relay, then the delivery it queued

    assert [request["json"]["to"] for request in gateway.requests] == ["6281234567890"]
    message.refresh_from_db()
    assert message.status == WhatsAppMessage.Status.SENT
    assert BackgroundJob.objects.get().status == BackgroundJob.Status.DONE
