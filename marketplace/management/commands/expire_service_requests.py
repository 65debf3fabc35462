from django.core.management.base import BaseCommand

from marketplace.service_use_cases import expire_stale_requests


class Command(BaseCommand):
    help = (
        "Expire service requests left unanswered (Dikirim) for SERVICE_REQUEST_EXPIRY_DAYS days and "
        "tell both sides (run daily)."
    )

    def handle(self, *args, **options):
        expired = expire_stale_requests()
        self.stdout.write(f"{expired} service request(s) expired.")
