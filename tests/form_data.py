"""Valid form data shared by the test modules that post the same forms."""

import datetime
import uuid

from django.utils import timezone

from marketplace.models import KategoriLowongan, TipePekerjaan
from users.models import Pendidikan


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
