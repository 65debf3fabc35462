"""A trigram index of the accounts' phone numbers for Kirim Pesan's recipient search
(portal/broadcasts.py ``accounts_matching``), built CONCURRENTLY: users_user is a big table."""

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.db import migrations

from portal.migration_operations import AddIndexConcurrently


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("users", "0005_staff_list_indexes"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="user",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(
                    django.db.models.functions.text.Upper("phone"), name="gin_trgm_ops"
                ),
                name="user_phone_contains",
            ),
        ),
    ]
