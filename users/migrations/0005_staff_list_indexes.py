"""Indexes of Data Profil Personal and Data Profil Mitra at ten times the regency's scale: the
verification queue, the order by name, and trigram indexes for their "contains" searches
(portal/text_indexes.py); and the registration day of accounts (in the portal's time zone) for the
reports' periods. Built CONCURRENTLY, after the ``pg_trgm`` extension."""

import django.contrib.postgres.indexes
import django.db.models.functions.datetime
import django.db.models.functions.text
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

from portal.migration_operations import AddIndexConcurrently


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("users", "0004_profile_access_log"),
    ]

    operations = [
        TrigramExtension(),
        AddIndexConcurrently(
            model_name="mitraprofile",
            index=models.Index(fields=["verification_status", "submitted_at"], name="mitra_queue"),
        ),
        AddIndexConcurrently(
            model_name="mitraprofile",
            index=models.Index(fields=["name"], name="mitra_name_order"),
        ),
        AddIndexConcurrently(
            model_name="mitraprofile",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(
                    django.db.models.functions.text.Upper("name"), name="gin_trgm_ops"
                ),
                name="mitra_name_contains",
            ),
        ),
        AddIndexConcurrently(
            model_name="mitraprofile",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(
                    django.db.models.functions.text.Upper("contact_person"), name="gin_trgm_ops"
                ),
                name="mitra_contact_contains",
            ),
        ),
        AddIndexConcurrently(
            model_name="personalprofile",
            index=models.Index(fields=["verification_status", "submitted_at"], name="personal_queue"),
        ),
        AddIndexConcurrently(
            model_name="personalprofile",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(
                    django.db.models.functions.text.Upper("nik"), name="gin_trgm_ops"
                ),
                name="personal_nik_contains",
            ),
        ),
        AddIndexConcurrently(
            model_name="user",
            index=models.Index(fields=["first_name", "last_name", "username"], name="user_name_order"),
        ),
        AddIndexConcurrently(
            model_name="user",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(
                    django.db.models.functions.text.Upper("first_name"), name="gin_trgm_ops"
                ),
                name="user_first_name_contains",
            ),
        ),
        AddIndexConcurrently(
            model_name="user",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(
                    django.db.models.functions.text.Upper("last_name"), name="gin_trgm_ops"
                ),
                name="user_last_name_contains",
            ),
        ),
        AddIndexConcurrently(
            model_name="user",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(
                    django.db.models.functions.text.Upper("username"), name="gin_trgm_ops"
                ),
                name="user_username_contains",
            ),
        ),
        AddIndexConcurrently(
            model_name="user",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(
                    django.db.models.functions.text.Upper("email"), name="gin_trgm_ops"
                ),
                name="user_email_contains",
            ),
        ),
        AddIndexConcurrently(
            model_name="user",
            index=models.Index(django.db.models.functions.datetime.TruncDate("date_joined"), name="user_joined_day"),
        ),
    ]
