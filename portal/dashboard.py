"""Dasbor Admin (guide §7.2): the panels of the Wagtail admin home page, for every staff role.

Figures follow the viewer's region (``users.reports.region_scope_q``):

- Personal figures (accounts, registrations, Personal per area, applications — counted on the
  applicant's profile) only of the operator's desa (Desa) or kecamatan (Kecamatan);
- Mitra figures (accounts, registrations, active vacancies — counted on the Mitra's profile) by the
  same rule: a Kecamatan operator counts the Mitra whose profile lies in its kecamatan, a Desa
  operator those in its desa;
- services and service requests by their provider's profile (Personal or Mitra), same rule;
- Dinaker, Verifikator, Admin and Super Admin see every region.

Each panel runs a fixed number of aggregate queries, whatever the amount of data (about a dozen in
all). Accounts, registrations per month, Personal per area and applications per status are read
from the region tallies kept by PostgreSQL triggers (portal/region_tallies.py): a few rows per
region, never a scan of the profiles or the applications. Charts are plain HTML bars with the
numbers written as text: no JavaScript, readable on a phone and by screen readers. Wagtail's own
panels (pages in moderation, recent edits, locked pages) are kept for the CMS editors (Super Admin,
Admin) only.
"""

import datetime

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from marketplace.choices import ApplicationStatus, ServiceRequestStatus
from marketplace.models import Service, ServiceRequest, Vacancy
from portal import region_tallies, wagtail_home_panels
from portal.figures_cache import cached_html, region_of
from users import roles, verification
from users.choices import MitraCategory, StaffRole
from users.models import Desa, Kecamatan
from users.report_scope import region_scope_q

MONTHS = 12


def provider_scope_q(user, prefix=""):
    """Services (and requests through ``prefix``) of providers in the viewer's region."""
    if not region_scope_q(user):
        return Q()
    return region_scope_q(user, f"{prefix}provider__personal_profile__") | region_scope_q(
        user, f"{prefix}provider__mitra_profile__"
    )


def bars(items):
    """``items``: (label, count) pairs → dicts with the bar width in percent of the largest."""
    largest = max((count for _label, count in items), default=0)
    return [
        {"label": label, "count": count, "percent": round(100 * count / largest) if largest else 0}
        for label, count in items
    ]


def by_status(counts, choices):
    return [{"label": label, "count": counts.get(value, 0)} for value, label in choices]


def status_counts(queryset, choices):
    return by_status(dict(queryset.values_list("status").annotate(n=Count("pk")).order_by()), choices)


class DashboardPanel(Component):
    order = 100

    def __init__(self, request):
        self.request = request
        self.user = request.user

    def render_html(self, parent_context=None):
        """The panel's markup depends on its figures alone: it is kept with them, per region
        (portal/figures_cache.py)."""
        render = super().render_html
        return cached_html(type(self).__name__, (region_of(self.user),), lambda: render(parent_context))

    def get_context_data(self, parent_context=None):
        return {"panel": self, "request": self.request, **self.figures()}

    def figures(self):
        """What the panel shows: aggregates of the viewer's region (cached, portal/figures_cache.py)."""
        return {}


class VerificationQueuePanel(DashboardPanel):
    """How many profiles wait for this viewer's decision, with a link to the verification screen."""

    order = 20
    template_name = "portal/dashboard/verification_queue.html"

    def figures(self):
        personal = verification.queue(self.user, "personal").count()
        mitra = verification.queue(self.user, "mitra").count()
        return {
            "personal": personal,
            "mitra": mitra,
            "total": personal + mitra,
            # Data Profil screens replace this one (issue 8); the link follows when they land.
            "url": reverse("account_verification:queue"),
        }


