"""Profil Saya and Resume of a Personal account (guide chapter 5)."""

import base64
from dataclasses import dataclass
from io import BytesIO

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from PIL import Image, UnidentifiedImageError

from portal.pdf import pdf_response, render_pdf
from users.access import account_type_required
from users.choices import AccountType
from users.completeness import personal_completeness
from users.forms_personal import (
    NIK_TAKEN,
    DataPersonalForm,
    EducationForm,
    OrganisationForm,
    SkillForm,
    WorkExperienceForm,
)
from users.models import Education, Organisation, PersonalProfile, Skill, WorkExperience
from users.querysets import personal_profiles_with_sections

personal_required = account_type_required(AccountType.PERSONAL, "users:login")


@dataclass(frozen=True)
class Section:
    """One list of Profil Saya: its URL slug, model, form and the words the pages use."""

    slug: str
    model: type
    form_class: type
    title: str
    entries: str  # name of the related manager on PersonalProfile
    none_flag: str = ""  # "tidak ada" flag on PersonalProfile, for sections that may be empty
    none_label: str = ""
    case_insensitive: tuple = ()  # fields compared case-insensitively when spotting a double submit

    @property
    def anchor(self):
        return self.slug


SECTIONS = {
    section.slug: section
    for section in (
        Section(
            "pengalaman",
            WorkExperience,
            WorkExperienceForm,
            gettext_lazy("Pengalaman Kerja"),
            "experiences",
            none_flag="no_experience",
            none_label=gettext_lazy("Saya belum memiliki pengalaman kerja (tidak ada)"),
        ),
        Section("pendidikan", Education, EducationForm, gettext_lazy("Pendidikan"), "educations"),
        Section(
            "keterampilan",
            Skill,
            SkillForm,
            gettext_lazy("Keterampilan"),
            "skills",
            case_insensitive=("name",),
        ),
        Section(
            "organisasi",
            Organisation,
            OrganisationForm,
            gettext_lazy("Organisasi"),
            "organisations",
            none_flag="no_organisation",
            none_label=gettext_lazy("Saya tidak memiliki pengalaman organisasi (tidak ada)"),
        ),
    )
}


def _section(slug):
    try:
        return SECTIONS[slug]
    except KeyError:
        raise Http404 from None


def _profile_url(anchor=""):
    url = reverse("users:personal_profile")
    return f"{url}#{anchor}" if anchor else url


def _own_profile(user):
    """The profile of a Personal account (created on first use for accounts made without one)."""
    profile = PersonalProfile.objects.get_or_create(user=user)[0]
    profile.user = user  # the request's user: one object, no second query
    return profile


def _profile_with_sections(user):
    profile = personal_profiles_with_sections().filter(user=user).first()
    if profile is None:
        _own_profile(user)
        profile = personal_profiles_with_sections().get(user=user)
    return profile


def _data(request):
    return request.POST if request.method == "POST" else None


@personal_required
def personal_profile(request):
    """Profil Saya: completeness, verification, account status and every section with its entries."""
    profile = _profile_with_sections(request.user)
    sections = [
        (section, getattr(profile, section.entries).all(), bool(getattr(profile, section.none_flag, False)))
        for section in SECTIONS.values()
    ]
    return render(
        request,
        "users/profile_personal.html",
        {
            "account": profile.user,
            "profile": profile,
            "completeness": personal_completeness(profile),
            "sections": sections,
        },
    )


