from django.core.management.base import BaseCommand

from home.bulk_demo_data import BULK_THRESHOLD, BulkCounts, load_bulk_demo_data
from home.demo_data import load_demo_accounts, load_demo_content, seed

# The small, factory-made demo content when an option is not given.
SMALL_DEFAULTS = {
    "personals": 20,
    "mitras": 5,
    "announcements": 6,
    "vacancies": 12,
    "services": 10,
    "applications": 3,
}


class Command(BaseCommand):
    help = (
        "Create the demo account of every role and realistic Indonesian demo content. With --bulk (or "
        f"--personals {BULK_THRESHOLD} or more) write large volumes with bulk inserts instead "
        "(home/bulk_demo_data.py): counts are then totals and default to the full performance scale."
    )

    def add_arguments(self, parser):
        parser.add_argument("--personals", type=int)
        parser.add_argument("--mitras", type=int)
        parser.add_argument("--announcements", type=int)
        parser.add_argument("--vacancies", type=int)
        parser.add_argument("--services", type=int)
        parser.add_argument(
            "--applications", type=int, help="applicants per demo vacancy; with --bulk, applications in all"
        )
        parser.add_argument("--requests", type=int, help="with --bulk: service requests in all")
        parser.add_argument("--ratings", type=int, help="with --bulk: ratings in all")
        parser.add_argument("--bulk", action="store_true", help="bulk inserts for performance tests")
        parser.add_argument("--seed", type=int, default=2026, dest="random_seed")

    def handle(self, *args, random_seed, bulk, **options):
        seed(random_seed)
        load_demo_accounts()
        if bulk or (options["personals"] or 0) >= BULK_THRESHOLD:
            self._load_bulk(random_seed, options)
        else:
            load_demo_content(
                **{
                    name: default if options[name] is None else options[name]
                    for name, default in SMALL_DEFAULTS.items()
                }
            )
        self.stdout.write(
            self.style.SUCCESS(
                "Demo accounts ready: superadmin, admin, dinaker, kecamatan, verifikator, desa, "
                "personal, mitra, mitra_informal (password: DEMO_PASSWORD)."
            )
        )

    def _load_bulk(self, random_seed, options):
        given = {
            name: options[name] for name in BulkCounts.__dataclass_fields__ if options.get(name) is not None
        }
        rows = load_bulk_demo_data(BulkCounts(**given), random_seed, self.stdout.write)
        self.stdout.write(f"Bulk demo data: {sum(rows.values()):,} rows.")
