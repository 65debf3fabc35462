"""Master data of the job marketplace every installation starts with (editable afterwards)."""

from marketplace.models import KategoriJasa, KategoriLowongan, TipePekerjaan

TIPE_PEKERJAAN = ["Penuh Waktu", "Paruh Waktu", "Kontrak", "Harian", "Magang", "Lepas (Freelance)"]

KATEGORI_LOWONGAN = [
    "Produksi dan Manufaktur",
    "Rambut dan Bulu Mata Palsu",
    "Pertanian dan Peternakan",
    "Konstruksi dan Bangunan",
    "Penjualan dan Pemasaran",
    "Administrasi dan Perkantoran",
    "Keuangan dan Akuntansi",
    "Makanan, Minuman dan Kuliner",
    "Transportasi, Pengemudi dan Logistik",
    "Pariwisata dan Perhotelan",
    "Pendidikan dan Pelatihan",
    "Kesehatan",
    "Teknologi Informasi",
    "Jahit dan Konveksi",
    "Kebersihan dan Keamanan",
    "Lainnya",
]

KATEGORI_JASA = [
    "Bangunan dan Renovasi",
    "Listrik dan Elektronik",
    "Servis Kendaraan",
    "Jahit dan Permak Pakaian",
    "Rias dan Kecantikan",
    "Katering dan Masak",
    "Kebersihan Rumah",
    "Pertanian dan Kebun",
    "Angkutan dan Pindahan",
    "Les dan Pendidikan",
    "Desain, Foto dan Video",
    "Komputer dan Internet",
    "Pijat dan Kesehatan Tradisional",
    "Lainnya",
]


def load_marketplace_master_data():
    for order, name in enumerate(TIPE_PEKERJAAN, start=1):
        TipePekerjaan.objects.get_or_create(name=name, defaults={"sort_order": order})
    for order, name in enumerate(KATEGORI_LOWONGAN, start=1):
        KategoriLowongan.objects.get_or_create(name=name, defaults={"sort_order": order})
    for order, name in enumerate(KATEGORI_JASA, start=1):
        KategoriJasa.objects.get_or_create(name=name, defaults={"sort_order": order})
