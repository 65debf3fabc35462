"""Pelamar → "Cetak PDF" (guide §6.1): one applicant's resume and application, and the applicant list
of one vacancy. Only the Mitra owning the vacancy prints them; anyone else gets a 404. The NIK is
never printed. Both run a fixed number of queries whatever the number of applicants."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import slugify

from marketplace.models import Application, Vacancy
from marketplace.views.common import mitra_required
from portal.pdf import pdf_response, render_pdf


@mitra_required
def applicant_pdf(request, pk):
    application = get_object_or_404(
        Application.objects.with_resume(), pk=pk, vacancy__mitra__user=request.user
    )
    profile = application.personal
    context = {
        "application": application,
        "vacancy": application.vacancy,
        "profile": profile,
        "account": profile.user,
        "experiences": profile.experiences.all(),
        "educations": profile.educations.all(),
        "skills": profile.skills.all(),
        "organisations": profile.organisations.all(),
        "printed_at": timezone.now(),
    }
    name = slugify(profile.user.get_full_name()) or profile.user.username
    return pdf_response(
        render_pdf("marketplace/pdf/applicant.html", context), f"pelamar-{application.pk}-{name}.pdf"
    )


@mitra_required
def vacancy_applicants_pdf(request, pk):
    vacancy = get_object_or_404(Vacancy.objects.select_related("mitra"), pk=pk, mitra__user=request.user)
    applications = vacancy.applications.select_related(
        "personal__user", "personal__kecamatan", "personal__education_level"
    ).order_by("created_at", "pk")
    context = {"vacancy": vacancy, "applications": applications, "printed_at": timezone.now()}
    return pdf_response(
        render_pdf("marketplace/pdf/applicant_list.html", context),
        f"pelamar-lowongan-{vacancy.pk}-{slugify(vacancy.title)}.pdf",
    )
