from django.urls import path

from portal.admin_access import answer_403
from users import admin_views

app_name = "account_verification"

urlpatterns = [
    path("", answer_403(admin_views.QueueView.as_view()), name="queue"),
    path("<str:kind>/<int:pk>/", answer_403(admin_views.ReviewView.as_view()), name="detail"),
]
