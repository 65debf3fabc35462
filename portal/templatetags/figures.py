"""``{{ value|thousands }}``: an integer with the active language's thousands separator, as
``intcomma`` writes it ("200.001" in Indonesian), at a fraction of its cost: Laporan Personal
formats some 1,300 figures per page, where ``intcomma`` alone took about 40 ms."""

from django import template
from django.utils.formats import get_format

register = template.Library()


@register.filter
def thousands(value):
    if not isinstance(value, int) or isinstance(value, bool):
        return value
    return f"{value:,}".replace(",", get_format("THOUSAND_SEPARATOR"))
