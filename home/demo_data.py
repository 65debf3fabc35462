"""Demo data for `load_demo_data`: one account per role (DESIGN.md §6) and realistic Indonesian
content made with the apps' factories. Repeatable with a seed; running it twice keeps one of each
demo account."""

import datetime
import random

import factory.random
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from faker import Faker

from marketplace.choices import (
    ApplicationStatus,
    PriceUnit,
    ServiceRatingDirection,
    ServiceRequestStatus,
    TestimonialStatus,
)
from marketplace.factories import VacancyFactory
from marketplace.models import (
    Application,
    KategoriJasa,
    KategoriLowongan,
    MitraAnnouncement,
    MitraRating,
    PersonalRating,
    Service,
    ServiceRating,
    ServiceRequest,
    ServiceRequestEvent,
    Testimonial,
    TipePekerjaan,
    Vacancy,
)
from pages.factories import AnnouncementPageFactory
from pages.models import AnnouncementIndexPage
from users.choices import AccountType, MitraCategory, StaffRole, VerificationStatus
from users.factories import MitraProfileFactory, PersonalFactory
from users.models import BidangUsaha, Kecamatan, MitraProfile, PersonalProfile, User
from users.staff import save_staff_account

DEMO_KECAMATAN = "Purbalingga"

STAFF_ACCOUNTS = [
    ("superadmin", StaffRole.SUPER_ADMIN, "Super", "Admin"),
    ("admin", StaffRole.ADMIN, "Admin", "Kominfo"),
    ("dinaker", StaffRole.DINAKER, "Petugas", "Dinaker"),
    ("kecamatan", StaffRole.KECAMATAN, "Operator", "Kecamatan"),
    ("verifikator", StaffRole.VERIFIKATOR, "Petugas", "Verifikator"),
    ("desa", StaffRole.DESA, "Operator", "Desa"),
]


def seed(value):
    random.seed(value)
    factory.random.reseed_random(value)
    Faker.seed(value)


@transaction.atomic
def load_demo_accounts():
    """The demo accounts of DESIGN.md §6, verified, with the password from DEMO_PASSWORD."""
    kecamatan = Kecamatan.objects.get(name=DEMO_KECAMATAN)
    desa = kecamatan.desa_set.order_by("name").first()
    for username, role, first_name, last_name in STAFF_ACCOUNTS:
        user = _demo_user(username, AccountType.STAFF, first_name, last_name)
        save_staff_account(user, role, kecamatan=kecamatan, desa=desa)
    personal = _demo_user("personal", AccountType.PERSONAL, "Budi", "Santoso")
    personal.save()
    PersonalProfile.objects.get_or_create(user=personal)
    for username, name, category in [
        ("mitra", "PT Maju Bersama Purbalingga", MitraCategory.FORMAL),
        ("mitra_informal", "Warung Makan Bu Sari", MitraCategory.INFORMAL),
    ]:
        user = _demo_user(username, AccountType.MITRA, name[:150], "")
        user.save()
        MitraProfile.objects.update_or_create(
            user=user,
            defaults={
                "name": name,
                "category": category,
                "business_field": BidangUsaha.objects.first(),
                "kecamatan": kecamatan,
                "desa": desa,
                "verification_status": VerificationStatus.TERVERIFIKASI,
                "verified_at": timezone.now(),
            },
        )


def _demo_user(username, account_type, first_name, last_name):
    user = User.objects.filter(username=username).first() or User(username=username)
    user.account_type = account_type
    user.first_name, user.last_name = first_name, last_name
    user.email = user.email or f"{username}@demo.kepenak-ngodene.id"
    user.email_verified_at = user.email_verified_at or timezone.now()
    user.terms_accepted_at = user.terms_accepted_at or timezone.now()
    user.set_password(settings.DEMO_PASSWORD)
    return user


@transaction.atomic
def load_demo_content(personals=20, mitras=5, announcements=6, vacancies=12, services=10, applications=3):
    """Extra realistic accounts, vacancies of the demo Mitra with ``applications`` applicants each,
    services with their requests, and CMS announcements (factories with Faker id_ID)."""
    for _ in range(personals):
        PersonalFactory(email_verified_at=_maybe_now())
    for _ in range(mitras):
        MitraProfileFactory(
            business_field=random.choice(list(BidangUsaha.objects.all())),
            category=random.choice(MitraCategory.values),
        )
    _demo_vacancies(vacancies)
    _demo_applications(applications)
    _demo_services(services)
    _demo_service_requests()
    _demo_ratings()
    _demo_testimonials()
    _demo_mitra_announcements()
    index = AnnouncementIndexPage.objects.first()
    if index:
        for _ in range(announcements):
            AnnouncementPageFactory(parent=index)


