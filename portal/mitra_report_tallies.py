"""Laporan Mitra's counts per Mitra (vacancies posted, applications received, applications
Diterima), kept in ``portal_mitrareporttally`` so the report never reads the vacancies and the
million applications: it sums these rows (one per Mitra once folded) grouped by the Mitra's
category, Bidang Usaha and kecamatan, in the viewer's region and the registration period.

On PostgreSQL, triggers on the vacancy and application tables append one row for every change
that moves a count, whoever writes it; no row is updated in place, as in portal/region_tallies.py,
whose ``fold()`` and ``rebuild()`` fold and recount these rows with the rest. Elsewhere (SQLite in
development) the report counts the tables (users/reports.py).
"""

from django.db import connection
from django.db.models import Sum

from marketplace.choices import ApplicationStatus, VacancyStatus
from portal import personal_report_tallies
from portal.models import MitraReportTally

MEASURES = ("vacancies", "applicants", "accepted")

# Every table a tally change writes, in the order rebuild() locks them; a trigger of this module
# takes them in the same order, so a writer and a rebuild never wait for each other in a circle.
LOCKED_TABLES = f"{personal_report_tallies.LOCKED_TABLES}, portal_mitrareporttally"


def holds():
    """Whether the tallies hold Laporan Mitra: on PostgreSQL, where the triggers keep them."""
    return connection.vendor == "postgresql"


def counts(mitra_q, keys):
    """{(value of each of ``keys``): {measure: count}} of the Mitra matching ``mitra_q`` (a Q on
    the Mitra profile, with the prefix ``mitra__``), grouped by the profile fields ``keys``."""
    paths = [f"mitra__{key}" for key in keys]
    grouped = (
        MitraReportTally.objects.filter(mitra_q)
        .values(*paths)
        .annotate(**{f"sum_{measure}": Sum(measure) for measure in MEASURES})
        .order_by()
    )
    return {
        tuple(row[path] for path in paths): {measure: row[f"sum_{measure}"] for measure in MEASURES}
        for row in grouped
    }


DRAFT, ACCEPTED = VacancyStatus.DRAFT.value, ApplicationStatus.DITERIMA.value

FOLD_SQL = """
WITH folded AS (
    DELETE FROM portal_mitrareporttally
     WHERE mitra_id IN (SELECT mitra_id FROM portal_mitrareporttally GROUP BY mitra_id HAVING COUNT(*) > 1)
    RETURNING mitra_id, vacancies, applicants, accepted
)
INSERT INTO portal_mitrareporttally (mitra_id, vacancies, applicants, accepted)
SELECT mitra_id, SUM(vacancies), SUM(applicants), SUM(accepted) FROM folded GROUP BY mitra_id
HAVING SUM(vacancies) <> 0 OR SUM(applicants) <> 0 OR SUM(accepted) <> 0
"""

REBUILD_SQL = f"""
INSERT INTO portal_mitrareporttally (mitra_id, vacancies, applicants, accepted)
SELECT mitra_id, SUM(vacancies), SUM(applicants), SUM(accepted) FROM (
    SELECT mitra_id, COUNT(*) AS vacancies, 0 AS applicants, 0 AS accepted
      FROM marketplace_vacancy WHERE status <> '{DRAFT}' GROUP BY mitra_id
    UNION ALL
    SELECT v.mitra_id, 0, COUNT(*), COUNT(*) FILTER (WHERE a.status = '{ACCEPTED}')
      FROM marketplace_application a JOIN marketplace_vacancy v ON v.id = a.vacancy_id
     GROUP BY v.mitra_id
) AS counted
GROUP BY mitra_id
"""

