from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from users import verification


@require_POST
@login_required
def submit_verification(request):
    """ "Ajukan Verifikasi" on the owner's own Personal or Mitra profile."""
    user = request.user
    if user.is_personal:
        profile, target = user.personal_profile, "users:personal_profile"
    elif user.is_mitra:
        profile, target = user.mitra_profile, "users:mitra_profile"
    else:
        raise PermissionDenied
    try:
        verification.submit(profile)
    except verification.VerificationRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Pengajuan verifikasi terkirim. Petugas akan memeriksa akun Anda."))
    return redirect(target)
