from django.urls import path, re_path

from users.views import personal

SECTION = r"(?P<section>pengalaman|pendidikan|keterampilan|organisasi)"

urlpatterns = [
    path("profil/", personal.personal_profile, name="personal_profile"),
    path("profil/data/", personal.personal_data, name="personal_data"),
    re_path(rf"^profil/{SECTION}/tambah/$", personal.entry_add, name="personal_entry_add"),
    re_path(rf"^profil/{SECTION}/(?P<pk>[0-9]+)/ubah/$", personal.entry_edit, name="personal_entry_edit"),
    re_path(
        rf"^profil/{SECTION}/(?P<pk>[0-9]+)/hapus/$", personal.entry_delete, name="personal_entry_delete"
    ),
    re_path(rf"^profil/{SECTION}/tidak-ada/$", personal.section_none, name="personal_section_none"),
    path("resume/", personal.resume, name="resume"),
    path("resume/unduh/", personal.resume_pdf, name="resume_pdf"),
]
