"""Links from anywhere to the public detail pages of the marketplace listings:
``{% load listing_urls %}{% service_url service %}``, ``{% provider_url user %}``, and the public
name of a provider, ``{% provider_name user %}``."""

from django import template

from marketplace.service_use_cases import display_name
from pages.models import ServiceIndexPage

register = template.Library()


def _service_page(context):
    """The live Penawaran Jasa page and its URL, looked up once per render of a whole page (the root
    of the render context is shared by the included templates, e.g. one card per service)."""
    cache = context.render_context.dicts[0]
    if "_service_index_page" not in cache:
        page = ServiceIndexPage.objects.live().first()
        url = page.get_url(context.get("request")) if page else None
        cache["_service_index_page"] = (page, url) if url else (None, None)
    return cache["_service_index_page"]


def _subpage_url(context, name, pk):
    page, url = _service_page(context)
    return url + page.reverse_subpage(name, args=[pk]) if page else ""


@register.simple_tag(takes_context=True)
def service_url(context, service):
    """The public detail page of ``service`` on Penawaran Jasa ("" when the page is not live)."""
    return _subpage_url(context, "detail", service.pk)


@register.simple_tag(takes_context=True)
def provider_url(context, user):
    """A provider's public page: the Penawaran Jasa provider page, which shows a Personal and sends
    a Mitra on to its Mitra page. "" for a Mitra whose profile is not public (not verified)."""
    if user.is_mitra:
        profile = getattr(user, "mitra_profile", None)
        if profile is None or not profile.is_verified:
            return ""
    elif not user.is_personal:
        return ""
    return _subpage_url(context, "provider", user.pk)


@register.simple_tag
def provider_name(user):
    """The public name of a provider: the Mitra's name or the person's full name."""
    return display_name(user)