def _maybe_now():
    return timezone.now() if random.random() < 0.8 else None


VACANCY_TITLES = [
    "Operator Produksi Bulu Mata",
    "Penjahit Konveksi",
    "Staf Administrasi",
    "Sopir Pengiriman",
    "Tenaga Penjualan",
    "Juru Masak",
    "Teknisi Knalpot",
    "Kasir Toko",
]


def _demo_vacancies(count):
    mitra = list(MitraProfile.objects.filter(user__username__in=["mitra", "mitra_informal"]))
    kecamatan = list(Kecamatan.objects.all())
    job_types, categories = list(TipePekerjaan.objects.all()), list(KategoriLowongan.objects.all())
    if not (mitra and kecamatan and job_types and categories):
        return
    for _ in range(count):
        low = random.randrange(18, 40) * 100_000
        VacancyFactory(
            mitra=random.choice(mitra),
            title=random.choice(VACANCY_TITLES),
            description=Faker("id_ID").paragraph(nb_sentences=4),
            qualifications=Faker("id_ID").paragraph(nb_sentences=2),
            salary_min=low,
            salary_max=low + random.randrange(0, 15) * 100_000,
            salary_hidden=random.random() < 0.2,
            job_type=random.choice(job_types),
            category=random.choice(categories),
            locations=random.sample(kecamatan, k=random.randint(1, 2)),
        )


DEMO_STATUSES = [
    ApplicationStatus.TERKIRIM,
    ApplicationStatus.DIPROSES,
    ApplicationStatus.DITERIMA,
    ApplicationStatus.DITOLAK,
]


def _demo_applications(per_vacancy=3):
    """A few applicants with varied statuses on the demo Mitra's vacancies (Pelamar is not empty)."""
    applicants = list(PersonalProfile.objects.exclude(user__username="personal").select_related("user")[:20])
    vacancies = Vacancy.objects.filter(mitra__user__username__in=["mitra", "mitra_informal"])
    for vacancy in vacancies:
        for applicant in random.sample(applicants, k=min(per_vacancy, len(applicants))):
            status = random.choice(DEMO_STATUSES)
            decided = status in (ApplicationStatus.DITERIMA, ApplicationStatus.DITOLAK)
            Application.objects.get_or_create(
                vacancy=vacancy,
                personal=applicant,
                defaults={
                    "status": status,
                    "status_changed_at": timezone.now() if status != ApplicationStatus.TERKIRIM else None,
                    "decided_at": timezone.now() - datetime.timedelta(days=3) if decided else None,
                },
            )


# (title, Kategori Jasa, price, unit, description)
SERVICE_OFFERS = [
    (
        "Tukang Bangunan dan Renovasi Rumah",
        "Bangunan dan Renovasi",
        150_000,
        PriceUnit.DAY,
        "Perbaikan atap bocor, pengecatan, pemasangan keramik dan plester dinding.",
    ),
    (
        "Servis AC, Kulkas dan Mesin Cuci",
        "Listrik dan Elektronik",
        75_000,
        PriceUnit.UNIT,
        "Cuci AC, isi freon, perbaikan kulkas dan mesin cuci di rumah Anda.",
    ),
    (
        "Servis Motor Panggilan",
        "Servis Kendaraan",
        50_000,
        PriceUnit.UNIT,
        "Ganti oli, tune up dan tambal ban, datang ke lokasi Anda.",
    ),
    (
        "Jahit dan Permak Pakaian",
        "Jahit dan Permak Pakaian",
        25_000,
        PriceUnit.UNIT,
        "Permak celana, jahit seragam sekolah dan kebaya sesuai ukuran.",
    ),
    (
        "Rias Pengantin dan Wisuda",
        "Rias dan Kecantikan",
        None,
        PriceUnit.NEGOTIABLE,
        "Rias pengantin adat Jawa, wisuda dan acara keluarga, termasuk sanggul.",
    ),
    (
        "Katering Nasi Kotak",
        "Katering dan Masak",
        20_000,
        PriceUnit.UNIT,
        "Nasi kotak untuk hajatan, pengajian dan rapat; minimal pesan 50 kotak.",
    ),
    (
        "Bersih-Bersih Rumah",
        "Kebersihan Rumah",
        40_000,
        PriceUnit.HOUR,
        "Menyapu, mengepel, mencuci piring dan merapikan rumah.",
    ),
    (
        "Les Privat Matematika SD–SMP",
        "Les dan Pendidikan",
        50_000,
        PriceUnit.HOUR,
        "Belajar matematika di rumah siswa, materi sesuai kurikulum sekolah.",
    ),
    (
        "Desain Undangan dan Spanduk",
        "Desain, Foto dan Video",
        150_000,
        PriceUnit.PROJECT,
        "Desain undangan pernikahan, spanduk usaha dan brosur, siap cetak.",
    ),
    (
        "Angkut Barang dan Pindahan",
        "Angkutan dan Pindahan",
        300_000,
        PriceUnit.PROJECT,
        "Pick up dan dua tenaga angkut untuk pindahan rumah dalam kabupaten.",
    ),
]


