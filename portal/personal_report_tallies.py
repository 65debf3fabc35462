"""Laporan Personal's five measures (registered, verified, profile complete, has applied,
accepted) per desa, gender and education level, kept in the region tallies (portal/region_tallies.py,
which folds and rebuilds them with the Dasbor's).

A profile's measures depend on the profile, its account, its sections and its applications.
``portal_personalreportstate`` keeps what each profile last counted for; a change to any of those
rows has ``personal_report_refresh()`` recount that one profile and add the difference to
``portal_regiontally`` (-1 for what it counted for, +1 for what it counts for now), under a lock of
that profile, so two transactions never add the same change twice. The registration period is
not in the tallies (counts per day would be as many rows as profiles): a report with one counts
the rows of ``portal_personalreportstate`` registered in it, which hold the day and every measure
(one narrow row per profile, indexed by the day).
"""

from collections import defaultdict

from django.conf import settings
from django.db import connection
from django.db.models import CharField, Count, Q, Sum, Value
from django.db.models.functions import Cast, Coalesce, Concat

from marketplace.choices import ApplicationStatus
from portal.models import PersonalReportState, RegionTally
from users.choices import VerificationStatus
from users.report_scope import (
    personal_accepted_q,
    personal_applied_q,
    personal_complete_q,
    personal_verified_q,
    region_scope_q,
)


def key_expression():
    """Laporan Personal's key: "<gender>|<education level id>" ("L|4", "|" when neither is set)."""
    return Concat("gender", Value("|"), Coalesce(Cast("education_level_id", CharField()), Value("")))


# Laporan Personal's measures, in the report's order, with the condition a counted profile meets.
CONDITIONS = {
    "registered": None,
    "verified": personal_verified_q,
    "complete": personal_complete_q,
    "applied": personal_applied_q,
    "accepted": personal_accepted_q,
}


def measures_of(state):
    """The report measures a row ``state`` of portal_personalreportstate counts in, as a table
    ``m(measure, counted)``."""
    flags = ", ".join(
        f"('report_{name}', {'true' if condition is None else f'{state}.{name}'})"
        for name, condition in CONDITIONS.items()
    )
    return f"(VALUES {flags}) AS m (measure, counted)"


def holds():
    """Whether the tallies (and the profiles' states, for a registration period) hold Laporan
    Personal: on PostgreSQL, where the triggers keep them."""
    return connection.vendor == "postgresql"


def counts_per_area(user, filters):
    """{(kecamatan id, desa id): {measure: count}} of Laporan Personal for ``filters`` in
    ``user``'s region; areas with no Personal are left out."""
    if filters.date_from or filters.date_to:
        return _counts_per_area_in_period(user, filters)
    rows = _narrowed(
        RegionTally.objects.filter(
            region_scope_q(user), measure__in=[f"report_{name}" for name in CONDITIONS]
        ),
        filters,
    )
    grouped = rows.values_list("measure", "kecamatan_id", "desa_id").annotate(n=Sum("count")).order_by()
    areas = defaultdict(dict)
    for measure, kecamatan_id, desa_id, count in grouped:
        if count:
            areas[(kecamatan_id, desa_id)][measure.removeprefix("report_")] = count
    return {area: counts for area, counts in areas.items() if counts.get("registered")}


def _counts_per_area_in_period(user, filters):
    """The same from the states of the profiles registered in the period (one query)."""
    states = _narrowed(PersonalReportState.objects.filter(region_scope_q(user)), filters)
    if filters.date_from:
        states = states.filter(joined__gte=filters.date_from)
    if filters.date_to:
        states = states.filter(joined__lte=filters.date_to)
    measures = {
        name: Count("pk", filter=None if condition is None else Q(**{name: True}))
        for name, condition in CONDITIONS.items()
    }
    grouped = states.values("kecamatan_id", "desa_id").annotate(**measures).order_by()
    return {
        (row.pop("kecamatan_id"), row.pop("desa_id")): {name: count for name, count in row.items() if count}
        for row in grouped
    }


