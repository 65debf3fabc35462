"""Pelamar → one applicant (guide §6.1): the applicant's profile and resume, the application's status
and the status-change form. Only the Mitra owning the vacancy of the application opens it; anyone
else signed in gets a 404, anonymous visitors the Mitra login. The NIK is never shown to a Mitra."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, render

from marketplace.forms import ApplicationStatusForm
from marketplace.models import Application, PersonalRating
from marketplace.querysets import ApplicationQuerySet


def applicant_detail(request, pk):
    # Anonymous visitors go to the Mitra login; any other account (another Mitra, the applicant,
    # any Personal or staff) gets the same 404 as a missing application, revealing nothing.
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), "users:login_mitra")
    application = get_object_or_404(
        Application.objects.with_resume().select_related(*ApplicationQuerySet.RATINGS),
        pk=pk,
        vacancy__mitra__user=request.user,
    )
    profile = application.personal
    applicant_ratings = PersonalRating.objects.filter(personal=profile).public()
    status_form = ApplicationStatusForm(
        initial={"status": application.status, "message": application.mitra_message},
        prefix=f"lamaran-{application.pk}",
    )
    return render(
        request,
        "marketplace/mitra/applicant_detail.html",
        {
            "application": application,
            "status_form": status_form,
            "account": profile.user,
            "profile": profile,
            "experiences": profile.experiences.all(),
            "educations": profile.educations.all(),
            "skills": profile.skills.all(),
            "organisations": profile.organisations.all(),
            # Rating Personal: what Mitra said of this applicant once revealed (issue 7).
            "applicant_rating": applicant_ratings.summary(),
            "applicant_reviews": applicant_ratings.order_by("-created_at", "-pk")[:10],
        },
    )
