"""Bulk demo data for performance work (`load_demo_data --bulk`): hundreds of thousands of rows in
minutes. Rows are built in memory from pre-generated pools of Indonesian names and text (Faker
id_ID, seeded) and written with ``bulk_create`` in batches of BATCH_SIZE, one transaction per
batch. Every demo user shares one precomputed hash of DEMO_PASSWORD. Unique constraints hold by
construction: the applicants of a vacancy (and the requesters of a service) are distinct members
of an arithmetic progression over the Personal accounts. No signal runs, so nothing is sent; the
Wagtail search index of vacancies and services is written with the backend's ``add_bulk``.

Counts are totals (``applications`` is the number of applications, not applicants per vacancy).
Every bulk Personal shares one generated profile photo (BULK_PHOTO), so their profiles are 100 %
complete and they can apply. Not filled in bulk: Mitra documents (no files), testimonials, announcements;
``created_at`` of every row is the load time (``auto_now_add``), ``published_at`` is spread."""

import datetime
import io
import math
import random
import time
from collections import namedtuple
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from faker import Faker
from PIL import Image
from wagtail.search.backends import get_search_backend

from marketplace.choices import (
    ApplicationStatus,
    PriceUnit,
    ServiceRatingDirection,
    ServiceRequestStatus,
    ServiceStatus,
    VacancyStatus,
)
from marketplace.models import (
    Application,
    KategoriJasa,
    KategoriLowongan,
    MitraRating,
    PersonalRating,
    Service,
    ServiceRating,
    ServiceRequest,
    ServiceRequestEvent,
    TipePekerjaan,
    Vacancy,
)
from portal import region_tallies
from portal.models import RegionTally
from users.choices import AccountType, Gender, JobSeekingStatus, MitraCategory, SkillLevel, VerificationStatus
from users.models import (
    BidangUsaha,
    Desa,
    Education,
    Kecamatan,
    MitraProfile,
    Pendidikan,
    PersonalProfile,
    Skill,
    User,
    WorkExperience,
)

BATCH_SIZE = 5_000
# `load_demo_data` switches to this loader on --bulk or when --personals reaches this count.
BULK_THRESHOLD = 1_000
EMAIL_DOMAIN = "demo.kepenak-ngodene.id"
# Share of the demo "mitra" account among vacancy owners: one large employer with many applicants.
DEMO_MITRA_VACANCY_SHARE = 0.005


# What later phases need of the rows already written (ids, not model instances: memory stays small).
PersonalRef = namedtuple("PersonalRef", "profile_id user_id email_verified")
VacancyRef = namedtuple("VacancyRef", "pk mitra_id published_at")
ServiceRef = namedtuple("ServiceRef", "pk provider_id")
DecidedApplication = namedtuple("DecidedApplication", "pk mitra_id personal_id decided_at")
FinishedRequest = namedtuple("FinishedRequest", "pk service_id requester_id provider_id completed_at")


@dataclass
class BulkCounts:
    personals: int = 200_000
    mitras: int = 20_000
    vacancies: int = 100_000
    applications: int = 1_000_000
    services: int = 30_000
    requests: int = 100_000
    ratings: int = 200_000


JOB_TITLES = [
    "Operator Produksi Bulu Mata",
    "Operator Produksi Rambut Palsu",
    "Penjahit Konveksi",
    "Staf Administrasi",
    "Sopir Pengiriman",
    "Tenaga Penjualan",
    "Juru Masak",
    "Teknisi Knalpot",
    "Kasir Toko",
    "Pramuniaga Minimarket",
    "Admin Gudang",
    "Kurir Paket",
    "Guru Les Privat",
    "Perawat Klinik",
    "Mekanik Sepeda Motor",
    "Tukang Las",
    "Barista",
    "Pelayan Rumah Makan",
    "Staf Keuangan",
    "Desainer Grafis",
    "Operator Mesin Jahit",
    "Petugas Kebersihan",
    "Satpam",
    "Teknisi Listrik",
    "Customer Service",
    "Marketing Lapangan",
    "Helper Gudang",
    "Quality Control Produksi",
    "Petani Hidroponik",
    "Pengrajin Batik",
]

