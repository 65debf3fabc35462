from django.core.management.base import BaseCommand

from marketplace.alerts import send_job_alerts


class Command(BaseCommand):
    help = "Send each saved search (Notifikasi Lowongan) its digest of new matching vacancies (run daily)."

    def handle(self, *args, **options):
        sent = send_job_alerts()
        self.stdout.write(f"{sent} job alert digest(s) sent.")
