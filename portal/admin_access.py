"""Wagtail's admin turns PermissionDenied into a redirect to the dashboard; views of this project
answer a plain 403 instead, so a typed URL outside a role's menu is clearly refused."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.urls import get_resolver


def answer_403(view):
    @wraps(view)
    def refusing_view(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as denied:
            return get_resolver().resolve_error_handler(403)(request, exception=denied)

    return refusing_view
