from home.models import HomePage
from portal.factories import PageFactory


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage
