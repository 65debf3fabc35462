"""Wagtail's sidebar (the admin menu) kept per staff member: ``{% sidebar_props %}`` builds and
packs some 400 menu nodes on every admin page, about a quarter of a Dasbor view. ``install()``
(PortalConfig.ready) has the tag keep its output in the cache under everything that decides it:
the account (its name is in the account menu), its role and permissions (the items shown), the
admin language and the number of unread notifications ("Pemberitahuan (n)").

Changes that are not part of the key (a group's page or collection permissions, a new avatar, a new
release's menu) show within ``TIMEOUT``; the views check access on every request whatever the
menu shows."""

import hashlib
from functools import wraps

from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.admin.templatetags import wagtailadmin_tags

from users.notifications import unread_count
from users.roles import role_of

TIMEOUT = 300


def sidebar_key(user):
    parts = (
        user.pk,
        user.get_full_name(),
        user.is_superuser,
        role_of(user),
        ",".join(sorted(user.get_all_permissions())),
        get_language(),
        unread_count(user),
    )
    digest = hashlib.sha256("\x1f".join(str(part) for part in parts).encode()).hexdigest()
    return f"wagtail-sidebar:{digest}"


def kept(sidebar_props):
    @wraps(sidebar_props)
    def kept_sidebar_props(context):
        key = sidebar_key(context["request"].user)
        html = cache.get(key)
        if html is None:
            html = sidebar_props(context)
            cache.set(key, html, TIMEOUT)
        return html

    kept_sidebar_props.is_kept = True
    return kept_sidebar_props


def install():
    if not getattr(wagtailadmin_tags.sidebar_props, "is_kept", False):
        wagtailadmin_tags.sidebar_props = kept(wagtailadmin_tags.sidebar_props)
        wagtailadmin_tags.register.simple_tag(takes_context=True, name="sidebar_props")(
            wagtailadmin_tags.sidebar_props
        )
