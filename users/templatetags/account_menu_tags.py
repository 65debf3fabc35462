from django import template

from users import account_menu

register = template.Library()


@register.simple_tag(takes_context=True)
def account_menu_entries(context):
    """[(url, label)] of the account menu of the request's user (users/account_menu.py)."""
    return account_menu.entries(context["request"].user)
