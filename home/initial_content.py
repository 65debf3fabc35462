"""Starting content of the public portal, written for Kepenak Ngodene (editors change it in the CMS).

Rich text is Wagtail's stored HTML: <p>, <h2>-<h4>, <ul>/<ol>/<li>, <b>, <i>, <a href>."""

SITE_SETTINGS = {
    "app_name": "Kepenak Ngodene",
    "tagline": "Bursa Kerja dan Penyedia Jasa Kabupaten Purbalingga",
    "agency_name": "Dinas Komunikasi dan Informatika Kabupaten Purbalingga",
    "address": "Jl. Letkol Isdiman No. 17A Purbalingga 53313",
    "phone": "(0281) 8902091",
    "fax": "(0281) 8902091",
    "email": "dinkominfo@purbalinggakab.go.id",
    "whatsapp_number": "",
}

HOME = {
    "title": "Beranda",
    "hero_title": "Kepenak Ngodene: cari kerja dan jasa di Purbalingga",
    "hero_text": "Bursa kerja online Pemerintah Kabupaten Purbalingga yang mempertemukan pencari kerja, "
    "penyedia jasa perorangan, dan pemberi kerja.",
    "intro": "<p>Daftar gratis, lengkapi profil, lalu lamar lowongan atau tawarkan jasa Anda.</p>",
}

LISTINGS = {
    "lowongan": {
        "intro": "<p>Lowongan kerja dari perusahaan dan usaha di Purbalingga.</p>",
        "empty_message": "Belum ada lowongan yang tayang.",
    },
    "penawaran-jasa": {
        "intro": "<p>Jasa yang ditawarkan oleh warga dan mitra.</p>",
        "empty_message": "Belum ada jasa yang ditawarkan.",
    },
    "mitra-formal": {
        "intro": "<p>Perusahaan dan badan usaha resmi yang bergabung.</p>",
        "empty_message": "Belum ada mitra formal yang terverifikasi.",
    },
    "mitra-informal": {
        "intro": "<p>UMKM dan usaha perorangan yang bergabung.</p>",
        "empty_message": "Belum ada mitra informal yang terverifikasi.",
    },
    "testimonial": {
        "intro": "<p>Cerita pengguna Kepenak Ngodene.</p>",
        "empty_message": "Belum ada testimoni.",
    },
}

ANNOUNCEMENT_INTRO = "<p>Pengumuman resmi dari pemerintah daerah dan mitra.</p>"
FAQ_INTRO = "<p>Jawaban atas pertanyaan yang sering diajukan.</p>"
GUIDE_INTRO = "<p>Panduan lengkap cara menggunakan aplikasi Kepenak Ngodene.</p>"

STANDARD_PAGES = {
    "tentang-kami": {
        "title": "Tentang Kami",
        "in_menu": True,
        "intro": "Kepenak Ngodene adalah bursa kerja online Pemerintah Daerah Kabupaten Purbalingga.",
        "body": "<p>Kepenak Ngodene mempertemukan pencari kerja dengan pemberi kerja.</p>",
    },
    "kebijakan-privasi": {
        "title": "Kebijakan Privasi",
        "intro": "Cara kami mengelola data pribadi Anda.",
        "body": "<p>Kami memproses data pribadi sesuai UU No. 27 Tahun 2022.</p>",
    },
    "ketentuan-penggunaan": {
        "title": "Ketentuan Penggunaan",
        "intro": "Aturan penggunaan aplikasi Kepenak Ngodene.",
        "body": "<p>Dengan mendaftar Anda menyetujui ketentuan ini.</p>",
    },
}

GUIDE_CHAPTERS = [
    {"slug": "pengenalan", "title": "Pengenalan", "summary": "", "body": "<p>Pengenalan aplikasi.</p>"},
    {"slug": "pendaftaran-akun", "title": "Pendaftaran Akun", "summary": "", "body": "<p>Cara mendaftar.</p>"},
    {"slug": "login", "title": "Login", "summary": "", "body": "<p>Cara masuk.</p>"},
    {"slug": "verifikasi-akun", "title": "Verifikasi Akun", "summary": "", "body": "<p>Verifikasi.</p>"},
    {"slug": "panduan-akun-personal", "title": "Panduan Akun Personal", "summary": "", "body": "<p>Personal.</p>"},
    {"slug": "panduan-akun-mitra", "title": "Panduan Akun Mitra", "summary": "", "body": "<p>Mitra.</p>"},
    {
        "slug": "panduan-akun-admin",
        "title": "Panduan Akun Admin / Desa / Kecamatan / Dinaker",
        "summary": "",
        "body": "<p>Admin.</p>",
    },
    {"slug": "lupa-password", "title": "Lupa Password", "summary": "", "body": "<p>Lupa password.</p>"},
    {"slug": "menu-publik", "title": "Menu Publik (Tanpa Login)", "summary": "", "body": "<p>Menu publik.</p>"},
]

FAQS = [
    (
        "Umum",
        [
            (
                "Apa itu Kepenak Ngodene?",
                "<p>Bursa kerja online milik Pemerintah Daerah Kabupaten Purbalingga.</p>",
            ),
        ],
    ),
]

LINKS = [
    ("Portal Resmi Kabupaten Purbalingga", "https://www.purbalinggakab.go.id/"),
    ("Kementerian Ketenagakerjaan (SIAPkerja)", "https://siapkerja.kemnaker.go.id/"),
]
