"""The Personal's side of the job marketplace (guide §5.1): Lamar Sekarang with its confirmation,
Simpan, Lowongan Tersimpan and Lamaran Terkirim."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from marketplace import use_cases
from marketplace.choices import ApplicationStatus
from marketplace.models import Application, SavedVacancy, Vacancy
from marketplace.views.common import personal_required, redirect_back

PER_PAGE = 20


def _visible_vacancy(pk):
    return get_object_or_404(
        Vacancy.objects.visible().select_related("mitra", "job_type", "category", "min_education"), pk=pk
    )


@personal_required
@require_http_methods(["GET", "POST"])
def apply(request, pk):
    """Lamar Sekarang → this confirmation → "Kirim Lamaran"."""
    vacancy = _visible_vacancy(pk)
    existing = Application.objects.filter(vacancy=vacancy, personal__user=request.user).first()
    if request.method == "POST":
        try:
            _application, created = use_cases.apply(request.user, vacancy)
        except use_cases.UseCaseError as error:
            messages.error(request, str(error))
            return redirect("marketplace:apply", vacancy.pk)
        if created:
            messages.success(
                request,
                _("Lamaran Anda untuk %(title)s sudah terkirim ke %(mitra)s.")
                % {"title": vacancy.title, "mitra": vacancy.mitra.name},
            )
        else:
            messages.info(request, _("Anda sudah melamar lowongan ini."))
        return redirect("marketplace:applications")
    blockers, completeness = use_cases.apply_blockers(request.user, vacancy)
    return render(
        request,
        "marketplace/personal/apply_confirm.html",
        {
            "vacancy": vacancy,
            "existing": existing if existing and existing.status != ApplicationStatus.DITARIK else None,
            "blockers": blockers,
            "completeness": completeness,
        },
    )


@personal_required
@require_POST
def toggle_saved(request, pk):
    """Simpan / hapus dari Lowongan Tersimpan."""
    vacancy = _visible_vacancy(pk)
    personal = request.user.personal_profile
    if request.POST.get("aksi") == "hapus":
        use_cases.unsave_vacancy(personal, vacancy)
        messages.success(request, _("Lowongan dihapus dari Lowongan Tersimpan."))
    else:
        use_cases.save_vacancy(personal, vacancy)
        messages.success(request, _("Lowongan disimpan di Lowongan Tersimpan."))
    return redirect_back(request, "marketplace:saved_vacancies")


@personal_required
def saved_vacancies(request):
    saved = SavedVacancy.objects.for_personal(request.user.personal_profile)
    page_obj = Paginator(saved, PER_PAGE).get_page(request.GET.get("halaman"))
    return render(request, "marketplace/personal/saved_vacancies.html", {"page_obj": page_obj})


@personal_required
def applications(request):
    """Lamaran Terkirim: vacancy, Mitra, date, status with the Mitra's message."""
    sent = Application.objects.for_personal(request.user.personal_profile).order_by("-created_at", "-pk")
    page_obj = Paginator(sent, PER_PAGE).get_page(request.GET.get("halaman"))
    return render(request, "marketplace/personal/applications.html", {"page_obj": page_obj})


@personal_required
@require_POST
def withdraw(request, pk):
    application = get_object_or_404(Application, pk=pk, personal__user=request.user)
    try:
        use_cases.withdraw(request.user, application)
        messages.success(request, _("Lamaran sudah ditarik."))
    except use_cases.UseCaseError as error:
        messages.error(request, str(error))
    return redirect_back(request, "marketplace:applications")
