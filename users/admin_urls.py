"""The URLs of step 3's interim "Verifikasi Akun" screens, replaced by Data Profil Personal / Data
Profil Mitra (issue 8). They only redirect, so links already sent in notifications keep working."""

from django.urls import path

from portal.admin_access import answer_403
from users import admin_views

app_name = "account_verification"

urlpatterns = [
    path("", answer_403(admin_views.queue_redirect), name="queue"),
    path("<str:kind>/<int:pk>/", answer_403(admin_views.review_redirect), name="detail"),
]
