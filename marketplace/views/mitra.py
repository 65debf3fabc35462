"""The Mitra's side of the job marketplace (guide §6.1): Memposting Lowongan, List Lowongan, Pelamar.
A Mitra only ever reaches its own vacancies and applications; anything else is a 404."""

import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from marketplace import use_cases
from marketplace.choices import VacancyStatus
from marketplace.forms import ApplicantFilterForm, ApplicationStatusForm, ExtendForm, VacancyForm
from marketplace.models import Application, Vacancy
from marketplace.views.common import mitra_required, redirect_back
from portal.figures_cache import APPLICATIONS
from portal.pagination import DeferredJoinPaginator

PER_PAGE = 20


def _own_vacancy(request, pk):
    return get_object_or_404(Vacancy.objects.select_related("mitra"), pk=pk, mitra__user=request.user)


def _form_page(request, form, mitra, vacancy=None):
    return render(
        request,
        "marketplace/mitra/vacancy_form.html",
        {"form": form, "mitra": mitra, "vacancy": vacancy},
    )


@mitra_required
@require_http_methods(["GET", "POST"])
def vacancy_create(request):
    """Memposting Lowongan: the form → "Konfirmasi" (preview) → "Posting"."""
    mitra = request.user.mitra_profile
    if request.method == "GET":
        return _form_page(request, VacancyForm(), mitra)
    form = VacancyForm(request.POST)
    action = request.POST.get("aksi")
    if action == "ubah":  # back from the preview, everything typed kept
        return _form_page(request, form, mitra)
    if not form.is_valid():
        messages.error(request, _("Lowongan belum dapat diproses. Periksa isian yang ditandai di bawah."))
        return _form_page(request, form, mitra)
    if action != "posting":
        return render(
            request,
            "marketplace/mitra/vacancy_confirm.html",
            {
                "form": form,
                "mitra": mitra,
                "preview": form.instance,
                "locations": form.cleaned_data["locations"],
            },
        )
    vacancy = use_cases.save_draft(
        mitra, form.cleaned_data, submission_key=form.cleaned_data["submission_key"]
    )
    if vacancy.status == VacancyStatus.DRAFT:
        try:
            use_cases.publish(vacancy)
            messages.success(request, _("Lowongan sudah diposting dan tayang di halaman Lowongan."))
        except use_cases.UseCaseError as error:
            messages.warning(request, str(error))
    return redirect("marketplace:mitra_vacancies")


@mitra_required
@require_http_methods(["GET", "POST"])
def vacancy_edit(request, pk):
    vacancy = _own_vacancy(request, pk)
    if vacancy.status not in use_cases.EDITABLE_STATUSES:
        messages.error(request, _("Lowongan yang sudah ditutup atau terisi tidak dapat diubah."))
        return redirect("marketplace:mitra_vacancies")
    form = VacancyForm(request.POST or None, instance=vacancy)
    if request.method == "POST":
        if form.is_valid():
            use_cases.save_draft(vacancy.mitra, form.cleaned_data, vacancy=vacancy)
            messages.success(request, _("Perubahan lowongan sudah disimpan."))
            return redirect("marketplace:mitra_vacancies")
        messages.error(request, _("Perubahan belum tersimpan. Periksa isian yang ditandai di bawah."))
    return _form_page(request, form, vacancy.mitra, vacancy)


@mitra_required
def vacancy_list(request):
    """List Lowongan: status and applicant counts per status in one aggregated query."""
    mitra = request.user.mitra_profile
    vacancies = (
        Vacancy.objects.of_mitra(mitra)
        .with_applicant_counts()
        .select_related("job_type")
        .order_by("-created_at", "-pk")
    )
    page_obj = Paginator(vacancies, PER_PAGE).get_page(request.GET.get("halaman"))
    return render(request, "marketplace/mitra/vacancy_list.html", {"mitra": mitra, "page_obj": page_obj})


def _transition(request, pk, action, success):
    vacancy = _own_vacancy(request, pk)
    try:
        action(vacancy)
        messages.success(request, success)
    except use_cases.UseCaseError as error:
        messages.error(request, str(error))
    return redirect("marketplace:mitra_vacancies")


@mitra_required
@require_POST
def vacancy_publish(request, pk):
    return _transition(request, pk, use_cases.publish, _("Lowongan sudah diposting dan tayang."))


@mitra_required
@require_POST
def vacancy_close(request, pk):
    return _transition(request, pk, use_cases.close, _("Lowongan sudah ditutup."))


@mitra_required
@require_POST
def vacancy_fill(request, pk):
    return _transition(
        request,
        pk,
        lambda vacancy: use_cases.mark_filled(vacancy, by=request.user),
        _("Lowongan ditandai terisi. Pelamar yang masih menunggu sudah diberi tahu."),
    )


@mitra_required
@require_http_methods(["GET", "POST"])
def vacancy_extend(request, pk):
    """Perpanjang: choose the new end date."""
    vacancy = _own_vacancy(request, pk)
    if request.method == "POST":
        form = ExtendForm(request.POST)
        if form.is_valid():
            return _transition(
                request,
                pk,
                lambda v: use_cases.extend(v, form.cleaned_data["end_date"]),
                _("Lowongan diperpanjang sampai %(date)s.")
                % {"date": form.cleaned_data["end_date"].strftime("%d-%m-%Y")},
            )
    else:
        start = max(vacancy.end_date, timezone.localdate())
        form = ExtendForm(initial={"end_date": start + datetime.timedelta(days=30)})
    return render(request, "marketplace/mitra/vacancy_extend.html", {"vacancy": vacancy, "form": form})


@mitra_required
def applicants(request):
    """Pelamar: every applicant across the Mitra's vacancies, searched by name and filtered."""
    mitra = request.user.mitra_profile
    filter_form = ApplicantFilterForm(request.GET or None, mitra=mitra)
    applications = filter_form.filter(Application.objects.for_mitra(mitra))
    page_obj = DeferredJoinPaginator(
        applications.order_by("-created_at", "-pk"), PER_PAGE, version=APPLICATIONS
    ).get_page(request.GET.get("halaman"))
    # One form for the labels and choices of every applicant's Ubah Status fields (written out per
    # applicant with the prefix lamaran-<id>, as application_status reads them): not one per row.
    return render(
        request,
        "marketplace/mitra/applicants.html",
        {
            "mitra": mitra,
            "filter_form": filter_form,
            "page_obj": page_obj,
            "status_form": ApplicationStatusForm(),
        },
    )


@mitra_required
@require_POST
def application_status(request, pk):
    mitra = request.user.mitra_profile
    application = get_object_or_404(Application, pk=pk, vacancy__mitra=mitra)
    form = ApplicationStatusForm(request.POST, prefix=f"lamaran-{application.pk}")
    if form.is_valid():
        try:
            application = use_cases.set_status(
                mitra, application, form.cleaned_data["status"], form.cleaned_data["message"], by=request.user
            )
            messages.success(
                request,
                _("Status lamaran %(name)s: %(status)s. Pelamar sudah diberi tahu.")
                % {"name": application.personal, "status": application.get_status_display()},
            )
        except use_cases.UseCaseError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("Status lamaran belum diubah. Pilih status yang tersedia."))
    return redirect_back(request, "marketplace:applicants")
