from django.shortcuts import render

from users.access import account_type_required
from users.choices import AccountType


@account_type_required(AccountType.MITRA, "users:login_mitra")
def mitra_profile(request):
    user = request.user
    return render(request, "users/profile_mitra.html", {"account": user, "mitra": user.mitra_profile})
