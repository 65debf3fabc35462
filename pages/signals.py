"""The cached public pages and the cached site, settings, menu and footer (portal/public_cache.py)
follow what editors publish in the CMS."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from pages.models import Link
from portal.models import SiteSettings
from portal.public_cache import PUBLIC, SITE

for version in (PUBLIC, SITE):
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(version.changed, dispatch_uid=f"{version.name}-pages")
    for model in (SiteSettings, Link, Site):
        post_save.connect(version.changed, sender=model, dispatch_uid=f"{version.name}-save-{model.__name__}")
        post_delete.connect(
            version.changed, sender=model, dispatch_uid=f"{version.name}-delete-{model.__name__}"
        )
