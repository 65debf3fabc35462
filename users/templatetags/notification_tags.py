"""The unread count of the header bell (users/templates/users/includes/bell.html)."""

from django import template
from django.conf import settings

from users.notifications import unread_count

register = template.Library()


@register.simple_tag
def unread_notification_count(user):
    """One indexed COUNT query; 0 for anonymous visitors."""
    return unread_count(user) if user.is_authenticated else 0


@register.simple_tag
def notification_poll_seconds():
    """How often the bell asks for a fresh count (settings.NOTIFICATION_POLL_SECONDS, default 20)."""
    return settings.NOTIFICATION_POLL_SECONDS
