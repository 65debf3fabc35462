"""Dasbor and Laporan Personal counts per region without scanning the big tables: Personal and
Mitra accounts, their registrations per month, and applications per status, each per kecamatan and
desa (of the applicant's profile for applications); and Laporan Personal's five measures
(registered, verified, profile complete, has applied, accepted) per desa, gender and education.

On PostgreSQL, triggers on the profile and application tables append one row to
``portal_regiontally`` for every change that moves a count (+1 in the new region, key or month,
-1 in the old), whatever writes it: a use case, a queryset ``update()``, a cascade, the bulk
loader. No row is ever updated in place, so concurrent writers never wait for each other or
deadlock on a counter. A figure is the sum of its rows:

- ``fold()`` (rq cron, every minute) replaces the rows by one sum per measure, region and key, in
  one statement that may run beside the triggers;
- ``rebuild()`` (rq cron, nightly; and after a bulk load) recounts everything from the tables,
  which heals any drift (a restored backup, a hand-made SQL fix).

Laporan Personal's measures are kept by triggers of their own (portal/personal_report_tallies.py)
in the same table, Laporan Mitra's per Mitra (portal/mitra_report_tallies.py) in a table of their
own; both are folded and rebuilt with the rest.

Elsewhere (SQLite in development) there are no triggers: ``counts()`` aggregates the tables, as
``live_counts()`` does on any database (tests/test_region_tallies.py checks both always agree).
"""

from contextlib import contextmanager
from typing import NamedTuple

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Count, F, Sum
from django.db.models.functions import TruncMonth

from marketplace.models import Application
from portal import mitra_report_tallies as mitra_report
from portal import personal_report_tallies as personal_report
from portal.models import RegionTally
from users.models import MitraProfile, PersonalProfile
from users.report_scope import region_scope_q


class Measure(NamedTuple):
    model: type
    prefix: str = ""  # the path from the model to the profile that gives the region
    key: object = None  # the field or expression giving the key; None: one key ""
    condition: object = None  # a function returning the Q a counted row meets; None: every row


MEASURES = {
    "personal": Measure(PersonalProfile),
    "personal_joined": Measure(PersonalProfile, key="user__date_joined"),
    "mitra": Measure(MitraProfile, key="category"),
    "mitra_joined": Measure(MitraProfile, key="user__date_joined"),
    "application": Measure(Application, "personal__", "status"),
    **{
        f"report_{name}": Measure(PersonalProfile, key=personal_report.key_expression, condition=condition)
        for name, condition in personal_report.CONDITIONS.items()
    },
}


GROUPS = ("key", "kecamatan_id", "desa_id", None)


def month_key(value):
    """The key of a registration month: "2026-12"."""
    return value.strftime("%Y-%m")


def uses_triggers():
    return connection.vendor == "postgresql"


def counts(user, measure, group_by=None):
    """{group value: count} of ``measure`` in ``user``'s region, grouped by ``group_by`` ("key",
    "kecamatan_id", "desa_id"; None: the total under the key None). Zero counts are left out."""
    if not uses_triggers():
        return live_counts(user, measure, group_by)
    rows = RegionTally.objects.filter(region_scope_q(user), measure=measure)
    if group_by is None:
        total = rows.aggregate(n=Sum("count"))["n"] or 0
        return {None: total} if total else {}
    grouped = rows.values_list(group_by).annotate(n=Sum("count")).order_by()
    return {value: n for value, n in grouped if n}


def live_counts(user, measure, group_by=None):
    """``counts()`` aggregated from the tables themselves."""
    model, prefix, key, condition = MEASURES[measure]
    rows = model.objects.filter(region_scope_q(user, prefix))
    if condition is not None:
        rows = rows.filter(condition())
    if group_by is None:
        total = rows.count()
        return {None: total} if total else {}
    if group_by == "key" and key is None:
        total = rows.count()
        return {"": total} if total else {}
    if group_by == "key" and key == "user__date_joined":
        grouped = rows.annotate(month=TruncMonth(key)).values_list("month").annotate(n=Count("pk"))
        return {month_key(month): n for month, n in grouped.order_by()}
    if group_by == "key":
        rows = rows.annotate(tally_group=F(key) if isinstance(key, str) else key())
    else:
        rows = rows.annotate(tally_group=F(f"{prefix}{group_by}"))
    return dict(rows.values_list("tally_group").annotate(n=Count("pk")).order_by())


