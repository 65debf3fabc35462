"""Ratings (guide §1.2 "Sistem Rating & Testimoni", issue 7): who may rate whom and when, giving and
editing a rating, the simultaneous reveal, reports of abusive reviews and staff hiding.

- A decided application (Diterima / Ditolak) lets the applicant rate the Mitra (``MitraRating``)
  and the Mitra rate the applicant (``PersonalRating``); a Selesai service request lets the user
  rate the provider and the provider the user (``ServiceRating``, one per direction).
- 1–5 stars and an optional comment; one rating per relationship and side. The same call gives or
  edits it while it is editable: within 14 days of the decision / completion and until both sides
  have rated (once revealed it is fixed, so that nobody can answer the other side's rating).
- Both sides are revealed together (``reveal``): when the second side rates, or when the window
  closes (``public_rating_q`` in querysets_ratings.py is the one rule of what the public sees).

Every function is transactional and idempotent; refusals raise ``UseCaseError`` with the Indonesian
message for the user.
"""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from marketplace.choices import ApplicationStatus, ServiceRatingDirection, ServiceRequestStatus
from marketplace.models import Application, ServiceRequest
from marketplace.models.ratings import (
    RATING_WINDOW_DAYS,
    MitraRating,
    PersonalRating,
    RatingReport,
    ServiceRating,
)
from marketplace.service_use_cases import display_name
from marketplace.use_cases import UseCaseError
from users.notifications import notify

# Audit-log actions (registered with the ``register_log_actions`` hook in admin_ratings.py).
HIDE_RATING = "portal.hide_rating"
SHOW_RATING = "portal.show_rating"

COMMENT_MAX_LENGTH = 1000
DECIDED_STATUSES = (ApplicationStatus.DITERIMA, ApplicationStatus.DITOLAK)

# The sides of a relationship, as the views and templates name them.
APPLICANT = "personal"  # the applicant, rates the Mitra
MITRA = "mitra"  # the Mitra, rates the applicant
REQUESTER = "requester"  # the user of a service, rates the provider
PROVIDER = "provider"  # the provider, rates the user

# The kinds of rating in URLs (ulasan/<kind>/<pk>/laporkan/).
KINDS = {"mitra": MitraRating, "personal": PersonalRating, "jasa": ServiceRating}
KIND_OF_MODEL = {model: kind for kind, model in KINDS.items()}


def window_end(moment):
    return moment + datetime.timedelta(days=RATING_WINDOW_DAYS)


@dataclass
class RatingState:
    """What one side of a relationship may do now: ``rating`` is its own rating (or None);
    ``can_rate``: it may give or edit it now; ``reason``: why not, when it may not."""

    rating: object
    can_rate: bool
    reason: str
    editable_until: datetime.datetime | None

    @property
    def is_edit(self):
        return self.rating is not None


def _state(own, other, started_at, now=None):
    """The state of a side whose own rating is ``own`` and the other side's ``other``, for a
    relationship that ended at ``started_at`` (None: not ended yet)."""
    now = now or timezone.now()
    if started_at is None and own is None:
        return RatingState(None, False, _("Rating dapat diberikan setelah hubungan kerja selesai."), None)
    # One window per relationship: the first rating fixed it.
    until = (own or other).editable_until if (own or other) else window_end(started_at)
    if own is not None and own.revealed_at is not None:
        return RatingState(own, False, _("Rating sudah ditampilkan dan tidak dapat diubah lagi."), until)
    if now >= until:
        return RatingState(own, False, _("Masa pemberian rating (14 hari) sudah berakhir."), until)
    if started_at is None:
        return RatingState(own, False, _("Rating dapat diberikan setelah hubungan kerja selesai."), until)
    return RatingState(own, True, "", until)


def _cached(instance, name):
    """A reverse one-to-one (``application.mitra_rating``) or None."""
    try:
        return getattr(instance, name)
    except ObjectDoesNotExist:
        return None


