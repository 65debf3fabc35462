"""No list of the project costs more SQL queries for more rows (no N+1).

For every list page (public listings, the account area, the admin panel): create a few rows, render
the page once to warm the per-process caches, count the queries of a second render; then add rows up
to a full page (twelve more at most, ten or more where the page holds that many) and count again.
Both counts must be equal, and the second render must show more of the rows (so the test cannot pass
on an empty or broken list). The cache is emptied before each render: the cached public pages and
counts of portal/public_cache.py would otherwise hide the queries of a render.

Rows are varied (statuses, ratings, photos, Personal and Mitra counterparts …) so that every branch
of a row's template is taken from the first render on: a branch taken only later would add a fixed
query, not an N+1. Each row carries a marker (``Qcx0001`` …) in the text the list shows.
"""

import datetime
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from guidance.factories import GuidePageFactory
from guidance.models import GuideIndexPage
from marketplace.choices import (
    ApplicationStatus,
    ServiceRatingDirection,
    ServiceRequestStatus,
    ServiceStatus,
    TestimonialStatus,
    VacancyStatus,
)
from marketplace.factories import (
    ApplicationFactory,
    KategoriJasaFactory,
    KategoriLowonganFactory,
    SavedVacancyFactory,
    ServiceFactory,
    ServiceRequestFactory,
    TipePekerjaanFactory,
    VacancyFactory,
)
from marketplace.models import (
    JobAlert,
    MitraAnnouncement,
    MitraRating,
    PersonalRating,
    SavedService,
    ServicePhoto,
    ServiceRating,
    Testimonial,
)
from pages.factories import AnnouncementPageFactory, FAQCategoryFactory, FAQFactory, LinkFactory
from pages.models import (
    AnnouncementIndexPage,
    FAQPage,
    MitraIndexPage,
    ServiceIndexPage,
    TestimonialIndexPage,
    VacancyIndexPage,
)
from portal.models import BackgroundJob, Broadcast, WhatsAppMessage
from users import notifications
from users.choices import AccountType, MitraCategory, StaffRole, VerificationAction, VerificationStatus
from users.factories import (
    MitraProfileFactory,
    PersonalFactory,
    PersonalProfileFactory,
    UserFactory,
    complete_mitra_profile,
    complete_personal_profile,
)
from users.models import (
    Desa,
    Education,
    Kecamatan,
    Organisation,
    Pendidikan,
    ProfileAccessAction,
    ProfileAccessLog,
    Skill,
    VerificationLog,
    WorkExperience,
)
from users.staff import install_role_groups, save_staff_account

pytestmark = pytest.mark.django_db

MARKER = re.compile(r"Qcx\d{4}")
_numbers = itertools.count(1)


def next_marker():
    return f"Qcx{next(_numbers):04d}"


# ---------------------------------------------------------------------------------------------
# The world of one test: a Personal and a verified Mitra in Bobotsari's first desa (the scope of the
# Desa operator of users.factories.staff_account), staff of each role on demand.


class World:
    def __init__(self):
        self.kecamatan = Kecamatan.objects.get(name="Bobotsari")
        self.desa = self.kecamatan.desa_set.order_by("name").first()
        self.education = Pendidikan.objects.get(name="SMA/SMK/Sederajat")
        self.job_type = TipePekerjaanFactory()
        self.job_category = KategoriLowonganFactory()
        self.service_category = KategoriJasaFactory()
        self.faq_category = None  # made by the rows of the FAQ lists
        self.new_kecamatan = None  # made by the rows of the Desa list
        self._staff = {}

    @cached_property
    def personal(self):
        return complete_personal_profile(self.desa, first_name="Pemilik", last_name="Akun")

    @cached_property
    def mitra(self):
        return verified(complete_mitra_profile(self.desa), name="CV Pemilik Akun")

    @cached_property
    def vacancy(self):
        return VacancyFactory(mitra=self.mitra, title="Operator Jahit", locations=[self.kecamatan])

    @cached_property
    def service(self):
        return ServiceFactory(provider=self.personal.user, title="Jasa Jahit Pemilik", areas=[self.kecamatan])

    @cached_property
    def application(self):
        """An application of the Personal to the Mitra's vacancy (the applicant's page)."""
        return ApplicationFactory(vacancy=self.vacancy, personal=self.personal)

    def staff(self, role):
        if role not in self._staff:
            install_role_groups()
            scope = {
                StaffRole.KECAMATAN: {"kecamatan": self.kecamatan},
                StaffRole.DESA: {"desa": self.desa},
            }.get(role, {})
            self._staff[role] = save_staff_account(UserFactory(account_type=AccountType.STAFF), role, **scope)
        return self._staff[role]

    @staticmethod
    def page(model, **filters):
        return model.objects.live().filter(**filters).order_by("path").first()


def verified(profile, **fields):
    profile.verification_status = VerificationStatus.TERVERIFIKASI
    profile.verified_at = timezone.now()
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.save()
    return profile


def other_mitra(world, name="PT Lain", category=MitraCategory.FORMAL):
    return MitraProfileFactory(
        name=name,
        category=category,
        kecamatan=world.kecamatan,
        desa=world.desa,
        verification_status=VerificationStatus.TERVERIFIKASI,
        verified_at=timezone.now(),
    )


def other_personal(world, first_name="Warga"):
    """A Personal (user) of the world's desa, profile incomplete."""
    user = PersonalFactory(first_name=first_name, last_name="Lestari")
    profile = user.personal_profile
    profile.kecamatan, profile.desa = world.kecamatan, world.desa
    profile.save()
    return user


def counterpart(world, i, name):
    """A user on the other side of a row: a Personal or a Mitra, in turn."""
    if i % 2:
        return other_mitra(world, name=f"UD {name}").user
    return other_personal(world, first_name=name)


def public_rating(**fields):
    now = timezone.now()
    return {"stars": 4, "editable_until": now - datetime.timedelta(days=1), "revealed_at": now, **fields}


def rate_service_request(service_request, direction, comment="", pending=False):
    """A rating of one side of a finished request: public, or (``pending``) still editable and not
    revealed."""
    provider, requester = service_request.service.provider, service_request.requester
    rater, ratee = (
        (requester, provider) if direction == ServiceRatingDirection.OF_PROVIDER else (provider, requester)
    )
    fields = public_rating(comment=comment)
    if pending:
        fields.update(editable_until=timezone.now() + datetime.timedelta(days=7), revealed_at=None)
    return ServiceRating.objects.create(
        service_request=service_request,
        direction=direction,
        service=service_request.service,
        rater=rater,
        ratee=ratee,
        **fields,
    )