# ---------------------------------------------------------------------------------------------
# Keeping the rows (PostgreSQL)

FOLD_SQL = """
WITH folded AS (
    DELETE FROM portal_regiontally RETURNING measure, kecamatan_id, desa_id, key, count
)
INSERT INTO portal_regiontally (measure, kecamatan_id, desa_id, key, count)
SELECT measure, kecamatan_id, desa_id, key, SUM(count) FROM folded
GROUP BY measure, kecamatan_id, desa_id, key HAVING SUM(count) <> 0
"""

REBUILD_SQL = f"""
INSERT INTO portal_regiontally (measure, kecamatan_id, desa_id, key, count)
SELECT 'personal', p.kecamatan_id, p.desa_id, '', COUNT(*)
  FROM users_personalprofile p GROUP BY p.kecamatan_id, p.desa_id
UNION ALL
SELECT 'personal_joined', p.kecamatan_id, p.desa_id, region_tally_month(u.date_joined), COUNT(*)
  FROM users_personalprofile p JOIN users_user u ON u.id = p.user_id
 GROUP BY p.kecamatan_id, p.desa_id, region_tally_month(u.date_joined)
UNION ALL
SELECT 'mitra', m.kecamatan_id, m.desa_id, m.category, COUNT(*)
  FROM users_mitraprofile m GROUP BY m.kecamatan_id, m.desa_id, m.category
UNION ALL
SELECT 'mitra_joined', m.kecamatan_id, m.desa_id, region_tally_month(u.date_joined), COUNT(*)
  FROM users_mitraprofile m JOIN users_user u ON u.id = m.user_id
 GROUP BY m.kecamatan_id, m.desa_id, region_tally_month(u.date_joined)
UNION ALL
SELECT 'application', p.kecamatan_id, p.desa_id, a.status, COUNT(*)
  FROM marketplace_application a JOIN users_personalprofile p ON p.id = a.personal_id
 GROUP BY p.kecamatan_id, p.desa_id, a.status
UNION ALL
SELECT m.measure, s.kecamatan_id, s.desa_id, s.key, COUNT(*)
  FROM portal_personalreportstate s CROSS JOIN LATERAL {personal_report.measures_of("s")}
 WHERE m.counted
 GROUP BY m.measure, s.kecamatan_id, s.desa_id, s.key
"""


def fold():
    """One row per measure, region and key (the rq cron runs it every minute)."""
    if uses_triggers():
        with connection.cursor() as cursor:
            cursor.execute(FOLD_SQL)
            cursor.execute(mitra_report.FOLD_SQL)


def rebuild(using_connection=None):
    """Recount every row from the tables (nightly, and after a bulk load). Writers wait at their
    trigger for the few seconds it takes, so no change is counted twice or lost. The tables are
    locked in the order the triggers lock them (``mitra_report.LOCKED_TABLES``)."""
    target = using_connection or connection
    if target.vendor != "postgresql":
        return
    with transaction.atomic(using=target.alias), target.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {mitra_report.LOCKED_TABLES} IN EXCLUSIVE MODE")
        cursor.execute("DELETE FROM portal_regiontally")
        cursor.execute("DELETE FROM portal_personalreportstate")
        cursor.execute(f"INSERT INTO portal_personalreportstate {personal_report.STATE_SQL}")
        cursor.execute(REBUILD_SQL)
        cursor.execute("DELETE FROM portal_mitrareporttally")
        cursor.execute(mitra_report.REBUILD_SQL)


