"""Keep the search index of vacancies in step with the Mitra name they are found by, and the cached
public pages (portal/public_cache.py) in step with the marketplace content they show."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.search import index

from marketplace.models import (
    MitraAnnouncement,
    MitraRating,
    PersonalRating,
    Service,
    ServicePhoto,
    ServiceRating,
    Testimonial,
    Vacancy,
)
from portal.public_cache import public_content_changed
from users.models import MitraProfile, User

# Shown on public pages: listings, cards, detail pages, ratings, the Beranda. (A Personal's kecamatan
# on a service card is not watched: it shows within public_cache.PAGE_TIMEOUT.)
PUBLIC_MODELS = (
    Vacancy,
    Service,
    ServicePhoto,
    MitraProfile,
    MitraRating,
    PersonalRating,
    ServiceRating,
    Testimonial,
    MitraAnnouncement,
)
# A login writes ``last_login`` only: nothing public changes.
PRIVATE_USER_FIELDS = frozenset({"last_login", "password", "session_version"})

for model in PUBLIC_MODELS:
    post_save.connect(public_content_changed, sender=model, dispatch_uid=f"public-save-{model.__name__}")
    post_delete.connect(public_content_changed, sender=model, dispatch_uid=f"public-delete-{model.__name__}")
for through in (Vacancy.locations.through, Service.areas.through):
    m2m_changed.connect(public_content_changed, sender=through, dispatch_uid=f"public-m2m-{through.__name__}")


@receiver(post_save, sender=User, dispatch_uid="public-save-User")
def user_changed(sender, update_fields=None, **kwargs):
    """A new account (the Beranda counts job seekers), a name or an account switched off."""
    if update_fields is None or not set(update_fields) <= PRIVATE_USER_FIELDS:
        public_content_changed()


@receiver(post_save, sender=MitraProfile)
def reindex_vacancies_of_mitra(sender, instance, created, update_fields=None, **kwargs):
    if created or (update_fields is not None and "name" not in update_fields):
        return
    for vacancy in instance.vacancies.select_related("mitra"):
        index.insert_or_update_object(vacancy)
