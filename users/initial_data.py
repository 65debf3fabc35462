"""Master data every installation starts with (editable afterwards in Master Data)."""

from users.models import BidangUsaha

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


def load_master_data():
    for order, name in enumerate(BIDANG_USAHA, start=1):
        BidangUsaha.objects.get_or_create(name=name, defaults={"sort_order": order})
