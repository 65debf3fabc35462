from django.urls import path

from users.views import mitra

urlpatterns = [
    path("profil-mitra/", mitra.mitra_profile, name="mitra_profile"),
]
