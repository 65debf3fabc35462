from django.urls import path

from marketplace import urls_community, urls_ratings, urls_services
from marketplace.views import alerts, applicant, bulk, mitra, personal, printing

app_name = "marketplace"

urlpatterns = [
    # Mitra (guide §6.1)
    path("lowongan/posting/", mitra.vacancy_create, name="vacancy_create"),
    path("lowongan/", mitra.vacancy_list, name="mitra_vacancies"),
    path("lowongan/<int:pk>/ubah/", mitra.vacancy_edit, name="vacancy_edit"),
    path("lowongan/<int:pk>/posting/", mitra.vacancy_publish, name="vacancy_publish"),
    path("lowongan/<int:pk>/perpanjang/", mitra.vacancy_extend, name="vacancy_extend"),
    path("lowongan/<int:pk>/tutup/", mitra.vacancy_close, name="vacancy_close"),
    path("lowongan/<int:pk>/terisi/", mitra.vacancy_fill, name="vacancy_fill"),
    path("pelamar/", mitra.applicants, name="applicants"),
    path("pelamar/<int:pk>/", applicant.applicant_detail, name="applicant_detail"),
    path("pelamar/<int:pk>/status/", mitra.application_status, name="application_status"),
    path("pelamar/<int:pk>/cetak/", printing.applicant_pdf, name="applicant_pdf"),
    path("pelamar/ubah-status/", bulk.applicants_bulk_status, name="applicants_bulk_status"),
    path("lowongan/<int:pk>/pelamar/cetak/", printing.vacancy_applicants_pdf, name="vacancy_applicants_pdf"),
    path(
        "lowongan/<int:pk>/pelamar/cetak/<str:token>/",
        printing.vacancy_applicants_pdf_download,
        name="vacancy_applicants_pdf_download",
    ),
    # Personal (guide §5.1)
    path("lamar/<int:pk>/", personal.apply, name="apply"),
    path("simpan/<int:pk>/", personal.toggle_saved, name="vacancy_save"),
    path("lowongan-tersimpan/", personal.saved_vacancies, name="saved_vacancies"),
    path("lamaran/", personal.applications, name="applications"),
    path("lamaran/<int:pk>/tarik/", personal.withdraw, name="application_withdraw"),
    path("notifikasi-lowongan/", alerts.job_alerts, name="job_alerts"),
    path("notifikasi-lowongan/simpan/", alerts.job_alert_create, name="job_alert_create"),
    path("notifikasi-lowongan/<int:pk>/ubah/", alerts.job_alert_update, name="job_alert_update"),
    path("notifikasi-lowongan/<int:pk>/hapus/", alerts.job_alert_delete, name="job_alert_delete"),
]

# Services (guide §5.2, §6.2), ratings and testimonials, Mitra announcements: one module per area.
urlpatterns += urls_services.urlpatterns + urls_ratings.urlpatterns + urls_community.urlpatterns
