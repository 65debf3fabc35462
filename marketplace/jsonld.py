"""schema.org ``JobPosting`` structured data of a vacancy (issue 5), for Google for Jobs and others.

``job_posting(vacancy, request)`` builds the dict (``None`` once the vacancy takes no applications:
an expired, closed or filled vacancy carries no JobPosting); ``to_script_json`` serialises it for an
inline ``<script type="application/ld+json">`` so no text the Mitra typed can end the script.
"""

import datetime
import json
import re

from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe

from portal.models import SiteSettings

REGION = "Jawa Tengah"
COUNTRY = "ID"

# TipePekerjaan name (lower case, without a parenthesised note) → schema.org employmentType.
EMPLOYMENT_TYPES = {
    "penuh waktu": "FULL_TIME",
    "paruh waktu": "PART_TIME",
    "kontrak": "CONTRACTOR",
    "harian": "PER_DIEM",
    "magang": "INTERN",
    "lepas": "CONTRACTOR",
}

# Inside <script> the HTML parser ends the element at "</script" and treats "<!--" specially;
# escaping <, > and & as JSON unicode escapes keeps the JSON identical and the script unbreakable.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def employment_type(job_type):
    """TipePekerjaan → employmentType: "Penuh Waktu" → FULL_TIME, "Lepas (Freelance)" → CONTRACTOR,
    anything unknown → OTHER."""
    name = re.sub(r"\(.*?\)", "", job_type.name if job_type else "").strip().lower()
    return EMPLOYMENT_TYPES.get(" ".join(name.split()), "OTHER")


def description_html(vacancy):
    """Deskripsi and Kualifikasi as (escaped) HTML paragraphs."""
    return (
        f"{linebreaks(vacancy.description, autoescape=True)}"
        f"<h3>Kualifikasi</h3>{linebreaks(vacancy.qualifications, autoescape=True)}"
    )


def end_of_day(date):
    """The last second of ``date`` in the portal's time zone (Asia/Jakarta), ISO 8601."""
    moment = datetime.datetime.combine(date, datetime.time(23, 59, 59))
    return timezone.make_aware(moment, timezone.get_default_timezone()).isoformat()


def hiring_organization(mitra, request):
    organization = {"@type": "Organization", "name": mitra.name}
    if mitra.website:
        organization["sameAs"] = mitra.website
    if mitra.logo:
        organization["logo"] = request.build_absolute_uri(mitra.logo.url)
    return organization


def place(locality=None):
    address = {"@type": "PostalAddress", "addressRegion": REGION, "addressCountry": COUNTRY}
    if locality:
        address["addressLocality"] = locality
    return {"@type": "Place", "address": address}


def base_salary(vacancy):
    """A MonetaryAmount in IDR per month, or ``None`` when hidden ("dirahasiakan/nego") or unknown."""
    if vacancy.salary_hidden:
        return None
    figures = {"minValue": vacancy.salary_min, "maxValue": vacancy.salary_max}
    figures = {key: value for key, value in figures.items() if value is not None}
    if not figures:
        return None
    if len(set(figures.values())) == 1:
        figures = {"value": next(iter(figures.values()))}
    return {
        "@type": "MonetaryAmount",
        "currency": "IDR",
        "value": {"@type": "QuantitativeValue", **figures, "unitText": "MONTH"},
    }


def job_posting(vacancy, request):
    """The JobPosting of an open vacancy, ``None`` for one that takes no applications."""
    if not vacancy.is_open:
        return None
    locations = [kecamatan.name for kecamatan in vacancy.locations.all()]
    posted = timezone.localtime(vacancy.published_at).date() if vacancy.published_at else None
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": vacancy.title,
        "description": description_html(vacancy),
        "datePosted": posted.isoformat() if posted else None,
        "validThrough": end_of_day(vacancy.end_date),
        "employmentType": employment_type(vacancy.job_type),
        "hiringOrganization": hiring_organization(vacancy.mitra, request),
        "jobLocation": [place(name) for name in locations] or [place()],
        "identifier": {
            "@type": "PropertyValue",
            "name": SiteSettings.for_request(request).app_name,
            "value": str(vacancy.pk),
        },
        "directApply": True,
        "url": request.build_absolute_uri(request.path),
    }
    if data["datePosted"] is None:
        del data["datePosted"]
    salary = base_salary(vacancy)
    if salary:
        data["baseSalary"] = salary
    return data


def to_script_json(data):
    """``data`` as JSON safe to place between ``<script type="application/ld+json">`` tags."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES))


def employer_aggregate_rating(mitra, summary):
    """schema.org ``EmployerAggregateRating`` of a Mitra from its public ratings' ``summary``
    (``{"average", "count"}``), ``None`` while it has none."""
    if not summary or not summary.get("count"):
        return None
    return {
        "@context": "https://schema.org/",
        "@type": "EmployerAggregateRating",
        "itemReviewed": {"@type": "Organization", "name": mitra.name},
        "ratingValue": round(float(summary["average"]), 1),
        "ratingCount": summary["count"],
        "bestRating": 5,
        "worstRating": 1,
    }
