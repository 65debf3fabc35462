from django.shortcuts import render

from users.access import account_type_required
from users.choices import AccountType


@account_type_required(AccountType.PERSONAL, "users:login")
def personal_profile(request):
    return render(request, "users/profile_personal.html", {"account": request.user})
