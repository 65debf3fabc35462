from django.urls import path

from users.views import verification

urlpatterns = [
    path("ajukan-verifikasi/", verification.submit_verification, name="submit_verification"),
]
