from wagtail.snippets.models import register_snippet

from pages.viewsets import FAQCategoryViewSet, FAQViewSet, LinkViewSet

register_snippet(FAQViewSet)
register_snippet(FAQCategoryViewSet)
register_snippet(LinkViewSet)