def _narrowed(rows, filters):
    """Tally or state ``rows`` narrowed to the region, gender and education level of ``filters``."""
    if filters.kecamatan:
        rows = rows.filter(kecamatan_id=filters.kecamatan.pk)
    if filters.desa:
        rows = rows.filter(desa_id=filters.desa.pk)
    if filters.gender:
        rows = rows.filter(key__startswith=f"{filters.gender}|")
    if filters.education_level:
        rows = rows.filter(key__endswith=f"|{filters.education_level.pk}")
    return rows


ACCEPTED, VERIFIED = ApplicationStatus.DITERIMA.value, VerificationStatus.TERVERIFIKASI.value

# The tables a change to the tallies locks, in this order (rebuild() and the triggers alike).
LOCKED_TABLES = "portal_regiontally, portal_personalreportstate"


ZONE = settings.TIME_ZONE.replace("'", "")

# What each profile counts for now, in the column order of portal_personalreportstate. The same
# conditions as users/report_scope.py (tests/test_region_tallies.py checks they agree).
STATE_SQL = f"""
SELECT p.id, p.kecamatan_id, p.desa_id, p.gender || '|' || COALESCE(p.education_level_id::text, ''),
       p.verification_status = '{VERIFIED}',
       u.email_verified_at IS NOT NULL AND u.phone_verified_at IS NOT NULL AND u.first_name <> ''
       AND p.nik IS NOT NULL AND p.nik <> '' AND p.gender <> '' AND p.birth_place <> ''
       AND p.birth_date IS NOT NULL AND p.address <> '' AND p.desa_id IS NOT NULL
       AND p.photo IS NOT NULL AND p.photo <> '' AND p.summary <> ''
       AND p.education_level_id IS NOT NULL AND p.job_seeking_status <> ''
       AND (p.no_experience OR EXISTS (SELECT 1 FROM users_workexperience x WHERE x.profile_id = p.id))
       AND EXISTS (SELECT 1 FROM users_education x WHERE x.profile_id = p.id)
       AND EXISTS (SELECT 1 FROM users_skill x WHERE x.profile_id = p.id)
       AND (p.no_organisation OR EXISTS (SELECT 1 FROM users_organisation x WHERE x.profile_id = p.id)),
       EXISTS (SELECT 1 FROM marketplace_application a WHERE a.personal_id = p.id),
       EXISTS (SELECT 1 FROM marketplace_application a
                WHERE a.personal_id = p.id AND a.status = '{ACCEPTED}'),
       (u.date_joined AT TIME ZONE '{ZONE}')::date
  FROM users_personalprofile p JOIN users_user u ON u.id = p.user_id
"""

