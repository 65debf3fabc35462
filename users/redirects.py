"""Where a form sends the visitor back to: its ``next`` value, only when that is a path on this site.

A bare word ("0") would be taken by ``redirect()`` for a URL name and end in an error page, and a
full address could lead to another site, so only paths starting with "/" are followed."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next_url(request):
    """The form's (or the query's) ``next`` when it is a path of this site, else ""."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""
