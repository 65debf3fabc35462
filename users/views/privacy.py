"""Unduh Data Saya and Hapus Akun (UU PDP No. 27/2022): thin views over users/privacy_export.py and
users/privacy.py, for Personal and Mitra accounts only (staff: 403; visitors: the login page)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from portal.models import SiteSettings
from users import privacy, privacy_export
from users.forms_privacy import DeleteAccountForm


def own_account_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not privacy.may_delete_own_account(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@own_account_required
@require_http_methods(["GET", "POST"])
@ratelimit(key="user", rate="5/h", method="POST", block=True)
def my_data(request):
    """GET: what the download contains. POST: the ZIP (a POST, so that no link prefetch builds it)."""
    if request.method == "GET":
        return render(request, "users/privacy/my_data.html", {"account": request.user})
    export = privacy_export.collect_personal_data(request.user, request)
    response = StreamingHttpResponse(privacy_export.zip_chunks(export), content_type="application/zip")
    response["Content-Disposition"] = (
        f'attachment; filename="{privacy_export.archive_filename(request.user)}"'
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@sensitive_post_parameters("password")
@own_account_required
@require_http_methods(["GET", "POST"])
@ratelimit(key="user", rate="10/h", method="POST", block=True)
def delete_account(request):
    user = request.user
    form = DeleteAccountForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            privacy.delete_account(user)
        except privacy.AccountDeletionRefused as error:
            form.add_error(None, str(error))
        else:
            app_name = SiteSettings.current(request).app_name
            logout(request)
            messages.success(
                request,
                _("Akun Anda sudah dihapus. Terima kasih telah menggunakan %(app)s.") % {"app": app_name},
            )
            return redirect("/")
    return render(
        request,
        "users/privacy/delete_account.html",
        {"form": form, "account": user, "blockers": privacy.deletion_blockers(user)},
    )
