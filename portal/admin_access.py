"""Wagtail's admin turns PermissionDenied into a redirect to the dashboard; views of this project
answer a plain 403 instead, so a typed URL outside a role's menu is clearly refused."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.urls import get_resolver, include, path
from django.urls.resolvers import URLPattern


def answer_403(view):
    @wraps(view)
    def refusing_view(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as denied:
            return get_resolver().resolve_error_handler(403)(request, exception=denied)

    return refusing_view


class RefusingViewSetMixin:
    """For Wagtail viewsets: every view answers 403 instead of redirecting refused users."""

    def construct_view(self, view_class, **kwargs):
        return answer_403(super().construct_view(view_class, **kwargs))


def refusing_urlpatterns(prefix, urlpatterns):
    """Wagtail's own ``urlpatterns`` again under ``prefix``, unnamed and answering 403 instead of
    redirecting refused users. Register them with a hook order before Wagtail's (reversing still
    uses Wagtail's names; these patterns simply match first)."""
    guarded = [
        URLPattern(pattern.pattern, answer_403(pattern.callback), pattern.default_args)
        for pattern in urlpatterns
    ]
    return [path(prefix, include(guarded))]
