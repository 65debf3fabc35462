"""Keep the search index of vacancies in step with the Mitra name they are found by, the cached
public pages (portal/public_cache.py) in step with the marketplace content they show, and the
cached Dasbor and report figures (portal/figures_cache.py) with the rows they count."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.search import index

from marketplace.models import (
    Application,
    MitraAnnouncement,
    MitraRating,
    PersonalRating,
    Service,
    ServicePhoto,
    ServiceRating,
    ServiceRequest,
    Testimonial,
    Vacancy,
)
from portal.figures_cache import APPLICATIONS, FIGURES
from portal.public_cache import PUBLIC
from users.models import MitraProfile, PersonalProfile, User

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

# Counted by the Dasbor and the reports.
COUNTED_MODELS = (PersonalProfile, MitraProfile, Vacancy, Application, Service, ServiceRequest)


def watch(version, models, m2m=()):
    for model in models:
        uid = f"{version.name}-{model.__name__}"
        post_save.connect(version.changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(version.changed, sender=model, dispatch_uid=f"{uid}-delete")
    for through in m2m:
        m2m_changed.connect(
            version.changed, sender=through, dispatch_uid=f"{version.name}-{through.__name__}"
        )


watch(PUBLIC, PUBLIC_MODELS, m2m=(Vacancy.locations.through, Service.areas.through))
watch(FIGURES, COUNTED_MODELS, m2m=(Vacancy.locations.through,))
watch(APPLICATIONS, (Application,))


@receiver(post_save, sender=User, dispatch_uid="public-save-User")
def user_changed(sender, update_fields=None, **kwargs):
    """A new account (counted on the Beranda and the Dasbor), a name or an account switched off."""
    if update_fields is None or not set(update_fields) <= PRIVATE_USER_FIELDS:
        PUBLIC.changed()
        FIGURES.changed()


@receiver(post_save, sender=MitraProfile)
def reindex_vacancies_of_mitra(sender, instance, created, update_fields=None, **kwargs):
    if created or (update_fields is not None and "name" not in update_fields):
        return
    for vacancy in instance.vacancies.select_related("mitra"):
        index.insert_or_update_object(vacancy)
