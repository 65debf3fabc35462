"""Figures of Laporan Personal and Laporan Mitra (guide §7.2), in the region scope they share with
the Dasbor (users/report_scope.py).

Scope rule (DESIGN §2, issue 8): a Kecamatan operator sees only the Personal *and* the Mitra whose
profile lies in its kecamatan (``kecamatan`` field of the profile), a Desa operator only those whose
profile lies in its desa (``desa`` field); Dinaker, Verifikator, Admin and Super Admin see every
region. Facts hanging off a profile (applications, vacancies, services) follow the scope of the
profile they belong to. A staff account bound to a region it does not have sees nothing.

Every figure is a fixed number of aggregate queries whatever the amount of data: rows are grouped
in SQL, and the small grouped results (at most one row per desa, or per category × bidang usaha ×
kecamatan) are rolled up in Python.

Note: reports read marketplace facts (applications, vacancies), so this module imports
``marketplace`` — unlike the rest of ``users``.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import BooleanField, Count, ExpressionWrapper, Q
from django.utils.translation import gettext_lazy as _

from marketplace.choices import ApplicationStatus, VacancyStatus
from marketplace.models import Application, Vacancy
from portal import mitra_report_tallies, personal_report_tallies
from users.choices import MitraCategory
from users.models import BidangUsaha, Desa, Kecamatan, MitraProfile, PersonalProfile
from users.report_scope import (
    kecamatan_in_scope,
    personal_accepted_q,
    personal_applied_q,
    personal_complete_q,
    personal_verified_q,
    region_scope_q,
)

# ---------------------------------------------------------------------------------------------
# Filters


@dataclass(frozen=True)
class ReportFilters:
    """The filters of both reports (the Mitra report ignores desa, education and gender)."""

    date_from: object = None  # date of registration (User.date_joined), inclusive
    date_to: object = None
    kecamatan: object = None
    desa: object = None
    education_level: object = None
    gender: str = ""

    def profile_q(self, prefix="", personal=True):
        q = Q()
        if self.date_from:
            q &= Q(**{f"{prefix}user__date_joined__date__gte": self.date_from})
        if self.date_to:
            q &= Q(**{f"{prefix}user__date_joined__date__lte": self.date_to})
        if self.kecamatan:
            q &= Q(**{f"{prefix}kecamatan_id": self.kecamatan.pk})
        if personal:
            if self.desa:
                q &= Q(**{f"{prefix}desa_id": self.desa.pk})
            if self.education_level:
                q &= Q(**{f"{prefix}education_level_id": self.education_level.pk})
            if self.gender:
                q &= Q(**{f"{prefix}gender": self.gender})
        return q


# ---------------------------------------------------------------------------------------------
# Laporan Personal


def filtered_personal_profiles(user, filters):
    return PersonalProfile.objects.filter(region_scope_q(user), filters.profile_q())


PERSONAL_MEASURES = (
    ("registered", _("Terdaftar")),
    ("verified", _("Terverifikasi")),
    ("complete", _("Profil lengkap")),
    ("applied", _("Pernah melamar")),
    ("accepted", _("Diterima kerja")),
)


@dataclass
class ReportRow:
    label: str
    kecamatan: str = ""
    kecamatan_id: int | None = None
    desa_id: int | None = None
    counts: dict = field(default_factory=dict)

    def values(self, measures):
        return [self.counts.get(key, 0) for key, _label in measures]

    @property
    def cells(self):
        """The figures in the order of the report's measures (``counts`` is always built in it)."""
        return list(self.counts.values())


@dataclass
class PersonalReport:
    kecamatan_rows: list
    desa_rows: list
    total: ReportRow
    measures: tuple = PERSONAL_MEASURES


AREA = ("kecamatan_id", "desa_id")


def _count_per_area(profiles):
    rows = profiles.values_list(*AREA).annotate(n=Count("pk")).order_by()
    return {(kecamatan, desa): count for kecamatan, desa, count in rows}


def _names_in_order(model):
    """{pk: (position by name, name)} of the 18 kecamatan or the 239 desa: rows grouped by id are
    named and ordered in Python instead of sorting every profile by name in SQL."""
    return {
        pk: (position, name)
        for position, (pk, name) in enumerate(model.objects.order_by("name").values_list("pk", "name"))
    }


