"""The request's Wagtail Site and its SiteSettings, from the cache.

Wagtail finds the Site of a request with a query (``Site.find_for_request``: hostname, port, the
default site) and SiteSettings with another, on every page that shows the header, the app name or a
page URL: together about 4 ms of a logged-in page's 20. Both change only through the CMS, which
renews the ``SITE`` version (pages/signals.py), so both are kept in the cache under it:

- ``install()`` (PortalConfig.ready) has Wagtail's lookup of a request's Site read the cache first;
  Wagtail still keeps the result on the request (``request._wagtail_site``) as before;
- ``SiteSettings.for_request`` (portal/models.py) reads ``cached_settings``.

Both look only when a page asks, as before: a request that needs neither (the health check, a
JSON endpoint) costs nothing more.
"""

from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Site

from portal.public_cache import SITE

TIMEOUT = 60 * 60


def kept(key, compute):
    entry = cache.get(key)
    if entry is None:
        entry = (compute(),)  # in a tuple: "no site" is kept too
        cache.set(key, entry, TIMEOUT)
    return entry[0]


def cached_settings(settings_model, site):
    """``settings_model.for_site(site)`` from the cache."""
    return kept(
        SITE.key("site-settings", settings_model._meta.label, site.pk),
        lambda: settings_model.for_site(site),
    )


def install():
    find_for_request = Site._find_for_request

    def cached_find_for_request(request):
        hostname = split_domain_port(request._get_raw_host())[0]
        return kept(SITE.key("site", hostname, request.get_port()), lambda: find_for_request(request))

    Site._find_for_request = staticmethod(cached_find_for_request)
