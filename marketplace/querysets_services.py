"""Read queries of the service marketplace, with what their pages need fetched up front."""

from django.db import models
from django.db.models import Avg, Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from marketplace import search
from marketplace.choices import (
    OPEN_SERVICE_REQUEST_STATUSES,
    ServiceRatingDirection,
    ServiceSort,
    ServiceStatus,
)
from marketplace.querysets_ratings import public_rating_q

PROVIDER_RELATED = (
    "provider__mitra_profile__kecamatan",
    "provider__personal_profile__kecamatan",
)


class ServiceQuerySet(models.QuerySet):
    def public(self):
        """Active services of providers with a verified email: what Penawaran Jasa shows."""
        return self.filter(
            status=ServiceStatus.ACTIVE, provider__is_active=True, provider__email_verified_at__isnull=False
        )

    def of_provider(self, user):
        return self.filter(provider=user)

    def with_card_data(self):
        return self.select_related("category", *PROVIDER_RELATED).prefetch_related("areas", "photos")

    def with_rating(self):
        """``rating_average`` and ``rating_count``: the public ratings of the service's providers
        by its users, computed in the query (subqueries, so other joins cannot multiply them)."""
        from marketplace.models import ServiceRating

        ratings = (
            ServiceRating.objects.filter(
                public_rating_q(), service=OuterRef("pk"), direction=ServiceRatingDirection.OF_PROVIDER
            )
            .order_by()
            .values("service")
        )
        return self.annotate(
            rating_average=Subquery(ratings.annotate(v=Avg("stars")).values("v")[:1]),
            rating_count=Coalesce(Subquery(ratings.annotate(v=Count("pk")).values("v")[:1]), 0),
        )

    def search(self, text):
        """Services matching every word of ``text`` in the title, description or category."""
        return search.matching(self, text)

    def sorted_by(self, sort):
        if sort == ServiceSort.CHEAPEST:
            return self.order_by(F("price").asc(nulls_last=True), "-created_at", "-pk")
        if sort == ServiceSort.RATING:
            return self.order_by(
                F("rating_average").desc(nulls_last=True), "-rating_count", "-created_at", "-pk"
            )
        return self.order_by("-created_at", "-pk")

    def with_request_counts(self):
        """Per service: ``requests_open`` (Dikirim/Diterima) and ``requests_total``."""
        return self.annotate(
            requests_total=Count("requests", distinct=True),
            requests_open=Count(
                "requests", filter=Q(requests__status__in=OPEN_SERVICE_REQUEST_STATUSES), distinct=True
            ),
        )


class ServiceRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_SERVICE_REQUEST_STATUSES)

    def for_provider(self, user):
        """Permintaan Jasa / Pengguna Jasa: requests for the services of ``user``."""
        return self.filter(service__provider=user).select_related(
            "service",
            "requester__personal_profile__kecamatan",
            "requester__mitra_profile__kecamatan",
        )

    def for_requester(self, user):
        """Gunakan Jasa Terkirim: the requests ``user`` sent."""
        return self.filter(requester=user).select_related(
            "service__category", *(f"service__{related}" for related in PROVIDER_RELATED)
        )


class SavedServiceQuerySet(models.QuerySet):
    def for_user(self, user):
        return (
            self.filter(user=user)
            .select_related("service__category", *(f"service__{related}" for related in PROVIDER_RELATED))
            .prefetch_related("service__areas")
        )