class SummaryPanel(DashboardPanel):
    order = 30
    template_name = "portal/dashboard/summary.html"

    def figures(self):
        user = self.user
        personal_total = region_tallies.counts(user, "personal").get(None, 0)
        mitra = region_tallies.counts(user, "mitra", "key")
        vacancies = Vacancy.objects.open().filter(region_scope_q(user, "mitra__")).count()
        applications = by_status(region_tallies.counts(user, "application", "key"), ApplicationStatus.choices)
        services = Service.objects.public().filter(provider_scope_q(user)).count()
        requests = status_counts(
            ServiceRequest.objects.filter(provider_scope_q(user, "service__")), ServiceRequestStatus.choices
        )
        return {
            "totals": [
                {"label": _("Personal"), "count": personal_total},
                {"label": _("Mitra Formal"), "count": mitra.get(MitraCategory.FORMAL, 0)},
                {"label": _("Mitra Informal"), "count": mitra.get(MitraCategory.INFORMAL, 0)},
                {"label": _("Lowongan aktif"), "count": vacancies},
                {"label": _("Lamaran"), "count": sum(item["count"] for item in applications)},
                {"label": _("Jasa ditawarkan"), "count": services},
                {"label": _("Permintaan jasa"), "count": sum(item["count"] for item in requests)},
            ],
            "applications": applications,
            "requests": requests,
        }


def last_months(today, count=MONTHS):
    """The first days of the last ``count`` months, oldest first, ending with today's month."""
    year, month = today.year, today.month
    months = []
    for _index in range(count):
        months.append(datetime.date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]


def registrations_per_month(user, measure, months):
    """New accounts of ``measure`` ("personal_joined", "mitra_joined") per month of ``months``."""
    counts = region_tallies.counts(user, measure, "key")
    return [counts.get(region_tallies.month_key(month), 0) for month in months]


class RegistrationsPanel(DashboardPanel):
    """New Personal and Mitra accounts per month, the last 12 months."""

    order = 40
    template_name = "portal/dashboard/registrations.html"

    def figures(self):
        months = last_months(timezone.localdate())
        personal = registrations_per_month(self.user, "personal_joined", months)
        mitra = registrations_per_month(self.user, "mitra_joined", months)
        largest = max([*personal, *mitra, 0])

        def width(count):
            return round(100 * count / largest) if largest else 0

        rows = [
            {
                "label": date_format(month, "M Y"),
                "personal": count_personal,
                "personal_percent": width(count_personal),
                "mitra": count_mitra,
                "mitra_percent": width(count_mitra),
            }
            for month, count_personal, count_mitra in zip(months, personal, mitra, strict=True)
        ]
        return {
            "rows": rows,
            "personal_total": sum(personal),
            "mitra_total": sum(mitra),
        }


class PersonalByAreaPanel(DashboardPanel):
    """Personal accounts per kecamatan; per desa for Kecamatan and Desa operators (whose region is
    one kecamatan or one desa)."""

    order = 50
    template_name = "portal/dashboard/personal_by_area.html"

    def figures(self):
        user = self.user
        role = roles.role_of(user)
        if role in (StaffRole.KECAMATAN, StaffRole.DESA):
            heading = _("Personal per desa/kelurahan")
            area_field = "desa_id"
            if role == StaffRole.KECAMATAN:
                areas = Desa.objects.filter(kecamatan_id=user.scope_kecamatan_id)
            else:
                areas = Desa.objects.filter(pk=user.scope_desa_id)
        else:
            heading = _("Personal per kecamatan")
            area_field = "kecamatan_id"
            areas = Kecamatan.objects.all()
        counts = region_tallies.counts(user, "personal", area_field)
        items = [(area.name, counts.get(area.pk, 0)) for area in areas.order_by("name")]
        if counts.get(None):
            items.append((_("(belum diisi)"), counts[None]))
        return {"heading": heading, "bars": bars(items)}


def may_decide_verifications(user):
    """Whether the viewer decides on any verification (users/verification.py)."""
    role = roles.role_of(user)
    return role in verification.PERSONAL_VERIFIERS or role in verification.MITRA_VERIFIERS


def construct_dashboard_panels(request, panels):
    """The ``construct_homepage_panels`` hook: our panels for every staff role; Wagtail's CMS panels
    only for the CMS editors, kept (portal/wagtail_home_panels.py)."""
    if roles.role_of(request.user) not in roles.CMS_EDITOR_ROLES:
        panels.clear()
    wagtail_home_panels.keep(request, panels)
    if may_decide_verifications(request.user):
        panels.append(VerificationQueuePanel(request))
    panels.extend([SummaryPanel(request), RegistrationsPanel(request), PersonalByAreaPanel(request)])
