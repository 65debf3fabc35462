from django.core.management.base import BaseCommand

from home.demo_data import load_demo_accounts, load_demo_content, seed


class Command(BaseCommand):
    help = "Create the demo account of every role and realistic Indonesian demo content."

    def add_arguments(self, parser):
        parser.add_argument("--personals", type=int, default=20)
        parser.add_argument("--mitras", type=int, default=5)
        parser.add_argument("--announcements", type=int, default=6)
        parser.add_argument("--vacancies", type=int, default=12)
        parser.add_argument("--services", type=int, default=10)
        parser.add_argument("--applications", type=int, default=3, help="applicants per demo vacancy")
        parser.add_argument("--seed", type=int, default=2026, dest="random_seed")

    def handle(
        self,
        *args,
        personals,
        mitras,
        announcements,
        vacancies,
        services,
        applications,
        random_seed,
        **options,
    ):
        seed(random_seed)
        load_demo_accounts()
        load_demo_content(
            personals=personals,
            mitras=mitras,
            announcements=announcements,
            vacancies=vacancies,
            services=services,
            applications=applications,
        )
        self.stdout.write(
            self.style.SUCCESS(
                "Demo accounts ready: superadmin, admin, dinaker, kecamatan, verifikator, desa, "
                "personal, mitra, mitra_informal (password: DEMO_PASSWORD)."
            )
        )
