"""Valid form data shared by the test modules that post the same forms."""

import datetime
import uuid

from django.utils import timezone

from marketplace.models import KategoriLowongan, TipePekerjaan
from users.models import BidangUsaha, Pendidikan

REGISTRATION_PASSWORD = "Kerja#Keras2026"


def vacancy_form_data(kecamatan, **overrides):
    """A valid Memposting Lowongan form for a vacancy in ``kecamatan``, with a fresh one-time key."""
    return {
        "title": "Penjahit Garmen",
        "description": "Menjahit seragam sekolah di konveksi kami.",
        "qualifications": "Bisa mengoperasikan mesin jahit.",
        "salary_min": "2500000",
        "salary_max": "3000000",
        "job_type": TipePekerjaan.objects.get(name="Kontrak").pk,
        "category": KategoriLowongan.objects.get(name="Jahit dan Konveksi").pk,
        "min_education": Pendidikan.objects.get(name="SMP/Sederajat").pk,
        "locations": [kecamatan.pk],
        "quota": "3",
        "end_date": (timezone.localdate() + datetime.timedelta(days=20)).isoformat(),
        "submission_key": str(uuid.uuid4()),
        **overrides,
    }


def personal_registration_data(**overrides):
    """A valid Daftar form (Personal)."""
    return {
        "first_name": "Siti",
        "last_name": "Aminah",
        "email": "siti.aminah@contoh.id",
        "phone": "0812-3456-7890",
        "username": "siti.aminah",
        "password1": REGISTRATION_PASSWORD,
        "password2": REGISTRATION_PASSWORD,
        "consent": "on",
        **overrides,
    }


def mitra_registration_data(**overrides):
    """A valid Daftar Mitra form (Mitra Informal)."""
    return {
        "name": "CV Knalpot Sejahtera",
        "business_field": BidangUsaha.objects.get(name="Knalpot dan Logam").pk,
        "category": "informal",
        "email": "cv.knalpot@contoh.id",
        "phone": "+62 813 1111 2222",
        "username": "knalpot_sejahtera",
        "password1": REGISTRATION_PASSWORD,
        "password2": REGISTRATION_PASSWORD,
        "consent": "on",
        **overrides,
    }