SERVICE_TITLES = [
    ("Tukang Bangunan dan Renovasi Rumah", "Bangunan dan Renovasi", 150_000, PriceUnit.DAY),
    ("Servis AC, Kulkas dan Mesin Cuci", "Listrik dan Elektronik", 75_000, PriceUnit.UNIT),
    ("Servis Motor Panggilan", "Servis Kendaraan", 50_000, PriceUnit.UNIT),
    ("Jahit dan Permak Pakaian", "Jahit dan Permak Pakaian", 25_000, PriceUnit.UNIT),
    ("Rias Pengantin dan Wisuda", "Rias dan Kecantikan", None, PriceUnit.NEGOTIABLE),
    ("Katering Nasi Kotak", "Katering dan Masak", 20_000, PriceUnit.UNIT),
    ("Bersih-Bersih Rumah", "Kebersihan Rumah", 40_000, PriceUnit.HOUR),
    ("Les Privat Matematika", "Les dan Pendidikan", 50_000, PriceUnit.HOUR),
    ("Desain Undangan dan Spanduk", "Desain, Foto dan Video", 150_000, PriceUnit.PROJECT),
    ("Angkut Barang dan Pindahan", "Angkutan dan Pindahan", 300_000, PriceUnit.PROJECT),
    ("Pijat Tradisional Panggilan", "Rias dan Kecantikan", 60_000, PriceUnit.HOUR),
    ("Servis Pompa Air dan Instalasi Listrik", "Listrik dan Elektronik", 100_000, PriceUnit.UNIT),
]

SKILLS = [
    "Menjahit",
    "Mengemudi",
    "Microsoft Excel",
    "Memasak",
    "Desain grafis",
    "Pengelasan",
    "Penjualan",
    "Akuntansi dasar",
    "Bahasa Inggris",
    "Perbaikan motor",
    "Merangkai bulu mata",
    "Pelayanan pelanggan",
]

# Sentence templates of vacancy and service text: {title}, {company} and {place} are filled in.
VACANCY_SENTENCES = [
    "{company} membuka lowongan {title} untuk penempatan di {place}.",
    "Kami mencari {title} yang jujur, disiplin dan mau belajar.",
    "Jam kerja Senin sampai Sabtu, pukul 08.00 sampai 16.00 WIB.",
    "Tersedia uang makan, uang transport dan BPJS Ketenagakerjaan.",
    "Pelamar akan mengikuti masa percobaan selama tiga bulan.",
    "Lokasi kerja mudah dijangkau dari pusat kota Purbalingga.",
    "Lamaran diproses paling lambat dua minggu setelah dikirim.",
    "Bonus bulanan diberikan sesuai target produksi tim.",
    "Kesempatan jenjang karier bagi karyawan yang berprestasi.",
    "Pelatihan diberikan sebelum mulai bekerja, tidak dipungut biaya.",
]
QUALIFICATION_SENTENCES = [
    "Pria atau wanita usia 18 sampai 35 tahun.",
    "Pendidikan minimal SMP atau sederajat.",
    "Berdomisili di Kabupaten Purbalingga.",
    "Sehat jasmani dan rohani, tidak buta warna.",
    "Teliti, rapi dan mampu bekerja dalam tim.",
    "Memiliki SIM C atau SIM A lebih disukai.",
    "Berpengalaman di bidang yang sama menjadi nilai tambah.",
    "Bersedia bekerja dengan sistem sif.",
]
MITRA_SENTENCES = [
    "{company} adalah usaha lokal yang berdiri sejak lebih dari sepuluh tahun.",
    "Kami mempekerjakan warga sekitar dan membina usaha kecil di desa.",
    "Produk kami dipasarkan ke seluruh Jawa Tengah dan luar negeri.",
    "Lingkungan kerja aman, bersih dan kekeluargaan.",
    "Kami terbuka untuk lulusan baru yang mau belajar.",
]
SERVICE_SENTENCES = [
    "Melayani panggilan ke rumah di wilayah {place} dan sekitarnya.",
    "Pengalaman lebih dari lima tahun, hasil kerja rapi dan bergaransi.",
    "Harga bisa dibicarakan sesuai tingkat kesulitan pekerjaan.",
    "Hubungi lewat WhatsApp untuk menanyakan jadwal yang kosong.",
    "Bahan dapat disediakan oleh kami atau oleh pelanggan.",
    "Buka setiap hari, termasuk hari Minggu dan tanggal merah.",
]
REQUEST_MESSAGES = [
    "Mohon datang hari Sabtu pagi, alamat saya dekat balai desa.",
    "Apakah bisa dikerjakan minggu ini? Terima kasih.",
    "Saya butuh bantuan secepatnya, mohon kabari harganya.",
    "Untuk acara keluarga akhir bulan, sekitar seratus orang.",
    "Tolong hubungi saya lewat WhatsApp untuk detailnya.",
]
SUMMARIES = [
    "Lulusan SMK yang terbiasa bekerja teliti dan tepat waktu.",
    "Berpengalaman di pabrik bulu mata dan siap bekerja sif.",
    "Suka belajar hal baru dan mudah bekerja sama dalam tim.",
    "Pernah bekerja sebagai kasir dan pramuniaga selama dua tahun.",
    "Mencari pekerjaan dekat rumah di Kabupaten Purbalingga.",
]
RATING_COMMENTS = [
    "Proses rekrutmen jelas dan cepat, terima kasih.",
    "Komunikasi baik, jadwal wawancara tepat waktu.",
    "Pekerjaan rapi dan sesuai janji.",
    "Ramah dan tepat waktu, akan memakai jasanya lagi.",
    "Pelamar disiplin dan sopan.",
    "",
]

