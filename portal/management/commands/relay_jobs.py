"""`manage.py relay_jobs [--loop SECONDS]`: hand the background jobs that a Redis outage left pending
to the queue (portal/job_outbox.py), and requeue those that Redis lost. Once, or every SECONDS for a
systemd service; the rq cron (`manage.py rqcron portal.cron`) does the same every minute while Redis
is up."""

import logging
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, close_old_connections

from portal.job_outbox import relay_pending_jobs

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Relay pending background jobs from the database outbox to the job queue."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop",
            type=float,
            metavar="SECONDS",
            default=None,
            help="Keep running, relaying every SECONDS (for a systemd service).",
        )

    def handle(self, *args, loop, **options):
        if loop is None:
            count = relay_pending_jobs()
            self.stdout.write(f"{count} background job(s) relayed.")
            return
        if loop <= 0:
            raise CommandError("--loop needs a number of seconds greater than 0.")
        while True:
            close_old_connections()
            try:
                relay_pending_jobs()
            except DatabaseError as error:  # the database restarting: try again next round
                logger.warning("relaying background jobs failed: %s", error)
            time.sleep(loop)
