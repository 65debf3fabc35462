"""Indexes for the staff lists' "contains" searches (``field__icontains``: ``UPPER(field) LIKE
UPPER('%word%')`` on PostgreSQL): a trigram GIN index of ``UPPER(field)`` lets PostgreSQL find the
rows holding a word of three letters or more without reading the table (extension ``pg_trgm``,
installed by migration users 0005)."""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db.models.functions import Upper


def contains_index(field, name):
    return GinIndex(OpClass(Upper(field), name="gin_trgm_ops"), name=name)
