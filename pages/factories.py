import factory
from factory.django import DjangoModelFactory

from pages.models import (
    FAQ,
    AnnouncementIndexPage,
    AnnouncementPage,
    FAQCategory,
    FAQPage,
    Link,
    MitraIndexPage,
    ServiceIndexPage,
    StandardPage,
    TestimonialIndexPage,
    VacancyIndexPage,
)
from portal.factories import PageFactory


class StandardPageFactory(PageFactory):
    intro = factory.Faker("sentence", locale="id_ID")
    body = factory.LazyFunction(lambda: "<p>Isi halaman.</p>")

    class Meta:
        model = StandardPage


class AnnouncementIndexPageFactory(PageFactory):
    class Meta:
        model = AnnouncementIndexPage


class AnnouncementPageFactory(PageFactory):
    summary = factory.Faker("sentence", locale="id_ID")
    body = factory.Faker("paragraph", locale="id_ID")
    date = factory.Faker("date_between", start_date="-1y", end_date="today")

    class Meta:
        model = AnnouncementPage


class FAQPageFactory(PageFactory):
    class Meta:
        model = FAQPage


class VacancyIndexPageFactory(PageFactory):
    class Meta:
        model = VacancyIndexPage


class ServiceIndexPageFactory(PageFactory):
    class Meta:
        model = ServiceIndexPage


class MitraIndexPageFactory(PageFactory):
    category = MitraIndexPage.Category.FORMAL

    class Meta:
        model = MitraIndexPage


class TestimonialIndexPageFactory(PageFactory):
    class Meta:
        model = TestimonialIndexPage


class FAQCategoryFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kategori {n}")

    class Meta:
        model = FAQCategory


class FAQFactory(DjangoModelFactory):
    question = factory.Faker("sentence", locale="id_ID")
    answer = factory.LazyFunction(lambda: "<p>Jawaban.</p>")
    category = factory.SubFactory(FAQCategoryFactory)
    live = True

    class Meta:
        model = FAQ


class LinkFactory(DjangoModelFactory):
    title = factory.Faker("company", locale="id_ID")
    url = factory.Sequence(lambda n: f"https://contoh{n}.go.id/")

    class Meta:
        model = Link
