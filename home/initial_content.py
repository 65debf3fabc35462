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
    "hero_title": "Cari kerja dan jasa di Purbalingga, mudah dan gratis",
    "hero_text": "Kepenak Ngodene adalah bursa kerja online Pemerintah Kabupaten Purbalingga. Di sini pencari kerja, "
    "penyedia jasa perorangan, perusahaan, dan UMKM saling bertemu.",
    "intro": "<p>Daftar gratis, lengkapi profil Anda, lalu lamar lowongan atau tawarkan jasa. "
    "Punya usaha? Daftar sebagai Mitra dan pasang lowongan untuk warga Purbalingga.</p>",
}

LISTINGS = {
    "lowongan": {
        "intro": "<p>Lowongan kerja dari perusahaan, badan usaha, dan UMKM yang sudah terverifikasi. "
        'Gunakan pencarian dan filter untuk menemukan pekerjaan yang cocok, lalu klik "Lamar Sekarang".</p>',
        "empty_message": "Belum ada lowongan yang cocok. Coba kata kunci atau filter lain, atau mampir lagi nanti.",
    },
    "penawaran-jasa": {
        "intro": "<p>Jasa yang ditawarkan warga dan mitra di Purbalingga: dari tukang, penjahit, sampai katering. "
        'Lihat detail dan rating penyedia, lalu klik "Gunakan Jasa".</p>',
        "empty_message": "Belum ada jasa yang cocok. Coba kata kunci lain, atau tawarkan jasa Anda sendiri.",
    },
    "mitra-formal": {
        "intro": "<p>Perusahaan dan badan usaha resmi yang bergabung dengan Kepenak Ngodene.</p>",
        "empty_message": 'Belum ada mitra formal yang tampil di sini. Perusahaan Anda bisa menjadi yang pertama lewat "Daftar Mitra".',
    },
    "mitra-informal": {
        "intro": "<p>UMKM dan usaha perorangan yang bergabung dengan Kepenak Ngodene.</p>",
        "empty_message": 'Belum ada mitra informal yang tampil di sini. Usaha Anda bisa menjadi yang pertama lewat "Daftar Mitra".',
    },
    "testimonial": {
        "intro": "<p>Cerita dan kesan para pengguna Kepenak Ngodene.</p>",
        "empty_message": "Belum ada testimoni. Sudah memakai Kepenak Ngodene? Bagikan pengalaman Anda lewat menu Testimoni.",
    },
}

ANNOUNCEMENT_INTRO = (
    "<p>Pengumuman resmi dari Pemerintah Kabupaten Purbalingga dan dari mitra: info rekrutmen, "
    "pelatihan, bursa kerja, dan kabar penting lainnya.</p>"
)
FAQ_INTRO = (
    "<p>Jawaban singkat atas pertanyaan yang paling sering diajukan. Belum menemukan jawabannya? "
    "Baca Panduan Penggunaan atau hubungi kami lewat halaman Tentang Kami.</p>"
)
GUIDE_INTRO = (
    "<p>Panduan langkah demi langkah memakai Kepenak Ngodene: mendaftar, login, verifikasi, melamar kerja, "
    "memasang lowongan, menawarkan jasa, sampai mengelola panel admin. Pilih bab yang Anda butuhkan.</p>"
)