TRIGGERS_SQL = f"""
CREATE OR REPLACE FUNCTION personal_report_tally(state portal_personalreportstate, change integer)
RETURNS void LANGUAGE sql AS $$
    INSERT INTO portal_regiontally (measure, kecamatan_id, desa_id, key, count)
    SELECT m.measure, state.kecamatan_id, state.desa_id, state.key, change
      FROM {measures_of("state")} WHERE m.counted
$$;

-- Recount one profile: take back what it counted for, count what it counts for now.
CREATE OR REPLACE FUNCTION personal_report_refresh(profile bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    was portal_personalreportstate;
    is_now portal_personalreportstate;
BEGIN
    IF profile IS NULL THEN
        RETURN;
    END IF;
    -- After a running rebuild(), and after any other transaction recounting this profile.
    LOCK TABLE {LOCKED_TABLES} IN ROW EXCLUSIVE MODE;
    PERFORM pg_advisory_xact_lock(hashtext('personal_report'), mod(profile, 2147483647)::integer);
    SELECT * INTO was FROM portal_personalreportstate WHERE profile_id = profile;
    SELECT * INTO is_now FROM ({STATE_SQL} WHERE p.id = profile) AS state;
    IF was IS NOT DISTINCT FROM is_now THEN
        RETURN;
    END IF;
    IF was.profile_id IS NOT NULL THEN
        PERFORM personal_report_tally(was, -1);
        DELETE FROM portal_personalreportstate WHERE profile_id = profile;
    END IF;
    IF is_now.profile_id IS NOT NULL THEN
        PERFORM personal_report_tally(is_now, 1);
        INSERT INTO portal_personalreportstate SELECT (is_now).*;
    END IF;
END $$;

-- A row naming a profile in column TG_ARGV[0] changed: recount the profiles before and after.
CREATE OR REPLACE FUNCTION personal_report_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    before bigint;
    after bigint;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        before := (to_jsonb(OLD) ->> TG_ARGV[0])::bigint;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        after := (to_jsonb(NEW) ->> TG_ARGV[0])::bigint;
    END IF;
    IF before IS DISTINCT FROM after THEN
        PERFORM personal_report_refresh(before);
    END IF;
    PERFORM personal_report_refresh(after);
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION personal_report_account_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM personal_report_refresh(id) FROM users_personalprofile WHERE user_id = NEW.id;
    RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER personal_report_profile
    AFTER INSERT OR UPDATE OR DELETE ON users_personalprofile
    FOR EACH ROW EXECUTE FUNCTION personal_report_row_changed('id');
CREATE OR REPLACE TRIGGER personal_report_experience
    AFTER INSERT OR DELETE OR UPDATE OF profile_id ON users_workexperience
    FOR EACH ROW EXECUTE FUNCTION personal_report_row_changed('profile_id');
CREATE OR REPLACE TRIGGER personal_report_education
    AFTER INSERT OR DELETE OR UPDATE OF profile_id ON users_education
    FOR EACH ROW EXECUTE FUNCTION personal_report_row_changed('profile_id');
CREATE OR REPLACE TRIGGER personal_report_skill
    AFTER INSERT OR DELETE OR UPDATE OF profile_id ON users_skill
    FOR EACH ROW EXECUTE FUNCTION personal_report_row_changed('profile_id');
CREATE OR REPLACE TRIGGER personal_report_organisation
    AFTER INSERT OR DELETE OR UPDATE OF profile_id ON users_organisation
    FOR EACH ROW EXECUTE FUNCTION personal_report_row_changed('profile_id');
CREATE OR REPLACE TRIGGER personal_report_application
    AFTER INSERT OR DELETE ON marketplace_application
    FOR EACH ROW EXECUTE FUNCTION personal_report_row_changed('personal_id');
CREATE OR REPLACE TRIGGER personal_report_application_decided
    AFTER UPDATE OF status, personal_id ON marketplace_application FOR EACH ROW
    WHEN ((OLD.status = '{ACCEPTED}') <> (NEW.status = '{ACCEPTED}')
          OR OLD.personal_id IS DISTINCT FROM NEW.personal_id)
    EXECUTE FUNCTION personal_report_row_changed('personal_id');
CREATE OR REPLACE TRIGGER personal_report_account
    AFTER UPDATE OF email_verified_at, phone_verified_at, first_name, date_joined ON users_user
    FOR EACH ROW
    WHEN (OLD.email_verified_at IS DISTINCT FROM NEW.email_verified_at
          OR OLD.phone_verified_at IS DISTINCT FROM NEW.phone_verified_at
          OR OLD.first_name IS DISTINCT FROM NEW.first_name
          OR OLD.date_joined IS DISTINCT FROM NEW.date_joined)
    EXECUTE FUNCTION personal_report_account_changed();
"""

UNINSTALL_SQL = """
DROP TRIGGER IF EXISTS personal_report_profile ON users_personalprofile;
DROP TRIGGER IF EXISTS personal_report_experience ON users_workexperience;
DROP TRIGGER IF EXISTS personal_report_education ON users_education;
DROP TRIGGER IF EXISTS personal_report_skill ON users_skill;
DROP TRIGGER IF EXISTS personal_report_organisation ON users_organisation;
DROP TRIGGER IF EXISTS personal_report_application ON marketplace_application;
DROP TRIGGER IF EXISTS personal_report_application_decided ON marketplace_application;
DROP FUNCTION IF EXISTS personal_report_account_changed();
DROP FUNCTION IF EXISTS personal_report_row_changed();
DROP FUNCTION IF EXISTS personal_report_refresh(bigint);
DROP FUNCTION IF EXISTS personal_report_tally(portal_personalreportstate, integer);
"""
