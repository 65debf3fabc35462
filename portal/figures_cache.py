"""Figures of the Dasbor and of the reports aggregate every profile, account, vacancy, application
and service of the viewer's region: they are computed once per region (and filters) and kept until
one of those rows changes (receivers in marketplace/signals.py).

While the portal is busy, rows change every second (an application, a profile saved), and figures
renewed on each change would be recomputed on every view: so the version is renewed at most once
per ``FIGURES_REFRESH_SECONDS`` (60 in production) and entries live that long. A change in a quiet
minute shows at once; under load the figures are at most that many seconds old.

With Redis down the cache keeps nothing (portal/cache.py): every view computes its figures.
"""

from dataclasses import fields

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from portal.public_cache import CacheVersion
from users.roles import role_of

TIMEOUT = 600


class ThrottledVersion(CacheVersion):
    def changed(self, **kwargs):
        seconds = settings.FIGURES_REFRESH_SECONDS
        if not seconds or cache.add(f"{self.name}:renewed", True, seconds):
            super().changed(**kwargs)


FIGURES = ThrottledVersion("figures")
# Renewed on every application: a Mitra's Pelamar total must match the rows listed under it.
APPLICATIONS = CacheVersion("applications")


def region_of(user):
    """What decides the figures a staff member sees: the role and the region it is bound to."""
    return (role_of(user), user.scope_kecamatan_id, user.scope_desa_id)


def filters_key(filters):
    """A dataclass of filters as plain values (model instances by primary key)."""
    values = (getattr(filters, field.name) for field in fields(filters))
    return tuple(value.pk if isinstance(value, models.Model) else value for value in values)


def cached_figures(name, parts, compute):
    """``compute()`` for ``name`` and ``parts`` (region, filters), from the cache when it holds it."""
    key = FIGURES.key(name, *parts)
    figures = cache.get(key)
    if figures is None:
        figures = compute()
        cache.set(key, figures, settings.FIGURES_REFRESH_SECONDS or TIMEOUT)
    return figures


def cached_html(name, parts, render):
    """``render()`` (markup drawn from cached figures alone) kept like the figures, per language as
    well: staff may work in the admin in Bahasa Indonesia or in English."""
    html = cached_figures(f"{name}.html", (*parts, get_language()), lambda: str(render()))
    return mark_safe(html)  # noqa: S308 - our own templates' output, escaped when rendered
