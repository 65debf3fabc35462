"""Resume (guide chapter 5): an HTML page and "Unduh Resume" as a PDF, only for a 100 % profile."""

import datetime
from io import BytesIO

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from users.factories import MitraFactory, PersonalFactory, complete_personal_profile
from users.models import Desa, Education, Organisation, Pendidikan, Skill, WorkExperience
from users.nik import mask_nik

pytestmark = pytest.mark.django_db

RESUME, PDF = "/akun/resume/", "/akun/resume/unduh/"
NIK = "3303014507980001"


def jpeg_bytes():
    buffer = BytesIO()
    Image.new("RGB", (240, 240), (200, 80, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def desa():
    return Desa.objects.get(name="Bancar", kecamatan__name="Purbalingga")


@pytest.fixture
def complete(client, desa):
    """Siti Nur Aini, 100 % complete: every section filled in, with a real photo."""
    user = PersonalFactory(
        first_name="Siti",
        last_name="Nur Aini",
        email="siti.nuraini@contoh.id",
        phone="6281234567890",
        phone_verified_at=timezone.now(),
    )
    profile = user.personal_profile
    sma = Pendidikan.objects.get(name="SMA/SMK/Sederajat")
    profile.nik = NIK
    profile.gender = "P"
    profile.birth_place = "Purbalingga"
    profile.birth_date = datetime.date(1998, 7, 5)
    profile.address = "Jl. Jenderal Sudirman 12"
    profile.kecamatan, profile.desa = desa.kecamatan, desa
    profile.summary = "Penjahit teliti; suka café kecil dan kerja tim."
    profile.education_level = sma
    profile.job_seeking_status = "aktif"
    profile.photo.save("siti.jpg", ContentFile(jpeg_bytes()), save=False)
    profile.save()
    WorkExperience.objects.create(
        profile=profile,
        position="Operator Jahit",
        company="PT Sinar Rambut Indah",
        start_date=datetime.date(2024, 3, 1),
        description="Menjahit rambut palsu untuk ekspor.",
    )
    WorkExperience.objects.create(
        profile=profile,
        position="Pramuniaga",
        company="Toko Batik Mekar",
        start_date=datetime.date(2017, 8, 14),
        end_date=datetime.date(2019, 1, 31),
    )
    Education.objects.create(
        profile=profile,
        level=sma,
        institution="SMK Negeri 1 Purbalingga",
        major="Tata Busana",
        start_year=2013,
        end_year=2016,
    )
    Skill.objects.create(profile=profile, name="Menjahit", level="mahir")
    Skill.objects.create(profile=profile, name="Microsoft Excel", level="menengah")
    Organisation.objects.create(
        profile=profile,
        name="Karang Taruna Bancar",
        role="Sekretaris",
        start_date=datetime.date(2015, 10, 1),
        end_date=datetime.date(2018, 12, 1),
    )
    client.force_login(user)
    return profile


def pdf_text(content):
    reader = PdfReader(BytesIO(content))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_resume_needs_a_personal_login(client):
    assert client.get(RESUME)["Location"].startswith("/akun/login/")
    assert client.get(PDF)["Location"].startswith("/akun/login/")
    client.force_login(MitraFactory())
    assert client.get(RESUME).status_code == 403


def test_incomplete_profile_gets_a_message_and_the_checklist(client):
    user = PersonalFactory(phone_verified_at=None)
    client.force_login(user)
    html = client.get(RESUME).content.decode()
    assert "Resume dapat dilihat dan diunduh setelah profil Anda lengkap 100%" in html
    assert "Yang masih perlu dilengkapi:" in html
    for label in ("Nomor HP terverifikasi", "NIK", "Foto", "Organisasi (atau tandai tidak ada)"):
        assert f"<li>{label}</li>" in html
    assert "Unduh Resume" not in html

    response = client.get(PDF, follow=True)
    assert response.redirect_chain == [(RESUME, 302)]
    assert response["Content-Type"].startswith("text/html")
    assert "Resume dapat diunduh setelah profil Anda lengkap 100%." in response.content.decode()


def test_one_missing_item_is_enough_to_refuse(client, complete):
    Skill.objects.filter(profile=complete).delete()
    html = client.get(RESUME).content.decode()
    assert "<li>Keterampilan</li>" in html
    assert client.get(PDF)["Location"] == RESUME


def test_resume_page_of_a_complete_profile(client, complete):
    html = client.get(RESUME).content.decode()
    for text in (
        "Siti Nur Aini",
        "siti.nuraini@contoh.id",
        "081234567890",
        "Penjahit teliti; suka café kecil dan kerja tim.",
        "Operator Jahit",
        "PT Sinar Rambut Indah",
        "Maret 2024 – sekarang",
        "Agustus 2017 – Januari 2019",
        "SMK Negeri 1 Purbalingga",
        "2013 – 2016",
        "Menjahit (Mahir)",
        "Karang Taruna Bancar",
        "Oktober 2015 – Desember 2018",
        "Desa/Kelurahan Bancar, Kecamatan Purbalingga",
        "Unduh Resume",
        complete.photo.url,
    ):
        assert text in html, text
    assert NIK not in html and mask_nik(complete.nik) not in html
    assert html.index("Operator Jahit") < html.index("Pramuniaga")  # newest first


def test_unduh_resume_gives_a_pdf_with_selectable_unicode_text(client, complete):
    response = client.get(PDF)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="resume-siti-nur-aini.pdf"'
    assert response.content.startswith(b"%PDF")
    reader, text = pdf_text(response.content)
    flat = " ".join(text.split())
    for expected in (
        "Siti Nur Aini",
        "siti.nuraini@contoh.id",
        "081234567890",
        "suka café kecil",
        "Operator Jahit — PT Sinar Rambut Indah",
        "Maret 2024 – sekarang",
        "Pramuniaga — Toko Batik Mekar",
        "Agustus 2017 – Januari 2019",
        "SMA/SMK/Sederajat — SMK Negeri 1 Purbalingga, Tata Busana",
        "2013 – 2016",
        "Menjahit (Mahir)",
        "Karang Taruna Bancar — Sekretaris",
        "Oktober 2015 – Desember 2018",
        "5 Juli 1998",
    ):
        assert expected in flat, expected
    assert NIK not in flat and mask_nik(complete.nik) not in flat
    fonts = {
        str(font.get("/BaseFont"))
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
        if font.get_object()
    }
    assert any("DejaVu" in font for font in fonts), fonts
    assert sum(len(page.images) for page in reader.pages) == 1  # the photo is embedded


def test_pdf_without_a_readable_photo_still_renders(client, desa):
    profile = complete_personal_profile(desa)  # its photo file is not a real image
    client.force_login(profile.user)
    response = client.get(PDF)
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_resume_query_count_does_not_grow_with_entries(client, complete):
    def count(url):
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context)

    client.get(RESUME)
    few = count(RESUME), count(PDF)
    for n in range(5):
        WorkExperience.objects.create(
            profile=complete,
            position=f"Posisi {n}",
            company="CV Maju",
            start_date=datetime.date(2010 + n, 1, 1),
        )
        Skill.objects.create(profile=complete, name=f"Keterampilan {n}")
    assert (count(RESUME), count(PDF)) == few
