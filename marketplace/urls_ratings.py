from django.urls import path

from marketplace.views import ratings

urlpatterns = [
    # Berikan Rating / Ubah Rating (issue 7): both sides of an application or a service request
    path("rating/lamaran/<int:pk>/", ratings.rate_application, name="rate_application"),
    path("rating/jasa/<int:pk>/", ratings.rate_service_request, name="rate_service_request"),
    path("ulasan/<str:kind>/<int:pk>/laporkan/", ratings.report_rating, name="report_rating"),
]