def _counts_per_area_live(user, filters):
    """{(kecamatan id, desa id): {measure: count}} from the profiles themselves. Each measure with a
    condition on other tables (complete, applied, accepted) is counted by its own query, where
    PostgreSQL joins the profiles to those tables once instead of probing them for every profile."""
    profiles = filtered_personal_profiles(user, filters)
    grouped = profiles.values_list(*AREA).annotate(
        registered=Count("pk"), verified=Count("pk", filter=personal_verified_q())
    )
    areas = {
        (kecamatan, desa): {"registered": registered, "verified": verified}
        for kecamatan, desa, registered, verified in grouped.order_by()
    }
    for key, condition in (
        ("complete", personal_complete_q()),
        ("applied", personal_applied_q()),
        ("accepted", personal_accepted_q()),
    ):
        for area, count in _count_per_area(profiles.filter(condition)).items():
            areas[area][key] = count
    return areas


def personal_report(user, filters):
    """Laporan Personal: per desa and per kecamatan.

    On PostgreSQL the figures are read from what triggers keep (portal/personal_report_tallies.py):
    without a registration period, the region tallies per desa, gender and education level (some
    thousands of rows whatever the number of Personal); with one, each profile's narrow state row
    of the period. Elsewhere they are counted from the profiles. Groups are by id, named and
    ordered afterwards."""
    if personal_report_tallies.holds():
        areas = personal_report_tallies.counts_per_area(user, filters)
    else:
        areas = _counts_per_area_live(user, filters)
    kecamatan_names, desa_names = _names_in_order(Kecamatan), _names_in_order(Desa)
    unnamed = (len(desa_names), None)  # no kecamatan or no desa: after the named ones, as in SQL

    def position(area):
        return (kecamatan_names.get(area[0], unnamed)[0], desa_names.get(area[1], unnamed)[0])

    keys = [key for key, _label in PERSONAL_MEASURES]
    desa_rows = []
    per_kecamatan = defaultdict(lambda: dict.fromkeys(keys, 0))
    total = ReportRow(str(_("Jumlah")), counts=dict.fromkeys(keys, 0))
    for area in sorted(areas, key=position):
        kecamatan_id, desa_id = area
        counts = {key: areas[area].get(key, 0) for key in keys}
        for key in keys:
            total.counts[key] += counts[key]
            per_kecamatan[kecamatan_id][key] += counts[key]
        desa_rows.append(
            ReportRow(
                desa_names.get(desa_id, unnamed)[1] or str(_("(desa belum diisi)")),
                kecamatan=kecamatan_names.get(kecamatan_id, unnamed)[1] or str(_("(kecamatan belum diisi)")),
                kecamatan_id=kecamatan_id,
                desa_id=desa_id,
                counts=counts,
            )
        )
    kecamatan_list = kecamatan_in_scope(user)
    if filters.kecamatan:
        kecamatan_list = kecamatan_list.filter(pk=filters.kecamatan.pk)
    if filters.desa:
        kecamatan_list = kecamatan_list.filter(desa_set=filters.desa)
    kecamatan_rows = [
        ReportRow(
            kecamatan.name,
            kecamatan=kecamatan.name,
            kecamatan_id=kecamatan.pk,
            counts=per_kecamatan[kecamatan.pk],
        )
        for kecamatan in kecamatan_list.order_by("name")
    ]
    if None in per_kecamatan:
        kecamatan_rows.append(ReportRow(str(_("(kecamatan belum diisi)")), counts=per_kecamatan[None]))
    return PersonalReport(kecamatan_rows, desa_rows, total)


ACCOUNT_ORDER = ("user__first_name", "user__last_name", "pk")


def personal_accounts(user, filters):
    """The drill-down list: the Personal accounts matching the filters, with their report flags."""
    return with_report_flags(filtered_personal_profiles(user, filters)).order_by(*ACCOUNT_ORDER)


def with_report_flags(profiles):
    """What a row of the drill-down shows: the profile, its account and region, its report flags."""
    return profiles.select_related("user", "kecamatan", "desa", "education_level").annotate(
        is_complete=ExpressionWrapper(personal_complete_q(), output_field=BooleanField()),
        has_applied=ExpressionWrapper(personal_applied_q(), output_field=BooleanField()),
        has_accepted=ExpressionWrapper(personal_accepted_q(), output_field=BooleanField()),
    )


# ---------------------------------------------------------------------------------------------
# Laporan Mitra


MITRA_MEASURES = (
    ("mitra", _("Jumlah mitra")),
    ("vacancies", _("Lowongan diposting")),
    ("applicants", _("Pelamar")),
    ("accepted", _("Diterima")),
)


