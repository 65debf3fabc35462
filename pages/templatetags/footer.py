from django import template

from pages.models import Link

register = template.Library()


@register.simple_tag
def footer_links():
    return Link.objects.all()[:8]
