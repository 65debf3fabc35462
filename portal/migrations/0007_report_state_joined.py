"""The registration day of each profile's Laporan Personal state, so that a report with a
registration period counts the states of that period instead of the profiles
(portal/personal_report_tallies.py): the column, today's triggers (which write it), then the index
of the days, built CONCURRENTLY. Migration 0008 recounts every tally and state (until session 9
this one did, before the table of Laporan Mitra's tallies existed)."""

from django.db import migrations, models

from portal import personal_report_tallies
from portal.migration_operations import AddIndexConcurrently


def install_triggers(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(personal_report_tallies.TRIGGERS_SQL)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("portal", "0006_personal_report_tallies"),
    ]

    operations = [
        migrations.AddField(
            model_name="personalreportstate",
            name="joined",
            field=models.DateField(null=True),
        ),
        # Not reversible: without the column, today's triggers could not write a state.
        migrations.RunPython(install_triggers, elidable=False),
        AddIndexConcurrently(
            model_name="personalreportstate",
            index=models.Index(fields=["joined"], name="report_state_joined"),
        ),
    ]
