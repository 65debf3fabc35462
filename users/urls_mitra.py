from django.urls import path

from users.views import mitra

urlpatterns = [
    path("profil-mitra/", mitra.mitra_profile, name="mitra_profile"),
    path("profil-mitra/dokumen/", mitra.mitra_documents, name="mitra_documents"),
    path("profil-mitra/dokumen/<int:pk>/hapus/", mitra.mitra_document_delete, name="mitra_document_delete"),
    # Private files: only through this permission-checked view, never from MEDIA_URL.
    path("dokumen/<int:pk>/", mitra.mitra_document_download, name="mitra_document_download"),
]
