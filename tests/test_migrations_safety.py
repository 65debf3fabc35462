"""Migrations written after the portal went live must not rewrite tables or lock the big ones for long
(docs/operations.md, "Migrations on a running installation").

Every migration of the project's apps that is not in PRE_LAUNCH_MIGRATIONS is turned into SQL with
`sqlmigrate` and refused when a statement on a table that existed before the migration
- changes a column type (ALTER COLUMN … TYPE: a rewrite, or a full check, under an exclusive lock),
- adds a column whose default is volatile (gen_random_uuid(), random(), clock_timestamp(), …: a rewrite),
- adds a NOT NULL column without a default (fails on a table that has rows),
or, on one of BIG_TABLES,
- sets NOT NULL (a full scan under an exclusive lock),
- builds an index without CONCURRENTLY (writes wait until it is built),
- adds a constraint that is validated at once (a full scan; add it NOT VALID, validate later).

Tables created by the same migration are exempt: they are empty. A migration that was reviewed
and must do one of these anyway (in a maintenance window) goes into REVIEWED with the reason.
"""

import io
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.postgres.functions import RandomUUID
from django.core.management import call_command
from django.db import connection, migrations, models
from django.db.migrations.loader import MigrationLoader

from marketplace.models import Application

PROJECT_APPS = ("users", "marketplace", "portal", "pages", "home", "guidance")
BIG_TABLES = frozenset(
    {
        "marketplace_application",
        "marketplace_vacancy",
        "users_personalprofile",
        "users_user",
        "users_notification",
        "portal_whatsappmessage",
    }
)
# Applied before the portal went live, on tables that were empty or small: not checked.
PRE_LAUNCH_MIGRATIONS = frozenset(
    {
        ("guidance", "0001_initial"),
        ("home", "0001_initial"),
        ("marketplace", "0001_initial"),
        ("marketplace", "0002_vacancy_expiry_reminder"),
        ("marketplace", "0003_jobalert"),
        ("marketplace", "0004_services_ratings_community"),
        ("marketplace", "0005_mitra_announcement_submission_key"),
        ("marketplace", "0006_vacancy_take_down"),
        ("marketplace", "0007_mitra_announcement_hidden"),
        ("marketplace", "0008_service_admin_pause"),
        ("pages", "0001_initial"),
        ("portal", "0001_initial"),
        ("portal", "0002_application_settings"),
        ("portal", "0003_broadcasts"),
        ("users", "0001_initial"),
        ("users", "0002_profiles_verification_notifications"),
        ("users", "0003_report_permissions_mitra_unggulan"),
    }
)
# (app, migration) -> why it may do what the rules forbid (e.g. "run in the 2027-01 maintenance window").
REVIEWED = {}

TABLE = r'"(?P<table>[^"]+)"'
CREATED_TABLE = re.compile(rf"^CREATE TABLE {TABLE}", re.IGNORECASE)
ALTERED_TABLE = re.compile(rf"^ALTER TABLE (?:ONLY )?(?:IF EXISTS )?{TABLE}", re.IGNORECASE)
INDEXED_TABLE = re.compile(
    rf"^CREATE (?:UNIQUE )?INDEX (?P<concurrently>CONCURRENTLY )?.*? ON {TABLE}", re.IGNORECASE
)
VOLATILE = r"\b(?:gen_random_uuid|random|uuid_generate_v[14]|clock_timestamp|timeofday|nextval)\s*\("
RULES_FOR_EXISTING_TABLES = (
    (re.compile(r'ALTER COLUMN "[^"]+" (?:SET DATA )?TYPE\b', re.IGNORECASE), "changes a column type"),
    (
        re.compile(rf"ADD COLUMN [^,]*DEFAULT [^,]*{VOLATILE}", re.IGNORECASE),
        "adds a column with a volatile default",
    ),
    (
        re.compile(
            r'ADD COLUMN "[^"]+" (?:(?!\bDEFAULT\b)[^,])*\bNOT NULL\b(?:(?!\bDEFAULT\b)[^,])*$', re.IGNORECASE
        ),
        "adds a NOT NULL column without a default",
    ),
)
RULES_FOR_BIG_TABLES = (
    (re.compile(r'ALTER COLUMN "[^"]+" SET NOT NULL', re.IGNORECASE), "sets NOT NULL on a big table"),
    (re.compile(r"ADD CONSTRAINT (?!.*\bNOT VALID\b)", re.IGNORECASE), "adds a constraint validated at once"),
)


def statements(sql):
    """The SQL statements of sqlmigrate's output (comments and transaction control left out)."""
    text = "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))
    found = (" ".join(part.split()) for part in text.split(";"))
    return [statement for statement in found if statement and statement.upper() not in ("BEGIN", "COMMIT")]


