"""The ``search_document`` column of vacancies and services, its triggers, the backfill of the rows
so far (in batches, each its own transaction) and the GIN index of the public rows, built
CONCURRENTLY (marketplace/search_documents.py). PostgreSQL only: elsewhere Wagtail's search runs."""

from django.db import migrations

from marketplace import search_documents


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        search_documents.install(schema_editor)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        search_documents.uninstall(schema_editor)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("marketplace", "0010_vacancy_sort_indexes"),
    ]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]
