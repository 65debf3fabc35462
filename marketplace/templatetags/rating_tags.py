"""Ratings in templates: the state of one side of a relationship (for "Berikan Rating" /
"Ubah Rating" links on list rows, without a query when the list fetched the ratings) and the URL
kind of a review."""

from django import template
from django.template.loader import render_to_string

from marketplace import rating_use_cases

register = template.Library()


@register.simple_tag(takes_context=True)
def application_rate_link(context, application, side):
    """The rating given, or the "Berikan Rating" / "Ubah Rating" link, of ``side`` on one
    application row, coming back to this page."""
    request = context.get("request")
    return rate_link_html(application, side, request.get_full_path() if request else "")


def rate_link_html(application, side, next_url):
    """``application_rate_link``'s markup; nothing (and no template rendered) when there is no
    rating and none may be given, as on most rows."""
    rating_state = rating_use_cases.application_state(application, side)
    if not (rating_state.rating or rating_state.can_rate):
        return ""
    return render_to_string(
        "marketplace/ratings/application_rate_link.html",
        {"application": application, "side": side, "rating_state": rating_state, "next": next_url},
    )


@register.simple_tag
def service_rating_state(service_request, side):
    """``side``: "requester" (rates the provider) or "provider" (rates the user). Needs
    ``prefetch_related("ratings")``."""
    return rating_use_cases.service_request_state(service_request, side)


@register.filter
def rating_kind(rating):
    """ "mitra", "personal" or "jasa": the kind of ``rating`` in the report URL."""
    return rating_use_cases.KIND_OF_MODEL.get(type(rating), "")
