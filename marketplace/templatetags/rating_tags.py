"""Ratings in templates: the state of one side of a relationship (for "Berikan Rating" /
"Ubah Rating" links on list rows, without a query when the list fetched the ratings) and the URL
kind of a review."""

from django import template

from marketplace import rating_use_cases

register = template.Library()


@register.simple_tag
def application_rating_state(application, side):
    """``side``: "personal" (the applicant rates the Mitra) or "mitra" (the Mitra rates the
    applicant). Needs ``select_related("mitra_rating", "personal_rating")``."""
    return rating_use_cases.application_state(application, side)


@register.simple_tag
def service_rating_state(service_request, side):
    """``side``: "requester" (rates the provider) or "provider" (rates the user). Needs
    ``prefetch_related("ratings")``."""
    return rating_use_cases.service_request_state(service_request, side)


@register.filter
def rating_kind(rating):
    """ "mitra", "personal" or "jasa": the kind of ``rating`` in the report URL."""
    return rating_use_cases.KIND_OF_MODEL.get(type(rating), "")
