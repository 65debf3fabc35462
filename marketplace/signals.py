"""Keep the search index of vacancies in step with the Mitra name they are found by."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.search import index

from users.models import MitraProfile


@receiver(post_save, sender=MitraProfile)
def reindex_vacancies_of_mitra(sender, instance, created, update_fields=None, **kwargs):
    if created or (update_fields is not None and "name" not in update_fields):
        return
    for vacancy in instance.vacancies.select_related("mitra"):
        index.insert_or_update_object(vacancy)