def rate_both_sides(service_request, i):
    """In turn: both sides rated (public), only the user (pending), nobody yet."""
    turn = i % 3
    if turn < 2:
        rate_service_request(service_request, ServiceRatingDirection.OF_PROVIDER, pending=turn == 1)
    if turn == 0:
        rate_service_request(service_request, ServiceRatingDirection.OF_USER)


def rate_application(application, comment="", i=0):
    """Both sides rate a decided application (revealed); with ``i``, in turn: both, only the
    applicant (still editable, not revealed), nobody yet."""
    sides = (("mitra", "personal"), ("mitra",), ())[i % 3]
    fields = public_rating(comment=comment)
    if len(sides) == 1:
        fields.update(editable_until=timezone.now() + datetime.timedelta(days=7), revealed_at=None)
    if "mitra" in sides:
        MitraRating.objects.create(
            application=application, mitra=application.vacancy.mitra, personal=application.personal, **fields
        )
    if "personal" in sides:
        PersonalRating.objects.create(
            application=application, personal=application.personal, mitra=application.vacancy.mitra, **fields
        )


def add_photo(service):
    ServicePhoto.objects.create(service=service, image="jasa/foto-uji.png")


# ---------------------------------------------------------------------------------------------
# Rows: ``row(world, i, marker)`` makes the i-th row of a list, showing ``marker``.

APPLICATION_STATUSES = (
    ApplicationStatus.TERKIRIM,
    ApplicationStatus.DITERIMA,
    ApplicationStatus.DIPROSES,
    ApplicationStatus.DITOLAK,
    ApplicationStatus.DITERIMA,
    ApplicationStatus.DITARIK,
)
REQUEST_STATUSES = (
    ServiceRequestStatus.DIKIRIM,
    ServiceRequestStatus.SELESAI,
    ServiceRequestStatus.DITERIMA,
    ServiceRequestStatus.DITOLAK,
    ServiceRequestStatus.SELESAI,
    ServiceRequestStatus.DIBATALKAN,
    ServiceRequestStatus.KEDALUWARSA,
)


def public_vacancy(world, i, marker):
    """An open vacancy (Penjahit …) of the world's Mitra or of another one, in Bobotsari."""
    return VacancyFactory(
        mitra=world.mitra if i % 2 else other_mitra(world, name=f"PT Mitra {i}"),
        title=f"Penjahit {marker}",
        job_type=world.job_type,
        category=world.job_category,
        min_education=world.education if i % 3 else None,
        locations=[world.kecamatan],
    )


def public_service(world, i, marker, provider=None):
    """An active service (Jasa Jahit …) of a Personal or a Mitra, some with a photo, some rated."""
    service = ServiceFactory(
        provider=provider or counterpart(world, i, f"Penyedia {i}"),
        title=f"Jasa Jahit {marker}",
        category=world.service_category,
        areas=[world.kecamatan],
    )
    if i % 2 == 0:
        add_photo(service)
    if i % 3 != 1:
        finished = ServiceRequestFactory(
            service=service, requester=world.mitra.user, status=ServiceRequestStatus.SELESAI
        )
        rate_service_request(finished, ServiceRatingDirection.OF_PROVIDER)
    return service


def public_mitra(category):
    def row(world, i, marker):
        mitra = other_mitra(world, name=f"CV {marker}", category=category)
        if i % 2 == 0:  # rated by an applicant
            application = ApplicationFactory(
                vacancy=VacancyFactory(mitra=mitra),
                personal=PersonalProfileFactory(),
                status=ApplicationStatus.DITERIMA,
            )
            rate_application(application)

    return row


def mitra_review(world, i, marker):
    """A public review of the world's Mitra, and a vacancy of it (its public page may list them)."""
    VacancyFactory(mitra=world.mitra, title=f"Penjahit {marker}", locations=[world.kecamatan])
    application = ApplicationFactory(
        vacancy=world.vacancy, personal=PersonalProfileFactory(), status=ApplicationStatus.DITERIMA
    )
    MitraRating.objects.create(
        application=application,
        mitra=world.mitra,
        personal=application.personal,
        **public_rating(comment=f"Ulasan {marker}"),
    )


def service_review(world, i, marker):
    finished = ServiceRequestFactory(
        service=world.service,
        requester=counterpart(world, i, f"Pengguna {i}"),
        status=ServiceRequestStatus.SELESAI,
    )
    rate_service_request(finished, ServiceRatingDirection.OF_PROVIDER, comment=f"Ulasan {marker}")


def provider_service(world, i, marker):
    """Another public service of the world's Personal, rated by its user."""
    service = public_service(world, i, marker, provider=world.personal.user)
    finished = ServiceRequestFactory(
        service=service, requester=counterpart(world, i, f"Pengguna {i}"), status=ServiceRequestStatus.SELESAI
    )
    rate_service_request(finished, ServiceRatingDirection.OF_PROVIDER, comment=f"Ulasan {marker}")


def announcement(world, i, marker):
    """A government announcement (a page) or a Mitra's, in turn."""
    if i % 2:
        MitraAnnouncement.objects.create(
            mitra=world.mitra if i % 4 == 1 else other_mitra(world, name=f"PT Pengumum {i}"),
            title=f"Pengumuman {marker}",
            body="Rekrutmen operator jahit.",
            vacancy=world.vacancy if i % 4 == 1 else None,
        )
    else:
        AnnouncementPageFactory(parent=World.page(AnnouncementIndexPage), title=f"Pengumuman {marker}")


def mitra_announcement(world, i, marker):
    MitraAnnouncement.objects.create(
        mitra=world.mitra if i % 2 else other_mitra(world, name=f"PT Pengumum {i}"),
        title=f"Pengumuman {marker}",
        body="Rekrutmen operator jahit.",
        vacancy=world.vacancy if i % 2 else None,
    )


TESTIMONIAL_STATES = ("menunggu", "disetujui", "ditolak", "disembunyikan")


