"""URLs of Data Profil Personal (namespace ``personal_profiles``) and Data Profil Mitra
(``mitra_profiles``); registered by users/admin_hooks_profiles.py."""

from django.urls import path

from portal.admin_access import answer_403
from users import profile_admin_views as views

personal_urlpatterns = [
    path("", answer_403(views.PersonalIndexView.as_view()), name="index"),
    path("<int:pk>/", answer_403(views.PersonalDetailView.as_view()), name="detail"),
]

mitra_urlpatterns = [
    path("", answer_403(views.MitraIndexView.as_view()), name="index"),
    path("<int:pk>/", answer_403(views.MitraDetailView.as_view()), name="detail"),
    path("<int:pk>/unggulan/", answer_403(views.MitraFeaturedView.as_view()), name="featured"),
]
