"""Laporan Mitra's tallies per Mitra (portal/mitra_report_tallies.py): the table, its triggers on
the vacancies and applications, then every tally and state recounted (region_tallies.rebuild(),
which 0007 ran before this table existed)."""

import django.db.models.deletion
from django.db import migrations, models

from portal import mitra_report_tallies, region_tallies


def install_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(mitra_report_tallies.TRIGGERS_SQL)
    region_tallies.rebuild(schema_editor.connection)


def uninstall_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(mitra_report_tallies.UNINSTALL_SQL)


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0007_report_state_joined'),
        ('users', '0005_staff_list_indexes'),
        ('marketplace', '0012_admin_list_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='MitraReportTally',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('vacancies', models.IntegerField(default=0)),
                ('applicants', models.IntegerField(default=0)),
                ('accepted', models.IntegerField(default=0)),
                ('mitra', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='users.mitraprofile')),
            ],
        ),
        migrations.RunPython(install_triggers, uninstall_triggers),
    ]