STANDARD_PAGES = {
    "tentang-kami": {
        "title": "Tentang Kami",
        "in_menu": True,
        "intro": "Kepenak Ngodene adalah bursa kerja dan penyedia jasa online milik Pemerintah Daerah Kabupaten Purbalingga, gratis untuk semua warga dan pelaku usaha.",
        "body": (
            "<h2>Apa itu Kepenak Ngodene?</h2>"
            "<p><b>Kepenak Ngodene</b> adalah aplikasi Bursa Kerja Online milik Pemerintah Daerah Kabupaten Purbalingga. "
            "Aplikasi ini mempertemukan pencari kerja dan penyedia jasa perorangan (akun <b>Personal</b>) dengan pemberi kerja "
            "(akun <b>Mitra</b>), baik perusahaan resmi (Mitra Formal) maupun UMKM dan usaha perorangan (Mitra Informal).</p>"
            "<p>Tujuannya sederhana: lowongan kerja dan jasa di Purbalingga mudah ditemukan, lamaran mudah dikirim, "
            "dan pemerintah daerah punya data yang baik untuk membantu warga mendapatkan pekerjaan.</p>"
            "<h2>Siapa yang mengelola?</h2>"
            "<p>Kepenak Ngodene diselenggarakan oleh <b>Pemerintah Daerah Kabupaten Purbalingga</b> melalui "
            "<b>Dinas Komunikasi dan Informatika (Dinkominfo)</b>, bersama <b>Dinas Tenaga Kerja (Dinaker)</b>. "
            "Operator di tingkat kecamatan dan desa membantu memverifikasi akun dan mendampingi warga di wilayahnya.</p>"
            "<h2>Untuk siapa?</h2>"
            "<ul>"
            "<li><b>Pencari kerja</b> yang ingin melamar lowongan di Purbalingga dan sekitarnya.</li>"
            "<li><b>Penyedia jasa perorangan</b>, misalnya tukang, penjahit, sopir, atau guru les, yang ingin menawarkan keahliannya.</li>"
            "<li><b>Perusahaan dan badan usaha resmi</b> (Mitra Formal) yang mencari tenaga kerja.</li>"
            "<li><b>UMKM dan usaha perorangan</b> (Mitra Informal) yang mencari karyawan atau menawarkan jasa.</li>"
            "<li><b>Warga</b> yang membutuhkan jasa dari penyedia terdekat.</li>"
            "</ul>"
            "<h2>Apa yang bisa dilakukan?</h2>"
            "<ul>"
            "<li>Mencari dan melamar lowongan kerja.</li>"
            "<li>Menawarkan jasa dan menggunakan jasa orang lain.</li>"
            "<li>Memposting lowongan pekerjaan (untuk Mitra).</li>"
            "<li>Mengelola profil dan membuat resume PDF secara otomatis.</li>"
            "<li>Memberi rating dan testimoni.</li>"
            "<li>Menerima pemberitahuan tentang lamaran, jasa, dan verifikasi akun.</li>"
            "<li>Membaca pengumuman resmi dari pemerintah daerah dan mitra.</li>"
            "</ul>"
            "<h2>Berapa biayanya?</h2>"
            "<p><b>Gratis.</b> Mendaftar, melamar kerja, memasang lowongan, dan menawarkan jasa di Kepenak Ngodene tidak dipungut biaya apa pun. "
            "Pemberi kerja juga dilarang meminta uang kepada pelamar. Jika ada yang meminta biaya atas nama Kepenak Ngodene "
            "atau untuk sebuah lowongan, jangan bayar dan segera laporkan kepada kami.</p>"
            "<h2>Hubungi kami</h2>"
            "<p><b>Dinas Komunikasi dan Informatika Kabupaten Purbalingga</b><br/>"
            "Jl. Letkol Isdiman No. 17A Purbalingga 53313<br/>"
            "Telepon/Faks: (0281) 8902091<br/>"
            "Email: dinkominfo@purbalinggakab.go.id</p>"
            "<p>Untuk bantuan akun, Anda juga dapat menghubungi operator desa atau kecamatan tempat Anda tinggal. "
            "Petugas kami tidak akan pernah meminta password atau kode OTP Anda.</p>"
        ),
    },
    "kebijakan-privasi": {
        "title": "Kebijakan Privasi",
        "intro": "Bagaimana Pemerintah Daerah Kabupaten Purbalingga mengumpulkan, memakai, membagikan, dan melindungi data pribadi Anda di Kepenak Ngodene, sesuai UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi.",
        "body": (
            "<p>Kebijakan Privasi ini menjelaskan bagaimana data pribadi Anda diproses saat memakai Kepenak Ngodene. "
            "Kami memprosesnya sesuai <b>Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi</b> (UU PDP) "
            "dan peraturan lain yang berlaku. Dengan mencentang persetujuan saat mendaftar, Anda menyatakan telah membaca kebijakan ini.</p>"
            "<h2>1. Siapa pengendali data Anda</h2>"
            "<p>Pengendali Data Pribadi adalah <b>Pemerintah Daerah Kabupaten Purbalingga</b>, yang dalam hal ini dilaksanakan oleh "
            "<b>Dinas Komunikasi dan Informatika Kabupaten Purbalingga</b> sebagai pengelola aplikasi, bersama "
            "<b>Dinas Tenaga Kerja (Dinaker)</b> untuk urusan ketenagakerjaan. Alamat: Jl. Letkol Isdiman No. 17A Purbalingga 53313, "
            "email dinkominfo@purbalinggakab.go.id.</p>"
            "<h2>2. Data yang kami kumpulkan</h2>"
            "<h3>Data yang Anda berikan</h3>"
            "<ul>"
            "<li><b>Data akun:</b> nama depan dan nama belakang, nama pengguna, alamat email, nomor HP, dan password (disimpan dalam bentuk tersandi, bukan teks asli).</li>"
            "<li><b>Data profil Personal:</b> NIK, tempat dan tanggal lahir, jenis kelamin, alamat beserta desa dan kecamatan, foto, "
            "pengalaman kerja, pendidikan, keterampilan, dan organisasi. Dari data ini aplikasi menyusun resume (CV) Anda.</li>"
            "<li><b>Data Mitra:</b> nama mitra, bidang usaha, kategori, alamat, kontak, nama penanggung jawab, dan dokumen usaha seperti SIUP dan NPWP.</li>"
            "<li><b>Isi yang Anda buat:</b> lamaran, lowongan, penawaran dan permintaan jasa, rating, testimoni, dan pengumuman.</li>"
            "</ul>"
            "<h3>Data yang tercatat otomatis</h3>"
            "<ul>"
            "<li>Waktu pendaftaran dan waktu Anda menyetujui Ketentuan Penggunaan &amp; Kebijakan Privasi.</li>"
            "<li>Catatan verifikasi email dan nomor HP, pengajuan verifikasi akun, serta riwayat status lamaran dan jasa.</li>"
            "<li>Data teknis yang diperlukan agar aplikasi berjalan aman, seperti cookie sesi login, alamat IP, dan catatan akses (log).</li>"
            "</ul>"
            "<p>Kami tidak memakai cookie iklan dan tidak menjual data Anda kepada siapa pun.</p>"
            "<h2>3. Untuk apa data dipakai</h2>"
            "<ul>"
            "<li>Membuat dan mengamankan akun Anda, termasuk verifikasi email dan nomor HP.</li>"
            "<li>Mempertemukan pencari kerja dengan pemberi kerja, serta penyedia jasa dengan pengguna jasa.</li>"
            "<li>Memverifikasi keaslian akun Personal dan Mitra agar lowongan dan jasa yang tampil dapat dipercaya.</li>"
            "<li>Mengirim pemberitahuan tentang lamaran, jasa, verifikasi, dan pengumuman penting lewat aplikasi, email, atau WhatsApp.</li>"
            "<li>Menyusun laporan dan statistik ketenagakerjaan daerah untuk perencanaan program pemerintah. "
            "Statistik yang dipublikasikan disajikan dalam bentuk ringkasan yang tidak menunjukkan identitas seseorang.</li>"
            "<li>Mencegah dan menindak penipuan, lowongan palsu, dan penyalahgunaan aplikasi.</li>"
            "</ul>"
            "<h2>4. Dasar pemrosesan</h2>"
            "<ul>"
            "<li><b>Persetujuan</b> yang Anda berikan saat mendaftar (UU PDP Pasal 20 ayat (2) huruf a).</li>"
            "<li><b>Pelaksanaan tugas dalam rangka kepentingan umum dan pelayanan publik</b> oleh pemerintah daerah di bidang ketenagakerjaan (Pasal 20 ayat (2) huruf e).</li>"
            "<li><b>Pemenuhan kewajiban hukum</b>, misalnya kewajiban kearsipan dan permintaan aparat penegak hukum yang sah (Pasal 20 ayat (2) huruf c).</li>"
            "</ul>"
            "<h2>5. Siapa yang dapat melihat data Anda</h2>"
            "<ul>"
            "<li><b>Publik (tanpa login)</b> hanya melihat yang memang untuk umum: lowongan, profil Mitra yang terverifikasi, penawaran jasa "
            "beserta nama penyedia dan ratingnya, testimoni, dan pengumuman. Profil dan resume Personal <b>tidak</b> ditampilkan untuk umum.</li>"
            "<li><b>Mitra (pemberi kerja)</b> hanya dapat melihat profil dan resume seorang pelamar <b>setelah pelamar tersebut melamar</b> "
            "lowongan Mitra itu. Mitra tidak dapat menjelajah profil pencari kerja lain.</li>"
            "<li><b>Penyedia jasa</b> melihat nama dan kontak pengguna yang mengirim permintaan jasa kepadanya, sebatas untuk melayani permintaan itu.</li>"
            "<li><b>NIK</b> selalu ditampilkan tersamar (sebagian angkanya disembunyikan), termasuk di resume dan dokumen cetak.</li>"
            "<li><b>Operator Desa</b> hanya melihat data Personal dari desanya, dan <b>operator Kecamatan</b> hanya dari kecamatannya. "
            "Petugas Dinaker, Verifikator, dan Admin mengakses data sebatas yang diperlukan untuk tugasnya.</li>"
            "<li><b>Pihak pemroses</b> yang membantu kami, seperti penyedia layanan email, gerbang (gateway) WhatsApp, dan pusat data, "
            "hanya memproses data sesuai perintah kami dan terikat kewajiban kerahasiaan.</li>"
            "<li><b>Aparat penegak hukum</b> hanya bila diwajibkan oleh peraturan perundang-undangan.</li>"
            "</ul>"
            "<h2>6. Berapa lama data disimpan</h2>"
            "<p>Data disimpan selama akun Anda aktif dan selama masih diperlukan untuk tujuan di atas. Jika Anda meminta akun dihapus, "
            "data pribadi Anda dihapus atau dianonimkan, kecuali data yang wajib disimpan lebih lama menurut peraturan kearsipan atau hukum lainnya. "
            "Data statistik yang sudah tidak menunjukkan identitas dapat disimpan untuk keperluan laporan.</p>"
            "<h2>7. Keamanan data</h2>"
            "<ul>"
            "<li>Koneksi ke aplikasi dienkripsi (HTTPS), dan password disimpan dalam bentuk tersandi (hash) sehingga petugas pun tidak dapat membacanya.</li>"
            "<li>Akses petugas dibatasi menurut peran dan wilayah kerjanya.</li>"
            "<li>Nomor HP diverifikasi dengan kode OTP, dan email diverifikasi dengan link sekali pakai.</li>"
            "<li>Jika terjadi kegagalan pelindungan data, kami memberitahu Anda dan lembaga yang berwenang secara tertulis paling lambat 3 x 24 jam, sesuai UU PDP.</li>"
            "</ul>"
            "<p>Bantu kami menjaga keamanan: jangan bagikan password atau kode OTP kepada siapa pun, termasuk kepada orang yang mengaku petugas.</p>"
            "<h2>8. Hak Anda sebagai subjek data</h2>"
            "<ul>"
            "<li><b>Hak mendapat informasi</b> tentang siapa yang memproses data Anda, untuk apa, dan atas dasar apa.</li>"
            "<li><b>Hak akses:</b> melihat dan mendapatkan salinan data pribadi Anda.</li>"
            "<li><b>Hak perbaikan:</b> memperbarui atau memperbaiki data yang salah atau kurang. Sebagian besar data dapat Anda ubah sendiri di Profil Saya atau Profil Mitra.</li>"
            "<li><b>Hak penghapusan:</b> meminta akun dan data pribadi Anda dihapus atau pemrosesannya diakhiri.</li>"
            "<li><b>Hak menarik persetujuan</b> kapan saja. Penarikan tidak membatalkan pemrosesan yang sudah dilakukan sebelumnya, "
            "tetapi tanpa data tersebut sebagian layanan (misalnya melamar kerja) tidak dapat Anda gunakan.</li>"
            "<li><b>Hak keberatan</b> atas pemrosesan tertentu, termasuk keputusan yang hanya didasarkan pada pemrosesan otomatis, serta hak meminta pembatasan atau penundaan pemrosesan.</li>"
            "<li>Hak lain yang diatur UU PDP, termasuk menggugat dan menerima ganti rugi atas pelanggaran pemrosesan data pribadi.</li>"
            "</ul>"
            "<h2>9. Cara menggunakan hak Anda</h2>"
            "<ol>"
            '<li>Kirim permintaan ke <b>dinkominfo@purbalinggakab.go.id</b> dengan judul "Permintaan Data Pribadi Kepenak Ngodene", atau datang langsung ke kantor kami.</li>'
            "<li>Sebutkan nama pengguna dan email akun Anda, serta hak apa yang ingin Anda gunakan.</li>"
            "<li>Demi keamanan, kami dapat meminta Anda membuktikan bahwa Anda pemilik akun tersebut.</li>"
            "<li>Kami menindaklanjuti permintaan Anda dalam jangka waktu yang diatur UU PDP dan memberitahukan hasilnya.</li>"
            "</ol>"
            "<h2>10. Data anak</h2>"
            "<p>Pengguna yang belum berusia 18 tahun hanya boleh mendaftar dengan persetujuan orang tua atau wali.</p>"
            "<h2>11. Kontak</h2>"
            "<p>Dinas Komunikasi dan Informatika Kabupaten Purbalingga<br/>"
            "Jl. Letkol Isdiman No. 17A Purbalingga 53313<br/>"
            "Telepon/Faks: (0281) 8902091<br/>"
            "Email: dinkominfo@purbalinggakab.go.id</p>"
            "<h2>12. Perubahan kebijakan</h2>"
            "<p>Kebijakan ini dapat kami perbarui mengikuti perubahan layanan atau peraturan. Versi terbaru selalu ada di halaman ini. "
            "Jika perubahannya penting, kami memberitahukannya lewat Pemberitahuan di aplikasi atau email sebelum berlaku.</p>"
        ),
    },
    "ketentuan-penggunaan": {
        "title": "Ketentuan Penggunaan",
        "intro": "Aturan yang berlaku bagi setiap pengguna Kepenak Ngodene. Dengan mendaftar dan memakai aplikasi, Anda menyetujui ketentuan ini.",
        "body": (
            "<p>Ketentuan Penggunaan ini mengatur pemakaian aplikasi <b>Kepenak Ngodene</b>, Bursa Kerja dan Penyedia Jasa milik "
            'Pemerintah Daerah Kabupaten Purbalingga yang dikelola oleh Dinas Komunikasi dan Informatika Kabupaten Purbalingga ("kami"). '
            "Dengan mencentang persetujuan Ketentuan Penggunaan &amp; Kebijakan Privasi saat mendaftar, Anda terikat pada ketentuan ini.</p>"
            "<h2>1. Siapa yang boleh mendaftar</h2>"
            "<ul>"
            "<li><b>Akun Personal</b> untuk perorangan yang mencari kerja atau menawarkan jasa. Anda harus berusia paling rendah 18 tahun, "
            "atau mendapat persetujuan orang tua/wali jika belum 18 tahun.</li>"
            "<li><b>Akun Mitra Formal</b> untuk perusahaan atau badan usaha resmi, dan <b>Akun Mitra Informal</b> untuk UMKM atau usaha perorangan. "
            "Yang mendaftar harus orang yang berwenang mewakili usaha tersebut.</li>"
            "<li>Satu orang atau satu usaha cukup memiliki satu akun.</li>"
            "<li>Akun Desa, Kecamatan, Verifikator, Dinaker, dan Admin tidak dapat didaftarkan sendiri; akun ini dibuat oleh Admin atau Super Admin.</li>"
            "</ul>"
            "<h2>2. Data harus benar</h2>"
            "<p>Anda wajib mengisi data yang benar, lengkap, dan milik Anda sendiri, termasuk identitas, riwayat pendidikan dan pekerjaan, "
            "serta dokumen usaha. Perbarui data Anda bila ada perubahan. Memakai identitas atau dokumen milik orang lain dilarang.</p>"
            "<h2>3. Keamanan akun</h2>"
            "<ul>"
            "<li>Jaga kerahasiaan password Anda dan jangan berikan kode OTP kepada siapa pun. Petugas kami tidak pernah memintanya.</li>"
            "<li>Anda bertanggung jawab atas semua kegiatan yang dilakukan dengan akun Anda.</li>"
            "<li>Jika Anda menduga akun Anda dipakai orang lain, segera ganti password dan hubungi kami.</li>"
            "</ul>"
            "<h2>4. Verifikasi</h2>"
            "<p>Email dan nomor HP diverifikasi melalui link dan kode OTP. Akun Personal dan Mitra juga dapat diverifikasi oleh petugas "
            'setelah pemiliknya menekan "Ajukan Verifikasi". Lowongan dari Mitra baru tayang setelah akun Mitra terverifikasi. '
            "Petugas berhak menolak verifikasi disertai alasan, dan berhak mencabut status verifikasi jika kemudian ditemukan data yang tidak benar. "
            "Status terverifikasi berarti data sudah diperiksa petugas, bukan jaminan atas mutu pekerjaan atau jasa.</p>"
            "<h2>5. Yang dilarang</h2>"
            "<ul>"
            "<li>Memasang <b>lowongan palsu</b>, lowongan yang menyesatkan, atau lowongan untuk pekerjaan yang melanggar hukum.</li>"
            "<li><b>Memungut biaya dari pencari kerja</b> dalam bentuk apa pun, misalnya biaya pendaftaran, pelatihan wajib, seragam, atau jaminan, "
            "sebagai syarat melamar atau diterima bekerja.</li>"
            "<li><b>Diskriminasi</b> atas dasar suku, agama, ras, antargolongan, jenis kelamin, atau disabilitas, kecuali syarat yang sah menurut peraturan ketenagakerjaan.</li>"
            "<li><b>Penipuan</b>, termasuk meminta data pribadi, password, kode OTP, atau uang dengan dalih lowongan atau jasa.</li>"
            "<li>Menawarkan jasa atau barang yang dilarang hukum.</li>"
            "<li>Mengunggah isi yang mengandung SARA, pornografi, kekerasan, ujaran kebencian, atau melanggar hak orang lain.</li>"
            "<li>Menggunakan data pelamar atau pengguna lain di luar keperluan lowongan atau jasa yang bersangkutan.</li>"
            "<li>Mengganggu sistem, misalnya mencoba masuk ke akun orang lain atau mengambil data secara otomatis dalam jumlah besar.</li>"
            "</ul>"
            "<h2>6. Rating dan testimoni</h2>"
            "<p>Rating dan testimoni harus jujur, berdasarkan pengalaman nyata, dan sopan. Rating diberikan atas lamaran atau penggunaan jasa yang benar-benar terjadi. "
            "Dilarang membuat rating palsu, memberi imbalan untuk rating, atau memakai rating untuk menjatuhkan pihak lain. "
            "Petugas dapat menyembunyikan testimoni atau rating yang melanggar ketentuan ini.</p>"
            "<h2>7. Sanksi</h2>"
            "<p>Jika Anda melanggar ketentuan ini, kami dapat menurunkan lowongan, jasa, atau isi lainnya; menolak atau mencabut verifikasi; "
            "menonaktifkan akun sementara atau permanen; dan melaporkan dugaan tindak pidana kepada aparat penegak hukum.</p>"
            "<h2>8. Batas tanggung jawab</h2>"
            "<p>Kepenak Ngodene adalah sarana yang mempertemukan pencari kerja, pemberi kerja, penyedia jasa, dan pengguna jasa. "
            "Kesepakatan kerja, upah, harga, dan pembayaran jasa terjadi langsung di antara para pihak dan menjadi tanggung jawab mereka. "
            "Kami berusaha menjaga agar aplikasi selalu tersedia dan isinya dapat dipercaya, tetapi kami tidak menjamin setiap pelamar diterima bekerja, "
            "setiap lowongan terisi, atau mutu setiap jasa. Selalu periksa kembali informasi sebelum mengambil keputusan.</p>"
            "<h2>9. Hukum yang berlaku</h2>"
            "<p>Ketentuan ini tunduk pada hukum Negara Republik Indonesia. Perselisihan diselesaikan lebih dahulu secara musyawarah; "
            "jika tidak tercapai, diselesaikan menurut peraturan perundang-undangan yang berlaku.</p>"
            "<h2>10. Perubahan ketentuan</h2>"
            "<p>Kami dapat mengubah ketentuan ini. Versi terbaru selalu ada di halaman ini, dan perubahan penting kami beritahukan lewat aplikasi atau email. "
            "Dengan tetap memakai aplikasi setelah perubahan berlaku, Anda dianggap menyetujuinya.</p>"
            "<h2>11. Kontak</h2>"
            "<p>Pertanyaan dan laporan pelanggaran dapat dikirim ke Dinas Komunikasi dan Informatika Kabupaten Purbalingga, "
            "Jl. Letkol Isdiman No. 17A Purbalingga 53313, telepon (0281) 8902091, email dinkominfo@purbalinggakab.go.id.</p>"
        ),
    },
}

