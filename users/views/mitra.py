"""Profil Mitra (guide chapter 6): Data Mitra, Dokumen, and the permission-checked document download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from users import audit, documents
from users.access import account_type_required
from users.choices import AccountType, DocumentType
from users.completeness import mitra_completeness
from users.forms_mitra import DocumentUploadForm, MitraProfileForm
from users.models import MitraDocument
from users.querysets import mitra_profiles_with_documents

mitra_required = account_type_required(AccountType.MITRA, "users:login_mitra")


def _own_profile(request):
    return mitra_profiles_with_documents().get(user=request.user)


@mitra_required
@require_http_methods(["GET", "POST"])
def mitra_profile(request):
    profile = _own_profile(request)
    if request.method == "POST":
        form = MitraProfileForm(request.POST, request.FILES, instance=profile)
        if form.is_valid():
            form.save()
            messages.success(request, _("Data Mitra sudah disimpan."))
            return redirect("users:mitra_profile")
        messages.error(request, _("Data belum tersimpan. Periksa isian yang ditandai di bawah."))
        profile = _own_profile(request)  # the page shows what is saved, the form what was typed
    else:
        form = MitraProfileForm(instance=profile)
    return render(
        request,
        "users/profile_mitra.html",
        {
            "account": request.user,
            "mitra": profile,
            "profile": profile,
            "form": form,
            "completeness": mitra_completeness(profile),
            "documents": list(profile.documents.all()),
        },
    )


@mitra_required
@require_http_methods(["GET", "POST"])
def mitra_documents(request):
    profile = _own_profile(request)
    if request.method == "POST":
        form = DocumentUploadForm(request.POST, request.FILES, owner=request.user)
        if form.is_valid():
            replaced = any(doc.doc_type == form.cleaned_data["doc_type"] for doc in profile.documents.all())
            document = form.save(profile)
            message = (
                _("%(type)s sudah diganti dengan %(name)s.")
                if replaced
                else _("%(type)s %(name)s sudah diunggah.")
            )
            messages.success(
                request, message % {"type": document.get_doc_type_display(), "name": document.original_name}
            )
            return redirect("users:mitra_documents")
    else:
        form = DocumentUploadForm(initial={"doc_type": request.GET.get("jenis", "")})
    uploaded = {doc.doc_type: doc for doc in profile.documents.all()}
    return render(
        request,
        "users/mitra/documents.html",
        {
            "mitra": profile,
            "profile": profile,
            "form": form,
            "slots": [(value, label, uploaded.get(value)) for value, label in DocumentType.choices],
            "has_documents": bool(uploaded),
        },
    )


@mitra_required
@require_http_methods(["GET", "POST"])
def mitra_document_delete(request, pk):
    profile = request.user.mitra_profile
    if request.method == "POST":
        if documents.delete_document(profile, pk):
            messages.success(request, _("Dokumen sudah dihapus."))
        else:
            messages.info(request, _("Dokumen ini sudah tidak ada."))
        return redirect("users:mitra_documents")
    document = get_object_or_404(MitraDocument, pk=pk, mitra=profile)
    return render(request, "users/mitra/document_delete.html", {"document": document, "profile": profile})


@login_required
def mitra_document_download(request, pk):
    """Stream a private document to those `documents.can_view_documents` allows; to anyone else it
    does not exist (404), so ids reveal nothing."""
    document = MitraDocument.objects.select_related("mitra").filter(pk=pk).first()
    if document is None or not documents.can_view_documents(request.user, document.mitra):
        raise Http404
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    audit.record_profile_access(request, document.mitra, audit.DOWNLOAD_DOCUMENT)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