def written_testimonial(states=("disetujui",)):
    """An approved testimonial of a Personal or a Mitra; with ``states``, the i-th of them in turn
    ("disembunyikan": approved, then hidden by staff)."""

    def row(world, i, marker):
        state = states[i % len(states)]
        Testimonial.objects.create(
            author=counterpart(world, i, f"Penulis {i}"),
            text=f"Sangat membantu {marker}",
            stars=5 if i % 2 else None,
            status=TestimonialStatus.APPROVED if state == "disembunyikan" else state,
            decided_at=None if state == TestimonialStatus.PENDING else timezone.now(),
            decided_by=None if state == TestimonialStatus.PENDING else world.staff(StaffRole.ADMIN),
            hidden_at=timezone.now() if state == "disembunyikan" else None,
            hidden_by=world.staff(StaffRole.ADMIN) if state == "disembunyikan" else None,
        )

    return row


def home_row(world, i, marker):
    public_vacancy(world, i, marker)
    other_mitra(world, name=f"CV {marker}")
    written_testimonial()(world, i, marker)
    mitra_announcement(world, i, marker)


def search_row(world, i, marker):
    AnnouncementPageFactory(
        parent=World.page(AnnouncementIndexPage), title=f"Pengumuman Zamrudkencana {marker}"
    )


def sitemap_row(world, i, marker):
    public_service(world, i, marker, provider=other_personal(world, first_name=f"Penyedia {i}"))


