"""The portal's periodic jobs, run by `manage.py rqcron portal.cron` (one process per
installation) and executed by the `rqworker` processes. Cron fields are in the portal's local time
(TIME_ZONE, Asia/Jakarta). Each job is idempotent: a run repeated or overlapping another changes
nothing more, so a restarted scheduler can never send a digest or a reminder twice."""

from rq import cron

from marketplace.alerts import send_job_alerts
from marketplace.service_use_cases import expire_stale_requests
from marketplace.use_cases import remind_expiring_vacancies
from portal import region_tallies
from portal.job_files import purge_job_files
from portal.job_outbox import purge_finished_jobs, relay_pending_jobs

QUEUE = "default"

# (function, cron expression, what it does) — also listed in the README.
PERIODIC_JOBS = (
    (send_job_alerts, "0 6 * * *", "Notifikasi Lowongan: daily digest of new matching vacancies"),
    (remind_expiring_vacancies, "0 7 * * *", "reminder to the Mitra before a vacancy ends"),
    (expire_stale_requests, "15 * * * *", "unanswered service requests become Kedaluwarsa"),
    (purge_finished_jobs, "30 3 * * *", "background jobs done more than a week ago are deleted"),
    (purge_job_files, "50 * * * *", "exports and PDFs older than JOB_FILE_RETENTION_HOURS are deleted"),
    (
        region_tallies.rebuild,
        "45 2 * * *",
        "the tallies (Dasbor, Laporan Personal, Laporan Mitra) are recounted from the tables",
    ),
)

# (function, seconds between runs, what it does)
INTERVAL_JOBS = (
    (relay_pending_jobs, 60, "background jobs left pending by a Redis outage go to the queue"),
    (region_tallies.fold, 60, "the changes counted by the region tallies are folded into sums"),
)

for func, expression, _description in PERIODIC_JOBS:
    cron.register(func, QUEUE, cron=expression, job_timeout=1800, name=func.__name__)

for func, seconds, _description in INTERVAL_JOBS:
    cron.register(func, QUEUE, interval=seconds, job_timeout=seconds * 5, name=func.__name__)
