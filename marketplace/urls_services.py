from django.urls import path

from marketplace.views import services_provider as provider
from marketplace.views import services_user as user

urlpatterns = [
    # Providers, Personal and Mitra (guide §5, §6.2)
    path("jasa/", provider.services, name="services"),
    path("jasa/tambah/", provider.service_create, name="service_create"),
    path("jasa/<int:pk>/ubah/", provider.service_edit, name="service_edit"),
    path("jasa/<int:pk>/jeda/", provider.service_pause, name="service_pause"),
    path("jasa/<int:pk>/aktifkan/", provider.service_resume, name="service_resume"),
    path("jasa/<int:pk>/hapus/", provider.service_delete, name="service_delete"),
    path("permintaan-jasa/", provider.service_requests, name="service_requests"),
    path("permintaan-jasa/<int:pk>/terima/", provider.request_accept, name="service_request_accept"),
    path("permintaan-jasa/<int:pk>/tolak/", provider.request_reject, name="service_request_reject"),
    path("permintaan-jasa/<int:pk>/selesai/", provider.request_complete, name="service_request_complete"),
    path("pengguna-jasa/", provider.service_users, name="service_users"),
    # Users of services (guide §5.2)
    path("gunakan-jasa/<int:pk>/", user.request_create, name="service_request_create"),
    path("gunakan-jasa-terkirim/", user.requests_sent, name="service_requests_sent"),
    path("gunakan-jasa-terkirim/<int:pk>/batal/", user.request_cancel, name="service_request_cancel"),
    path("jasa-tersimpan/", user.saved_services, name="saved_services"),
    path("jasa/<int:pk>/simpan/", user.toggle_saved, name="service_save"),
]
