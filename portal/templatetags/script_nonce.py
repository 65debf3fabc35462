from django import template

from portal.csp_nonce import nonce_attribute as current_nonce_attribute

register = template.Library()


@register.simple_tag
def nonce_attribute():
    """``<script{% nonce_attribute %}>``: the request's CSP nonce (portal/csp_nonce.py), also in
    templates rendered without the request, such as form widgets."""
    return current_nonce_attribute()