def sent_application(world, i, marker):
    status = APPLICATION_STATUSES[i % len(APPLICATION_STATUSES)]
    application = ApplicationFactory(
        vacancy=VacancyFactory(
            mitra=world.mitra if i % 2 else other_mitra(world, name=f"PT Perekrut {i}"),
            title=f"Penjahit {marker}",
            end_date=timezone.localdate() + datetime.timedelta(days=-1 if i % 4 == 3 else 30),
        ),
        personal=world.personal,
        status=status,
        mitra_message="Silakan datang wawancara." if status != ApplicationStatus.TERKIRIM else "",
    )
    if status == ApplicationStatus.DITERIMA:
        rate_application(application, i=i // len(APPLICATION_STATUSES))


def saved_vacancy(world, i, marker):
    SavedVacancyFactory(personal=world.personal, vacancy=public_vacancy(world, i, marker))


def job_alert(world, i, marker):
    JobAlert.objects.create(
        personal=world.personal,
        name=f"Jahit {marker}",
        query=f"q=jahit+{marker}&kecamatan={world.kecamatan.pk}",
        by_whatsapp=bool(i % 2),
    )


def notification(viewer):
    def row(world, i, marker):
        item = notifications.notify(viewer(world), "uji.kueri", f"Info {marker}", url="/akun/")
        if i % 2:
            notifications.mark_read(item.user, item.pk)

    return row


def applicant(world, i, marker):
    """An application to one of the world's Mitra's vacancies, by a complete Personal."""
    status = APPLICATION_STATUSES[i % len(APPLICATION_STATUSES)]
    vacancy = world.vacancy if i % 2 else VacancyFactory(mitra=world.mitra, title=f"Lowongan {i}")
    application = ApplicationFactory(
        vacancy=vacancy,
        personal=complete_personal_profile(world.desa, first_name=marker, last_name="Lestari"),
        status=status,
    )
    if status == ApplicationStatus.DITERIMA:
        rate_application(application, i=i // len(APPLICATION_STATUSES))


def mitra_vacancy(world, i, marker):
    statuses = (
        VacancyStatus.PUBLISHED,
        VacancyStatus.DRAFT,
        VacancyStatus.CLOSED,
        VacancyStatus.FILLED,
        "ended",
    )
    status = statuses[i % len(statuses)]
    vacancy = VacancyFactory(
        mitra=world.mitra,
        title=f"Penjahit {marker}",
        status=VacancyStatus.PUBLISHED if status == "ended" else status,
        end_date=timezone.localdate() - datetime.timedelta(days=1 if status == "ended" else -30),
        locations=[world.kecamatan],
    )
    if i % 2 == 0:
        ApplicationFactory(vacancy=vacancy, status=APPLICATION_STATUSES[i % len(APPLICATION_STATUSES)])


def own_service(world, i, marker):
    statuses = (ServiceStatus.ACTIVE, ServiceStatus.PAUSED, ServiceStatus.ARCHIVED)
    service = ServiceFactory(
        provider=world.personal.user,
        title=f"Jasa Jahit {marker}",
        status=statuses[i % len(statuses)],
        areas=[world.kecamatan],
    )
    if i % 2 == 0:
        ServiceRequestFactory(service=service, requester=world.mitra.user)


def received_request(statuses=REQUEST_STATUSES):
    def row(world, i, marker):
        status = statuses[i % len(statuses)]
        service_request = ServiceRequestFactory(
            service=world.service,
            requester=counterpart(world, i, marker),
            status=status,
            message=f"Pesan {marker}",
        )
        if status == ServiceRequestStatus.SELESAI:
            rate_both_sides(service_request, i // len(statuses))

    return row


def sent_request(world, i, marker):
    status = REQUEST_STATUSES[i % len(REQUEST_STATUSES)]
    service = public_service(world, i, marker)
    service_request = ServiceRequestFactory(service=service, requester=world.mitra.user, status=status)
    if status == ServiceRequestStatus.SELESAI:
        rate_both_sides(service_request, i // len(REQUEST_STATUSES))


def saved_service(world, i, marker):
    SavedService.objects.create(user=world.personal.user, service=public_service(world, i, marker))


def applicant_review(world, i, marker):
    """A review of the world's Personal by another Mitra."""
    mitra = other_mitra(world, name=f"PT Penilai {i}")
    application = ApplicationFactory(
        vacancy=VacancyFactory(mitra=mitra), personal=world.personal, status=ApplicationStatus.DITERIMA
    )
    PersonalRating.objects.create(
        application=application,
        personal=world.personal,
        mitra=mitra,
        **public_rating(comment=f"Ulasan {marker}"),
    )


# --- admin rows


def region_activity(world, i, marker):
    """What the Dasbor and the reports count: a Personal of the desa who applied, a Mitra with a
    vacancy, a service with a request."""
    personal = PersonalProfileFactory(
        desa=world.desa,
        kecamatan=world.kecamatan,
        gender="P" if i % 2 else "L",
        education_level=world.education,
    )
    mitra = other_mitra(
        world, name=f"CV {marker}", category=MitraCategory.INFORMAL if i % 2 else MitraCategory.FORMAL
    )
    ApplicationFactory(vacancy=VacancyFactory(mitra=mitra), personal=personal)
    service = ServiceFactory(provider=personal.user if i % 2 else mitra.user)
    ServiceRequestFactory(service=service, requester=world.mitra.user)


def region_activity_and_edit(world, i, marker):
    """Also a page edited by the Super Admin (Wagtail's "recent edits" panel of the Dasbor)."""
    region_activity(world, i, marker)
    page = AnnouncementPageFactory(parent=World.page(AnnouncementIndexPage), title=f"Pengumuman {marker}")
    page.save_revision(user=world.staff(StaffRole.SUPER_ADMIN), log_action=True)


def personal_profile_row(status=None):
    def row(world, i, marker):
        profile = complete_personal_profile(world.desa, first_name=marker, last_name="Lestari")
        profile.verification_status = status or (
            VerificationStatus.DIAJUKAN if i % 2 else VerificationStatus.BELUM
        )
        profile.submitted_at = timezone.now()
        profile.save()

    return row


def mitra_profile_row(status=None):
    def row(world, i, marker):
        profile = complete_mitra_profile(world.desa)
        profile.name = f"CV {marker}"
        profile.category = MitraCategory.INFORMAL if i % 2 else MitraCategory.FORMAL
        profile.verification_status = status or (
            VerificationStatus.DIAJUKAN if i % 2 else VerificationStatus.BELUM
        )
        profile.submitted_at = timezone.now()
        profile.save()

    return row


def report_account(world, i, marker):
    profile = complete_personal_profile(world.desa, first_name=marker, last_name="Lestari")
    profile.gender = "P" if i % 2 else "L"
    profile.save()


def admin_vacancy(world, i, marker):
    statuses = (VacancyStatus.PUBLISHED, VacancyStatus.TAKEN_DOWN, VacancyStatus.DRAFT, VacancyStatus.CLOSED)
    status = statuses[i % len(statuses)]
    vacancy = VacancyFactory(
        mitra=other_mitra(world, name=f"PT Mitra {i}"),
        title=f"Penjahit {marker}",
        status=status,
        taken_down_by=world.staff(StaffRole.DINAKER) if status == VacancyStatus.TAKEN_DOWN else None,
        locations=[world.kecamatan],
    )
    ApplicationFactory(vacancy=vacancy)


def unanswered_application(world, i, marker):
    application = ApplicationFactory(
        vacancy=world.vacancy if i % 2 else VacancyFactory(mitra=other_mitra(world, name=f"PT Mitra {i}")),
        personal=complete_personal_profile(world.desa, first_name=marker, last_name="Lestari"),
    )
    type(application).objects.filter(pk=application.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=10 + i)
    )


def admin_service(world, i, marker):
    service = ServiceFactory(
        provider=counterpart(world, i, f"Penyedia {i}"),
        title=f"Jasa Jahit {marker}",
        status=ServiceStatus.PAUSED if i % 3 == 2 else ServiceStatus.ACTIVE,
        areas=[world.kecamatan],
    )
    ServiceRequestFactory(service=service, requester=world.mitra.user)


def mitra_rating_row(world, i, marker):
    application = ApplicationFactory(
        vacancy=VacancyFactory(mitra=other_mitra(world, name=f"PT Dinilai {i}")),
        personal=PersonalProfileFactory(desa=world.desa, kecamatan=world.kecamatan),
        status=ApplicationStatus.DITERIMA,
    )
    MitraRating.objects.create(
        application=application,
        mitra=application.vacancy.mitra,
        personal=application.personal,
        report_count=i % 2,
        **public_rating(comment=f"Ulasan {marker}"),
    )


def personal_rating_row(world, i, marker):
    application = ApplicationFactory(
        vacancy=VacancyFactory(mitra=other_mitra(world, name=f"PT Penilai {i}")),
        personal=PersonalProfileFactory(desa=world.desa, kecamatan=world.kecamatan),
        status=ApplicationStatus.DITERIMA,
    )
    PersonalRating.objects.create(
        application=application,
        personal=application.personal,
        mitra=application.vacancy.mitra,
        report_count=i % 2,
        **public_rating(comment=f"Ulasan {marker}"),
    )


def service_rating_row(world, i, marker):
    provider = other_personal(world, first_name=f"Penyedia {i}")
    service_request = ServiceRequestFactory(
        service=ServiceFactory(provider=provider, title=f"Jasa {i}"),
        requester=counterpart(world, i + 1, f"Pengguna {i}"),
        status=ServiceRequestStatus.SELESAI,
    )
    direction = ServiceRatingDirection.OF_PROVIDER if i % 2 else ServiceRatingDirection.OF_USER
    rate_service_request(service_request, direction, comment=f"Ulasan {marker}")


def broadcast(kind):
    def row(world, i, marker):
        Broadcast.objects.create(
            kind=kind,
            audience={"target": "personal"},
            audience_label="Semua Personal",
            title=f"Info {marker}",
            body=f"Isi {marker}",
            recipients_count=4,
            status=Broadcast.Status.DONE if i % 2 else Broadcast.Status.QUEUED,
            created_by=world.staff(StaffRole.ADMIN) if i % 2 else world.staff(StaffRole.DINAKER),
        )

    return row


def whatsapp_message(world, i, marker):
    WhatsAppMessage.objects.create(
        to="62899" + marker[3:].rjust(7, "0"),
        body=f"Pesan {marker}",
        status="failed" if i % 2 else "sent",
        attempts=i % 4,
        error="HTTP 500" if i % 2 else "",
    )


def background_job(world, i, marker):
    BackgroundJob.objects.create(
        func="portal.mail.deliver_email",
        status=BackgroundJob.Status.FAILED if i % 2 else BackgroundJob.Status.PENDING,
        attempts=i % 4,
        last_error=f"Gagal {marker}",
    )


def access_log(world, i, marker):
    ProfileAccessLog.objects.create(
        staff=world.staff(StaffRole.ADMIN),
        staff_username=f"petugas{marker}",
        staff_role=StaffRole.ADMIN,
        subject=world.personal.user if i % 2 else None,
        action=ProfileAccessAction.VIEW_PROFILE if i % 2 else ProfileAccessAction.EXPORT,
        path="/app/v1/admin/data-profil-personal/",
    )


def staff_member(world, i, marker):
    roles = (StaffRole.DESA, StaffRole.KECAMATAN, StaffRole.DINAKER, StaffRole.VERIFIKATOR)
    role = roles[i % len(roles)]
    scope = {StaffRole.KECAMATAN: {"kecamatan": world.kecamatan}, StaffRole.DESA: {"desa": world.desa}}
    world.staff(StaffRole.ADMIN)  # the role groups are installed
    save_staff_account(
        UserFactory(account_type=AccountType.STAFF, first_name=marker), role, **scope.get(role, {})
    )


def service_category(world, i, marker):
    category = KategoriJasaFactory(name=f"Kategori {marker}")
    if i % 2:
        ServiceFactory(category=category)


def faq(world, i, marker):
    """A published FAQ, in a category of its own every other time."""
    if i % 2 or world.faq_category is None:
        world.faq_category = FAQCategoryFactory()
    FAQFactory(question=f"Pertanyaan {marker}?", category=world.faq_category)


def guide_chapter(world, i, marker):
    GuidePageFactory(parent=World.page(GuideIndexPage), title=f"Bab {marker}")


def desa(world, i, marker):
    """A desa of a kecamatan of its own (the list is filtered on it)."""
    if world.new_kecamatan is None:
        world.new_kecamatan = Kecamatan.objects.create(name="Kecamatan Uji", code="33.03.99")
    Desa.objects.create(
        kecamatan=world.new_kecamatan, name=f"Desa {marker}", code=f"33.03.99.{2000 + i}", postal_code="53371"
    )


def government_announcement(world, i, marker):
    AnnouncementPageFactory(parent=World.page(AnnouncementIndexPage), title=f"Pengumuman {marker}")


def whatsapp_recipient(world, i, marker):
    """An account the WhatsApp search finds ("qcx"): a Personal by name, a Mitra by its name."""
    user = counterpart(world, i, marker)
    user.phone_verified_at, user.notify_by_whatsapp = timezone.now(), True
    user.save()


def resume_entries(profile_of):
    """One entry of each section of a Personal's resume (and a verification log of the account)."""

    def row(world, i, marker):
        profile = profile_of(world)
        start = datetime.date(2010 + i % 10, 1 + i % 12, 1)
        WorkExperience.objects.create(
            profile=profile, position="Operator", company=f"PT {marker}", start_date=start
        )
        Education.objects.create(
            profile=profile,
            level=Pendidikan.objects.order_by("rank")[i % 3],
            institution=f"SMK {marker}",
            start_year=2000 + i,
        )
        Skill.objects.create(profile=profile, name=f"Menjahit {marker}")
        Organisation.objects.create(profile=profile, name=f"Karang Taruna {marker}", start_date=start)
        VerificationLog.objects.create(
            account=profile.user,
            action=VerificationAction.SUBMITTED if i % 2 else VerificationAction.REJECTED,
            actor=None if i % 2 else world.staff(StaffRole.ADMIN),
            note=f"Catatan {marker}",
        )

    return row


def mitra_history(world, i, marker):
    VerificationLog.objects.create(
        account=world.mitra.user,
        action=VerificationAction.SUBMITTED if i % 2 else VerificationAction.VERIFIED,
        actor=None if i % 2 else world.staff(StaffRole.VERIFIKATOR),
        note=f"Catatan {marker}",
    )


def link(world, i, marker):
    LinkFactory(title=f"Tautan {marker}")


# ---------------------------------------------------------------------------------------------
# The lists


def anonymous(world):
    return None


def as_personal(world):
    return world.personal.user


def as_mitra(world):
    return world.mitra.user


def as_staff(role):
    return lambda world: world.staff(role)


def page_url(model, route="", query="", **filters):
    def build(world):
        page = World.page(model, **filters)
        url = page.url + (route(world, page) if route else "")
        return f"{url}?{query(world) if callable(query) else query}" if query else url

    return build


def url_of(name, *args, query=""):
    def build(world):
        url = reverse(name, args=[arg(world) if callable(arg) else arg for arg in args])
        return f"{url}?{query(world) if callable(query) else query}" if query else url

    return build


def vacancy_filters(world):
    return (
        f"q=penjahit&kecamatan={world.kecamatan.pk}&tipe={world.job_type.pk}&kategori={world.job_category.pk}"
        f"&pendidikan={world.education.pk}&gaji=2000000&mitra={MitraCategory.FORMAL}&urut=gaji"
    )


def service_filters(world):
    return f"q=jahit&kategori={world.service_category.pk}&kecamatan={world.kecamatan.pk}&urut=rating"


def mitra_detail(world, page):
    return page.reverse_subpage("detail", args=[world.mitra.pk])


def service_detail(world, page):
    return page.reverse_subpage("detail", args=[world.service.pk])


def provider_page(world, page):
    return page.reverse_subpage("provider", args=[world.personal.user.pk])


def applicant_detail(world):
    return world.application.pk


def feed(world, page):
    return page.reverse_subpage("feed")


@dataclass(frozen=True)
class ListCase:
    url: Callable  # world -> URL
    row: Callable  # (world, i, marker) -> None: the i-th row of the list
    per_page: int  # rows on a page of the list (or the most it shows)
    viewer: Callable = anonymous  # world -> the signed-in user (None: anonymous)
    first: int = 2  # rows before the first count
    more: int = 0  # rows added before the second count (see ``added``)
    marker: re.Pattern = MARKER  # how a row shows in the page; None: the page shows figures only
    data: dict | None = None  # a POST of these data instead of a GET
    xfail: str = ""

    @property
    def added(self):
        """Rows added before the second count: ``more``, else up to a full page, at most 12."""
        return self.more or min(12, self.per_page - self.first)


def paged(case_kwargs):
    """Page 2 of a list: a full page and two rows first, then a full page more."""
    per_page = case_kwargs["per_page"]
    return {**case_kwargs, "first": per_page + 2, "more": per_page}


VACANCIES = {"url": page_url(VacancyIndexPage), "row": public_vacancy, "per_page": 10}
SERVICES = {"url": page_url(ServiceIndexPage), "row": public_service, "per_page": 10}

CASES = {
    # --- Public pages -------------------------------------------------------------------------
    "Lowongan": ListCase(**VACANCIES),
    "Lowongan (Personal login)": ListCase(**VACANCIES, viewer=as_personal),
    "Lowongan: kata kunci + filter": ListCase(
        **{**VACANCIES, "url": page_url(VacancyIndexPage, query=vacancy_filters)}
    ),
    "Lowongan: halaman 2": ListCase(
        **paged({**VACANCIES, "url": page_url(VacancyIndexPage, query="halaman=2")})
    ),
    "Lowongan: feed Atom": ListCase(
        url=page_url(VacancyIndexPage, feed), row=public_vacancy, per_page=30, more=12
    ),
    "Penawaran Jasa": ListCase(**SERVICES),
    "Penawaran Jasa (Mitra login)": ListCase(**SERVICES, viewer=as_mitra),
    "Penawaran Jasa: kata kunci + filter": ListCase(
        **{**SERVICES, "url": page_url(ServiceIndexPage, query=service_filters)}
    ),
    "Penawaran Jasa: halaman 2": ListCase(
        **paged({**SERVICES, "url": page_url(ServiceIndexPage, query="halaman=2")})
    ),
    "Penawaran Jasa: ulasan jasa": ListCase(
        url=page_url(ServiceIndexPage, service_detail),
        row=service_review,
        per_page=30,
        more=12,
        viewer=as_mitra,
    ),
    "Penawaran Jasa: halaman penyedia": ListCase(
        url=page_url(ServiceIndexPage, provider_page), row=provider_service, per_page=30, more=12
    ),
    "Mitra Formal": ListCase(
        url=page_url(MitraIndexPage, category=MitraCategory.FORMAL),
        row=public_mitra(MitraCategory.FORMAL),
        per_page=12,
    ),
    "Mitra Informal": ListCase(
        url=page_url(MitraIndexPage, category=MitraCategory.INFORMAL),
        row=public_mitra(MitraCategory.INFORMAL),
        per_page=12,
    ),
    "Mitra Formal: cari + kecamatan": ListCase(
        url=page_url(
            MitraIndexPage,
            query=lambda world: f"q=qcx&kecamatan={world.kecamatan.pk}",
            category=MitraCategory.FORMAL,
        ),
        row=public_mitra(MitraCategory.FORMAL),
        per_page=12,
    ),
    "Mitra: halaman Mitra dengan ulasan": ListCase(
        url=page_url(MitraIndexPage, mitra_detail, category=MitraCategory.FORMAL),
        row=mitra_review,
        per_page=20,
        viewer=as_personal,
    ),
    "Pengumuman": ListCase(url=page_url(AnnouncementIndexPage), row=announcement, per_page=10),
    "Pengumuman: sumber Mitra": ListCase(
        url=page_url(AnnouncementIndexPage, query="sumber=mitra"), row=mitra_announcement, per_page=10
    ),
    "Testimoni": ListCase(url=page_url(TestimonialIndexPage), row=written_testimonial(), per_page=12),
    "Beranda": ListCase(url=lambda world: "/", row=home_row, per_page=6, more=10),
    "Pencarian": ListCase(url=url_of("search", query="q=zamrudkencana"), row=search_row, per_page=10),
    "FAQ (publik)": ListCase(url=page_url(FAQPage), row=faq, per_page=20),
    "Panduan Penggunaan": ListCase(url=page_url(GuideIndexPage), row=guide_chapter, per_page=12, more=10),
    "Sitemap": ListCase(
        url=url_of("sitemap"), row=sitemap_row, per_page=50, more=12, marker=re.compile(r"<loc>[^<]*</loc>")
    ),
    # --- Account area ---------------------------------------------------------------------------
    "Profil Personal": ListCase(
        url=url_of("users:personal_profile"),
        row=resume_entries(lambda world: world.personal),
        per_page=10,
        viewer=as_personal,
    ),
    "Resume": ListCase(
        url=url_of("users:resume"),
        row=resume_entries(lambda world: world.personal),
        per_page=10,
        viewer=as_personal,
    ),
    "Lamaran Terkirim": ListCase(
        url=url_of("marketplace:applications"), row=sent_application, per_page=20, first=4, viewer=as_personal
    ),
    "Lowongan Tersimpan": ListCase(
        url=url_of("marketplace:saved_vacancies"), row=saved_vacancy, per_page=20, viewer=as_personal
    ),
    "Notifikasi Lowongan": ListCase(
        url=url_of("marketplace:job_alerts"),
        row=job_alert,
        per_page=JobAlert.MAX_PER_PERSON,
        viewer=as_personal,
    ),
    "Pemberitahuan (Personal)": ListCase(
        url=url_of("users:notifications"), row=notification(as_personal), per_page=20, viewer=as_personal
    ),
    "Pemberitahuan (Mitra)": ListCase(
        url=url_of("users:notifications"), row=notification(as_mitra), per_page=20, viewer=as_mitra
    ),
    "Pelamar": ListCase(
        url=url_of("marketplace:applicants"), row=applicant, per_page=20, first=4, viewer=as_mitra
    ),
    "Pelamar: cari nama + lowongan": ListCase(
        url=url_of("marketplace:applicants", query=lambda world: f"q=qcx&lowongan={world.vacancy.pk}"),
        row=applicant,
        per_page=20,
        first=4,
        more=16,  # half of the rows are applications to that vacancy
        viewer=as_mitra,
    ),
    "Pelamar: ulasan pelamar": ListCase(
        url=url_of("marketplace:applicant_detail", applicant_detail),
        row=applicant_review,
        per_page=10,
        viewer=as_mitra,
    ),
    "List Lowongan (Mitra)": ListCase(
        url=url_of("marketplace:mitra_vacancies"), row=mitra_vacancy, per_page=20, first=4, viewer=as_mitra
    ),
    "Pengumuman (Mitra)": ListCase(
        url=url_of("marketplace:mitra_announcements"), row=mitra_announcement, per_page=20, viewer=as_mitra
    ),
    "Jasa Saya (Tawarkan Jasa)": ListCase(
        url=url_of("marketplace:services"), row=own_service, per_page=20, first=3, viewer=as_personal
    ),
    "Permintaan Jasa": ListCase(
        url=url_of("marketplace:service_requests"),
        row=received_request(),
        per_page=20,
        first=4,
        viewer=as_personal,
    ),
    "Permintaan Jasa: status + jasa": ListCase(
        url=url_of(
            "marketplace:service_requests",
            query=lambda world: f"status={ServiceRequestStatus.DIKIRIM}&jasa={world.service.pk}",
        ),
        row=received_request((ServiceRequestStatus.DIKIRIM,)),
        per_page=20,
        viewer=as_personal,
    ),
    "Pengguna Jasa": ListCase(
        url=url_of("marketplace:service_users"),
        row=received_request((ServiceRequestStatus.SELESAI, ServiceRequestStatus.DITERIMA)),
        per_page=20,
        viewer=as_personal,
    ),
    "Gunakan Jasa Terkirim": ListCase(
        url=url_of("marketplace:service_requests_sent"),
        row=sent_request,
        per_page=20,
        first=4,
        viewer=as_mitra,
    ),
    "Jasa Tersimpan": ListCase(
        url=url_of("marketplace:saved_services"), row=saved_service, per_page=20, viewer=as_personal
    ),
    # --- Admin panel ----------------------------------------------------------------------------
    "Dasbor (Super Admin)": ListCase(
        url=url_of("wagtailadmin_home"),
        row=region_activity_and_edit,
        per_page=12,
        viewer=as_staff(StaffRole.SUPER_ADMIN),
    ),
    "Dasbor (Desa)": ListCase(
        url=url_of("wagtailadmin_home"),
        row=region_activity,
        per_page=12,
        viewer=as_staff(StaffRole.DESA),
        marker=None,
    ),
    "Dasbor (Kecamatan)": ListCase(
        url=url_of("wagtailadmin_home"),
        row=region_activity,
        per_page=12,
        viewer=as_staff(StaffRole.KECAMATAN),
        marker=None,
    ),
    "Data Profil Personal (Desa)": ListCase(
        url=url_of("personal_profiles:index"),
        row=personal_profile_row(),
        per_page=25,
        viewer=as_staff(StaffRole.DESA),
    ),
    "Data Profil Personal: antrean verifikasi (Admin)": ListCase(
        url=url_of("personal_profiles:index", query=f"status={VerificationStatus.DIAJUKAN}"),
        row=personal_profile_row(VerificationStatus.DIAJUKAN),
        per_page=25,
        viewer=as_staff(StaffRole.ADMIN),
    ),
    "Data Profil Personal: detail (Desa)": ListCase(
        url=url_of("personal_profiles:detail", lambda world: world.personal.pk),
        row=resume_entries(lambda world: world.personal),
        per_page=10,
        viewer=as_staff(StaffRole.DESA),
    ),
    "Data Profil Mitra: detail, riwayat verifikasi (Verifikator)": ListCase(
        url=url_of("mitra_profiles:detail", lambda world: world.mitra.pk),
        row=mitra_history,
        per_page=50,
        viewer=as_staff(StaffRole.VERIFIKATOR),
    ),
    "Data Profil Mitra (Verifikator)": ListCase(
        url=url_of("mitra_profiles:index"),
        row=mitra_profile_row(),
        per_page=25,
        viewer=as_staff(StaffRole.VERIFIKATOR),
    ),
    "Data Profil Mitra: antrean verifikasi (Desa)": ListCase(
        url=url_of("mitra_profiles:index", query=f"status={VerificationStatus.DIAJUKAN}"),
        row=mitra_profile_row(VerificationStatus.DIAJUKAN),
        per_page=25,
        viewer=as_staff(StaffRole.DESA),
    ),
    "Laporan Personal (Kecamatan)": ListCase(
        url=url_of("personal_report:index"),
        row=report_account,
        per_page=12,
        viewer=as_staff(StaffRole.KECAMATAN),
        marker=None,
    ),
    "Laporan Personal: daftar akun (Kecamatan)": ListCase(
        url=url_of("personal_report:accounts"),
        row=report_account,
        per_page=25,
        viewer=as_staff(StaffRole.KECAMATAN),
    ),
    "Laporan Personal: daftar akun per desa (Dinaker)": ListCase(
        url=url_of(
            "personal_report:accounts",
            query=lambda world: f"kecamatan={world.kecamatan.pk}&desa={world.desa.pk}",
        ),
        row=report_account,
        per_page=25,
        viewer=as_staff(StaffRole.DINAKER),
    ),
    "Laporan Personal: daftar akun CSV": ListCase(
        url=url_of("personal_report:accounts_export", "csv"),
        row=report_account,
        per_page=25,
        viewer=as_staff(StaffRole.DINAKER),
    ),
    "Laporan Mitra (Dinaker)": ListCase(
        url=url_of("mitra_report:index"),
        row=region_activity,
        per_page=12,
        viewer=as_staff(StaffRole.DINAKER),
        marker=None,
    ),
    "List Lowongan (admin)": ListCase(
        url=url_of("admin_vacancies:index"),
        row=admin_vacancy,
        per_page=25,
        first=4,
        viewer=as_staff(StaffRole.ADMIN),
    ),
    "List Lowongan (admin): cari + kecamatan": ListCase(
        url=url_of("admin_vacancies:index", query=lambda world: f"q=penjahit&kecamatan={world.kecamatan.pk}"),
        row=admin_vacancy,
        per_page=25,
        first=4,
        viewer=as_staff(StaffRole.DINAKER),
    ),
    "Lamaran Belum Direspon (Desa)": ListCase(
        url=url_of("admin_unanswered:index"),
        row=unanswered_application,
        per_page=25,
        viewer=as_staff(StaffRole.DESA),
    ),
    "List Penawaran Jasa (admin)": ListCase(
        url=url_of("admin_services:index"),
        row=admin_service,
        per_page=25,
        first=3,
        viewer=as_staff(StaffRole.ADMIN),
    ),
    "Rating Mitra (Desa)": ListCase(
        url=url_of("marketplace_mitrarating_modeladmin_index"),
        row=mitra_rating_row,
        per_page=100,
        viewer=as_staff(StaffRole.DESA),
    ),
    "Rating Personal (Desa)": ListCase(
        url=url_of("marketplace_personalrating_modeladmin_index"),
        row=personal_rating_row,
        per_page=100,
        viewer=as_staff(StaffRole.DESA),
    ),
    "Rating Personal (Admin, dilaporkan)": ListCase(
        url=url_of("marketplace_personalrating_modeladmin_index", query="dilaporkan=ya"),
        row=personal_rating_row,
        per_page=100,
        first=4,
        more=24,  # half are reported
        viewer=as_staff(StaffRole.ADMIN),
    ),
    "Rating Personal (Jasa) (Admin)": ListCase(
        url=url_of("marketplace_servicerating_modeladmin_index"),
        row=service_rating_row,
        per_page=100,
        viewer=as_staff(StaffRole.ADMIN),
    ),
    "Testimoni (admin)": ListCase(
        url=url_of("testimonial_moderation:index"),
        row=written_testimonial(TESTIMONIAL_STATES),
        per_page=20,
        first=4,
        viewer=as_staff(StaffRole.ADMIN),
    ),
    "Pengumuman (admin)": ListCase(
        url=url_of("admin_announcements:index"),
        row=announcement,
        per_page=20,
        first=4,
        viewer=as_staff(StaffRole.ADMIN),
    ),
    "Kirim Pemberitahuan: riwayat": ListCase(
        url=url_of("admin_notification_broadcasts:index"),
        row=broadcast(Broadcast.Kind.NOTIFICATION),
        per_page=20,
        viewer=as_staff(StaffRole.ADMIN),
    ),
    "Kirim Pesan WhatsApp: riwayat": ListCase(
        url=url_of("admin_whatsapp_broadcasts:index"),
        row=broadcast(Broadcast.Kind.WHATSAPP),
        per_page=20,
        viewer=as_staff(StaffRole.ADMIN),
    ),
    "Kirim Pesan WhatsApp: cari penerima": ListCase(
        url=url_of("admin_whatsapp_broadcasts:compose"),
        row=whatsapp_recipient,
        per_page=20,
        viewer=as_staff(StaffRole.ADMIN),
        data={"action": "search", "q": "qcx"},
    ),
    "Kotak Keluar WhatsApp": ListCase(
        url=url_of("kotak-keluar-whatsapp:index"),
        row=whatsapp_message,
        per_page=20,
        viewer=as_staff(StaffRole.SUPER_ADMIN),
        marker=re.compile(r"62899\d{7}"),
    ),
    "Tugas Latar Belakang": ListCase(
        url=url_of("tugas-latar-belakang:index"),
        row=background_job,
        per_page=20,
        viewer=as_staff(StaffRole.SUPER_ADMIN),
    ),
    "Log Akses Data": ListCase(
        url=url_of("log-akses-data:index"),
        row=access_log,
        per_page=20,
        viewer=as_staff(StaffRole.SUPER_ADMIN),
    ),
    "Pengguna (staf)": ListCase(
        url=url_of("wagtailusers_users:index"),
        row=staff_member,
        per_page=20,
        first=4,
        viewer=as_staff(StaffRole.ADMIN),
    ),
    "Master Data: Kategori Jasa": ListCase(
        url=url_of("marketplace_kategorijasa_modeladmin_index"),
        row=service_category,
        per_page=50,
        viewer=as_staff(StaffRole.ADMIN),
    ),
    "Master Data: Desa/Kelurahan per kecamatan": ListCase(
        url=url_of(
            "users_desa_modeladmin_index",
            query=lambda world: f"kecamatan__id__exact={world.new_kecamatan.pk}",
        ),
        row=desa,
        per_page=50,
        viewer=as_staff(StaffRole.ADMIN),
    ),
    "Halaman: Pengumuman di penjelajah Wagtail": ListCase(
        url=url_of("wagtailadmin_explore", lambda world: World.page(AnnouncementIndexPage).pk),
        row=government_announcement,
        per_page=50,
        viewer=as_staff(StaffRole.ADMIN),
    ),
    "FAQ": ListCase(
        url=url_of("wagtailsnippets_pages_faq:list"),
        row=faq,
        per_page=20,
        viewer=as_staff(StaffRole.SUPER_ADMIN),
    ),
    "Tautan": ListCase(
        url=url_of("wagtailsnippets_pages_link:list"), row=link, per_page=20, viewer=as_staff(StaffRole.ADMIN)
    ),
}


def params():
    for name, case in CASES.items():
        marks = [pytest.mark.xfail(strict=True, reason=case.xfail)] if case.xfail else []
        yield pytest.param(name, marks=marks, id=name)


# ---------------------------------------------------------------------------------------------
# The test


def render(client, url, data=None):
    """The queries of one GET of ``url`` and the page, the cache emptied first: cached public pages
    and counts (portal/public_cache.py) would hide the queries of a render."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url) if data is None else client.post(url, data)
        body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200, (
        f"{'GET' if data is None else 'POST'} {url}: {response.status_code} {response.get('Location', '')}"
    )
    return [query["sql"] for query in queries.captured_queries], body.decode("utf-8-sig")


def shape(sql):
    """A query without its values, to tell which one repeats."""
    return re.sub(r"\d+|'[^']*'", "?", sql)[:300]


def grown(few, many):
    counts = Counter(map(shape, many))
    counts.subtract(Counter(map(shape, few)))
    return "\n".join(f"  +{n} × {sql}" for sql, n in counts.most_common() if n > 0)


@pytest.fixture
def world(db):
    return World()


@pytest.mark.parametrize("name", list(params()))
def test_query_count_does_not_grow_with_the_rows(client, world, name):
    case = CASES[name]
    viewer = case.viewer(world)
    if viewer is not None:
        client.force_login(viewer)
    rows = itertools.count()
    for _ in range(case.first):
        case.row(world, next(rows), next_marker())
    url = case.url(world)
    render(client, url, case.data)  # warm up the per-process caches (site, settings, permissions)
    few, page_few = render(client, url, case.data)
    for _ in range(case.added):
        case.row(world, next(rows), next_marker())
    many, page_many = render(client, url, case.data)
    print(f"{name}: {len(few)} queries with {case.first} rows, {len(many)} with {case.first + case.added}")
    if case.marker is not None:
        shown_few, shown_many = set(case.marker.findall(page_few)), set(case.marker.findall(page_many))
        assert shown_few, f"{name}: no row of the list is shown"
        assert len(shown_many) > len(shown_few), f"{name}: the new rows are not shown"
    assert len(many) == len(few), (
        f"{name}: {len(few)} queries with {case.first} rows, {len(many)} with {case.first + case.added}:\n"
        + grown(few, many)
    )
