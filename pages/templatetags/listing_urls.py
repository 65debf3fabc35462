"""Links from anywhere to the public detail pages of the marketplace listings:
``{% load listing_urls %}{% service_url service %}``, ``{% provider_url user %}``."""

from django import template

from pages.models import ServiceIndexPage

register = template.Library()


def _service_page(context):
    """The live Penawaran Jasa page, looked up once per template render."""
    if "_service_index_page" not in context.render_context:
        context.render_context["_service_index_page"] = ServiceIndexPage.objects.live().first()
    return context.render_context["_service_index_page"]


@register.simple_tag(takes_context=True)
def service_url(context, service):
    page = _service_page(context)
    return page.detail_url(service) if page else ""


@register.simple_tag(takes_context=True)
def provider_url(context, user):
    """A provider's public page: the Mitra's page for a Mitra, the Penawaran Jasa provider page for
    a Personal."""
    page = _service_page(context)
    return page.provider_url(user) if page else ""