GUIDE_CHAPTERS = [
    {
        "slug": "pengenalan",
        "title": "Pengenalan",
        "summary": "Kenali Kepenak Ngodene, jenis-jenis akun di dalamnya, dan fitur utama yang bisa Anda pakai.",
        "body": (
            "<h2>Apa itu Kepenak Ngodene?</h2>"
            "<p><b>Kepenak Ngodene</b> adalah aplikasi Bursa Kerja Online milik Pemerintah Daerah Kabupaten Purbalingga. "
            "Aplikasi ini mempertemukan pencari kerja (<b>Personal</b>) dengan penyedia kerja (<b>Mitra</b>), baik formal maupun informal. "
            "Selain lowongan kerja, warga juga bisa menawarkan dan menggunakan jasa. Semua layanan gratis.</p>"
            "<h2>Jenis akun dalam aplikasi</h2>"
            "<ul>"
            '<li><b>Personal</b>: pencari kerja atau penyedia jasa perorangan. Mendaftar sendiri melalui halaman pendaftaran ("Daftar").</li>'
            '<li><b>Mitra Formal</b>: perusahaan atau badan usaha resmi. Mendaftar sendiri melalui halaman pendaftaran mitra ("Daftar Mitra").</li>'
            '<li><b>Mitra Informal</b>: usaha perorangan atau UMKM. Mendaftar sendiri melalui halaman pendaftaran mitra ("Daftar Mitra").</li>'
            "<li><b>Desa</b>: operator tingkat desa. Dibuat oleh Admin/Super Admin.</li>"
            "<li><b>Kecamatan</b>: operator tingkat kecamatan. Dibuat oleh Admin/Super Admin.</li>"
            "<li><b>Dinaker</b>: Dinas Tenaga Kerja. Dibuat oleh Admin/Super Admin.</li>"
            "<li><b>Admin / Super Admin</b>: pengelola sistem. Dibuat oleh Super Admin.</li>"
            "</ul>"
            "<p>Di panel admin juga ada level <b>Verifikator</b>, yaitu petugas yang membantu memeriksa akun. Akun ini juga dibuat oleh Admin/Super Admin.</p>"
            "<h2>Fitur utama aplikasi</h2>"
            "<ul>"
            "<li>Pencarian &amp; Melamar Lowongan Kerja</li>"
            "<li>Penawaran &amp; Penggunaan Jasa</li>"
            "<li>Memposting Lowongan Pekerjaan</li>"
            "<li>Manajemen Profil &amp; Resume</li>"
            "<li>Sistem Rating &amp; Testimoni</li>"
            "<li>Pemberitahuan Real-time</li>"
            "<li>Pengumuman Resmi</li>"
            "<li>Laporan &amp; Statistik</li>"
            "</ul>"
            "<h2>Cara membaca panduan ini</h2>"
            "<p>Baru pertama kali? Mulailah dari bab <b>Pendaftaran Akun</b>, lalu <b>Login</b> dan <b>Verifikasi Akun</b>. "
            "Setelah itu baca bab sesuai jenis akun Anda: <b>Panduan Akun Personal</b>, <b>Panduan Akun Mitra</b>, atau "
            '<b>Panduan Akun Admin / Desa / Kecamatan / Dinaker</b>. Tulisan dalam tanda kutip, misalnya "Daftar", '
            "adalah nama tombol yang Anda lihat di layar.</p>"
        ),
    },
    {
        "slug": "pendaftaran-akun",
        "title": "Pendaftaran Akun",
        "summary": "Cara membuat akun Personal, Mitra Formal, dan Mitra Informal, aturan pengisian formulir, dan cara mendapatkan akun petugas.",
        "body": (
            "<h2>Akun Personal</h2>"
            "<p>Akun Personal ditujukan untuk <b>pencari kerja</b> dan <b>penyedia jasa perorangan</b>.</p>"
            "<h3>Langkah-langkah</h3>"
            "<ol>"
            '<li>Buka halaman <b>Daftar</b> atau klik tombol "Daftar" di pojok kanan atas.</li>'
            "<li>Isi formulir pendaftaran:"
            "<ul>"
            "<li><b>Nama Depan</b> dan <b>Nama Belakang</b></li>"
            "<li><b>Email</b> (harus valid, untuk verifikasi)</li>"
            "<li><b>Nomor HP</b> (angka 10 sampai 15 digit)</li>"
            "<li><b>Nama Pengguna</b> (huruf kecil, angka, titik, underscore)</li>"
            "<li><b>Password</b> (minimal 8 karakter, kombinasi huruf besar, huruf kecil, angka, dan karakter khusus)</li>"
            "<li><b>Konfirmasi Password</b></li>"
            "</ul>"
            "</li>"
            "<li>Centang persetujuan <b>Ketentuan Penggunaan &amp; Kebijakan Privasi</b>.</li>"
            '<li>Klik tombol <b>"Daftar"</b>.</li>'
            "<li>Cek email Anda untuk <b>verifikasi email</b>.</li>"
            "<li>Klik link verifikasi di email untuk mengaktifkan akun.</li>"
            "</ol>"
            "<p><b>Tips:</b> setelah mendaftar, segera lengkapi profil Anda (pengalaman, pendidikan, keterampilan). "
            "Profil yang lengkap 100% diperlukan untuk melamar lowongan kerja dan mengunduh resume.</p>"
            "<h3>Aturan pengisian formulir</h3>"
            "<ul>"
            "<li><b>Nama Pengguna</b> hanya boleh berisi huruf kecil (a-z), angka (0-9), titik (.), dan garis bawah (_), tanpa spasi. "
            "Contoh: <i>siti.rahayu_88</i>. Nama pengguna yang sudah dipakai orang lain tidak bisa dipakai lagi.</li>"
            "<li><b>Nomor HP</b> terdiri dari 10 sampai 15 digit. Anda boleh menulisnya dengan awalan 08…, +62…, atau 62…, "
            "misalnya 081234567890 atau +6281234567890. Pakai nomor yang aktif di WhatsApp, karena kode verifikasi dikirim lewat WhatsApp.</li>"
            "<li><b>Password</b> minimal 8 karakter dan harus memuat huruf besar, huruf kecil, angka, dan karakter khusus (misalnya ! @ # atau ?). "
            "Contoh pola: <i>Purbalingga#2026</i>. Jangan memakai password yang sama dengan akun lain.</li>"
            "<li><b>Konfirmasi Password</b> harus sama persis dengan Password.</li>"
            "<li>Satu alamat email hanya bisa dipakai untuk satu akun.</li>"
            "</ul>"
            "<h2>Akun Mitra Formal</h2>"
            "<p>Akun Mitra Formal ditujukan untuk <b>perusahaan / badan usaha resmi</b>.</p>"
            "<h3>Langkah-langkah</h3>"
            "<ol>"
            "<li>Buka halaman <b>Daftar Mitra</b>.</li>"
            "<li>Isi formulir: Nama Mitra, Bidang Usaha, Kategori Mitra (<b>Formal</b>), Email, Nomor HP, Nama Pengguna, dan Password.</li>"
            "<li>Centang persetujuan <b>Ketentuan Penggunaan &amp; Kebijakan Privasi</b>.</li>"
            '<li>Klik tombol <b>"Daftar"</b>.</li>'
            "<li>Verifikasi email melalui link yang dikirim.</li>"
            "</ol>"
            "<h2>Akun Mitra Informal</h2>"
            "<p>Akun Mitra Informal ditujukan untuk <b>usaha perorangan / UMKM</b>.</p>"
            "<h3>Langkah-langkah</h3>"
            "<ol>"
            "<li>Buka halaman <b>Daftar Mitra</b>.</li>"
            "<li>Isi formulir sama seperti Mitra Formal.</li>"
            "<li>Pada <b>Kategori Mitra</b>, pilih kategori <b>Informal</b>.</li>"
            '<li>Lengkapi data dan klik <b>"Daftar"</b>.</li>'
            "<li>Verifikasi email melalui link yang dikirim.</li>"
            "</ol>"
            "<p><b>Perbedaan Mitra Formal &amp; Informal:</b> hanya terletak pada kategori mitra yang dipilih saat pendaftaran. "
            "Kategori ini menentukan di mana profil mitra ditampilkan: di halaman <b>Mitra Formal</b> atau <b>Mitra Informal</b>.</p>"
            "<p>Aturan nama pengguna, nomor HP, dan password untuk akun Mitra sama dengan akun Personal.</p>"
            "<h2>Akun Desa, Kecamatan, Dinaker &amp; Admin</h2>"
            "<p>Akun-akun ini (termasuk akun Verifikator) <b>tidak dapat didaftarkan secara mandiri</b>. Pembuatan akun dilakukan oleh Admin atau Super Admin.</p>"
            "<h3>Cara mendapatkan akun</h3>"
            "<ol>"
            "<li>Hubungi <b>Admin Kepenak Ngodene</b> atau <b>Dinas Komunikasi dan Informatika Kabupaten Purbalingga</b>.</li>"
            "<li>Admin akan membuatkan akun melalui menu <b>Pengaturan → Pengguna</b>.</li>"
            "<li>Anda akan menerima informasi login (username &amp; password).</li>"
            "</ol>"
            "<p>Setelah login pertama kali, sebaiknya segera ganti password yang Anda terima dengan password milik Anda sendiri.</p>"
        ),
    },
    {
        "slug": "login",
        "title": "Login",
        "summary": "Cara masuk ke akun Personal, akun Mitra, dan akun petugas (Admin, Desa, Kecamatan, Dinaker).",
        "body": (
            "<h2>Login Akun Personal</h2>"
            "<ol>"
            '<li>Buka halaman <b>Login</b> atau klik tombol "Log in" di pojok kanan atas.</li>'
            "<li>Masukkan <b>Email / Nama Pengguna</b> dan <b>Password</b>.</li>"
            '<li>Klik tombol <b>"Login"</b>.</li>'
            "<li>Anda akan diarahkan ke halaman <b>Profil Personal</b>.</li>"
            "</ol>"
            "<h2>Login Akun Mitra (Formal &amp; Informal)</h2>"
            "<ol>"
            "<li>Buka halaman <b>Login Mitra</b>.</li>"
            "<li>Masukkan <b>Email / Nama Pengguna</b> dan <b>Password</b>.</li>"
            '<li>Klik tombol <b>"Login"</b>.</li>'
            "<li>Anda akan diarahkan ke halaman <b>Profil Mitra</b>.</li>"
            "</ol>"
            "<p>Halaman login Mitra Formal dan Mitra Informal <b>sama</b>. Perbedaannya hanya pada kategori mitra yang dipilih saat pendaftaran.</p>"
            "<h2>Login Akun Admin / Desa / Kecamatan / Dinaker</h2>"
            "<p>Semua akun petugas (Super Admin, Admin, Dinaker, Kecamatan, Verifikator, dan Desa) menggunakan halaman login yang sama.</p>"
            "<ol>"
            "<li>Buka halaman <b>Login Admin</b> melalui alamat <b>/app/v1/admin/login/</b>.</li>"
            "<li>Masukkan <b>Username</b> dan <b>Password</b>.</li>"
            '<li>Klik tombol <b>"Login"</b>.</li>'
            "<li>Anda akan diarahkan ke <b>Dasbor Admin</b> dengan menu sesuai level akun.</li>"
            "</ol>"
            "<h2>Jika tidak bisa login</h2>"
            "<ul>"
            "<li>Pastikan Anda membuka halaman login yang sesuai: <b>Login</b> untuk Personal, <b>Login Mitra</b> untuk Mitra, dan <b>Login Admin</b> untuk petugas.</li>"
            "<li>Periksa huruf besar dan kecil pada password.</li>"
            "<li>Pastikan Anda sudah mengklik link verifikasi di email pendaftaran. Lihat bab <b>Verifikasi Akun</b>.</li>"
            "<li>Lupa password? Lihat bab <b>Lupa Password</b>.</li>"
            "</ul>"
            "<p>Jika memakai HP atau komputer bersama, jangan lupa keluar (logout) setelah selesai.</p>"
        ),
    },
    {
        "slug": "verifikasi-akun",
        "title": "Verifikasi Akun",
        "summary": "Cara memverifikasi email, nomor HP lewat kode OTP WhatsApp, dan cara mengajukan verifikasi akun kepada petugas.",
        "body": (
            "<p>Ada beberapa jenis verifikasi. Email dan nomor HP membuktikan bahwa kontak Anda benar-benar milik Anda. "
            "Verifikasi akun oleh petugas membuktikan bahwa data profil Anda sudah diperiksa.</p>"
            "<h2>Verifikasi Email</h2>"
            "<ol>"
            "<li>Cek <b>inbox email</b> yang Anda daftarkan (periksa juga folder Spam/Junk).</li>"
            "<li>Klik <b>link verifikasi</b> di email.</li>"
            '<li>Jika email belum diterima, klik <b>"Kirim Ulang"</b> di halaman konfirmasi.</li>'
            "</ol>"
            "<p><b>Perlu diketahui:</b> link verifikasi hanya berlaku untuk waktu tertentu dan hanya bisa dipakai satu kali. "
            'Jika link sudah kedaluwarsa atau sudah pernah dipakai, minta link baru dengan tombol "Kirim Ulang". '
            "Email yang sudah terverifikasi diperlukan untuk melamar lowongan.</p>"
            "<h2>Verifikasi Nomor HP (OTP)</h2>"
            "<ol>"
            "<li>Buka halaman <b>Profil</b> Anda.</li>"
            '<li>Klik tombol <b>"Verifikasi No HP"</b>.</li>'
            "<li>Kode OTP akan dikirim melalui <b>WhatsApp</b> ke nomor HP Anda.</li>"
            '<li>Masukkan kode OTP dan klik <b>"Verifikasi"</b>.</li>'
            "</ol>"
            "<p><b>Perlu diketahui:</b> kode OTP terdiri dari <b>6 angka</b> dan berlaku selama <b>5 menit</b>. "
            'Jika kode sudah lewat waktu, klik lagi "Verifikasi No HP" untuk meminta kode baru. '
            "Pastikan nomor HP di profil Anda aktif di WhatsApp. <b>Jangan pernah memberikan kode OTP kepada siapa pun</b>, termasuk orang yang mengaku petugas.</p>"
            "<h2>Verifikasi Akun oleh Admin</h2>"
            "<p>Bagian ini untuk petugas di panel admin.</p>"
            "<ol>"
            "<li>Login ke panel admin.</li>"
            "<li>Buka menu <b>Profile</b> → <b>Verifikasi Akun</b>.</li>"
            "<li>Ikuti langkah verifikasi yang tersedia.</li>"
            "</ol>"
            "<p>Pengajuan verifikasi dari warga dan mitra diperiksa di menu <b>Data Profil Personal</b> dan <b>Data Profil Mitra</b>. "
            "Lihat bab <b>Panduan Akun Admin / Desa / Kecamatan / Dinaker</b>.</p>"
            "<h2>Pengajuan Verifikasi Akun Personal/Mitra</h2>"
            "<ol>"
            "<li>Pastikan profil sudah <b>lengkap</b>. Untuk Mitra, unggah juga dokumen usaha di Profil Mitra.</li>"
            '<li>Klik tombol <b>"Ajukan Verifikasi"</b> di halaman profil.</li>'
            "<li>Tunggu proses verifikasi oleh Admin/Operator Desa.</li>"
            "<li>Anda akan menerima <b>pemberitahuan</b> jika akun sudah diverifikasi.</li>"
            "</ol>"
            '<p>Jika pengajuan ditolak, Anda akan menerima pemberitahuan beserta alasannya. Perbaiki data yang diminta, lalu klik "Ajukan Verifikasi" lagi.</p>'
            "<p><b>Penting untuk Mitra:</b> akun Mitra harus sudah diverifikasi sebelum lowongannya dapat dipublikasikan (tayang) di halaman Lowongan.</p>"
        ),
    },
    {
        "slug": "panduan-akun-personal",
        "title": "Panduan Akun Personal",
        "summary": "Menu-menu akun Personal, cara melamar lowongan kerja, menawarkan jasa, dan menggunakan jasa orang lain.",
        "body": (
            "<p>Setelah login, menu akun Personal ada di samping (sidebar) atau di menu akun pada HP. Berikut menu dan fitur yang tersedia.</p>"
            "<h2>Menu akun Personal</h2>"
            "<ul>"
            "<li><b>Profil Saya</b>: kelola data pribadi Anda, yaitu Data Personal, Pengalaman Kerja, Pendidikan, Keterampilan, Organisasi, dan Ganti Password. "
            "Lengkapi profil hingga 100% agar dapat melamar kerja dan mengunduh resume.</li>"
            '<li><b>Resume</b>: lihat resume yang dibuat otomatis dari data profil Anda, lalu klik "Unduh Resume" untuk mengunduhnya dalam format PDF.</li>'
            "<li><b>Testimoni</b>: berikan testimoni tentang pengalaman Anda menggunakan aplikasi.</li>"
            "<li><b>Lowongan Tersimpan</b>: simpan lowongan kerja yang menarik untuk dilihat nanti.</li>"
            "<li><b>Lamaran Terkirim</b>: pantau status lamaran kerja yang telah dikirim dan berikan rating.</li>"
            "<li><b>Pemberitahuan</b>: terima notifikasi status lamaran, verifikasi akun, dan info penting.</li>"
            "<li><b>Tawarkan Jasa</b>: tawarkan jasa kepada pengguna lain dengan mengisi detail jasa.</li>"
            "<li><b>Permintaan Jasa</b>: lihat permintaan jasa yang masuk dan ubah statusnya (terima/tolak).</li>"
            "<li><b>Pengguna Jasa</b>: daftar pengguna yang pernah menggunakan jasa Anda.</li>"
            "<li><b>Jasa Tersimpan</b>: simpan jasa yang menarik untuk dilihat kemudian.</li>"
            "<li><b>Gunakan Jasa Terkirim</b>: pantau status permintaan penggunaan jasa yang telah Anda kirim.</li>"
            "</ul>"
            "<h2>Melengkapi profil</h2>"
            "<ol>"
            "<li>Buka menu <b>Profil Saya</b>.</li>"
            "<li>Isi setiap bagian: Data Personal, Pengalaman Kerja, Pendidikan, Keterampilan, dan Organisasi.</li>"
            "<li>Perhatikan persentase kelengkapan profil. Lanjutkan sampai mencapai 100%.</li>"
            '<li>Buka menu <b>Resume</b> untuk memeriksa hasilnya, lalu klik <b>"Unduh Resume"</b>.</li>'
            "</ol>"
            "<p>Untuk mengganti password, buka <b>Profil Saya</b> → <b>Ganti Password</b>.</p>"
            "<h2>Cara mengirim lamaran</h2>"
            "<ol>"
            "<li>Buka halaman <b>Lowongan</b> dari menu utama.</li>"
            "<li>Cari lowongan yang sesuai menggunakan fitur pencarian atau filter.</li>"
            "<li>Klik lowongan untuk melihat detailnya.</li>"
            '<li>Klik tombol <b>"Lamar Sekarang"</b>.</li>'
            "<li>Konfirmasi pengiriman lamaran.</li>"
            "<li>Lamaran akan muncul di menu <b>Lamaran Terkirim</b>.</li>"
            "</ol>"
            "<p><b>Syarat:</b> sebelum melamar, profil Anda harus sudah lengkap <b>100%</b> dan email Anda sudah <b>terverifikasi</b>. "
            "Satu lowongan hanya bisa dilamar satu kali.</p>"
            "<p>Saat Anda melamar, Mitra pemilik lowongan dapat melihat profil dan resume Anda. Mitra tidak dapat melihat profil Anda jika Anda tidak melamar ke lowongannya.</p>"
            "<h3>Memantau lamaran</h3>"
            "<ul>"
            "<li>Buka menu <b>Lamaran Terkirim</b> untuk melihat status setiap lamaran: <b>Terkirim</b> (belum direspon Mitra), <b>Dalam Proses</b>, <b>Diterima</b>, atau <b>Ditolak</b>.</li>"
            "<li>Setiap kali Mitra mengubah status lamaran, Anda mendapat kabar di menu <b>Pemberitahuan</b>.</li>"
            "<li>Setelah lamaran diproses, Anda dapat memberikan <b>rating</b> (1 sampai 5 bintang, dengan komentar) untuk Mitra tersebut dari menu Lamaran Terkirim.</li>"
            "</ul>"
            "<h2>Cara menawarkan jasa</h2>"
            "<ol>"
            "<li>Buka menu <b>Tawarkan Jasa</b>.</li>"
            '<li>Klik <b>"Tambah Jasa"</b>.</li>'
            "<li>Isi detail jasa: Judul, Deskripsi, Kategori, dan Harga/biaya.</li>"
            "<li>Simpan. Jasa Anda akan tampil di halaman <b>Penawaran Jasa</b>.</li>"
            "</ol>"
            "<p>Permintaan dari calon pengguna masuk ke menu <b>Permintaan Jasa</b>. Terima atau tolak setiap permintaan; pengguna akan mendapat pemberitahuan. "
            "Riwayat orang yang pernah memakai jasa Anda tersimpan di menu <b>Pengguna Jasa</b>.</p>"
            "<h2>Cara menggunakan jasa</h2>"
            "<ol>"
            "<li>Buka halaman <b>Penawaran Jasa</b> dari menu utama.</li>"
            "<li>Cari jasa yang dibutuhkan.</li>"
            "<li>Klik jasa untuk melihat detail dan rating penyedianya.</li>"
            '<li>Klik tombol <b>"Gunakan Jasa"</b>.</li>'
            "<li>Konfirmasi penggunaan jasa.</li>"
            "<li>Status dapat dipantau di menu <b>Gunakan Jasa Terkirim</b>.</li>"
            "</ol>"
            "<p>Setelah jasa selesai, Anda dapat memberikan rating untuk penyedia jasa. Kesepakatan harga dan pembayaran dilakukan langsung dengan penyedia jasa, tidak melalui aplikasi.</p>"
        ),
    },
    {
        "slug": "panduan-akun-mitra",
        "title": "Panduan Akun Mitra",
        "summary": "Menu-menu akun Mitra Formal dan Informal, cara memposting lowongan, mengelola pelamar, dan menawarkan jasa.",
        "body": (
            "<p>Panduan ini berlaku untuk <b>Mitra Formal</b> maupun <b>Mitra Informal</b>. Setelah login, menu Mitra ada di samping (sidebar).</p>"
            "<h2>Menu akun Mitra</h2>"
            "<ul>"
            "<li><b>Profil Mitra</b>: kelola data perusahaan/usaha, yaitu Data Mitra, Dokumen (SIUP, NPWP, dan lain-lain), dan Ganti Password.</li>"
            "<li><b>Pemberitahuan</b>: terima notifikasi lamaran masuk, verifikasi, dan info penting.</li>"
            "<li><b>Testimoni</b>: berikan testimoni tentang pengalaman menggunakan aplikasi.</li>"
            "<li><b>Memposting Lowongan</b>: buat lowongan kerja baru.</li>"
            "<li><b>List Lowongan</b>: lihat, edit, perpanjang masa tayang, dan lihat pelamar per lowongan.</li>"
            "<li><b>Pelamar</b>: kelola pelamar, yaitu melihat profil, mengubah status (Diterima/Ditolak/Dalam Proses), dan mencetak PDF.</li>"
            "<li><b>Pengumuman</b>: buat dan kelola pengumuman terkait lowongan atau informasi perusahaan.</li>"
            "<li><b>Tawarkan Jasa</b>: tawarkan jasa usaha Anda.</li>"
            "<li><b>Permintaan Jasa</b>: lihat dan kelola permintaan jasa yang masuk (terima/tolak).</li>"
            "<li><b>Pengguna Jasa</b>: riwayat pengguna yang pernah menggunakan jasa Anda.</li>"
            "<li><b>Jasa Tersimpan</b>: simpan jasa milik penyedia lain.</li>"
            "<li><b>Gunakan Jasa Terkirim</b>: pantau status permintaan penggunaan jasa yang telah Anda kirim.</li>"
            "</ul>"
            "<h2>Sebelum memasang lowongan: verifikasi akun</h2>"
            "<ol>"
            "<li>Lengkapi <b>Profil Mitra</b> dan unggah dokumen usaha Anda.</li>"
            '<li>Klik <b>"Ajukan Verifikasi"</b> di halaman profil.</li>'
            "<li>Tunggu pemberitahuan dari petugas.</li>"
            "</ol>"
            "<p>Akun Mitra <b>harus sudah diverifikasi</b> sebelum lowongannya dapat dipublikasikan. Selama belum terverifikasi, lowongan belum tampil untuk umum.</p>"
            "<h2>Cara membuat/memposting lowongan</h2>"
            "<ol>"
            "<li>Login ke akun Mitra.</li>"
            "<li>Buka menu <b>Memposting Lowongan</b> di sidebar.</li>"
            "<li>Isi formulir lowongan: Judul, Deskripsi, Kualifikasi, Gaji, Tipe pekerjaan, dan Tanggal berakhir.</li>"
            '<li>Klik <b>"Konfirmasi"</b> untuk meninjau isi lowongan.</li>'
            '<li>Klik <b>"Posting"</b> untuk mempublikasikannya.</li>'
            "</ol>"
            "<p><b>Tips:</b> tulis kualifikasi dan gaji dengan jelas dan jujur. Lowongan berhenti tayang setelah Tanggal berakhir. "
            "Untuk menayangkannya lebih lama, buka <b>List Lowongan</b> dan perpanjang masa tayangnya. "
            "Ingat: meminta biaya apa pun dari pelamar dilarang.</p>"
            "<h2>Mengelola pelamar</h2>"
            "<ol>"
            "<li>Buka menu <b>Pelamar</b>, atau buka <b>List Lowongan</b> lalu pilih lowongan untuk melihat pelamarnya.</li>"
            "<li>Klik nama pelamar untuk melihat profil dan resumenya.</li>"
            "<li>Ubah status lamaran menjadi <b>Dalam Proses</b>, <b>Diterima</b>, atau <b>Ditolak</b>. Pelamar otomatis mendapat pemberitahuan.</li>"
            "<li>Jika perlu, cetak data pelamar dalam format PDF.</li>"
            "</ol>"
            "<p>Data pelamar hanya boleh dipakai untuk keperluan rekrutmen lowongan tersebut.</p>"
            "<h2>Membuat pengumuman</h2>"
            "<p>Buka menu <b>Pengumuman</b> untuk membuat dan mengelola pengumuman, misalnya jadwal wawancara atau informasi perusahaan. "
            "Pengumuman tampil di halaman publik <b>Pengumuman</b>.</p>"
            "<h2>Cara membuat/menawarkan jasa</h2>"
            "<ol>"
            "<li>Login ke akun Mitra.</li>"
            "<li>Buka menu <b>Tawarkan Jasa</b> di sidebar.</li>"
            '<li>Klik <b>"Tambah Jasa"</b>.</li>'
            "<li>Isi detail: Judul, Deskripsi, Kategori, dan Harga/biaya.</li>"
            "<li>Simpan. Jasa akan tampil di halaman <b>Penawaran Jasa</b>.</li>"
            "</ol>"
            "<p>Permintaan yang masuk dapat diterima atau ditolak di menu <b>Permintaan Jasa</b>. Mitra juga dapat memakai jasa penyedia lain "
            'dengan tombol <b>"Gunakan Jasa"</b> dan memantau statusnya di <b>Gunakan Jasa Terkirim</b>.</p>'
        ),
    },
    {
        "slug": "panduan-akun-admin",
        "title": "Panduan Akun Admin / Desa / Kecamatan / Dinaker",
        "summary": "Menu panel admin untuk setiap level petugas, wilayah data yang dapat dilihat, dan fitur utama seperti verifikasi akun, laporan, dan kirim pesan.",
        "body": (
            "<p>Petugas login melalui <b>/app/v1/admin/login/</b>. Menu yang tersedia disesuaikan dengan level akun masing-masing.</p>"
            "<h2>Hak akses menu per level akun</h2>"
            "<h3>Super Admin</h3>"
            "<ul>"
            "<li>Dasbor</li>"
            "<li>Laporan Personal</li>"
            "<li>Laporan Mitra</li>"
            "<li>Data Profil Personal</li>"
            "<li>Data Profil Mitra</li>"
            "<li>List Lowongan</li>"
            "<li>Lamaran Belum Direspon</li>"
            "<li>List Penawaran Jasa</li>"
            "<li>Testimoni, Pengumuman, Pemberitahuan</li>"
            "<li>Rating Mitra, Rating Personal, Rating Personal (Jasa)</li>"
            "<li>Master Data (FAQ, Link, Wilayah, dll.)</li>"
            "<li>Pengaturan (Pengguna &amp; Aplikasi)</li>"
            "</ul>"
            "<h3>Admin</h3>"
            "<ul>"
            "<li>Dasbor</li>"
            "<li>Laporan Personal</li>"
            "<li>Laporan Mitra</li>"
            "<li>Data Profil Personal</li>"
            "<li>Data Profil Mitra</li>"
            "<li>List Lowongan</li>"
            "<li>Lamaran Belum Direspon</li>"
            "<li>List Penawaran Jasa</li>"
            "<li>Testimoni, Pengumuman, Pemberitahuan</li>"
            "<li>Rating Mitra, Rating Personal, Rating Personal (Jasa)</li>"
            "<li>Master Data (FAQ, Link, Wilayah, dll.)</li>"
            "<li>Pengaturan (Pengguna &amp; Aplikasi)</li>"
            "</ul>"
            "<h3>Dinaker</h3>"
            "<ul>"
            "<li>Dasbor</li>"
            "<li>Laporan Personal</li>"
            "<li>Laporan Mitra</li>"
            "<li>Data Profil Mitra</li>"
            "<li>List Lowongan</li>"
            "<li>Lamaran Belum Direspon</li>"
            "<li>Testimoni, Pengumuman, Pemberitahuan</li>"
            "<li>Rating Mitra*</li>"
            "</ul>"
            "<h3>Kecamatan</h3>"
            "<ul>"
            "<li>Dasbor</li>"
            "<li>Laporan Personal</li>"
            "<li>Laporan Mitra</li>"
            "<li>Data Profil Mitra</li>"
            "<li>List Lowongan</li>"
            "<li>Lamaran Belum Direspon</li>"
            "<li>Testimoni, Pengumuman, Pemberitahuan</li>"
            "<li>Rating Mitra*</li>"
            "</ul>"
            "<h3>Verifikator</h3>"
            "<ul>"
            "<li>Dasbor</li>"
            "<li>Data Profil Mitra</li>"
            "<li>List Lowongan</li>"
            "<li>Lamaran Belum Direspon</li>"
            "<li>Testimoni, Pengumuman, Pemberitahuan</li>"
            "<li>Rating Mitra*</li>"
            "</ul>"
            "<h3>Desa</h3>"
            "<ul>"
            "<li>Dasbor</li>"
            "<li>Data Profil Personal</li>"
            "<li>Data Profil Mitra</li>"
            "<li>List Lowongan</li>"
            "<li>Lamaran Belum Direspon</li>"
            "<li>Testimoni, Pengumuman, Pemberitahuan</li>"
            "<li>Rating Mitra, Rating Personal, Rating Personal (Jasa)</li>"
            "</ul>"
            "<p><b>*</b> Dinaker, Kecamatan, dan Verifikator hanya melihat <b>Rating Mitra</b>. "
            "Rating Personal dan Rating Personal (Jasa) hanya untuk Super Admin, Admin, dan Desa.</p>"
            "<p>Menu <b>List Penawaran Jasa</b>, <b>Master Data</b>, dan <b>Pengaturan</b> hanya ada untuk Super Admin dan Admin.</p>"
            "<h2>Wilayah data</h2>"
            "<ul>"
            "<li>Operator <b>Desa</b> hanya melihat akun Personal yang berdomisili di desanya.</li>"
            "<li>Operator <b>Kecamatan</b> hanya melihat data Personal dari kecamatannya, misalnya di Laporan Personal.</li>"
            "<li><b>Dinaker</b>, <b>Verifikator</b>, <b>Admin</b>, dan <b>Super Admin</b> melihat data seluruh Kabupaten Purbalingga sesuai menu masing-masing.</li>"
            "</ul>"
            "<p>Data pribadi warga hanya boleh dipakai untuk tugas pelayanan. Jangan menyalin atau membagikannya di luar keperluan dinas.</p>"
            "<h2>Fitur utama panel admin</h2>"
            "<ul>"
            "<li><b>Dasbor</b>: ringkasan statistik, yaitu jumlah personal, mitra, lowongan, lamaran, dan jasa.</li>"
            "<li><b>Verifikasi Akun</b>: verifikasi atau tolak akun personal dan mitra di menu Data Profil (Data Profil Personal / Data Profil Mitra).</li>"
            "<li><b>Laporan</b>: laporan data personal per desa/kecamatan dan data mitra.</li>"
            "<li><b>Kirim Pesan</b>: kirim pesan ke personal/mitra melalui WhatsApp.</li>"
            "</ul>"
            "<h3>Cara memverifikasi akun</h3>"
            "<ol>"
            "<li>Buka menu <b>Data Profil Personal</b> atau <b>Data Profil Mitra</b>.</li>"
            "<li>Pilih akun yang sudah mengajukan verifikasi.</li>"
            "<li>Periksa kelengkapan dan kebenaran data serta dokumennya.</li>"
            "<li>Verifikasi akun jika data benar, atau tolak dan tuliskan alasannya agar pemilik akun dapat memperbaikinya.</li>"
            "</ol>"
            "<p>Pemilik akun otomatis menerima pemberitahuan tentang hasil verifikasi. Lowongan Mitra baru dapat tayang setelah akun Mitra diverifikasi.</p>"
            "<h3>Membuat akun petugas</h3>"
            "<p>Super Admin dan Admin membuat akun Desa, Kecamatan, Verifikator, dan Dinaker melalui menu <b>Pengaturan → Pengguna</b>, "
            "lalu memilih level akun dan wilayahnya (desa atau kecamatan). Akun Admin dibuat oleh Super Admin.</p>"
        ),
    },
    {
        "slug": "lupa-password",
        "title": "Lupa Password",
        "summary": "Cara membuat password baru untuk akun Personal, akun Mitra, dan akun petugas lewat link reset di email.",
        "body": (
            "<p>Lupa password tidak perlu membuat akun baru. Anda cukup meminta link reset yang dikirim ke email yang terdaftar.</p>"
            "<h2>Akun Personal</h2>"
            "<ol>"
            "<li>Buka halaman <b>Lupa Kata Sandi Personal</b>.</li>"
            "<li>Masukkan <b>email</b> yang terdaftar.</li>"
            "<li>Cek email untuk link reset password.</li>"
            "<li>Klik link tersebut dan masukkan password baru.</li>"
            "</ol>"
            "<h2>Akun Mitra</h2>"
            "<ol>"
            "<li>Buka halaman <b>Lupa Kata Sandi Mitra</b>.</li>"
            "<li>Masukkan <b>email</b> yang terdaftar.</li>"
            "<li>Cek email untuk link reset password.</li>"
            "<li>Klik link tersebut dan masukkan password baru.</li>"
            "</ol>"
            "<h2>Akun Admin</h2>"
            "<p>Berlaku juga untuk akun Desa, Kecamatan, Verifikator, dan Dinaker.</p>"
            "<ol>"
            "<li>Buka halaman <b>Lupa Kata Sandi</b> di halaman login admin (/app/v1/admin/login/).</li>"
            "<li>Masukkan <b>email</b> yang terdaftar.</li>"
            "<li>Cek email untuk link reset password.</li>"
            "<li>Klik link tersebut dan masukkan password baru.</li>"
            "</ol>"
            "<h2>Perlu diketahui</h2>"
            "<ul>"
            "<li>Password baru harus minimal 8 karakter dan memuat huruf besar, huruf kecil, angka, dan karakter khusus.</li>"
            "<li>Link reset hanya berlaku untuk waktu tertentu dan hanya bisa dipakai satu kali. Jika sudah tidak berlaku, ulangi langkah di atas untuk meminta link baru.</li>"
            "<li>Tidak menerima email? Periksa folder Spam/Junk dan pastikan alamat email yang Anda ketik sama dengan yang dipakai saat mendaftar.</li>"
            "<li>Jika Anda tidak lagi bisa membuka email yang terdaftar, hubungi Admin Kepenak Ngodene atau Dinas Komunikasi dan Informatika Kabupaten Purbalingga.</li>"
            "<li>Jika Anda masih ingat password lama dan hanya ingin menggantinya, pakai menu <b>Ganti Password</b> di Profil Saya atau Profil Mitra.</li>"
            "</ul>"
        ),
    },
    {
        "slug": "menu-publik",
        "title": "Menu Publik (Tanpa Login)",
        "summary": "Halaman-halaman Kepenak Ngodene yang bisa dibuka siapa saja tanpa perlu login.",
        "body": (
            "<p>Menu berikut dapat diakses oleh siapa saja tanpa perlu login:</p>"
            "<ul>"
            "<li><b>Beranda</b>: halaman utama berisi ringkasan statistik, lowongan terbaru, mitra unggulan, dan testimoni.</li>"
            "<li><b>Lowongan</b>: daftar semua lowongan pekerjaan dengan fitur pencarian dan filter.</li>"
            "<li><b>Penawaran Jasa</b>: daftar jasa yang ditawarkan oleh personal dan mitra.</li>"
            "<li><b>Pengumuman</b>: pengumuman resmi dari mitra dan pemerintah.</li>"
            "<li><b>Mitra Formal</b>: daftar mitra formal (perusahaan/badan usaha).</li>"
            "<li><b>Mitra Informal</b>: daftar mitra informal (UMKM/usaha perorangan).</li>"
            "<li><b>Testimonial</b>: testimoni dari pengguna aplikasi.</li>"
            "<li><b>Tentang Kami</b>: informasi tentang aplikasi Kepenak Ngodene.</li>"
            "<li><b>FAQ</b>: pertanyaan yang sering diajukan.</li>"
            "<li><b>Panduan Penggunaan</b>: panduan lengkap cara menggunakan aplikasi.</li>"
            "<li><b>Kebijakan Privasi &amp; Ketentuan Penggunaan</b>: informasi kebijakan dan ketentuan aplikasi.</li>"
            "</ul>"
            "<h2>Yang perlu login</h2>"
            '<p>Tanpa login Anda bisa melihat-lihat lowongan dan jasa. Untuk menekan "Lamar Sekarang", "Gunakan Jasa", menyimpan lowongan atau jasa, '
            'dan memberi testimoni, Anda perlu masuk dengan akun Personal atau Mitra. Belum punya akun? Klik "Daftar" untuk akun Personal atau buka '
            "halaman <b>Daftar Mitra</b> untuk akun usaha.</p>"
        ),
    },
]