TRIGGERS_SQL = f"""
CREATE OR REPLACE FUNCTION mitra_report_tally_add(
    mitra bigint, change_vacancies integer, change_applicants integer, change_accepted integer
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF mitra IS NULL OR (change_vacancies = 0 AND change_applicants = 0 AND change_accepted = 0) THEN
        RETURN;
    END IF;
    LOCK TABLE {LOCKED_TABLES} IN ROW EXCLUSIVE MODE;
    INSERT INTO portal_mitrareporttally (mitra_id, vacancies, applicants, accepted)
    VALUES (mitra, change_vacancies, change_applicants, change_accepted);
END $$;

-- A vacancy counts for its Mitra unless it is a draft. The applications still on it when it is
-- deleted leave with it (their own triggers then find no vacancy), or move with it to another Mitra.
CREATE OR REPLACE FUNCTION mitra_report_vacancy() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    received record;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM mitra_report_tally_add(OLD.mitra_id, -(OLD.status <> '{DRAFT}')::integer, 0, 0);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM mitra_report_tally_add(NEW.mitra_id, (NEW.status <> '{DRAFT}')::integer, 0, 0);
    END IF;
    IF TG_OP = 'INSERT' THEN
        RETURN NULL;
    ELSIF TG_OP = 'UPDATE' THEN
        IF OLD.mitra_id IS NOT DISTINCT FROM NEW.mitra_id THEN
            RETURN NULL;
        END IF;
    END IF;
    SELECT COUNT(*)::integer AS n, (COUNT(*) FILTER (WHERE status = '{ACCEPTED}'))::integer AS accepted
      INTO received FROM marketplace_application WHERE vacancy_id = OLD.id;
    PERFORM mitra_report_tally_add(OLD.mitra_id, 0, -received.n, -received.accepted);
    IF TG_OP = 'UPDATE' THEN
        PERFORM mitra_report_tally_add(NEW.mitra_id, 0, received.n, received.accepted);
    END IF;
    RETURN NULL;
END $$;

-- An application counts for the Mitra of its vacancy, and as Diterima when it is.
CREATE OR REPLACE FUNCTION mitra_report_application() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM mitra_report_tally_add(v.mitra_id, 0, -1, -(OLD.status = '{ACCEPTED}')::integer)
           FROM marketplace_vacancy v WHERE v.id = OLD.vacancy_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM mitra_report_tally_add(v.mitra_id, 0, 1, (NEW.status = '{ACCEPTED}')::integer)
           FROM marketplace_vacancy v WHERE v.id = NEW.vacancy_id;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER mitra_report_vacancy_change
    AFTER INSERT OR DELETE ON marketplace_vacancy
    FOR EACH ROW EXECUTE FUNCTION mitra_report_vacancy();
CREATE OR REPLACE TRIGGER mitra_report_vacancy_move
    AFTER UPDATE OF status, mitra_id ON marketplace_vacancy FOR EACH ROW
    WHEN ((OLD.status = '{DRAFT}') IS DISTINCT FROM (NEW.status = '{DRAFT}')
          OR OLD.mitra_id IS DISTINCT FROM NEW.mitra_id)
    EXECUTE FUNCTION mitra_report_vacancy();

CREATE OR REPLACE TRIGGER mitra_report_application_change
    AFTER INSERT OR DELETE ON marketplace_application
    FOR EACH ROW EXECUTE FUNCTION mitra_report_application();
CREATE OR REPLACE TRIGGER mitra_report_application_move
    AFTER UPDATE OF status, vacancy_id ON marketplace_application FOR EACH ROW
    WHEN ((OLD.status = '{ACCEPTED}') IS DISTINCT FROM (NEW.status = '{ACCEPTED}')
          OR OLD.vacancy_id IS DISTINCT FROM NEW.vacancy_id)
    EXECUTE FUNCTION mitra_report_application();
"""

UNINSTALL_SQL = """
DROP TRIGGER IF EXISTS mitra_report_vacancy_change ON marketplace_vacancy;
DROP TRIGGER IF EXISTS mitra_report_vacancy_move ON marketplace_vacancy;
DROP TRIGGER IF EXISTS mitra_report_application_change ON marketplace_application;
DROP TRIGGER IF EXISTS mitra_report_application_move ON marketplace_application;
DROP FUNCTION IF EXISTS mitra_report_application();
DROP FUNCTION IF EXISTS mitra_report_vacancy();
DROP FUNCTION IF EXISTS mitra_report_tally_add(bigint, integer, integer, integer);
"""
