"""The one visibility rule of ratings, for querysets and for annotations of other models."""

from django.db import models
from django.db.models import Avg, Count, Q
from django.utils import timezone


def public_rating_q(prefix="", now=None):
    """Ratings anyone may see: not hidden by staff, and revealed (both sides rated) or past the
    14-day window. ``prefix`` is the lookup path to the rating ("ratings__" …)."""
    now = now or timezone.now()
    return Q(**{f"{prefix}hidden_at__isnull": True}) & (
        Q(**{f"{prefix}revealed_at__isnull": False}) | Q(**{f"{prefix}editable_until__lte": now})
    )


class RatingQuerySet(models.QuerySet):
    def public(self):
        return self.filter(public_rating_q())

    def summary(self):
        """``{"average": float | None, "count": int}`` of these ratings, in one query."""
        result = self.aggregate(average=Avg("stars"), count=Count("pk"))
        return {"average": result["average"], "count": result["count"]}
