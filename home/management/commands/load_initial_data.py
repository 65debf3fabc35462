from django.conf import settings
from django.core.management.base import BaseCommand

from home.initial_data import load_cms_content
from marketplace.initial_data import load_marketplace_master_data
from users.initial_data import load_master_data
from users.regions import load_regions
from users.staff import install_role_groups


class Command(BaseCommand):
    help = "Create (idempotently) the page tree, CMS content, regions, master data and role groups."

    def handle(self, *args, **options):
        created = load_regions(settings.PORTAL_REGENCY)
        self.stdout.write(f"Regions of {settings.PORTAL_REGENCY}: {created} created.")
        load_master_data()
        load_marketplace_master_data()
        load_cms_content()
        changed = [str(role.label) for role, changes in install_role_groups().items() if changes]
        self.stdout.write(f"Role groups: {'updated ' + ', '.join(changed) if changed else 'in sync'}.")
        self.stdout.write(self.style.SUCCESS("Initial data is in place."))