def _demo_services(count):
    """Services of the demo Personal, the informal demo Mitra and other Personal providers."""
    providers = [
        *User.objects.filter(username__in=["personal", "mitra_informal"]),
        *User.objects.filter(account_type=AccountType.PERSONAL, email_verified_at__isnull=False)
        .exclude(username="personal")
        .order_by("pk")[:6],
    ]
    categories = {category.name: category for category in KategoriJasa.objects.all()}
    kecamatan = list(Kecamatan.objects.all())
    if not (providers and categories and kecamatan):
        return
    for index in range(count):
        title, category, price, unit, description = SERVICE_OFFERS[index % len(SERVICE_OFFERS)]
        service = Service.objects.create(
            provider=providers[index % len(providers)],
            title=title,
            description=description,
            category=categories.get(category) or next(iter(categories.values())),
            price=price,
            price_unit=unit,
        )
        service.areas.set(random.sample(kecamatan, k=random.randint(1, 3)))


DEMO_REQUEST_STATUSES = [
    ServiceRequestStatus.DIKIRIM,
    ServiceRequestStatus.DITERIMA,
    ServiceRequestStatus.SELESAI,
    ServiceRequestStatus.SELESAI,
    ServiceRequestStatus.DITOLAK,
]


def _demo_service_requests(per_service=2):
    """Requests in every state, with their recorded transitions, on the demo services."""
    requesters = list(
        User.objects.filter(account_type=AccountType.PERSONAL, email_verified_at__isnull=False).order_by(
            "pk"
        )[:20]
    )
    now = timezone.now()
    for service in Service.objects.filter(requests__isnull=True).select_related("provider"):
        others = [user for user in requesters if user.pk != service.provider_id]
        for requester in random.sample(others, k=min(per_service, len(others))):
            status = random.choice(DEMO_REQUEST_STATUSES)
            request = ServiceRequest.objects.create(
                service=service,
                requester=requester,
                message=Faker("id_ID").sentence(nb_words=12),
                wished_date=timezone.localdate() + datetime.timedelta(days=random.randint(1, 14)),
                status=status,
                reject_reason="Maaf, jadwal kami sudah penuh."
                if status == ServiceRequestStatus.DITOLAK
                else "",
                responded_at=now if status != ServiceRequestStatus.DIKIRIM else None,
                completed_at=now if status == ServiceRequestStatus.SELESAI else None,
                ended_at=now
                if status in (ServiceRequestStatus.SELESAI, ServiceRequestStatus.DITOLAK)
                else None,
            )
            path = [ServiceRequestStatus.DIKIRIM]
            if status == ServiceRequestStatus.SELESAI:
                path.append(ServiceRequestStatus.DITERIMA)
            if status != ServiceRequestStatus.DIKIRIM:
                path.append(status)
            for from_status, to_status in zip(["", *path], path, strict=False):
                actor = requester if to_status == ServiceRequestStatus.DIKIRIM else service.provider
                ServiceRequestEvent.objects.create(
                    request=request, from_status=from_status, to_status=to_status, actor=actor
                )