VACANCY_STATUS_WEIGHTS = [
    ("open", 1 / 3),
    ("expired", 1 / 6),
    (VacancyStatus.CLOSED, 1 / 6),
    (VacancyStatus.FILLED, 1 / 6),
    (VacancyStatus.DRAFT, 1 / 12),
    (VacancyStatus.TAKEN_DOWN, 1 / 12),
]
APPLICATION_STATUS_WEIGHTS = [
    (ApplicationStatus.TERKIRIM, 40),
    (ApplicationStatus.DIPROSES, 25),
    (ApplicationStatus.DITERIMA, 12),
    (ApplicationStatus.DITOLAK, 18),
    (ApplicationStatus.DITARIK, 5),
]
REQUEST_STATUS_WEIGHTS = [
    (ServiceRequestStatus.DIKIRIM, 20),
    (ServiceRequestStatus.DITERIMA, 15),
    (ServiceRequestStatus.SELESAI, 40),
    (ServiceRequestStatus.DITOLAK, 10),
    (ServiceRequestStatus.DIBATALKAN, 10),
    (ServiceRequestStatus.KEDALUWARSA, 5),
]


def _weighted(rng, weights, k):
    values, shares = zip(*weights, strict=True)
    return rng.choices(values, weights=shares, k=k)


BULK_PHOTO = "profil/foto/bulk-demo.jpg"


def shared_photo():
    """The one profile photo of every bulk Personal, written to media storage once."""
    if not default_storage.exists(BULK_PHOTO):
        buffer = io.BytesIO()
        Image.new("RGB", (240, 240), (46, 125, 50)).save(buffer, "JPEG", quality=80)
        default_storage.save(BULK_PHOTO, ContentFile(buffer.getvalue()))
    return BULK_PHOTO


def _batches(total, size=BATCH_SIZE):
    for start in range(0, total, size):
        yield start, min(total, start + size)


class Progress:
    """Prints rows written and rows per second, per phase."""

    def __init__(self, write):
        self.write = write
        self.rows = {}

    def phase(self, name, function, *args):
        started = time.monotonic()
        result, rows = function(*args)
        seconds = max(time.monotonic() - started, 1e-6)
        self.rows[name] = rows
        self.write(f"{name}: {rows:,} rows in {seconds:.1f} s ({rows / seconds:,.0f} rows/s)")
        return result


class TextPools:
    """Names, companies and addresses drawn once from Faker id_ID; text composed from templates."""

    def __init__(self, rng, seed):
        fake = Faker("id_ID")
        fake.seed_instance(seed)
        self.rng = rng
        self.male_names = [fake.first_name_male() for _ in range(400)]
        self.female_names = [fake.first_name_female() for _ in range(400)]
        self.last_names = [fake.last_name() for _ in range(400)]
        self.companies = [fake.company() for _ in range(3_000)]
        self.streets = [fake.street_address() for _ in range(2_000)]
        self.cities = [fake.city() for _ in range(150)]
        self.institutions = (
            [f"SMK N {n} Purbalingga" for n in range(1, 6)]
            + [f"SMA N {n} Purbalingga" for n in range(1, 4)]
            + ["Universitas Jenderal Soedirman", "Universitas Muhammadiyah Purwokerto"]
        )

    def paragraph(self, sentences, count, **values):
        return " ".join(self.rng.sample(sentences, k=count)).format(**values)


