"""Notifikasi Lowongan (job alerts): a Personal saves a search of the Lowongan page and receives
its new vacancies as a daily digest by email and/or WhatsApp. ``send_job_alerts`` is the daily job
(`manage.py send_job_alerts`); running it twice the same day sends nothing more."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from marketplace.forms import VacancySearchForm
from marketplace.models import JobAlert, Vacancy
from portal.mail import send_templated_email
from portal.models import SiteSettings
from portal.whatsapp import send_whatsapp
from users.models import PersonalProfile

#: Filters of the Lowongan page that make a saved search (not paging nor sorting).
SEARCH_FIELDS = ("q", "kecamatan", "tipe", "kategori", "pendidikan", "gaji", "mitra")
DIGEST_SIZE = 10


class AlertError(Exception):
    pass


def normalise_search(query_string):
    """``(query, name)`` of a Lowongan query string: the valid, non-empty filters in a fixed order
    (without halaman/urut) and a readable name such as "penjahit · Kec. Bobotsari"."""
    form = VacancySearchForm(QueryDict(query_string or ""))
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    params, parts = QueryDict(mutable=True), []
    for field in SEARCH_FIELDS:
        value = data.get(field)
        if value in (None, ""):
            continue
        if field == "q":
            value = " ".join(value.split())
            if not value:
                continue
            params[field], label = value, value
        elif field == "kecamatan":
            params[field], label = str(value.pk), _("Kec. %(name)s") % {"name": value.name}
        elif field in ("tipe", "kategori", "pendidikan"):
            params[field], label = str(value.pk), value.name
        elif field == "gaji":
            params[field] = str(value)
            label = _("gaji ≥ Rp %(amount)s") % {"amount": f"{value:,}".replace(",", ".")}
        else:
            params[field], label = (
                value,
                _("Mitra %(category)s") % {"category": dict(form.fields["mitra"].choices)[value]},
            )
        parts.append(str(label))
    return params.urlencode(), " · ".join(parts)[:200] or _("Semua lowongan")


def save_alert(personal, query_string, *, by_email, by_whatsapp):
    """Save the search ``query_string`` for ``personal``. Returns ``(alert, created)``; saving the
    same search twice (a double submit) returns the existing alert. Raises AlertError without a
    channel or beyond JobAlert.MAX_PER_PERSON."""
    if not (by_email or by_whatsapp):
        raise AlertError(_("Pilih minimal satu saluran: email atau WhatsApp."))
    query, name = normalise_search(query_string)
    with transaction.atomic():
        # One save at a time per person, so that the limit holds under concurrent requests.
        PersonalProfile.objects.select_for_update().filter(pk=personal.pk).first()
        existing = JobAlert.objects.filter(personal=personal, query=query).first()
        if existing:
            return existing, False
        if JobAlert.objects.filter(personal=personal).count() >= JobAlert.MAX_PER_PERSON:
            raise AlertError(
                _(
                    "Anda sudah menyimpan %(max)s pencarian, batas maksimal. "
                    "Hapus salah satu di Notifikasi Lowongan untuk menyimpan yang baru."
                )
                % {"max": JobAlert.MAX_PER_PERSON}
            )
        try:
            with transaction.atomic():
                alert = JobAlert.objects.create(
                    personal=personal, query=query, name=name, by_email=by_email, by_whatsapp=by_whatsapp
                )
        except IntegrityError:
            return JobAlert.objects.get(personal=personal, query=query), False
    return alert, True


def listing_url():
    """Absolute URL of the Lowongan page (the detail of a vacancy is this URL + "<pk>/")."""
    page = Page.objects.live().filter(slug="lowongan").first()
    url = (page.url if page else None) or "/lowongan/"
    if not url.startswith("http"):
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return url


def search_url(alert, base=None):
    base = base or listing_url()
    return f"{base}?{alert.query}" if alert.query else base


def new_vacancies(alert, since):
    """Open vacancies published after ``since`` that match the alert's search, newest first."""
    form = VacancySearchForm(QueryDict(alert.query))
    return form.filter(Vacancy.objects.open().filter(published_at__gt=since).with_card_data())


def send_job_alerts(now=None):
    """Send each due alert its digest of new matching vacancies: one email (if chosen and the
    email is verified) and one WhatsApp message (if chosen and the phone is verified). An alert
    already sent today is skipped. Returns the number of digests sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    base = listing_url()
    app_name = SiteSettings.current().app_name
    sent = 0
    for alert in JobAlert.objects.select_related("personal__user").order_by("pk"):
        if alert.last_sent_at and timezone.localdate(alert.last_sent_at) >= today:
            continue
        user = alert.personal.user
        if not user.is_active:
            continue
        to_email = alert.by_email and user.email and user.email_verified
        to_whatsapp = alert.by_whatsapp and user.phone and user.phone_verified
        if not (to_email or to_whatsapp):
            continue
        matches = new_vacancies(alert, alert.last_sent_at or alert.created_at)
        vacancies = list(matches[:DIGEST_SIZE])
        if not vacancies:
            continue
        total = len(vacancies) if len(vacancies) < DIGEST_SIZE else matches.count()
        with transaction.atomic():
            claimed = JobAlert.objects.filter(pk=alert.pk, last_sent_at=alert.last_sent_at).update(
                last_sent_at=now
            )
            if not claimed:
                continue  # another run took it
            link = search_url(alert, base)
            if to_email:
                send_templated_email(
                    user.email,
                    "marketplace/email/job_alert",
                    {
                        "user": user,
                        "alert": alert,
                        "total": total,
                        "vacancies": [(vacancy, f"{base}{vacancy.pk}/") for vacancy in vacancies],
                        "search_link": link,
                        "alerts_link": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                        + reverse("marketplace:job_alerts"),
                    },
                )
            if to_whatsapp:
                send_whatsapp(
                    user.phone,
                    _("[%(app)s] %(total)s lowongan baru untuk %(name)s: %(link)s")
                    % {"app": app_name, "total": total, "name": alert.name, "link": link},
                )
            sent += 1
    return sent
