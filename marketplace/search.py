"""Keyword search of the public listings (Lowongan, Penawaran Jasa) in one indexed query.

On PostgreSQL a listing matches when its ``search_document`` column (marketplace/search_documents.py:
its text and its Mitra's or category's name, ``indonesian`` stemmer) holds every word of the query;
the GIN index of the public rows serves it, so the database reads only the matching listings.
Elsewhere (the SQLite default) Wagtail's own search runs over the same fields (``search_fields``):
both stem "menjahit" to "penjahit" and AND the words.
"""

from django.db import connections
from django.db.models import BooleanField, Expression
from wagtail.search.backends import get_search_backend

from marketplace import search_documents

MAX_WORDS = 8


def matching(queryset, text):
    """``queryset`` narrowed to the objects whose text holds every word of ``text``."""
    words = " ".join(text.split()[:MAX_WORDS])
    if not words:
        return queryset
    if connections[queryset.db].vendor == "postgresql":
        return queryset.filter(DocumentMatches(words))
    matches = get_search_backend().search(
        words, queryset.model.objects.all(), operator="and", order_by_relevance=False
    )
    return queryset.filter(pk__in=[match.pk for match in matches])


class DocumentMatches(Expression):
    """``<listing>.search_document @@ plainto_tsquery(...)`` on the query's own table, whatever its
    alias (``U0`` in a subquery): the column is not a model field, so no ``F()`` can name it."""

    output_field = BooleanField()

    def __init__(self, words):
        super().__init__()
        self.words = words

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        sql = f"{table}.{search_documents.COLUMN} @@ plainto_tsquery(%s::regconfig, %s)"
        return sql, [search_documents.CONFIG, self.words]
