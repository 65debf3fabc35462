"""NIK on staff screens (users/nik.py): ``{{ profile.nik|mask_nik }}`` in lists,
``{{ profile|nik_for:request.user }}`` on the detail page."""

from django import template

from users import nik

register = template.Library()


@register.filter
def mask_nik(value):
    return nik.mask_nik(value)


@register.filter
def nik_for(profile, viewer):
    return nik.nik_for(viewer, profile)