# --- Applications -----------------------------------------------------------------------------


def application_side(user, application):
    """APPLICANT, MITRA or None: who ``user`` is in ``application``."""
    if not getattr(user, "is_authenticated", False):
        return None
    if application.personal.user_id == user.pk:
        return APPLICANT
    if application.vacancy.mitra.user_id == user.pk:
        return MITRA
    return None


def _application_decided_at(application):
    if application.status in DECIDED_STATUSES and application.decided_at:
        return application.decided_at
    return None


def application_state(application, side, now=None):
    """The RatingState of ``side`` (APPLICANT or MITRA) of ``application``. Reads
    ``application.mitra_rating`` / ``personal_rating``: select_related them on lists."""
    mitra_rating = _cached(application, "mitra_rating")
    personal_rating = _cached(application, "personal_rating")
    own, other = (mitra_rating, personal_rating) if side == APPLICANT else (personal_rating, mitra_rating)
    if application.status == ApplicationStatus.DITARIK and own is None:
        return RatingState(None, False, _("Lamaran ini sudah ditarik."), None)
    return _state(own, other, _application_decided_at(application), now)


def can_rate_application(user, application):
    side = application_side(user, application)
    return side is not None and application_state(application, side).can_rate


def _check_stars(stars):
    try:
        stars = int(stars)
    except (TypeError, ValueError):
        stars = 0
    if not 1 <= stars <= 5:
        raise UseCaseError(_("Pilih rating 1 sampai 5 bintang."))
    return stars


def _check_comment(comment):
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX_LENGTH:
        raise UseCaseError(_("Komentar paling banyak %(n)s karakter.") % {"n": COMMENT_MAX_LENGTH})
    return comment


def _save(model, existing, values, stars, comment, until):
    """Create or update the rating; returns ``(rating, created)``."""
    if existing is not None:
        if existing.stars != stars or existing.comment != comment:
            existing.stars, existing.comment = stars, comment
            existing.save(update_fields=["stars", "comment", "updated_at"])
        return existing, False
    return model.objects.create(stars=stars, comment=comment, editable_until=until, **values), True


def reveal(*ratings):
    """The one reveal rule: once both sides of a relationship have rated, both become public
    together. Returns True when it revealed them now."""
    if len(ratings) != 2 or any(rating is None for rating in ratings):
        return False
    pending = [rating for rating in ratings if rating.revealed_at is None]
    if not pending:
        return False
    now = timezone.now()
    for rating in pending:
        rating.revealed_at = now
        rating.save(update_fields=["revealed_at", "updated_at"])
    return True


@transaction.atomic
def rate_application(user, application, stars, comment=""):
    """Give or edit ``user``'s rating of the other side of ``application``: the applicant rates the
    Mitra, the Mitra's user rates the applicant. Returns ``(rating, created)``."""
    application = (
        Application.objects.select_for_update()
        .select_related("vacancy__mitra__user", "personal__user")
        .get(pk=application.pk)
    )
    side = application_side(user, application)
    if side is None:
        raise UseCaseError(_("Lamaran ini bukan milik Anda."))
    stars = _check_stars(stars)
    comment = _check_comment(comment)
    mitra = application.vacancy.mitra
    personal = application.personal
    mitra_rating = MitraRating.objects.filter(application=application).first()
    personal_rating = PersonalRating.objects.filter(application=application).first()
    own, other = (mitra_rating, personal_rating) if side == APPLICANT else (personal_rating, mitra_rating)
    if application.status == ApplicationStatus.DITARIK:
        raise UseCaseError(_("Lamaran ini sudah ditarik."))
    state = _state(own, other, _application_decided_at(application))
    if own is not None and own.stars == stars and own.comment == comment:
        return own, False  # a repeated submit
    if not state.can_rate:
        raise UseCaseError(state.reason)
    model = MitraRating if side == APPLICANT else PersonalRating
    try:
        with transaction.atomic():
            rating, created = _save(
                model,
                own,
                {"application": application, "mitra": mitra, "personal": personal},
                stars,
                comment,
                state.editable_until,
            )
    except IntegrityError:  # the same form posted twice at the same moment
        return model.objects.get(application=application), False
    if side == APPLICANT:
        reveal(rating, personal_rating)
    else:
        reveal(mitra_rating, rating)
    if created:
        if side == APPLICANT:
            ratee, title = mitra.user, _("Pelamar memberi rating untuk %(name)s") % {"name": mitra.name}
        else:
            ratee = personal.user
            title = _("%(mitra)s memberi rating untuk Anda") % {"mitra": mitra.name}
        _notify_rated(
            ratee,
            title,
            application.vacancy.title,
            reverse("marketplace:rate_application", args=[application.pk]),
        )
    return rating, created


