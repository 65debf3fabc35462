"""The periodic jobs of portal/cron.py: what `manage.py rqcron portal.cron` schedules, and one of
them enqueued by the real cron scheduler and run by a real rqworker process."""

import datetime
import zoneinfo

import pytest
from django.conf import settings
from django.utils import timezone
from rq.cron import CronScheduler

from marketplace.choices import ServiceRequestStatus
from marketplace.factories import ServiceRequestFactory
from marketplace.models import ServiceRequest
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

    assert set(jobs) == {"send_job_alerts", "remind_expiring_vacancies", "expire_stale_requests"}
    assert jobs["send_job_alerts"].next_enqueue_time.astimezone(WIB).time() == datetime.time(6, 0)
    assert jobs["remind_expiring_vacancies"].next_enqueue_time.astimezone(WIB).time() == datetime.time(7, 0)
    assert jobs["expire_stale_requests"].next_enqueue_time.astimezone(WIB).minute == 15
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
