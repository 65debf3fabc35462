"""Keyword search of the public listings through Wagtail's search index, in one indexed query.

Wagtail's PostgreSQL backend matches ``title || body`` of its index entries, an expression none of
its GIN indexes (one per column) can serve, and hands back a list of objects; at ten times the
regency's scale that is a sequential scan of the whole index plus tens of thousands of ids sent back
as ``pk IN (...)``. Here the same match runs as a subquery on that expression, which the GIN index
of migration ``marketplace.0009`` covers, so a search costs as much as its matches. The index
entries, the ``indonesian`` stemmer ("menjahit" finds "penjahit") and the AND of every word are
Wagtail's; on other databases (the SQLite default) Wagtail's own search runs.
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connections
from django.db.models import BigIntegerField, F
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

MAX_WORDS = 8
DOCUMENT_INDEX = "search_document_gin"


def matching(queryset, text):
    """``queryset`` narrowed to the objects whose indexed text holds every word of ``text``."""
    words = " ".join(text.split()[:MAX_WORDS])
    if not words:
        return queryset
    if connections[queryset.db].vendor != "postgresql":
        matches = get_search_backend().search(
            words, queryset.model.objects.all(), operator="and", order_by_relevance=False
        )
        return queryset.filter(pk__in=[match.pk for match in matches])
    return queryset.filter(pk__in=matching_ids(queryset.model, words))


def matching_ids(model, words):
    """The ids of ``model`` objects whose index entry matches every word (a subquery)."""
    return (
        document_matches(words)
        .filter(content_type=ContentType.objects.get_for_model(model))
        .values(object_pk=Cast("object_id", BigIntegerField()))
    )


def document_matches(words):
    """Index entries (of any model) holding every word: ``title || body`` as the GIN index has it."""
    document = CombinedExpression(F("title"), "||", F("body"), output_field=SearchVectorField())
    query = SearchQuery(words, config=get_search_backend().config, search_type="plain")
    return IndexEntry.objects.annotate(document=document).filter(document=query)
