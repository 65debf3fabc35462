"""The keyword search documents of vacancies and services, kept in their own rows by PostgreSQL.

Each listing row has a ``search_document`` column: the ``tsvector`` of its words and of its
related name (the Mitra's name of a vacancy, the category of a service), with the ``indonesian``
stemmer that Wagtail's search index uses ("menjahit" finds "penjahit"). Triggers keep it whatever
writes the row (a use case, the admin, a queryset ``update()``, the bulk loader, which runs with
``session_replication_role = replica``: the row trigger is ENABLE ALWAYS), and rewrite the rows of
a Mitra or category whose name changes. A GIN index over the public rows only (published
vacancies, active services) serves the Lowongan and Penawaran Jasa searches: a search reads the
matching rows it shows, not Wagtail's index entries and then each listing by its id.

The column is not a model field: no page loads it, and Django never writes it.
"""

from typing import NamedTuple

from django.db import connection

from marketplace.choices import ServiceStatus, VacancyStatus

COLUMN = "search_document"
CONFIG = "indonesian"  # as WAGTAILSEARCH_BACKENDS (tests/test_search_documents.py checks it)
BATCH = 5000


class Document(NamedTuple):
    table: str
    columns: tuple  # the row's own text columns
    related_table: str  # the table whose name the document holds too
    foreign_key: str  # the row's column pointing at it
    public: str  # the rows the GIN index covers (the search pages' own filter)
    index: str

    @property
    def function(self):
        return f"{self.table}_{COLUMN}"

    def expression(self, row):
        """The document of ``row`` (NEW in the trigger, the table in the backfill)."""
        texts = ", ".join(f"{row}.{column}" for column in self.columns)
        name = f"(SELECT name FROM {self.related_table} WHERE id = {row}.{self.foreign_key})"
        return f"to_tsvector('{CONFIG}'::regconfig, concat_ws(' ', {texts}, {name}))"


DOCUMENTS = (
    Document(
        "marketplace_vacancy",
        ("title", "description", "qualifications"),
        "users_mitraprofile",
        "mitra_id",
        f"status = '{VacancyStatus.PUBLISHED.value}'",
        "vacancy_published_search",
    ),
    Document(
        "marketplace_service",
        ("title", "description"),
        "marketplace_kategorijasa",
        "category_id",
        f"status = '{ServiceStatus.ACTIVE.value}'",
        "service_active_search",
    ),
)


def install_sql(document):
    """The column (no rewrite: nullable, no default) and the triggers of ``document``."""
    watched = ", ".join((*document.columns, document.foreign_key))
    return f"""
ALTER TABLE {document.table} ADD COLUMN IF NOT EXISTS {COLUMN} tsvector;

CREATE OR REPLACE FUNCTION {document.function}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.{COLUMN} := {document.expression("NEW")};
    RETURN NEW;
END $$;
CREATE OR REPLACE TRIGGER {document.function} BEFORE INSERT OR UPDATE OF {watched} ON {document.table}
    FOR EACH ROW EXECUTE FUNCTION {document.function}();
ALTER TABLE {document.table} ENABLE ALWAYS TRIGGER {document.function};

CREATE OR REPLACE FUNCTION {document.function}_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE {document.table} SET {COLUMN} = {document.expression(document.table)}
    WHERE {document.foreign_key} = NEW.id;
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER {document.function}_name AFTER UPDATE OF name ON {document.related_table}
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION {document.function}_name();
"""


def uninstall_sql(document):
    return f"""
DROP TRIGGER IF EXISTS {document.function}_name ON {document.related_table};
DROP FUNCTION IF EXISTS {document.function}_name();
DROP TRIGGER IF EXISTS {document.function} ON {document.table};
DROP FUNCTION IF EXISTS {document.function}();
ALTER TABLE {document.table} DROP COLUMN IF EXISTS {COLUMN};
"""


def backfill(document, using=connection):
    """Fill the documents of the rows written before the trigger, a batch of ids per transaction
    (autocommit), so that a live installation never waits on a long lock. Returns the rows filled."""
    filled = 0
    with using.cursor() as cursor:
        cursor.execute(f"SELECT coalesce(max(id), 0) FROM {document.table}")
        (last,) = cursor.fetchone()
        for start in range(0, last, BATCH):
            cursor.execute(
                f"UPDATE {document.table} SET {COLUMN} = {document.expression(document.table)} "
                f"WHERE id > %s AND id <= %s AND {COLUMN} IS NULL",
                [start, start + BATCH],
            )
            filled += cursor.rowcount
    return filled


def index_sql(document):
    return (
        f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {document.index} "
        f"ON {document.table} USING gin ({COLUMN}) WHERE {document.public}"
    )


# The GIN index of Wagtail's index entries that the listings were searched through until these
# documents (migration 0009): nothing reads it any more.
ENTRY_INDEX = "search_document_gin"


def install(schema_editor):
    """Column, triggers, backfill, then the index (CONCURRENTLY: outside a transaction)."""
    for document in DOCUMENTS:
        schema_editor.execute(install_sql(document))
        backfill(document, schema_editor.connection)
        schema_editor.execute(index_sql(document))
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {ENTRY_INDEX}")


def uninstall(schema_editor):
    schema_editor.execute(
        f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {ENTRY_INDEX} "
        "ON wagtailsearch_indexentry USING gin ((title || body))"
    )
    for document in DOCUMENTS:
        schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {document.index}")
        schema_editor.execute(uninstall_sql(document))
