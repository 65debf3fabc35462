"""The cached public pages (portal/public_cache.py) follow what editors publish in the CMS."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from pages.models import Link
from portal.models import SiteSettings
from portal.public_cache import PUBLIC

for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
    signal.connect(PUBLIC.changed, dispatch_uid="public-pages")
for model in (SiteSettings, Link):
    post_save.connect(PUBLIC.changed, sender=model, dispatch_uid=f"public-save-{model.__name__}")
    post_delete.connect(PUBLIC.changed, sender=model, dispatch_uid=f"public-delete-{model.__name__}")
