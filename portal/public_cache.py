"""What anonymous visitors ask for — the Beranda, the public lists, searches and detail pages, and
the result counts of the lists — kept in the cache until the public content changes.

One *version* token names the current state of the public content. Saving or deleting a vacancy, a
service, a Mitra profile, a rating, a testimonial or a Mitra announcement, a new account or a
name, publishing a page or changing the site settings replaces it (the receivers are in
marketplace/signals.py and pages/signals.py), so every entry cached under the old token is never
read again and expires on its own. A short
``timeout`` bounds what no signal reports (the number of registered job seekers on the Beranda,
a vacancy passing its end date at midnight).

With Redis down the cache keeps nothing (portal/cache.py): every request computes its answer.
"""

import hashlib
import uuid
import zlib

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.functional import cached_property

PAGE_TIMEOUT = 60
COUNT_TIMEOUT = 300


class CacheVersion:
    """A token naming the current state of some data; entries cached under an older token are
    never read again."""

    def __init__(self, name):
        self.cache_key = f"{name}:version"
        self.name = name

    def current(self):
        token = cache.get(self.cache_key)
        if token is None:
            token = uuid.uuid4().hex
            if not cache.add(self.cache_key, token, None):
                token = cache.get(self.cache_key, token)
        return token

    def renew(self):
        cache.set(self.cache_key, uuid.uuid4().hex, None)

    def changed(self, **kwargs):
        """Signal receiver. Again after the commit, or an answer computed meanwhile from the old
        rows would be kept under the new token."""
        self.renew()
        transaction.on_commit(self.renew)

    def key(self, kind, *parts):
        digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()
        return f"{self.name}:{kind}:{self.current()}:{digest}"


PUBLIC = CacheVersion("public")
# What editors change in the CMS (pages, settings, links, sites; pages/signals.py renews it with
# PUBLIC): the Site of a request, its settings, the main menu and the footer. Not renewed by
# vacancies and accounts, which change every minute on a busy day.
SITE = CacheVersion("site")


def cached_count(queryset, version=PUBLIC):
    """``queryset.count()``, kept until ``version`` changes. The key is the SQL of what is counted:
    the filters, without the order or the annotations a count leaves out (a rating shown only once
    revealed carries the current time)."""
    try:
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:  # a filter that nothing can match (e.g. an empty list of ids)
        return 0
    key = version.key("count", queryset.db, sql, params)
    count = cache.get(key)
    if count is None:
        count = queryset.count()
        cache.set(key, count, COUNT_TIMEOUT)
    return count


class CachedCountPaginator(Paginator):
    """A Paginator whose total (``COUNT(*)`` over every match, the dearest query of a big list) is
    read from the cache, kept until ``version`` changes (public content by default; ``None``:
    counted on each request, for staff lists that must show every row at once)."""

    def __init__(self, object_list, per_page, *args, version=PUBLIC, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        self.version = version

    @cached_property
    def count(self):
        if self.version is None:
            return self.object_list.count()
        return cached_count(self.object_list, self.version)


# A longer query string is not a search anyone types: it is answered without the cache.
MAX_QUERY_STRING = 200


def is_plain_get(request):
    return request.method in ("GET", "HEAD") and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_STRING


def is_anonymous_view(request):
    """A request whose answer is the same for every visitor: a GET of an anonymous visitor with
    nothing to be told (messages are shown once, to the one they are for), not a preview."""
    return (
        is_plain_get(request)
        and not getattr(request, "is_preview", False)
        and not request.user.is_authenticated
        and not len(get_messages(request))
    )


def is_shareable(request, response):
    """A page that holds nothing of this visitor's: no CSRF token (a form, tied to their cookie)
    and no cookie set."""
    return (
        response.status_code == 200
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.has_header("Set-Cookie")
    )


def page_key(request):
    return PUBLIC.key("page", request.get_host(), request.path, sorted(request.GET.lists()))


def cached_page(key):
    """The stored page as a response, or None."""
    cached = cache.get(key)
    if cached is None:
        return None
    content_type, body = cached
    return HttpResponse(zlib.decompress(body), content_type=content_type)


class CachedPublicPageMiddleware:
    """Answers a visitor without a session from the page cache before sessions, authentication
    and Wagtail's routing run: a cached Beranda costs one cache read. Placed after the security
    headers middleware (which still add theirs); the headers of the middleware below it that a
    public page needs are set here. Pages are only ever stored by ``serve_cached_page``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            is_plain_get(request)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
        ):
            response = cached_page(page_key(request))
            if response is not None:
                response["X-Frame-Options"] = settings.X_FRAME_OPTIONS
                patch_vary_headers(response, ("Cookie", "Accept-Language"))
                return response
        return self.get_response(request)


def serve_cached_page(request, render):
    """The response of ``render()`` for an anonymous visitor, from the cache when it is there.
    Only the body and the content type are kept; the middleware adds the headers of each answer."""
    if not is_anonymous_view(request):
        return render()
    key = page_key(request)
    response = cached_page(key)
    if response is not None:
        return response
    response = render()
    if hasattr(response, "render"):
        response.render()
    if is_shareable(request, response):
        cache.set(key, (response["Content-Type"], zlib.compress(response.content)), PAGE_TIMEOUT)
    return response