def _notify_rated(ratee, title, about, url):
    notify(
        ratee,
        "rating.received",
        title,
        _(
            "Anda menerima rating untuk %(about)s. Rating akan ditampilkan setelah Anda juga memberi "
            "rating atau setelah masa penilaian %(days)s hari berakhir."
        )
        % {"about": about, "days": RATING_WINDOW_DAYS},
        url,
    )


def notify_can_rate_application(application, *, tell_mitra=True):
    """An application was just decided: the applicant (and the Mitra) may now rate each other."""
    vacancy = application.vacancy
    url = reverse("marketplace:rate_application", args=[application.pk])
    notify(
        application.personal.user,
        "rating.can_rate",
        _("Berikan rating untuk %(mitra)s") % {"mitra": vacancy.mitra.name},
        _("Lamaran Anda untuk %(title)s sudah diputuskan. Anda dapat memberi rating dalam %(days)s hari.")
        % {"title": vacancy.title, "days": RATING_WINDOW_DAYS},
        url,
    )
    if tell_mitra:
        notify(
            vacancy.mitra.user,
            "rating.can_rate",
            _("Berikan rating untuk pelamar %(name)s") % {"name": application.personal},
            _("Anda dapat memberi rating untuk pelamar lowongan %(title)s dalam %(days)s hari.")
            % {"title": vacancy.title, "days": RATING_WINDOW_DAYS},
            url,
        )


# --- Service requests -------------------------------------------------------------------------


def service_request_side(user, service_request):
    if not getattr(user, "is_authenticated", False):
        return None
    if service_request.requester_id == user.pk:
        return REQUESTER
    if service_request.service.provider_id == user.pk:
        return PROVIDER
    return None


def _direction(side):
    return ServiceRatingDirection.OF_PROVIDER if side == REQUESTER else ServiceRatingDirection.OF_USER


def _completed_at(service_request):
    if service_request.status == ServiceRequestStatus.SELESAI and service_request.completed_at:
        return service_request.completed_at
    return None


def service_request_state(service_request, side, now=None):
    """The RatingState of ``side`` (REQUESTER or PROVIDER) of ``service_request``. Reads
    ``service_request.ratings.all()``: prefetch_related("ratings") on lists."""
    ratings = {rating.direction: rating for rating in service_request.ratings.all()}
    direction = _direction(side)
    other = (
        ServiceRatingDirection.OF_USER
        if direction == ServiceRatingDirection.OF_PROVIDER
        else (ServiceRatingDirection.OF_PROVIDER)
    )
    return _state(ratings.get(direction), ratings.get(other), _completed_at(service_request), now)


def can_rate_service_request(user, service_request):
    side = service_request_side(user, service_request)
    return side is not None and service_request_state(service_request, side).can_rate