FAQS = [
    (
        "Akun dan Pendaftaran",
        [
            (
                "Apa itu Kepenak Ngodene dan apakah berbayar?",
                "<p>Kepenak Ngodene adalah bursa kerja dan penyedia jasa online milik Pemerintah Daerah Kabupaten Purbalingga. "
                "Semua layanannya <b>gratis</b>: mendaftar, melamar kerja, memasang lowongan, dan menawarkan jasa.</p>",
            ),
            (
                "Akun apa yang harus saya pilih?",
                '<p>Pilih <b>akun Personal</b> jika Anda mencari kerja atau menawarkan jasa sebagai perorangan; daftar lewat tombol "Daftar". '
                'Pilih <b>akun Mitra</b> jika Anda mewakili usaha yang mencari karyawan; daftar lewat halaman "Daftar Mitra". '
                "Pilih kategori <b>Formal</b> untuk perusahaan atau badan usaha resmi, dan <b>Informal</b> untuk UMKM atau usaha perorangan.</p>",
            ),
            (
                "Apa aturan nama pengguna, nomor HP, dan password?",
                "<ul>"
                "<li><b>Nama pengguna</b>: hanya huruf kecil, angka, titik, dan garis bawah (_), tanpa spasi.</li>"
                "<li><b>Nomor HP</b>: 10 sampai 15 digit, boleh diawali 08, +62, atau 62. Gunakan nomor yang aktif di WhatsApp.</li>"
                "<li><b>Password</b>: minimal 8 karakter, memuat huruf besar, huruf kecil, angka, dan karakter khusus.</li>"
                "</ul>",
            ),
            (
                "Bagaimana kalau saya lupa password?",
                "<p>Buka halaman <b>Lupa Kata Sandi Personal</b> (akun Personal) atau <b>Lupa Kata Sandi Mitra</b> (akun Mitra), masukkan email yang terdaftar, "
                'lalu klik link reset yang dikirim ke email Anda dan buat password baru. Petugas memakai tautan "Lupa Kata Sandi" di halaman login admin.</p>',
            ),
            (
                "Bagaimana cara mendapatkan akun Desa, Kecamatan, Dinaker, atau Admin?",
                "<p>Akun petugas tidak bisa didaftarkan sendiri. Hubungi Admin Kepenak Ngodene atau Dinas Komunikasi dan Informatika Kabupaten Purbalingga. "
                "Admin akan membuatkan akun melalui menu Pengaturan → Pengguna dan memberikan username serta password kepada Anda.</p>",
            ),
        ],
    ),
    (
        "Verifikasi",
        [
            (
                "Email verifikasi tidak masuk. Apa yang harus saya lakukan?",
                '<p>Periksa folder Spam/Junk terlebih dahulu. Jika tetap tidak ada, klik <b>"Kirim Ulang"</b> di halaman konfirmasi untuk mengirim link baru. '
                "Pastikan alamat email yang Anda daftarkan ditulis dengan benar.</p>",
            ),
            (
                "Kenapa link verifikasi email saya tidak berlaku?",
                "<p>Link verifikasi hanya berlaku untuk waktu tertentu dan hanya bisa dipakai satu kali. Jika link sudah kedaluwarsa atau sudah pernah diklik, "
                'minta link baru dengan tombol "Kirim Ulang".</p>',
            ),
            (
                "Bagaimana cara memverifikasi nomor HP?",
                '<p>Buka halaman Profil Anda, klik <b>"Verifikasi No HP"</b>, lalu masukkan kode OTP yang dikirim lewat WhatsApp dan klik <b>"Verifikasi"</b>. '
                "Kode OTP terdiri dari 6 angka dan berlaku 5 menit. Jika sudah lewat, minta kode baru.</p>",
            ),
            (
                'Apa gunanya "Ajukan Verifikasi"?',
                '<p>Dengan <b>"Ajukan Verifikasi"</b>, petugas memeriksa data profil Anda. Akun yang terverifikasi lebih dipercaya oleh pengguna lain, '
                "dan akun Mitra <b>wajib</b> terverifikasi agar lowongannya bisa tayang. Lengkapi profil dulu, lalu klik tombol itu di halaman profil. "
                "Hasilnya dikirim ke menu Pemberitahuan. Jika ditolak, perbaiki data sesuai alasan yang diberikan lalu ajukan lagi.</p>",
            ),
        ],
    ),
    (
        "Lowongan dan Lamaran",
        [
            (
                "Kenapa saya belum bisa melamar lowongan?",
                '<p>Untuk menekan <b>"Lamar Sekarang"</b>, Anda harus login dengan akun Personal, profil Anda harus sudah lengkap <b>100%</b>, '
                "dan email Anda sudah <b>terverifikasi</b>. Periksa persentase kelengkapan di menu Profil Saya. Satu lowongan hanya bisa dilamar satu kali.</p>",
            ),
            (
                "Bagaimana saya tahu status lamaran saya?",
                "<p>Buka menu <b>Lamaran Terkirim</b>. Di sana terlihat status setiap lamaran: Terkirim, Dalam Proses, Diterima, atau Ditolak. "
                "Setiap perubahan status juga dikirim ke menu <b>Pemberitahuan</b>.</p>",
            ),
            (
                "Bagaimana cara mengunduh resume saya?",
                "<p>Lengkapi profil hingga 100% di menu Profil Saya (Data Personal, Pengalaman Kerja, Pendidikan, Keterampilan, Organisasi), "
                'lalu buka menu <b>Resume</b> dan klik <b>"Unduh Resume"</b>. Resume dibuat otomatis dalam format PDF dari data profil Anda.</p>',
            ),
            (
                "Saya Mitra. Kenapa lowongan saya belum tampil?",
                "<p>Lowongan baru bisa dipublikasikan jika akun Mitra Anda sudah <b>terverifikasi</b>. Lengkapi Profil Mitra dan dokumennya, "
                'klik "Ajukan Verifikasi", dan tunggu hasilnya. Pastikan juga Anda sudah menekan <b>"Posting"</b> setelah <b>"Konfirmasi"</b>, '
                "dan Tanggal berakhir lowongan belum lewat.</p>",
            ),
            (
                "Bagaimana cara memperpanjang masa tayang lowongan?",
                "<p>Buka menu <b>List Lowongan</b>, pilih lowongan yang ingin diperpanjang, lalu perpanjang masa tayangnya dengan tanggal berakhir yang baru.</p>",
            ),
        ],
    ),
    (
        "Jasa",
        [
            (
                "Bagaimana cara menawarkan jasa?",
                '<p>Login, buka menu <b>Tawarkan Jasa</b>, klik <b>"Tambah Jasa"</b>, lalu isi Judul, Deskripsi, Kategori, dan Harga/biaya. '
                "Setelah disimpan, jasa Anda tampil di halaman Penawaran Jasa. Fitur ini tersedia untuk akun Personal maupun Mitra.</p>",
            ),
            (
                "Bagaimana cara memakai jasa orang lain?",
                '<p>Buka halaman <b>Penawaran Jasa</b>, pilih jasa, periksa detail dan rating penyedianya, lalu klik <b>"Gunakan Jasa"</b> dan konfirmasi. '
                "Pantau statusnya di menu <b>Gunakan Jasa Terkirim</b>. Penyedia akan menerima atau menolak permintaan Anda.</p>",
            ),
            (
                "Apakah pembayaran jasa dilakukan lewat aplikasi?",
                "<p>Tidak. Harga yang tercantum adalah informasi dari penyedia jasa. Kesepakatan harga dan pembayaran dilakukan langsung antara Anda dan penyedia jasa. "
                "Bicarakan rincian pekerjaan dan biayanya dengan jelas sebelum jasa dikerjakan.</p>",
            ),
            (
                "Bagaimana cara memberi rating?",
                "<p>Rating (1 sampai 5 bintang, dengan komentar) dapat diberikan satu kali untuk setiap lamaran atau penggunaan jasa yang sudah diproses. "
                "Pelamar memberi rating kepada Mitra dari menu Lamaran Terkirim, dan pengguna jasa memberi rating kepada penyedia jasa setelah jasanya selesai. "
                "Berikan rating yang jujur sesuai pengalaman Anda.</p>",
            ),
        ],
    ),
    (
        "Keamanan dan Privasi",
        [
            (
                "Ada yang meminta uang agar saya diterima kerja. Apa yang harus saya lakukan?",
                "<p>Jangan membayar. Mitra dilarang memungut biaya apa pun dari pencari kerja. Simpan buktinya (tangkapan layar, nomor pengirim) "
                "dan laporkan ke Dinas Komunikasi dan Informatika Kabupaten Purbalingga melalui email dinkominfo@purbalinggakab.go.id atau telepon (0281) 8902091.</p>",
            ),
            (
                "Siapa yang dapat melihat data pribadi saya?",
                "<p>Profil dan resume Personal tidak ditampilkan untuk umum. Mitra hanya dapat melihat profil Anda <b>setelah Anda melamar</b> lowongannya. "
                "NIK selalu ditampilkan tersamar. Operator Desa dan Kecamatan hanya melihat data warga di wilayahnya sendiri. "
                "Penjelasan lengkap ada di halaman Kebijakan Privasi.</p>",
            ),
            (
                "Apakah petugas akan meminta password atau kode OTP saya?",
                "<p>Tidak pernah. Password dan kode OTP hanya untuk Anda. Jika ada yang memintanya, meskipun mengaku petugas atau Mitra, itu penipuan. "
                "Jangan berikan, dan segera ganti password jika Anda terlanjur memberikannya.</p>",
            ),
            (
                "Bagaimana cara melihat, memperbaiki, atau menghapus data saya?",
                "<p>Sebagian besar data dapat Anda lihat dan ubah sendiri di menu Profil Saya atau Profil Mitra. Untuk meminta salinan data, "
                "penghapusan akun, atau menarik persetujuan, kirim permintaan ke dinkominfo@purbalinggakab.go.id dengan menyebutkan nama pengguna dan email akun Anda. "
                "Hak-hak ini dijamin UU No. 27 Tahun 2022 tentang Pelindungan Data Pribadi.</p>",
            ),
        ],
    ),
]

LINKS = [
    ("Portal Resmi Pemerintah Kabupaten Purbalingga", "https://www.purbalinggakab.go.id/"),
    ("Kementerian Ketenagakerjaan (SIAPkerja)", "https://siapkerja.kemnaker.go.id/"),
    ("BPJS Ketenagakerjaan", "https://www.bpjsketenagakerjaan.go.id/"),
    ("OSS: Perizinan Berusaha (NIB) untuk Pelaku Usaha", "https://oss.go.id/"),
    ("Program Kartu Prakerja", "https://www.prakerja.go.id/"),
]
