from django.urls import path

from users.views import personal

urlpatterns = [
    path("profil/", personal.personal_profile, name="personal_profile"),
]
