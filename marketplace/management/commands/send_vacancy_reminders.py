from django.core.management.base import BaseCommand

from marketplace.use_cases import remind_expiring_vacancies


class Command(BaseCommand):
    help = (
        "Remind each Mitra, once, of open vacancies that end within the days set in "
        "Pengaturan → Aplikasi (run daily)."
    )

    def handle(self, *args, **options):
        sent = remind_expiring_vacancies()
        self.stdout.write(f"{sent} reminder(s) sent.")
