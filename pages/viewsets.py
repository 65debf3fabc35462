from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from pages.models import FAQ, FAQCategory, Link
from portal.admin_access import RefusingViewSetMixin
from portal.admin_menu import MASTER_DATA_MENU_HOOK


class MasterDataSnippetViewSet(RefusingViewSetMixin, SnippetViewSet):
    """A snippet list under "Master Data"; other roles get a plain 403."""

    menu_hook = MASTER_DATA_MENU_HOOK


class FAQViewSet(MasterDataSnippetViewSet):
    model = FAQ
    icon = "help"
    menu_label = _("FAQ")
    list_display = ["question", "category", "sort_order", "live"]
    list_filter = ["category", "live"]
    search_fields = ["question", "answer"]
    ordering = ["category__sort_order", "sort_order"]


class FAQCategoryViewSet(MasterDataSnippetViewSet):
    model = FAQCategory
    icon = "tag"
    menu_label = _("Kategori FAQ")
    list_display = ["name", "sort_order"]


class LinkViewSet(MasterDataSnippetViewSet):
    model = Link
    icon = "link"
    menu_label = _("Link")
    list_display = ["title", "url", "sort_order"]