@dataclass
class MitraReport:
    category_rows: list
    business_field_rows: list
    kecamatan_rows: list
    total: ReportRow
    measures: tuple = MITRA_MEASURES


def _mitra_activity_live(user, filters, keys):
    """{(value of each of ``keys``): {measure: count}} of Laporan Mitra's vacancies, applicants and
    accepted, counted from the vacancies and applications themselves."""
    vacancy_q = region_scope_q(user, "mitra__") & filters.profile_q("mitra__", personal=False)
    application_q = region_scope_q(user, "vacancy__mitra__") & filters.profile_q(
        "vacancy__mitra__", personal=False
    )
    activity = defaultdict(lambda: dict.fromkeys(mitra_report_tallies.MEASURES, 0))
    vacancy_keys = [f"mitra__{key}" for key in keys]
    vacancies = (
        Vacancy.objects.filter(vacancy_q)
        .exclude(status=VacancyStatus.DRAFT)
        .values(*vacancy_keys)
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in vacancies:
        activity[tuple(row[key] for key in vacancy_keys)]["vacancies"] = row["n"]
    application_keys = [f"vacancy__mitra__{key}" for key in keys]
    applications = (
        Application.objects.filter(application_q)
        .values(*application_keys)
        .annotate(n=Count("pk"), accepted=Count("pk", filter=Q(status=ApplicationStatus.DITERIMA)))
        .order_by()
    )
    for row in applications:
        counts = activity[tuple(row[key] for key in application_keys)]
        counts["applicants"], counts["accepted"] = row["n"], row["accepted"]
    return activity


def mitra_report(user, filters):
    """Laporan Mitra by category, Bidang Usaha and kecamatan.

    The period filters the Mitra by registration date (as Laporan Personal does); each Mitra then
    counts with all its vacancies posted (every status but Draf) and all applications to them
    ("Pelamar", one per application) and those Diterima: summed from the Mitra's tallies on
    PostgreSQL (portal/mitra_report_tallies.py), counted from the tables elsewhere. Four queries
    (five without the tallies).
    """
    keys = ("category", "business_field_id", "kecamatan_id")
    mitra_q = region_scope_q(user) & filters.profile_q(personal=False)
    cells = defaultdict(lambda: dict.fromkeys(("mitra", *mitra_report_tallies.MEASURES), 0))
    for row in MitraProfile.objects.filter(mitra_q).values(*keys).annotate(n=Count("pk")).order_by():
        cells[tuple(row[key] for key in keys)]["mitra"] = row["n"]
    if mitra_report_tallies.holds():
        scope_q = region_scope_q(user, "mitra__") & filters.profile_q("mitra__", personal=False)
        activity = mitra_report_tallies.counts(scope_q, keys)
    else:
        activity = _mitra_activity_live(user, filters, keys)
    for cell_key, counts in activity.items():
        cells[cell_key].update(counts)

    measure_keys = [key for key, _label in MITRA_MEASURES]
    rollups = [defaultdict(lambda: dict.fromkeys(measure_keys, 0)) for _key in keys]
    total = ReportRow(str(_("Jumlah")), counts=dict.fromkeys(measure_keys, 0))
    for cell_key, counts in cells.items():
        for index, rollup in enumerate(rollups):
            for measure in measure_keys:
                rollup[cell_key[index]][measure] += counts[measure]
        for measure in measure_keys:
            total.counts[measure] += counts[measure]
    by_category, by_field, by_kecamatan = rollups

    category_rows = [
        ReportRow(str(label), counts=by_category[value]) for value, label in MitraCategory.choices
    ]
    fields = BidangUsaha.objects.filter(pk__in=[key for key in by_field if key is not None])
    business_field_rows = [ReportRow(item.name, counts=by_field[item.pk]) for item in fields]
    kecamatan_list = kecamatan_in_scope(user)
    if filters.kecamatan:
        kecamatan_list = kecamatan_list.filter(pk=filters.kecamatan.pk)
    kecamatan_rows = [
        ReportRow(item.name, kecamatan=item.name, kecamatan_id=item.pk, counts=by_kecamatan[item.pk])
        for item in kecamatan_list.order_by("name")
    ]
    if None in by_kecamatan:
        kecamatan_rows.append(ReportRow(str(_("(kecamatan belum diisi)")), counts=by_kecamatan[None]))
    return MitraReport(category_rows, business_field_rows, kecamatan_rows, total)
