"""Markup of applications written in Python: the status badge (twenty on Pelamar and on Lamaran
Terkirim) and the applicant rows of Pelamar.

Through the template engine, twenty rows took 18 of the page's 26 ms of rendering (0.9 ms a row:
some fifty variable lookups, five translations and three URLs each) on the performance issue's
data; written here, with one CSRF token and the labels looked up once per page, about 4 ms. The
markup is the template's: checkbox for Ubah Status Terpilih, name, status, vacancy and date,
education and kecamatan, Cetak PDF, the rating link, and the Ubah Status form with the prefix
lamaran-<id> that the application_status view reads.
"""

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from marketplace.choices import ApplicationStatus
from marketplace.templatetags.rating_tags import rate_link_html

PK_PLACEHOLDER = 987654321

STATUS_BADGE_CLASSES = {
    ApplicationStatus.DITERIMA: "text-bg-success",
    ApplicationStatus.DITOLAK: "text-bg-danger",
    ApplicationStatus.DIPROSES: "text-bg-primary",
    ApplicationStatus.DITARIK: "text-bg-secondary",
}

ROW = """<li class="list-group-item" id="lamaran-{pk}">
<div class="d-flex flex-wrap justify-content-between gap-2">
<div>
{checkbox}<h2 class="h6 mb-1"><a href="{detail_url}">{name}</a> {badge}</h2>
<p class="small mb-1">{vacancy} · {applied}</p>
<p class="small mb-0 text-body-secondary">{background}</p>
<a class="small" href="{pdf_url}">{print_label}<span class="visually-hidden"> {name}</span></a>
{rate_link}
</div>
{status_form}</div>
</li>
"""

CHECKBOX = (
    '<div class="form-check mb-1"><input class="form-check-input" type="checkbox" name="lamaran" '
    'value="{pk}" id="pilih-{pk}" form="bulk-status-form"><label class="form-check-label small" '
    'for="pilih-{pk}">{label}</label></div>\n'
)

STATUS_FORM = """<form class="application-status-form" method="post" action="{action}" data-submit-once>
<input type="hidden" name="csrfmiddlewaretoken" value="{csrf_token}">
<input type="hidden" name="next" value="{next}">
<div id="div_id_lamaran-{pk}-status" class="mb-3">
<label for="id_lamaran-{pk}-status" class="form-label requiredField">{status_label}\
<span class="asteriskField">*</span></label>
<select name="lamaran-{pk}-status" class="select form-select" id="id_lamaran-{pk}-status" \
required>{options}</select>
</div>
<div id="div_id_lamaran-{pk}-message" class="mb-3">
<label for="id_lamaran-{pk}-message" class="form-label">{message_label}</label>
<textarea name="lamaran-{pk}-message" rows="2" maxlength="1000" class="textarea form-control" \
id="id_lamaran-{pk}-message">{message}</textarea>
</div>
<button class="btn btn-sm btn-primary" type="submit">{submit_label}</button>
</form>
"""


def status_badge(application):
    """An application's status as a coloured badge."""
    return format_html(
        '<span class="badge application-status {}">{}</span>',
        STATUS_BADGE_CLASSES.get(application.status, "text-bg-light border"),
        # Not get_status_display(): Django hashes every lazy label of the choices on each call.
        ApplicationStatus(application.status).label,
    )


def applicant_rows(request, applications, status_form):
    """The ``<li>`` of each application; ``status_form`` (an ApplicationStatusForm) gives the labels
    and the choices of the Ubah Status fields."""
    page = {
        "csrf_token": get_token(request),
        "next": request.get_full_path(),
        "status_label": str(status_form["status"].label),
        "message_label": str(status_form["message"].label),
        "submit_label": _("Ubah Status"),
        "print_label": _("Cetak PDF"),
        "choose": _("Pilih %(name)s"),
        "applied": _("melamar %(date)s"),
        "kecamatan": _("Kec. %(name)s"),
        "decisions": [(value, str(label)) for value, label in status_form.fields["status"].choices],
        "detail_url": url_maker("marketplace:applicant_detail"),
        "pdf_url": url_maker("marketplace:applicant_pdf"),
        "status_url": url_maker("marketplace:application_status"),
    }
    return mark_safe("".join(applicant_row(application, page) for application in applications))


def applicant_row(application, page):
    personal = application.personal
    name = str(personal)
    open_ = application.status != ApplicationStatus.DITARIK
    return format_html(
        ROW,
        pk=application.pk,
        checkbox=format_html(CHECKBOX, pk=application.pk, label=page["choose"] % {"name": name})
        if open_
        else "",
        detail_url=page["detail_url"](application.pk),
        name=name,
        badge=status_badge(application),
        vacancy=application.vacancy.title,
        applied=page["applied"] % {"date": date_format(localtime(application.created_at), "j F Y")},
        background=background(personal, page),
        pdf_url=page["pdf_url"](application.pk),
        print_label=page["print_label"],
        rate_link=rate_link_html(application, "mitra", page["next"]),
        status_form=status_fields(application, page) if open_ else "",
    )


def url_maker(name):
    """``reverse(name, args=[pk])`` as a function of ``pk``, at the cost of one reverse."""
    prefix, suffix = reverse(name, args=[PK_PLACEHOLDER]).split(str(PK_PLACEHOLDER))
    return lambda pk: f"{prefix}{pk}{suffix}"


def background(personal, page):
    """ "SMA/SMK · Kec. Bobotsari": education level and kecamatan, either may be missing."""
    parts = []
    if personal.education_level:
        parts.append(personal.education_level.name)
    if personal.kecamatan:
        parts.append(page["kecamatan"] % {"name": personal.kecamatan.name})
    return " · ".join(parts)


def status_fields(application, page):
    options = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (value, " selected" if value == application.status else "", label)
            for value, label in page["decisions"]
        ),
    )
    return format_html(
        STATUS_FORM,
        pk=application.pk,
        action=page["status_url"](application.pk),
        csrf_token=page["csrf_token"],
        next=page["next"],
        status_label=page["status_label"],
        message_label=page["message_label"],
        message=application.mitra_message,
        options=options,
        submit_label=page["submit_label"],
    )
