from django.urls import path

from marketplace.views import community

# Testimoni (guide §5, §6) and the Mitra's Pengumuman (guide §6), under /akun/.
urlpatterns = [
    path("testimoni/", community.testimonial, name="testimonial"),
    path("pengumuman/", community.announcement_list, name="mitra_announcements"),
    path("pengumuman/buat/", community.announcement_create, name="announcement_create"),
    path("pengumuman/<int:pk>/ubah/", community.announcement_edit, name="announcement_edit"),
    path("pengumuman/<int:pk>/hapus/", community.announcement_delete, name="announcement_delete"),
]