def unsafe_statements(sql):
    """[(reason, statement)] for each statement of ``sql`` that the rules above forbid."""
    found = statements(sql)
    created = {match["table"] for match in map(CREATED_TABLE.match, found) if match}
    problems = []
    for statement in found:
        index = INDEXED_TABLE.match(statement)
        if index and index["table"] in BIG_TABLES - created and not index["concurrently"]:
            problems.append(("builds an index without CONCURRENTLY on a big table", statement))
        altered = ALTERED_TABLE.match(statement)
        if not altered or altered["table"] in created:
            continue
        rules = RULES_FOR_EXISTING_TABLES + (RULES_FOR_BIG_TABLES if altered["table"] in BIG_TABLES else ())
        for clause in re.split(r",\s*(?=(?:ADD|ALTER|DROP)\b)", statement):
            problems.extend((reason, statement) for pattern, reason in rules if pattern.search(clause))
    return problems


def sqlmigrate(app_label, name):
    out = io.StringIO()
    call_command("sqlmigrate", app_label, name, stdout=out)
    return out.getvalue()


def project_migrations():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return sorted(key for key in loader.disk_migrations if key[0] in PROJECT_APPS)


@pytest.mark.django_db
def test_migrations_written_after_launch_neither_rewrite_tables_nor_lock_big_ones():
    checked = [key for key in project_migrations() if key not in PRE_LAUNCH_MIGRATIONS | REVIEWED.keys()]
    problems = [
        f"{app}.{name}: {reason}: {statement[:200]}"
        for app, name in checked
        for reason, statement in unsafe_statements(sqlmigrate(app, name))
    ]
    assert not problems, (
        "Migrations that would rewrite or lock a table of the running portal (see docs/operations.md, "
        "'Migrations on a running installation'):\n" + "\n".join(problems)
    )


def test_the_allowlists_name_only_existing_migrations():
    existing = set(project_migrations())
    assert PRE_LAUNCH_MIGRATIONS <= existing, PRE_LAUNCH_MIGRATIONS - existing
    assert REVIEWED.keys() <= existing, REVIEWED.keys() - existing


def collected_sql(*operations):
    """The SQL Django writes for ``operations`` as a new marketplace migration after today's ones."""
    migration = migrations.Migration("9999_proposed", "marketplace")
    migration.operations = list(operations)
    state = MigrationLoader(connection).project_state()
    with connection.schema_editor(collect_sql=True) as editor:
        migration.apply(state, editor, collect_sql=True)
    return "\n".join(editor.collected_sql)


@pytest.mark.django_db
def test_the_check_refuses_what_django_writes_for_rewrites_and_long_locks():
    sql = collected_sql(
        migrations.AlterField("application", "mitra_message", models.CharField(max_length=500, blank=True)),
        migrations.AddField("application", "public_id", models.UUIDField(db_default=RandomUUID())),
        migrations.AddField("application", "score", models.IntegerField()),
        migrations.AlterField("vacancy", "expiry_reminded_at", models.DateTimeField()),
        migrations.AddIndex("application", models.Index(fields=["decided_at"], name="application_decided")),
        migrations.AddConstraint(
            "application", models.CheckConstraint(condition=models.Q(status__in=["a", "b"]), name="status_ok")
        ),
    )

    assert sorted(reason for reason, _statement in unsafe_statements(sql)) == [
        "adds a NOT NULL column without a default",
        "adds a column with a volatile default",
        "adds a constraint validated at once",
        "builds an index without CONCURRENTLY on a big table",
        "changes a column type",
        "sets NOT NULL on a big table",
    ]


@pytest.mark.django_db
def test_the_check_lets_additive_changes_and_concurrent_indexes_through():
    additive = collected_sql(
        migrations.AddField("application", "note", models.TextField(blank=True, default="")),
        migrations.AddField("vacancy", "views", models.PositiveIntegerField(null=True)),
        migrations.CreateModel(
            "ApplicationNote",
            [("id", models.BigAutoField(primary_key=True)), ("text", models.TextField())],
            options={"indexes": [models.Index(fields=["text"], name="application_note_text")]},
        ),
    )
    # What AddIndexConcurrently runs (it cannot run inside the test's transaction).
    index = models.Index(fields=["decided_at"], name="application_decided")
    with connection.schema_editor(collect_sql=True, atomic=False) as editor:
        concurrent = f"{index.create_sql(Application, editor, concurrently=True)};"

    assert "CREATE INDEX CONCURRENTLY" in concurrent
    assert unsafe_statements(additive) == []
    assert unsafe_statements(concurrent) == []


def test_every_migration_applies_on_the_sqlite_development_default(tmp_path):
    """`make run` without DATABASE_URL uses SQLite: PostgreSQL-only indexes must not break it."""
    env = {
        **{key: value for key, value in os.environ.items() if key not in ("REDIS_URL", "CACHE_REDIS_URL")},
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
