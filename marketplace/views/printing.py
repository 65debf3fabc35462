"""Pelamar → "Cetak PDF" (guide §6.1): one applicant's resume and application, and the applicant list
of one vacancy. Only the Mitra owning the vacancy prints them; anyone else gets a 404. The NIK is
never printed. Both run a fixed number of queries whatever the number of applicants. A list longer
than ``INLINE_PDF_LIMIT`` is printed by a background job (marketplace/printing_tasks.py)."""

from urllib.parse import urlsplit

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.utils.translation import gettext as _

from marketplace import printing_tasks
from marketplace.models import Application, Vacancy
from marketplace.views.common import mitra_required
from portal.pdf import pdf_response, render_pdf
from users.redirects import safe_next_url


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
    """Inline up to ``INLINE_PDF_LIMIT`` applicants; a longer list is printed by a job, and the Mitra
    goes back to the page they came from and gets a Pemberitahuan with the download link."""
    vacancy = get_object_or_404(Vacancy.objects.select_related("mitra"), pk=pk, mitra__user=request.user)
    if vacancy.applications.count() > printing_tasks.INLINE_PDF_LIMIT:
        printing_tasks.start_applicant_list_pdf(request.user, vacancy)
        messages.info(
            request, _("PDF daftar pelamar sedang dibuat. Anda akan menerima pemberitahuan bila sudah siap.")
        )
        return _back(request)
    return pdf_response(
        printing_tasks.render_applicant_list(vacancy), printing_tasks.applicant_list_filename(vacancy)
    )


@mitra_required
def vacancy_applicants_pdf_download(request, pk, token):
    """A list printed by the job, for the Mitra who asked for it only (anyone else: 404)."""
    vacancy = get_object_or_404(Vacancy.objects.select_related("mitra"), pk=pk, mitra__user=request.user)
    file = printing_tasks.open_applicant_list(request.user, vacancy, token)
    if file is None:
        raise Http404
    return FileResponse(
        file,
        as_attachment=True,
        filename=printing_tasks.applicant_list_filename(vacancy),
        content_type="application/pdf",
    )


def _back(request):
    """The page the "Cetak PDF" link was on: ``next``, else the Referer when it is a page of this
    site (and not this URL), else the Mitra's vacancy list."""
    target = safe_next_url(request)
    if not target:
        referer = request.META.get("HTTP_REFERER", "")
        if (
            referer
            and urlsplit(referer).path != request.path
            and url_has_allowed_host_and_scheme(
                referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            )
        ):
            target = referer
    return HttpResponseRedirect(target) if target else redirect("marketplace:mitra_vacancies")