class BulkLoader:
    def __init__(self, counts, seed, write):
        self.counts = counts
        self.rng = random.Random(seed)
        self.text = TextPools(self.rng, seed)
        self.progress = Progress(write)
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.password = make_password(settings.DEMO_PASSWORD)
        # Numbers of this run start above every existing user id: usernames, NIK and phones stay unique.
        self.base = (User.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        self.desa = list(Desa.objects.values_list("pk", "kecamatan_id"))
        kecamatan = dict(Kecamatan.objects.values_list("pk", "name"))
        self.kecamatan_ids, self.kecamatan_names = sorted(kecamatan), list(kecamatan.values())
        self.education_levels = list(Pendidikan.objects.all())
        self.business_fields = list(BidangUsaha.objects.all())
        self.job_types = list(TipePekerjaan.objects.all())
        self.vacancy_categories = list(KategoriLowongan.objects.all())
        self.service_categories = {category.name: category for category in KategoriJasa.objects.all()}
        self.search = get_search_backend()

    def run(self):
        counts, progress = self.counts, self.progress
        with region_tallies.triggers_skipped():
            personals = progress.phase(
                "personal accounts with full profiles", self.personals, counts.personals
            )
            mitras = progress.phase("mitra accounts", self.mitras, counts.mitras)
            vacancies = progress.phase("vacancies (with locations and search index)", self.vacancies, mitras)
            decided = progress.phase("applications", self.applications, vacancies, personals)
            services = progress.phase(
                "services (with areas and search index)", self.services, personals, mitras
            )
            finished = progress.phase(
                "service requests (with events)", self.service_requests, services, personals
            )
            progress.phase("ratings", self.ratings, decided, finished)
        progress.phase("Dasbor and Laporan region tallies, recounted", self.region_tallies)
        return progress.rows

    def region_tallies(self):
        """Count every row written (the triggers were skipped, or counted each row one by one)."""
        region_tallies.rebuild()
        return None, RegionTally.objects.count()

    # Accounts -------------------------------------------------------------------------------

    def _user(self, number, account_type, first_name, last_name, verified=True):
        username = f"{account_type}{number}"
        return User(
            username=username,
            email=f"{username}@{EMAIL_DOMAIN}",
            password=self.password,
            first_name=first_name,
            last_name=last_name,
            phone=f"6289{number:010d}",
            account_type=account_type,
            email_verified_at=self.now if verified else None,
            phone_verified_at=self.now if verified else None,
            terms_accepted_at=self.now,
            date_joined=self.now - datetime.timedelta(days=self.rng.randrange(730)),
        )

    def _verification(self):
        status = _weighted(
            self.rng,
            [
                (VerificationStatus.TERVERIFIKASI, 70),
                (VerificationStatus.DIAJUKAN, 15),
                (VerificationStatus.BELUM, 15),
            ],
            1,
        )[0]
        # Submitted over the last 60 days (Data Profil lists the queue by submission), verified
        # half-way between submission and now.
        submitted = self.now - datetime.timedelta(minutes=self.rng.randrange(60 * 24 * 60))
        return {
            "verification_status": status,
            "submitted_at": submitted if status != VerificationStatus.BELUM else None,
            "verified_at": submitted + (self.now - submitted) / 2
            if status == VerificationStatus.TERVERIFIKASI
            else None,
        }

    def personals(self, count):
        """Personal accounts with every profile section filled in, the shared photo included."""
        rng, text, refs, rows = self.rng, self.text, [], 0
        photo = shared_photo()
        for start, stop in _batches(count):
            users, genders, batch = [], [], []
            for number in range(self.base + start, self.base + stop):
                gender = rng.choice(Gender.values)
                names = text.female_names if gender == Gender.FEMALE else text.male_names
                genders.append(gender)
                users.append(
                    self._user(
                        number,
                        AccountType.PERSONAL,
                        rng.choice(names),
                        rng.choice(text.last_names),
                        verified=rng.random() < 0.9,
                    )
                )
            with transaction.atomic():
                User.objects.bulk_create(users)
                for user, gender in zip(users, genders, strict=True):
                    desa_id, kecamatan_id = rng.choice(self.desa)
                    batch.append(
                        PersonalProfile(
                            user=user,
                            nik=f"3303{self.base + len(refs) + len(batch):012d}",
                            gender=gender,
                            birth_place=rng.choice(text.cities),
                            birth_date=datetime.date(
                                rng.randint(1970, 2007), rng.randint(1, 12), rng.randint(1, 28)
                            ),
                            address=rng.choice(text.streets),
                            kecamatan_id=kecamatan_id,
                            desa_id=desa_id,
                            summary=rng.choice(SUMMARIES),
                            education_level=rng.choice(self.education_levels),
                            job_seeking_status=rng.choice(JobSeekingStatus.values),
                            no_experience=rng.random() < 0.3,
                            no_organisation=True,
                            photo=photo,
                            **self._verification(),
                        )
                    )
                PersonalProfile.objects.bulk_create(batch)
                rows += len(batch) * 2 + self._profile_sections(batch)
            refs.extend(PersonalRef(p.pk, p.user.pk, p.user.email_verified_at is not None) for p in batch)
        demo = PersonalProfile.objects.filter(user__username="personal").select_related("user").first()
        demo_refs = [PersonalRef(demo.pk, demo.user_id, demo.user.email_verified)] if demo else []
        return demo_refs + refs, rows

    def _profile_sections(self, profiles):
        """One education, one or two skills and, for most, one work experience per profile."""
        rng, text = self.rng, self.text
        educations, skills, experiences = [], [], []
        for profile in profiles:
            year = profile.birth_date.year + rng.randint(15, 22)
            educations.append(
                Education(
                    profile=profile,
                    level=profile.education_level,
                    institution=rng.choice(text.institutions),
                    start_year=year - 3,
                    end_year=year,
                )
            )
            for name in rng.sample(SKILLS, k=rng.randint(1, 2)):
                skills.append(Skill(profile=profile, name=name, level=rng.choice(SkillLevel.values)))
            if not profile.no_experience:
                experiences.append(
                    WorkExperience(
                        profile=profile,
                        position=rng.choice(JOB_TITLES),
                        company=rng.choice(text.companies),
                        start_date=datetime.date(year + 1, rng.randint(1, 12), 1),
                        end_date=datetime.date(year + 2, rng.randint(1, 12), 1)
                        if rng.random() < 0.6
                        else None,
                    )
                )
        Education.objects.bulk_create(educations)
        Skill.objects.bulk_create(skills)
        WorkExperience.objects.bulk_create(experiences)
        return len(educations) + len(skills) + len(experiences)

    def mitras(self, count):
        rng, text, profiles = self.rng, self.text, []
        first = self.base + self.counts.personals
        for start, stop in _batches(count):
            users, batch = [], []
            for number in range(first + start, first + stop):
                company = f"{rng.choice(text.companies)} {rng.choice(text.cities)}"
                users.append(self._user(number, AccountType.MITRA, company[:150], ""))
            with transaction.atomic():
                User.objects.bulk_create(users)
                for user in users:
                    desa_id, kecamatan_id = rng.choice(self.desa)
                    batch.append(
                        MitraProfile(
                            user=user,
                            name=user.first_name,
                            business_field=rng.choice(self.business_fields),
                            category=MitraCategory.FORMAL if rng.random() < 0.6 else MitraCategory.INFORMAL,
                            address=rng.choice(text.streets),
                            kecamatan_id=kecamatan_id,
                            desa_id=desa_id,
                            description=text.paragraph(MITRA_SENTENCES, 3, company=user.first_name),
                            contact_person=f"{rng.choice(text.female_names)} {rng.choice(text.last_names)}",
                            contact_phone=user.phone,
                            **self._verification(),
                        )
                    )
                MitraProfile.objects.bulk_create(batch)
            profiles.extend(batch)
        demo = list(
            MitraProfile.objects.filter(user__username__in=["mitra", "mitra_informal"])
            .select_related("user")
            .order_by("user__username")
        )
        return demo + profiles, len(profiles) * 2

    # Vacancies and applications ---------------------------------------------------------------

    def _vacancy_owner(self, mitras, verified):
        if mitras[0].user.username == "mitra" and self.rng.random() < DEMO_MITRA_VACANCY_SHARE:
            return mitras[0]
        return self.rng.choice(verified)

    def vacancies(self, mitras):
        """A third open (Tayang, ending in the future); the rest ended, closed, filled, draft or taken
        down. Returns the vacancies that may have applicants (not drafts)."""
        rng, text, count = self.rng, self.text, self.counts.vacancies
        verified = [m for m in mitras if m.verification_status == VerificationStatus.TERVERIFIKASI] or mitras
        applied, rows = [], 0
        through = Vacancy.locations.through
        for start, stop in _batches(count):
            batch = []
            for state in _weighted(rng, VACANCY_STATUS_WEIGHTS, stop - start):
                mitra = self._vacancy_owner(mitras, verified)
                title = rng.choice(JOB_TITLES)
                published = self.now - datetime.timedelta(
                    days=rng.randrange(1, 120), minutes=rng.randrange(1440)
                )
                if state == "open":
                    status, end_date = (
                        VacancyStatus.PUBLISHED,
                        self.today + datetime.timedelta(days=rng.randint(1, 60)),
                    )
                elif state == "expired":
                    status, end_date = (
                        VacancyStatus.PUBLISHED,
                        self.today - datetime.timedelta(days=rng.randint(1, 60)),
                    )
                else:
                    status, end_date = state, self.today + datetime.timedelta(days=rng.randint(-60, 60))
                low = rng.randrange(15, 45) * 100_000
                place = rng.choice(self.kecamatan_names)
                batch.append(
                    Vacancy(
                        mitra=mitra,
                        title=title,
                        description=text.paragraph(
                            VACANCY_SENTENCES, 4, company=mitra.name, title=title, place=place
                        ),
                        qualifications=text.paragraph(QUALIFICATION_SENTENCES, 3),
                        salary_min=low,
                        salary_max=low + rng.randrange(0, 15) * 100_000,
                        salary_hidden=rng.random() < 0.2,
                        job_type=rng.choice(self.job_types),
                        category=rng.choice(self.vacancy_categories),
                        min_education=rng.choice(self.education_levels) if rng.random() < 0.7 else None,
                        quota=rng.randint(1, 20),
                        end_date=end_date,
                        status=status,
                        published_at=None if status == VacancyStatus.DRAFT else published,
                        closed_at=published
                        if status in (VacancyStatus.CLOSED, VacancyStatus.FILLED)
                        else None,
                        taken_down_reason="Informasi lowongan tidak sesuai ketentuan."
                        if status == VacancyStatus.TAKEN_DOWN
                        else "",
                    )
                )
            with transaction.atomic():
                Vacancy.objects.bulk_create(batch)
                locations = [
                    through(vacancy_id=vacancy.pk, kecamatan_id=kecamatan)
                    for vacancy in batch
                    for kecamatan in rng.sample(self.kecamatan_ids, k=rng.randint(1, 2))
                ]
                through.objects.bulk_create(locations)
                self.search.add_bulk(Vacancy, batch)
            rows += len(batch) * 2 + len(locations)
            applied.extend(
                VacancyRef(v.pk, v.mitra_id, v.published_at) for v in batch if v.status != VacancyStatus.DRAFT
            )
        return applied, rows

    def _spread(self, total, slots, cap):
        """``slots`` counts summing to ``total`` (each at most ``cap``), varied pairwise around the mean."""
        if not slots:
            return []
        base, extra = divmod(total, slots)
        counts = [min(cap, base + (1 if index < extra else 0)) for index in range(slots)]
        for index in range(0, slots - 1, 2):
            shift = self.rng.randint(0, min(counts[index + 1], cap - counts[index]))
            counts[index] += shift
            counts[index + 1] -= shift
        return counts

    def _distinct_members(self, size, count, skip=None):
        """``count`` distinct indexes in range(size) (an arithmetic progression with a step coprime to
        ``size``), leaving out ``skip``."""
        if count <= 0:
            return []
        start, step = self.rng.randrange(size), self.rng.randrange(1, size) if size > 1 else 1
        while math.gcd(step, size) != 1:
            step += 1
        members = ((start + step * offset) % size for offset in range(size))
        chosen = []
        for member in members:
            if member != skip:
                chosen.append(member)
                if len(chosen) == count:
                    break
        return chosen

    def applications(self, vacancies, personals):
        """Returns the decided applications (Diterima, Ditolak), which may be rated."""
        rng, decided, written = self.rng, [], 0
        per_vacancy = self._spread(self.counts.applications, len(vacancies), len(personals))
        pending, mitra_of = [], {vacancy.pk: vacancy.mitra_id for vacancy in vacancies}
        for vacancy, count in zip(vacancies, per_vacancy, strict=True):
            statuses = _weighted(rng, APPLICATION_STATUS_WEIGHTS, count)
            for index, status in zip(self._distinct_members(len(personals), count), statuses, strict=True):
                changed = min(self.now, vacancy.published_at + datetime.timedelta(days=rng.randint(1, 20)))
                is_decided = status in (ApplicationStatus.DITERIMA, ApplicationStatus.DITOLAK)
                pending.append(
                    Application(
                        vacancy_id=vacancy.pk,
                        personal_id=personals[index].profile_id,
                        status=status,
                        status_changed_at=None if status == ApplicationStatus.TERKIRIM else changed,
                        decided_at=changed if is_decided else None,
                        mitra_message="Silakan datang untuk wawancara."
                        if status == ApplicationStatus.DIPROSES
                        else "",
                    )
                )
            if len(pending) >= BATCH_SIZE:
                written += self._write_applications(pending, decided, mitra_of)
                pending = []
        written += self._write_applications(pending, decided, mitra_of)
        return decided, written

    def _write_applications(self, batch, decided, mitra_of):
        with transaction.atomic():
            Application.objects.bulk_create(batch)
        decided.extend(
            DecidedApplication(a.pk, mitra_of[a.vacancy_id], a.personal_id, a.decided_at)
            for a in batch
            if a.decided_at is not None
        )
        return len(batch)

    # Services ----------------------------------------------------------------------------------

    def services(self, personals, mitras):
        """Services of verified Personal accounts (most) and informal Mitra; most active."""
        rng, text, rows, services = self.rng, self.text, 0, []
        providers = [p.user_id for p in personals if p.email_verified] + [
            m.user_id for m in mitras if m.category == MitraCategory.INFORMAL
        ]
        fallback = next(iter(self.service_categories.values()))
        for start, stop in _batches(self.counts.services):
            batch = []
            for _ in range(start, stop):
                title, category, price, unit = rng.choice(SERVICE_TITLES)
                status = _weighted(
                    rng,
                    [(ServiceStatus.ACTIVE, 85), (ServiceStatus.PAUSED, 10), (ServiceStatus.ARCHIVED, 5)],
                    1,
                )[0]
                batch.append(
                    Service(
                        provider_id=rng.choice(providers),
                        title=title,
                        description=text.paragraph(SERVICE_SENTENCES, 3, place=rng.choice(text.cities)),
                        category=self.service_categories.get(category, fallback),
                        price=None if price is None else price + rng.randrange(0, 5) * 10_000,
                        price_unit=unit,
                        status=status,
                    )
                )
            through = Service.areas.through
            with transaction.atomic():
                Service.objects.bulk_create(batch)
                areas = [
                    through(service_id=service.pk, kecamatan_id=kecamatan)
                    for service in batch
                    for kecamatan in rng.sample(self.kecamatan_ids, k=rng.randint(1, 3))
                ]
                through.objects.bulk_create(areas)
                self.search.add_bulk(Service, batch)
            rows += len(batch) * 2 + len(areas)
            services.extend(ServiceRef(service.pk, service.provider_id) for service in batch)
        return services, rows

    def service_requests(self, services, personals):
        """Requests in every state with their transitions; returns the finished (Selesai) ones."""
        rng, finished, rows = self.rng, [], 0
        requesters = [p.user_id for p in personals]
        index_of = {user_id: index for index, user_id in enumerate(requesters)}
        per_service = self._spread(self.counts.requests, len(services), len(requesters) - 1)
        pending, provider_of = [], dict(services)
        for service, count in zip(services, per_service, strict=True):
            skip = index_of.get(service.provider_id)
            statuses = _weighted(rng, REQUEST_STATUS_WEIGHTS, count)
            for index, status in zip(
                self._distinct_members(len(requesters), count, skip), statuses, strict=True
            ):
                sent = self.now - datetime.timedelta(days=rng.randint(1, 90))
                pending.append(self._request(service, requesters[index], status, sent))
            if len(pending) >= BATCH_SIZE:
                rows += self._write_requests(pending, finished, provider_of)
                pending = []
        rows += self._write_requests(pending, finished, provider_of)
        return finished, rows

    def _request(self, service, requester, status, sent):
        responded = sent + datetime.timedelta(hours=self.rng.randint(1, 48))
        ended = status not in (ServiceRequestStatus.DIKIRIM, ServiceRequestStatus.DITERIMA)
        return ServiceRequest(
            service_id=service.pk,
            requester_id=requester,
            message=self.rng.choice(REQUEST_MESSAGES),
            wished_date=sent.date() + datetime.timedelta(days=self.rng.randint(1, 14)),
            status=status,
            reject_reason="Maaf, jadwal kami sudah penuh." if status == ServiceRequestStatus.DITOLAK else "",
            responded_at=responded if status != ServiceRequestStatus.DIKIRIM else None,
            completed_at=responded + datetime.timedelta(days=2)
            if status == ServiceRequestStatus.SELESAI
            else None,
            ended_at=responded if ended else None,
        )

    def _write_requests(self, batch, finished, provider_of):
        events = []
        with transaction.atomic():
            ServiceRequest.objects.bulk_create(batch)
            for request in batch:
                path = [ServiceRequestStatus.DIKIRIM]
                if request.status == ServiceRequestStatus.SELESAI:
                    path.append(ServiceRequestStatus.DITERIMA)
                if request.status != ServiceRequestStatus.DIKIRIM:
                    path.append(request.status)
                for from_status, to_status in zip(["", *path], path, strict=False):
                    by_requester = to_status in (
                        ServiceRequestStatus.DIKIRIM,
                        ServiceRequestStatus.DIBATALKAN,
                    )
                    actor = request.requester_id if by_requester else provider_of[request.service_id]
                    events.append(
                        ServiceRequestEvent(
                            request=request, from_status=from_status, to_status=to_status, actor_id=actor
                        )
                    )
            ServiceRequestEvent.objects.bulk_create(events, batch_size=BATCH_SIZE)
        finished.extend(
            FinishedRequest(r.pk, r.service_id, r.requester_id, provider_of[r.service_id], r.completed_at)
            for r in batch
            if r.status == ServiceRequestStatus.SELESAI
        )
        return len(batch) + len(events)

    # Ratings -----------------------------------------------------------------------------------

    def _rating(self, when):
        return {
            "stars": self.rng.choice([2, 3, 4, 4, 5, 5, 5]),
            "comment": self.rng.choice(RATING_COMMENTS),
            "editable_until": when + datetime.timedelta(days=14),
            "revealed_at": when + datetime.timedelta(days=1),
        }

    def ratings(self, decided, finished):
        """Both sides of finished service requests and of decided applications, already revealed:
        half of ``ratings`` on service requests (as far as there are), the rest on applications."""
        total = self.counts.ratings
        on_services = min(total // 2, len(finished) * 2)
        on_applications = min(total - on_services, len(decided) * 2)
        service_ratings = []
        for number in range(on_services):
            request = finished[number // 2]
            provider_side = number % 2 == 0
            service_ratings.append(
                ServiceRating(
                    service_request_id=request.pk,
                    service_id=request.service_id,
                    direction=ServiceRatingDirection.OF_PROVIDER
                    if provider_side
                    else ServiceRatingDirection.OF_USER,
                    rater_id=request.requester_id if provider_side else request.provider_id,
                    ratee_id=request.provider_id if provider_side else request.requester_id,
                    **self._rating(request.completed_at),
                )
            )
        mitra_ratings, personal_ratings = [], []
        for number in range(on_applications):
            application = decided[number // 2]
            fields = {
                "application_id": application.pk,
                "mitra_id": application.mitra_id,
                "personal_id": application.personal_id,
                **self._rating(application.decided_at),
            }
            (mitra_ratings if number % 2 == 0 else personal_ratings).append(
                (MitraRating if number % 2 == 0 else PersonalRating)(**fields)
            )
        for model, rows in [
            (ServiceRating, service_ratings),
            (MitraRating, mitra_ratings),
            (PersonalRating, personal_ratings),
        ]:
            for start, stop in _batches(len(rows)):
                with transaction.atomic():
                    model.objects.bulk_create(rows[start:stop])
        return None, on_services + on_applications


def load_bulk_demo_data(counts, seed, write=print):
    """Write ``counts`` (BulkCounts) of demo rows; returns the rows written per phase."""
    return BulkLoader(counts, seed, write).run()
