"""Master data every installation starts with (editable afterwards in Master Data)."""

from users.models import BidangUsaha, Pendidikan

BIDANG_USAHA = [
    "Pertanian, Perkebunan dan Peternakan",
    "Perikanan",
    "Industri Pengolahan",
    "Industri Rambut dan Bulu Mata Palsu",
    "Knalpot dan Logam",
    "Konstruksi",
    "Perdagangan dan Ritel",
    "Makanan dan Minuman",
    "Transportasi dan Logistik",
    "Pariwisata dan Perhotelan",
    "Pendidikan dan Pelatihan",
    "Kesehatan",
    "Teknologi Informasi dan Komunikasi",
    "Jasa Keuangan",
    "Jasa Perorangan dan Rumah Tangga",
    "Kerajinan dan Ekonomi Kreatif",
    "Lainnya",
]


PENDIDIKAN = [
    "Tidak/Belum Sekolah",
    "SD/Sederajat",
    "SMP/Sederajat",
    "SMA/SMK/Sederajat",
    "D1",
    "D2",
    "D3",
    "D4/S1",
    "S2",
    "S3",
]


def load_master_data():
    for rank, name in enumerate(PENDIDIKAN, start=1):
        Pendidikan.objects.get_or_create(name=name, defaults={"rank": rank})
    for order, name in enumerate(BIDANG_USAHA, start=1):
        BidangUsaha.objects.get_or_create(name=name, defaults={"sort_order": order})
