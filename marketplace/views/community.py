"""Testimoni (Personal and Mitra, guide §5, §6) and Pengumuman (Mitra, guide §6) in the account area.
A Mitra only ever reaches its own announcements; anything else is a 404."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from marketplace import community_use_cases as use_cases
from marketplace.forms_community import MitraAnnouncementForm, TestimonialForm
from marketplace.models import MitraAnnouncement, Testimonial
from marketplace.use_cases import UseCaseError
from marketplace.views.common import mitra_required

PER_PAGE = 20


def personal_or_mitra_required(view):
    """Personal and Mitra accounts only: others get 403, anonymous visitors go to the login page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not use_cases.may_write_testimonial(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


# ---------------------------------------------------------------------------------------------
# Testimoni


@personal_or_mitra_required
@require_http_methods(["GET", "POST"])
def testimonial(request):
    """Write or edit one's testimonial; the page shows its status."""
    current = Testimonial.objects.filter(author=request.user).first()
    form = TestimonialForm(request.POST or None, instance=current)
    if request.method == "POST":
        if form.is_valid():
            was_approved = current is not None and current.is_approved
            try:
                saved, changed = use_cases.save_testimonial(
                    request.user, form.cleaned_data["text"], form.cleaned_data["stars"]
                )
            except UseCaseError as error:
                form.add_error(None, str(error))
            else:
                if not changed:
                    messages.info(request, _("Tidak ada perubahan pada testimoni Anda."))
                elif was_approved:
                    messages.success(
                        request,
                        _(
                            "Perubahan testimoni sudah disimpan. Testimoni Anda menunggu persetujuan lagi "
                            "dan tidak tampil untuk umum sampai disetujui petugas."
                        ),
                    )
                else:
                    messages.success(
                        request,
                        _("Testimoni sudah dikirim dan menunggu persetujuan petugas. Terima kasih!"),
                    )
                return redirect("marketplace:testimonial")
        if form.errors:
            messages.error(request, _("Testimoni belum tersimpan. Periksa isian yang ditandai di bawah."))
        current = Testimonial.objects.filter(author=request.user).first()  # unchanged by the form
    return render(request, "marketplace/community/testimonial.html", {"form": form, "testimonial": current})


# ---------------------------------------------------------------------------------------------
# Pengumuman (Mitra)


def _own_announcement(request, pk):
    return get_object_or_404(
        MitraAnnouncement.objects.select_related("mitra", "vacancy"), pk=pk, mitra__user=request.user
    )


@mitra_required
def announcement_list(request):
    mitra = request.user.mitra_profile
    announcements = (
        MitraAnnouncement.objects.filter(mitra=mitra).select_related("vacancy").order_by("-created_at", "-pk")
    )
    page_obj = Paginator(announcements, PER_PAGE).get_page(request.GET.get("halaman"))
    return render(
        request, "marketplace/community/announcement_list.html", {"mitra": mitra, "page_obj": page_obj}
    )


def _form_page(request, form, mitra, announcement=None):
    return render(
        request,
        "marketplace/community/announcement_form.html",
        {"form": form, "mitra": mitra, "announcement": announcement},
    )


def _saved_message(request, mitra, created, announcement=None):
    if announcement is not None and announcement.hidden_at:
        messages.warning(
            request,
            _("Perubahan pengumuman sudah disimpan, tetapi pengumuman ini tetap disembunyikan oleh admin."),
        )
    elif not mitra.is_verified:
        messages.warning(
            request,
            _(
                "Pengumuman sudah disimpan, tetapi belum tampil di halaman Pengumuman karena akun Mitra "
                "Anda belum terverifikasi."
            ),
        )
    elif created:
        messages.success(request, _("Pengumuman sudah dibuat dan tampil di halaman Pengumuman."))
    else:
        messages.success(request, _("Perubahan pengumuman sudah disimpan."))


@mitra_required
@require_http_methods(["GET", "POST"])
def announcement_create(request):
    """Buat Pengumuman."""
    mitra = request.user.mitra_profile
    form = MitraAnnouncementForm(request.POST or None, request.FILES or None, mitra=mitra)
    if request.method == "POST":
        if form.is_valid():
            try:
                form.save_for(mitra)
            except UseCaseError as error:
                form.add_error(None, str(error))
            else:
                _saved_message(request, mitra, created=True)
                return redirect("marketplace:mitra_announcements")
        messages.error(request, _("Pengumuman belum tersimpan. Periksa isian yang ditandai di bawah."))
    return _form_page(request, form, mitra)


@mitra_required
@require_http_methods(["GET", "POST"])
def announcement_edit(request, pk):
    announcement = _own_announcement(request, pk)
    mitra = announcement.mitra
    form = MitraAnnouncementForm(
        request.POST or None, request.FILES or None, instance=announcement, mitra=mitra
    )
    if request.method == "POST":
        if form.is_valid():
            try:
                form.save_for(mitra)
            except UseCaseError as error:
                form.add_error(None, str(error))
            else:
                _saved_message(request, mitra, created=False, announcement=announcement)
                return redirect("marketplace:mitra_announcements")
        messages.error(request, _("Perubahan belum tersimpan. Periksa isian yang ditandai di bawah."))
        announcement = _own_announcement(request, pk)  # as saved, not as typed
    return _form_page(request, form, mitra, announcement)


@mitra_required
@require_http_methods(["GET", "POST"])
def announcement_delete(request, pk):
    """Hapus: a confirmation page, then the POST. A second POST finds nothing and says so."""
    mitra = request.user.mitra_profile
    if request.method == "POST":
        if use_cases.delete_announcement(mitra, pk):
            messages.success(request, _("Pengumuman sudah dihapus."))
        elif not MitraAnnouncement.objects.filter(pk=pk).exists():
            messages.info(request, _("Pengumuman ini sudah dihapus."))
        else:
            raise Http404  # someone else's announcement: never touched
        return redirect("marketplace:mitra_announcements")
    announcement = _own_announcement(request, pk)
    return render(
        request,
        "marketplace/community/announcement_delete.html",
        {"mitra": mitra, "announcement": announcement},
    )