@contextmanager
def triggers_skipped():
    """Bulk writes of this session without any trigger, when the database account may (a
    superuser: ``session_replication_role = replica``): the demo loader then writes a million
    applications without counting each one, and calls rebuild() at the end. Foreign keys are not
    checked either, so the writer must write consistent rows. Yields whether triggers are skipped;
    without the right, every trigger runs and the counts are right all the same."""
    skipped = False
    if uses_triggers():
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SET session_replication_role = replica")
            skipped = True
        except DatabaseError:
            pass
    try:
        yield skipped
    finally:
        if skipped:
            with connection.cursor() as cursor:
                cursor.execute("RESET session_replication_role")


def install_sql(time_zone=None):
    """The Dasbor's trigger functions and triggers (migration portal 0005); months in the portal's
    time zone."""
    zone = (time_zone or settings.TIME_ZONE).replace("'", "")
    return TRIGGERS_SQL.replace("%(time_zone)s", zone)


TRIGGERS_SQL = """
CREATE OR REPLACE FUNCTION region_tally_month(joined timestamptz) RETURNS varchar
    LANGUAGE sql IMMUTABLE AS $$ SELECT to_char(joined AT TIME ZONE '%(time_zone)s', 'YYYY-MM') $$;

CREATE OR REPLACE FUNCTION region_tally_add(
    measure varchar, kecamatan bigint, desa bigint, tally_key varchar, change integer
) RETURNS void LANGUAGE sql AS $$
    INSERT INTO portal_regiontally (measure, kecamatan_id, desa_id, key, count)
    SELECT measure, kecamatan, desa, COALESCE(tally_key, ''), change WHERE change <> 0
$$;

CREATE OR REPLACE FUNCTION region_tally_joined(account bigint) RETURNS varchar
    LANGUAGE sql STABLE AS $$ SELECT region_tally_month(date_joined) FROM users_user WHERE id = account $$;

-- A Personal profile: its account, its registration month and, when it moves, its applications.
CREATE OR REPLACE FUNCTION region_tally_personal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    status_count record;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM region_tally_add('personal', OLD.kecamatan_id, OLD.desa_id, '', -1);
        PERFORM region_tally_add('personal_joined', OLD.kecamatan_id, OLD.desa_id,
                                 region_tally_joined(OLD.user_id), -1);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM region_tally_add('personal', NEW.kecamatan_id, NEW.desa_id, '', 1);
        PERFORM region_tally_add('personal_joined', NEW.kecamatan_id, NEW.desa_id,
                                 region_tally_joined(NEW.user_id), 1);
    END IF;
    IF TG_OP = 'UPDATE' THEN
        FOR status_count IN
            SELECT status, COUNT(*)::integer AS n FROM marketplace_application
             WHERE personal_id = NEW.id GROUP BY status
        LOOP
            PERFORM region_tally_add('application', OLD.kecamatan_id, OLD.desa_id, status_count.status,
                                     -status_count.n);
            PERFORM region_tally_add('application', NEW.kecamatan_id, NEW.desa_id, status_count.status,
                                     status_count.n);
        END LOOP;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION region_tally_mitra() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM region_tally_add('mitra', OLD.kecamatan_id, OLD.desa_id, OLD.category, -1);
        PERFORM region_tally_add('mitra_joined', OLD.kecamatan_id, OLD.desa_id,
                                 region_tally_joined(OLD.user_id), -1);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM region_tally_add('mitra', NEW.kecamatan_id, NEW.desa_id, NEW.category, 1);
        PERFORM region_tally_add('mitra_joined', NEW.kecamatan_id, NEW.desa_id,
                                 region_tally_joined(NEW.user_id), 1);
    END IF;
    RETURN NULL;
END $$;

-- An application counts in its applicant's region, under its status.
CREATE OR REPLACE FUNCTION region_tally_application() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    applicant record;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        SELECT kecamatan_id, desa_id INTO applicant FROM users_personalprofile WHERE id = OLD.personal_id;
        PERFORM region_tally_add('application', applicant.kecamatan_id, applicant.desa_id, OLD.status, -1);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        SELECT kecamatan_id, desa_id INTO applicant FROM users_personalprofile WHERE id = NEW.personal_id;
        PERFORM region_tally_add('application', applicant.kecamatan_id, applicant.desa_id, NEW.status, 1);
    END IF;
    RETURN NULL;
END $$;

-- A changed registration date moves the account's month.
CREATE OR REPLACE FUNCTION region_tally_account() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    profile record;
BEGIN
    FOR profile IN SELECT 'personal_joined' AS measure, kecamatan_id, desa_id FROM users_personalprofile
                    WHERE user_id = NEW.id
                   UNION ALL
                   SELECT 'mitra_joined', kecamatan_id, desa_id FROM users_mitraprofile WHERE user_id = NEW.id
    LOOP
        PERFORM region_tally_add(profile.measure, profile.kecamatan_id, profile.desa_id,
                                 region_tally_month(OLD.date_joined), -1);
        PERFORM region_tally_add(profile.measure, profile.kecamatan_id, profile.desa_id,
                                 region_tally_month(NEW.date_joined), 1);
    END LOOP;
    RETURN NULL;
END $$;

CREATE TRIGGER region_tally_personal_change
    AFTER INSERT OR DELETE ON users_personalprofile
    FOR EACH ROW EXECUTE FUNCTION region_tally_personal();
CREATE TRIGGER region_tally_personal_move
    AFTER UPDATE OF kecamatan_id, desa_id, user_id ON users_personalprofile FOR EACH ROW
    WHEN (OLD.kecamatan_id IS DISTINCT FROM NEW.kecamatan_id OR OLD.desa_id IS DISTINCT FROM NEW.desa_id
          OR OLD.user_id IS DISTINCT FROM NEW.user_id)
    EXECUTE FUNCTION region_tally_personal();

CREATE TRIGGER region_tally_mitra_change
    AFTER INSERT OR DELETE ON users_mitraprofile
    FOR EACH ROW EXECUTE FUNCTION region_tally_mitra();
CREATE TRIGGER region_tally_mitra_move
    AFTER UPDATE OF kecamatan_id, desa_id, category, user_id ON users_mitraprofile FOR EACH ROW
    WHEN (OLD.kecamatan_id IS DISTINCT FROM NEW.kecamatan_id OR OLD.desa_id IS DISTINCT FROM NEW.desa_id
          OR OLD.category IS DISTINCT FROM NEW.category OR OLD.user_id IS DISTINCT FROM NEW.user_id)
    EXECUTE FUNCTION region_tally_mitra();

CREATE TRIGGER region_tally_application_change
    AFTER INSERT OR DELETE ON marketplace_application
    FOR EACH ROW EXECUTE FUNCTION region_tally_application();
CREATE TRIGGER region_tally_application_move
    AFTER UPDATE OF status, personal_id ON marketplace_application FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.personal_id IS DISTINCT FROM NEW.personal_id)
    EXECUTE FUNCTION region_tally_application();

CREATE TRIGGER region_tally_account_joined
    AFTER UPDATE OF date_joined ON users_user FOR EACH ROW
    WHEN (OLD.date_joined IS DISTINCT FROM NEW.date_joined)
    EXECUTE FUNCTION region_tally_account();
"""

UNINSTALL_SQL = """
DROP TRIGGER IF EXISTS region_tally_personal_change ON users_personalprofile;
DROP TRIGGER IF EXISTS region_tally_personal_move ON users_personalprofile;
DROP TRIGGER IF EXISTS region_tally_mitra_change ON users_mitraprofile;
DROP TRIGGER IF EXISTS region_tally_mitra_move ON users_mitraprofile;
DROP TRIGGER IF EXISTS region_tally_application_change ON marketplace_application;
DROP TRIGGER IF EXISTS region_tally_application_move ON marketplace_application;
DROP TRIGGER IF EXISTS region_tally_account_joined ON users_user;
DROP FUNCTION IF EXISTS region_tally_account();
DROP FUNCTION IF EXISTS region_tally_application();
DROP FUNCTION IF EXISTS region_tally_mitra();
DROP FUNCTION IF EXISTS region_tally_personal();
DROP FUNCTION IF EXISTS region_tally_joined(bigint);
DROP FUNCTION IF EXISTS region_tally_add(varchar, bigint, bigint, varchar, integer);
DROP FUNCTION IF EXISTS region_tally_month(timestamptz);
"""
