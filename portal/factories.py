"""Factory base for Wagtail pages, shared by every app's factories.py."""

import factory
from django.utils.text import slugify


class PageFactory(factory.django.DjangoModelFactory):
    """Create a published page under ``parent`` (a required keyword argument)."""

    title = factory.Faker("sentence", nb_words=4, locale="id_ID")
    slug = factory.LazyAttributeSequence(lambda o, n: f"{slugify(o.title)[:40]}-{n}")

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page
