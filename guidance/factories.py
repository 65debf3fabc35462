import factory

from guidance.models import GuideIndexPage, GuidePage
from portal.factories import PageFactory


class GuideIndexPageFactory(PageFactory):
    class Meta:
        model = GuideIndexPage


class GuidePageFactory(PageFactory):
    body = factory.Faker("paragraph", locale="id_ID")

    class Meta:
        model = GuidePage
