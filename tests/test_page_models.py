"""Page tree rules and a factory for every page model."""

import importlib

import pytest
from django.apps import apps
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import rich_text

from guidance.models import GuideIndexPage, GuidePage
from home.models import HomePage
from pages.models import (
    AnnouncementIndexPage,
    AnnouncementPage,
    FAQPage,
    MitraIndexPage,
    StandardPage,
    VacancyIndexPage,
)

PROJECT_APPS = ["home", "pages", "guidance", "marketplace", "users"]


def _factories():
    found = {}
    for app in PROJECT_APPS:
        try:
            module = importlib.import_module(f"{app}.factories")
        except ModuleNotFoundError:
            continue
        for obj in vars(module).values():
            meta = getattr(obj, "_meta", None)
            model = getattr(meta, "model", None)
            if model is not None and not getattr(meta, "abstract", False):
                found[model] = obj
    return found


def test_every_page_model_has_a_factory():
    page_models = [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and model._meta.app_label in PROJECT_APPS
    ]
    missing = [model.__name__ for model in page_models if model not in _factories()]
    assert page_models and not missing


@pytest.mark.django_db
class TestPageTree(WagtailPageTestCase):
    def test_parent_and_subpage_rules(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(AnnouncementIndexPage, {AnnouncementPage})
        self.assertAllowedParentPageTypes(AnnouncementPage, {AnnouncementIndexPage})
        self.assertAllowedSubpageTypes(GuideIndexPage, {GuidePage})
        self.assertAllowedSubpageTypes(VacancyIndexPage, set())
        self.assertAllowedParentPageTypes(FAQPage, {HomePage})
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_editors_can_create_pages(self):
        from home.initial_data import load_cms_content

        load_cms_content()
        home = HomePage.objects.get()
        self.client.force_login(self.create_superuser("editor"))
        self.assertCanCreate(
            home,
            StandardPage,
            {"title": "Program Magang", "slug": "program-magang", "body": rich_text("<p>Isi</p>")},
        )
        index = AnnouncementIndexPage.objects.get()
        self.assertCanCreate(
            index,
            AnnouncementPage,
            {
                "title": "Job Fair 2027",
                "slug": "job-fair-2027",
                "date": "2027-01-10",
                "body": rich_text("<p>Isi</p>"),
            },
        )
        self.assertPageIsRoutable(index)
        self.assertPageIsRoutable(GuideIndexPage.objects.get(), "unduh-pdf/")
        self.assertEqual(MitraIndexPage.objects.count(), 2)
