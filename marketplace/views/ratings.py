"""Berikan Rating / Ubah Rating for both sides of a decided application or a finished service
request, and Laporkan ulasan (issue 7). The rules live in marketplace/rating_use_cases.py; another
person's relationship answers 404, anonymous visitors go to the login."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from marketplace import rating_use_cases as ratings
from marketplace.forms_ratings import RatingForm, RatingReportForm
from marketplace.models import Application, ServiceRequest
from marketplace.service_use_cases import display_name
from marketplace.use_cases import UseCaseError
from marketplace.views.common import redirect_back


def _rating_form(request, state):
    initial = {"stars": state.rating.stars, "comment": state.rating.comment} if state.rating else None
    return RatingForm(request.POST if request.method == "POST" else None, initial=initial)


def _rate(request, state, save, fallback, context):
    """The GET/POST of a rating form: ``save(stars, comment)`` runs the use case."""
    form = _rating_form(request, state)
    if request.method == "POST" and form.is_valid():
        try:
            _rating, created = save(form.cleaned_data["stars"], form.cleaned_data["comment"])
        except UseCaseError as error:
            form.add_error(None, str(error))
        else:
            if created:
                messages.success(
                    request,
                    _(
                        "Terima kasih, rating Anda tersimpan. Rating ditampilkan setelah kedua pihak "
                        "memberi rating atau setelah masa penilaian berakhir."
                    ),
                )
            else:
                messages.success(request, _("Rating Anda sudah diperbarui."))
            return redirect_back(request, fallback)
    return render(
        request,
        "marketplace/ratings/rate.html",
        {
            **context,
            "state": state,
            "form": form,
            "next": request.POST.get("next") or request.GET.get("next", ""),
        },
    )


@require_http_methods(["GET", "POST"])
def rate_application(request, pk):
    """The applicant rates the Mitra (from Lamaran Terkirim); the Mitra rates the applicant (from
    Pelamar)."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    application = get_object_or_404(
        Application.objects.select_related(
            "vacancy__mitra__user", "personal__user", "mitra_rating", "personal_rating"
        ),
        Q(personal__user=user) | Q(vacancy__mitra__user=user),
        pk=pk,
    )
    side = ratings.application_side(user, application)
    state = ratings.application_state(application, side)
    if side == ratings.APPLICANT:
        subject = application.vacancy.mitra.name
        fallback = "marketplace:applications"
    else:
        subject = str(application.personal)
        fallback = "marketplace:applicants"
    return _rate(
        request,
        state,
        lambda stars, comment: ratings.rate_application(user, application, stars, comment),
        fallback,
        {
            "subject": subject,
            "about": application.vacancy.title,
            "side": side,
            "decision": application.get_status_display(),
        },
    )


@require_http_methods(["GET", "POST"])
def rate_service_request(request, pk):
    """The user rates the provider (Gunakan Jasa Terkirim); the provider rates the user (Pengguna
    Jasa)."""
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    service_request = get_object_or_404(
        ServiceRequest.objects.select_related("service__provider", "requester").prefetch_related("ratings"),
        Q(requester=user) | Q(service__provider=user),
        pk=pk,
    )
    side = ratings.service_request_side(user, service_request)
    state = ratings.service_request_state(service_request, side)
    if side == ratings.REQUESTER:
        subject = display_name(service_request.service.provider)
        fallback = "marketplace:service_requests_sent"
    else:
        subject = display_name(service_request.requester)
        fallback = "marketplace:service_users"
    return _rate(
        request,
        state,
        lambda stars, comment: ratings.rate_service_request(user, service_request, stars, comment),
        fallback,
        {
            "subject": subject,
            "about": service_request.service.title,
            "side": side,
            "decision": service_request.get_status_display(),
        },
    )


@require_http_methods(["GET", "POST"])
def report_rating(request, kind, pk):
    """Laporkan ulasan: a signed-in user reports a public review, once."""
    model = ratings.KINDS.get(kind)
    if model is None:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    rating = get_object_or_404(model.objects.public(), pk=pk)
    form = RatingReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            _report, created = ratings.report_rating(request.user, rating, form.cleaned_data["reason"])
        except UseCaseError as error:
            form.add_error(None, str(error))
        else:
            if created:
                messages.success(request, _("Terima kasih. Laporan Anda akan ditinjau oleh petugas."))
            else:
                messages.info(request, _("Anda sudah melaporkan ulasan ini."))
            return redirect_back(request, "/")
    return render(
        request,
        "marketplace/ratings/report.html",
        {"review": rating, "form": form, "next": request.POST.get("next") or request.GET.get("next", "")},
    )