@transaction.atomic
def rate_service_request(user, service_request, stars, comment=""):
    """Give or edit ``user``'s rating after a Selesai request: the requester rates the provider
    (OF_PROVIDER), the provider rates the requester (OF_USER). Returns ``(rating, created)``."""
    service_request = (
        ServiceRequest.objects.select_for_update()
        .select_related("service__provider", "requester")
        .get(pk=service_request.pk)
    )
    side = service_request_side(user, service_request)
    if side is None:
        raise UseCaseError(_("Permintaan jasa ini bukan milik Anda."))
    stars = _check_stars(stars)
    comment = _check_comment(comment)
    direction = _direction(side)
    ratings = {
        rating.direction: rating for rating in ServiceRating.objects.filter(service_request=service_request)
    }
    own = ratings.get(direction)
    other = next((rating for key, rating in ratings.items() if key != direction), None)
    state = _state(own, other, _completed_at(service_request))
    if own is not None and own.stars == stars and own.comment == comment:
        return own, False
    if not state.can_rate:
        raise UseCaseError(state.reason)
    provider, requester = service_request.service.provider, service_request.requester
    ratee = provider if side == REQUESTER else requester
    try:
        with transaction.atomic():
            rating, created = _save(
                ServiceRating,
                own,
                {
                    "service_request": service_request,
                    "direction": direction,
                    "service": service_request.service,
                    "rater": user,
                    "ratee": ratee,
                },
                stars,
                comment,
                state.editable_until,
            )
    except IntegrityError:
        return ServiceRating.objects.get(service_request=service_request, direction=direction), False
    reveal(rating, other)
    if created:
        _notify_rated(
            ratee,
            _("%(name)s memberi rating untuk Anda") % {"name": display_name(user)},
            service_request.service.title,
            reverse("marketplace:rate_service_request", args=[service_request.pk]),
        )
    return rating, created


# --- Reports and moderation -------------------------------------------------------------------


def rater_user_id(rating):
    if isinstance(rating, MitraRating):
        return rating.personal.user_id
    if isinstance(rating, PersonalRating):
        return rating.mitra.user_id
    return rating.rater_id


@transaction.atomic
def report_rating(user, rating, reason):
    """Laporkan ulasan: once per user and review; the review's ``report_count`` goes up. Returns
    ``(report, created)``."""
    reason = (reason or "").strip()
    if not reason:
        raise UseCaseError(_("Tuliskan alasan laporan."))
    model = type(rating)
    rating = model.objects.select_for_update().get(pk=rating.pk)
    if rater_user_id(rating) == user.pk:
        raise UseCaseError(_("Anda tidak dapat melaporkan ulasan Anda sendiri."))
    content_type = ContentType.objects.get_for_model(model)
    existing = RatingReport.objects.filter(
        content_type=content_type, object_id=rating.pk, reporter=user
    ).first()
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            report = RatingReport.objects.create(
                content_type=content_type, object_id=rating.pk, reporter=user, reason=reason
            )
    except IntegrityError:
        return RatingReport.objects.get(content_type=content_type, object_id=rating.pk, reporter=user), False
    model.objects.filter(pk=rating.pk).update(report_count=F("report_count") + 1)
    return report, True


@transaction.atomic
def hide_rating(staff_user, rating, reason=""):
    """Sembunyikan: the review leaves the public pages and the averages."""
    rating = type(rating).objects.select_for_update().get(pk=rating.pk)
    if rating.hidden_at is None:
        rating.hidden_at = timezone.now()
        rating.hidden_by = staff_user
        rating.hidden_reason = (reason or "").strip()[:255]
        rating.save(update_fields=["hidden_at", "hidden_by", "hidden_reason", "updated_at"])
        log(rating, HIDE_RATING, user=staff_user, data={"reason": rating.hidden_reason})
    return rating


@transaction.atomic
def unhide_rating(staff_user, rating):
    """Tampilkan: a hidden review is public again (if it is revealed)."""
    rating = type(rating).objects.select_for_update().get(pk=rating.pk)
    if rating.hidden_at is not None:
        rating.hidden_at = None
        rating.hidden_by = None
        rating.hidden_reason = ""
        rating.save(update_fields=["hidden_at", "hidden_by", "hidden_reason", "updated_at"])
        log(rating, SHOW_RATING, user=staff_user)
    return rating
