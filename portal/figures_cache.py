"""Figures of the Dasbor and of the reports aggregate every profile, account, vacancy, application
and service of the viewer's region: they are computed once per region (and filters) and kept until
one of those rows changes (receivers in marketplace/signals.py), at most ``TIMEOUT`` seconds.

With Redis down the cache keeps nothing (portal/cache.py): every view computes its figures.
"""

from dataclasses import fields

from django.core.cache import cache
from django.db import models

from portal.public_cache import CacheVersion
from users.roles import role_of

FIGURES = CacheVersion("figures")
TIMEOUT = 600


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
        cache.set(key, figures, TIMEOUT)
    return figures