@personal_required
def personal_data(request):
    profile = _own_profile(request.user)
    form = DataPersonalForm(_data(request), request.FILES or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        try:
            form.save()
        except IntegrityError:  # the same NIK saved by someone else a moment ago
            form.add_error("nik", str(NIK_TAKEN))
        else:
            messages.success(request, _("Data Personal disimpan."))
            return redirect(_profile_url("data-personal"))
    return render(request, "users/personal/data_form.html", {"form": form, "profile": profile})


@personal_required
def entry_add(request, section):
    section = _section(section)
    profile = _own_profile(request.user)
    form = section.form_class(_data(request), profile=profile)
    if request.method == "POST" and form.is_valid():
        _add_entry(profile, section, form)
        messages.success(request, _("%(section)s ditambahkan.") % {"section": section.title})
        return redirect(_profile_url(section.anchor))
    title = _("Tambah %(section)s") % {"section": section.title}
    return render(
        request, "users/personal/entry_form.html", {"form": form, "section": section, "title": title}
    )


@transaction.atomic
def _add_entry(profile, section, form):
    """Create the entry, unless the same entry was just created (a double submit); adding an entry
    clears the section's "tidak ada" mark."""
    list(PersonalProfile.objects.select_for_update().filter(pk=profile.pk).only("pk"))  # one add at a time
    lookups = {
        (f"{name}__iexact" if name in section.case_insensitive else name): form.cleaned_data[name]
        for name in form.Meta.fields
    }
    if not section.model.objects.filter(profile=profile, **lookups).exists():
        entry = form.save(commit=False)
        entry.profile = profile
        entry.save()
    if section.none_flag:
        PersonalProfile.objects.filter(pk=profile.pk).update(
            **{section.none_flag: False}, updated_at=timezone.now()
        )


@personal_required
def entry_edit(request, section, pk):
    section = _section(section)
    entry = get_object_or_404(section.model, pk=pk, profile__user=request.user)
    form = section.form_class(_data(request), instance=entry, profile=entry.profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("%(section)s diperbarui.") % {"section": section.title})
        return redirect(_profile_url(section.anchor))
    title = _("Ubah %(section)s") % {"section": section.title}
    return render(
        request,
        "users/personal/entry_form.html",
        {"form": form, "section": section, "title": title, "entry": entry},
    )


@personal_required
def entry_delete(request, section, pk):
    """GET asks for confirmation; POST deletes. Deleting what is already gone (a double submit)
    just returns to Profil Saya; an entry of another account is 404 either way."""
    section = _section(section)
    entry = section.model.objects.select_related("profile").filter(pk=pk).first()
    if entry is not None and entry.profile.user_id != request.user.pk:
        raise Http404
    if request.method == "POST":
        if entry is not None:
            entry.delete()
        messages.success(request, _("%(section)s dihapus.") % {"section": section.title})
        return redirect(_profile_url(section.anchor))
    if entry is None:
        raise Http404
    return render(request, "users/personal/confirm_delete.html", {"section": section, "entry": entry})


@require_POST
@personal_required
def section_none(request, section):
    """The "tidak ada" mark of Pengalaman Kerja and Organisasi (counts as complete)."""
    section = _section(section)
    if not section.none_flag:
        raise Http404
    profile = _own_profile(request.user)
    marked = request.POST.get("none") == "on"
    if marked and section.model.objects.filter(profile=profile).exists():
        messages.error(
            request,
            _("%(section)s sudah berisi data. Hapus datanya terlebih dahulu bila memang tidak ada.")
            % {"section": section.title},
        )
    else:
        PersonalProfile.objects.filter(pk=profile.pk).update(
            **{section.none_flag: marked}, updated_at=timezone.now()
        )
        if marked:
            messages.success(request, _("%(section)s ditandai tidak ada.") % {"section": section.title})
        else:
            messages.success(
                request, _("Tanda tidak ada pada %(section)s dihapus.") % {"section": section.title}
            )
    return redirect(_profile_url(section.anchor))


def _resume_context(profile):
    return {
        "account": profile.user,
        "profile": profile,
        "completeness": personal_completeness(profile),
        "experiences": profile.experiences.all(),
        "educations": profile.educations.all(),
        "skills": profile.skills.all(),
        "organisations": profile.organisations.all(),
    }


@personal_required
def resume(request):
    """The resume as a page; only for a 100 % profile, otherwise what is still missing."""
    context = _resume_context(_profile_with_sections(request.user))
    return render(request, "users/resume.html", context)


@personal_required
def resume_pdf(request):
    """ "Unduh Resume": the same resume as a PDF with selectable text (embedded DejaVu font)."""
    context = _resume_context(_profile_with_sections(request.user))
    if not context["completeness"].complete:
        messages.error(request, _("Resume dapat diunduh setelah profil Anda lengkap 100%."))
        return redirect("users:resume")
    account = context["account"]
    context["photo"] = _embedded_photo(context["profile"].photo)
    filename = f"resume-{slugify(account.get_full_name()) or account.username}.pdf"
    return pdf_response(render_pdf("users/resume_pdf.html", context), filename)


def _embedded_photo(photo, box=(90, 110)):
    """The photo as a data: URI with its size fitted into ``box`` (points), so the PDF carries it
    whatever directory MEDIA_ROOT is in (xhtml2pdf reads local files only below its working
    directory); None if it is not a readable JPG/PNG."""
    if not photo:
        return None
    try:
        with photo.storage.open(photo.name, "rb") as file:
            data = file.read()
        with Image.open(BytesIO(data)) as image:
            mime = {"JPEG": "image/jpeg", "PNG": "image/png"}.get(image.format)
            width, height = image.size
    except (OSError, UnidentifiedImageError, ValueError):
        return None
    if mime is None:
        return None
    scale = min(box[0] / width, box[1] / height)
    return {
        "src": f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}",
        "width": round(width * scale),
        "height": round(height * scale),
    }
