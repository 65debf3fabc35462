"""Unduh Data Saya and Hapus Akun (users/views/privacy.py); included by users/urls.py."""

from django.urls import path

from users.views import privacy

urlpatterns = [
    path("unduh-data-saya/", privacy.my_data, name="my_data"),
    path("hapus-akun/", privacy.delete_account, name="delete_account"),
]
