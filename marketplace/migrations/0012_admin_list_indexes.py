"""List Lowongan and List Penawaran Jasa of the admin panel at ten times the regency's scale: every
vacancy newest first, and trigram indexes for their searches by title (portal/text_indexes.py;
``pg_trgm`` is installed by users 0005). Built CONCURRENTLY."""

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.db import migrations, models

from portal.migration_operations import AddIndexConcurrently


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("marketplace", "0011_search_documents"),
        ("users", "0005_staff_list_indexes"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="vacancy",
            index=models.Index(fields=["-created_at", "-id"], name="vacancy_created"),
        ),
        AddIndexConcurrently(
            model_name="vacancy",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(
                    django.db.models.functions.text.Upper("title"), name="gin_trgm_ops"
                ),
                name="vacancy_title_contains",
            ),
        ),
        AddIndexConcurrently(
            model_name="service",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(
                    django.db.models.functions.text.Upper("title"), name="gin_trgm_ops"
                ),
                name="service_title_contains",
            ),
        ),
    ]