DEMO_COMMENTS = [
    "Proses rekrutmen jelas dan cepat, terima kasih.",
    "Komunikasi baik, jadwal wawancara tepat waktu.",
    "Pekerjaan rapi dan sesuai janji.",
    "Ramah dan tepat waktu, akan memakai jasanya lagi.",
    "",
]


def _rating_values(when):
    """Stars, comment and the reveal fields of a demo rating given by both sides ``when``."""
    return {
        "stars": random.choice([3, 4, 4, 5, 5]),
        "comment": random.choice(DEMO_COMMENTS),
        "editable_until": when + datetime.timedelta(days=14),
        "revealed_at": when,
    }


def _demo_ratings():
    """Both sides rated on decided applications and finished service requests, already revealed,
    so the public Mitra, service and provider pages show averages and reviews."""
    decided = Application.objects.filter(decided_at__isnull=False, mitra_rating__isnull=True).select_related(
        "vacancy"
    )
    for application in decided:
        MitraRating.objects.create(
            application=application,
            mitra_id=application.vacancy.mitra_id,
            personal_id=application.personal_id,
            **_rating_values(application.decided_at),
        )
        PersonalRating.objects.create(
            application=application,
            mitra_id=application.vacancy.mitra_id,
            personal_id=application.personal_id,
            **_rating_values(application.decided_at),
        )
    finished = ServiceRequest.objects.filter(
        status=ServiceRequestStatus.SELESAI, ratings__isnull=True
    ).select_related("service")
    for request in finished:
        for direction, rater, ratee in [
            (ServiceRatingDirection.OF_PROVIDER, request.requester_id, request.service.provider_id),
            (ServiceRatingDirection.OF_USER, request.service.provider_id, request.requester_id),
        ]:
            ServiceRating.objects.create(
                service_request=request,
                service=request.service,
                direction=direction,
                rater_id=rater,
                ratee_id=ratee,
                **_rating_values(request.completed_at),
            )


DEMO_TESTIMONIALS = [
    "Lewat Kepenak Ngodene saya dapat kerja di pabrik bulu mata dekat rumah. Prosesnya mudah.",
    "Kami menemukan tiga penjahit terampil dalam seminggu. Sangat membantu usaha kecil kami.",
    "Jasa servis motor saya sekarang lebih banyak dipakai warga sekitar.",
    "Daftar dan melamar bisa dari HP, tidak perlu bolak-balik ke kantor.",
]


def _demo_testimonials():
    """Approved testimonials of the demo accounts and a few others (Beranda and Testimonial page),
    and one waiting for approval."""
    authors = [
        *User.objects.filter(username__in=["personal", "mitra", "mitra_informal"]).order_by("username"),
        *User.objects.filter(account_type=AccountType.PERSONAL)
        .exclude(username="personal")
        .order_by("pk")[:2],
    ]
    admin = User.objects.filter(username="admin").first()
    for index, author in enumerate(authors):
        approved = index < len(authors) - 1
        Testimonial.objects.get_or_create(
            author=author,
            defaults={
                "text": DEMO_TESTIMONIALS[index % len(DEMO_TESTIMONIALS)],
                "stars": random.choice([4, 5]),
                "status": TestimonialStatus.APPROVED if approved else TestimonialStatus.PENDING,
                "decided_at": timezone.now() if approved else None,
                "decided_by": admin if approved else None,
            },
        )


def _demo_mitra_announcements():
    """Announcements of the two demo Mitra, one linked to an open vacancy."""
    for mitra in MitraProfile.objects.filter(user__username__in=["mitra", "mitra_informal"]):
        if mitra.announcements.exists():
            continue
        vacancy = Vacancy.objects.open().filter(mitra=mitra).first()
        MitraAnnouncement.objects.create(
            mitra=mitra,
            title=f"Rekrutmen terbuka di {mitra.name}",
            body="Kami membuka kesempatan kerja untuk warga Purbalingga. Lamar lewat menu Lowongan.",
            vacancy=vacancy,
        )
        MitraAnnouncement.objects.create(
            mitra=mitra,
            title="Jadwal libur akhir tahun",
            body="Kantor kami libur pada 25 dan 26 Desember. Lamaran tetap diterima lewat aplikasi.",
        )
