"""The expectation table of tests/test_url_matrix.py: for every URL pattern of the project, how to
build its arguments from the shared world and what each of the 13 actors gets.

An entry is keyed by the URL name ("namespace:name"). Each actor's expectation is an ``Outcome``: a
status code and, for a redirect, whether it goes to a login page (which one) or somewhere else.
Entries that name an object of the Personal or the Mitra of the world (or of their region) are
``private``: the actors foreign to it (another Personal, another Mitra, the Desa and Kecamatan
operators of another region) never expect it to open.

Wagtail's own admin URLs are the business of tests/test_admin_matrix.py; here only the admin URLs
whose views live in this project's apps are listed (see ``OUR_APPS``). Public pages are served by
Wagtail's catch-all: ``PAGE_CASES`` lists every page model of our apps and every route of the
routable ones.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model

from guidance.models import GuideIndexPage, GuidePage
from home.models import HomePage
from marketplace import moderation, printing_tasks
from marketplace.choices import ApplicationStatus, ServiceRatingDirection, ServiceRequestStatus
from marketplace.factories import ApplicationFactory, ServiceFactory, ServiceRequestFactory, VacancyFactory
from marketplace.models import (
    Application,
    JobAlert,
    MitraAnnouncement,
    MitraRating,
    PersonalRating,
    ServiceRating,
    Testimonial,
)
from pages.factories import AnnouncementPageFactory
from pages.models import (
    AnnouncementIndexPage,
    AnnouncementPage,
    FAQPage,
    MitraIndexPage,
    ServiceIndexPage,
    StandardPage,
    TestimonialIndexPage,
    VacancyIndexPage,
)
from portal.job_files import new_token
from portal.models import BackgroundJob, WhatsAppMessage
from users import notifications, report_tasks
from users.choices import MitraCategory, StaffRole, VerificationStatus
from users.factories import UserFactory, complete_mitra_profile, complete_personal_profile
from users.models import Desa, Kecamatan
from users.staff import save_staff_account

# The apps of this project: admin URLs whose view lives in one of them are listed here.
OUR_APPS = ("users", "marketplace", "portal", "pages", "home", "guidance")

# ---------------------------------------------------------------------------------------------
# Actors

ANONYMOUS = "anonymous"
PERSONAL = "personal"
OTHER_PERSONAL = "other_personal"
MITRA = "mitra"
OTHER_MITRA = "other_mitra"
DESA_IN = "desa_in"
DESA_OUT = "desa_out"
KECAMATAN_IN = "kecamatan_in"
KECAMATAN_OUT = "kecamatan_out"
VERIFIKATOR = "verifikator"
DINAKER = "dinaker"
ADMIN = "admin"
SUPERADMIN = "superadmin"

ACTORS = (
    ANONYMOUS,
    PERSONAL,
    OTHER_PERSONAL,
    MITRA,
    OTHER_MITRA,
    DESA_IN,
    DESA_OUT,
    KECAMATAN_IN,
    KECAMATAN_OUT,
    VERIFIKATOR,
    DINAKER,
    ADMIN,
    SUPERADMIN,
)
PERSONALS = (PERSONAL, OTHER_PERSONAL)
MITRAS = (MITRA, OTHER_MITRA)
ACCOUNTS = PERSONALS + MITRAS
STAFF = (DESA_IN, DESA_OUT, KECAMATAN_IN, KECAMATAN_OUT, VERIFIKATOR, DINAKER, ADMIN, SUPERADMIN)
SIGNED_IN = ACCOUNTS + STAFF
# Foreign to the objects of the world: they must never open a private entry.
FOREIGN = (OTHER_PERSONAL, OTHER_MITRA, DESA_OUT, KECAMATAN_OUT)

GROUPS = {
    "personals": PERSONALS,
    "mitras": MITRAS,
    "accounts": ACCOUNTS,
    "staff": STAFF,
    "signed_in": SIGNED_IN,
}

# Staff roles of the menus (guide §7.1), as actors.
EDITORS = (ADMIN, SUPERADMIN)
REPORT_READERS = (KECAMATAN_IN, KECAMATAN_OUT, DINAKER, ADMIN, SUPERADMIN)
PERSONAL_PROFILE_READERS = (DESA_IN, DESA_OUT, ADMIN, SUPERADMIN)
MODERATORS = (DINAKER, ADMIN, SUPERADMIN)

STAFF_ROLES = {
    DESA_IN: StaffRole.DESA,
    DESA_OUT: StaffRole.DESA,
    KECAMATAN_IN: StaffRole.KECAMATAN,
    KECAMATAN_OUT: StaffRole.KECAMATAN,
    VERIFIKATOR: StaffRole.VERIFIKATOR,
    DINAKER: StaffRole.DINAKER,
    ADMIN: StaffRole.ADMIN,
    SUPERADMIN: StaffRole.SUPER_ADMIN,
}

# ---------------------------------------------------------------------------------------------
# Outcomes

LOGIN_PATH = "/akun/login/"
MITRA_LOGIN_PATH = "/akun/login-mitra/"
ADMIN_LOGIN_PATH = "/app/v1/admin/login/"
LOGIN_PATHS = (LOGIN_PATH, MITRA_LOGIN_PATH, ADMIN_LOGIN_PATH, "/_util/login/")


@dataclass(frozen=True)
class Outcome:
    status: int
    login: str = ""  # for a 302: the login page it goes to ("" = any page but a login page)

    def __str__(self):
        if self.status != 302:
            return str(self.status)
        return f"302 → {self.login}" if self.login else "302 (not to a login page)"


OK = Outcome(200)
REDIRECT = Outcome(302)  # a success of a POST, or a page that sends on
LOGIN = Outcome(302, LOGIN_PATH)
LOGIN_MITRA = Outcome(302, MITRA_LOGIN_PATH)
ADMIN_LOGIN = Outcome(302, ADMIN_LOGIN_PATH)  # Wagtail's answer to anyone without admin access
BAD_REQUEST = Outcome(400)
UNAUTHORIZED = Outcome(401)
FORBIDDEN = Outcome(403)
NOT_FOUND = Outcome(404)

REFUSALS = (FORBIDDEN, NOT_FOUND, ADMIN_LOGIN)


def outcomes(default, **overrides):
    """Every actor's outcome: ``default``, then the overrides in the order given (group names of
    ``GROUPS`` or actor names)."""
    result = dict.fromkeys(ACTORS, default)
    for name, outcome in overrides.items():
        for actor in GROUPS.get(name, (name,)):
            assert actor in result, f"unknown actor or group {name}"
            result[actor] = outcome
    return result


def public(outcome=OK):
    return outcomes(outcome)


def signed_in(outcome=OK, **overrides):
    return outcomes(outcome, **{"anonymous": LOGIN, **overrides})


def personal_area(own=OK):
    """A page of the Personal's own account area: each Personal opens their own."""
    return outcomes(FORBIDDEN, anonymous=LOGIN, personals=own)


def personal_object(own=OK):
    """An object of the Personal of the world: another Personal finds nothing."""
    return outcomes(FORBIDDEN, anonymous=LOGIN, personal=own, other_personal=NOT_FOUND)


def mitra_area(own=OK):
    return outcomes(FORBIDDEN, anonymous=LOGIN_MITRA, mitras=own)


def mitra_object(own=OK):
    return outcomes(FORBIDDEN, anonymous=LOGIN_MITRA, mitra=own, other_mitra=NOT_FOUND)


def account_area(own=OK):
    """Personal and Mitra alike (services, testimonial)."""
    return outcomes(FORBIDDEN, anonymous=LOGIN, accounts=own)


def provider_object(own=OK):
    """The Personal's service or a request for it: only the provider reaches it."""
    return outcomes(FORBIDDEN, anonymous=LOGIN, accounts=NOT_FOUND, personal=own)


def admin_screen(*allowed, ok=OK, **overrides):
    """An admin URL: anonymous visitors, Personal and Mitra are sent to the admin login (Wagtail),
    staff outside ``allowed`` get a plain 403."""
    expected = outcomes(FORBIDDEN, anonymous=ADMIN_LOGIN, accounts=ADMIN_LOGIN)
    expected.update(dict.fromkeys(allowed, ok))
    for actor, outcome in overrides.items():
        assert actor in expected, f"unknown actor {actor}"
        expected[actor] = outcome
    return expected


# ---------------------------------------------------------------------------------------------
# Cases


@dataclass(frozen=True)
class Case:
    args: Callable  # world -> kwargs (dict) or positional args (tuple) for reverse()
    expected: dict  # actor -> Outcome
    method: str = "get"
    data: dict = field(default_factory=dict)
    private: bool = False


def no_args(world):
    return {}


def pk_of(attribute):
    return lambda world: {"pk": getattr(world, attribute).pk}


def case(expected, args=no_args, **options):
    return Case(args=args, expected=expected, **options)


def post(expected, args=no_args, data=None, **options):
    """A POST-only URL, tested by posting (an empty body unless ``data``): a refused actor gets
    403/404, never a success."""
    return Case(args=args, expected=expected, method="post", data=data or {}, **options)


def report_file(fmt):
    return lambda world: {"fmt": fmt}


CASES = {
    # --- Admin panel: this project's screens (Wagtail's own: tests/test_admin_matrix.py) -----
    "admin_notification_broadcasts:index": case(admin_screen(*STAFF)),
    "admin_notification_broadcasts:compose": case(admin_screen(*STAFF)),
    "admin_whatsapp_broadcasts:index": case(admin_screen(*STAFF)),
    "admin_whatsapp_broadcasts:compose": case(admin_screen(*STAFF)),
    "portal_gateway_status": case(admin_screen(*EDITORS)),
    "personal_profiles:index": case(admin_screen(*PERSONAL_PROFILE_READERS)),
    "personal_profiles:detail": case(
        admin_screen(DESA_IN, *EDITORS, desa_out=NOT_FOUND), pk_of("personal_profile"), private=True
    ),
    "mitra_profiles:index": case(admin_screen(*STAFF)),
    "mitra_profiles:detail": case(
        admin_screen(*STAFF, desa_out=NOT_FOUND, kecamatan_out=NOT_FOUND),
        pk_of("mitra_profile"),
        private=True,
    ),
    "mitra_profiles:featured": post(
        admin_screen(*EDITORS, ok=REDIRECT, desa_out=NOT_FOUND, kecamatan_out=NOT_FOUND),
        pk_of("mitra_profile"),
        data={"featured": "0"},
        private=True,
    ),
    # step 3's interim verification URLs only redirect to Data Profil Personal / Mitra
    "account_verification:queue": case(admin_screen(*STAFF, ok=REDIRECT)),
    "account_verification:detail": case(
        admin_screen(*PERSONAL_PROFILE_READERS, ok=REDIRECT),
        lambda world: {"kind": "personal", "pk": world.personal_profile.pk},
    ),
    "personal_report:index": case(admin_screen(*REPORT_READERS)),
    "personal_report:export": case(admin_screen(*REPORT_READERS), report_file("csv")),
    "personal_report:accounts": case(admin_screen(*REPORT_READERS)),
    "personal_report:accounts_export": case(admin_screen(*REPORT_READERS), report_file("csv")),
    # a finished background export opens for the staff member who asked for it only
    "personal_report:download": case(
        admin_screen(*REPORT_READERS, ok=NOT_FOUND, kecamatan_in=OK),
        lambda world: {"token": world.export_token, "fmt": "csv"},
        private=True,
    ),
    "mitra_report:index": case(admin_screen(*REPORT_READERS)),
    "mitra_report:export": case(admin_screen(*REPORT_READERS), report_file("csv")),
    "admin_vacancies:index": case(admin_screen(*STAFF)),
    "admin_vacancies:take_down": case(admin_screen(*MODERATORS), pk_of("vacancy")),
    "admin_vacancies:restore": post(admin_screen(*MODERATORS, ok=REDIRECT), pk_of("vacancy")),
    "admin_unanswered:index": case(admin_screen(*STAFF)),
    "admin_unanswered:remind": post(admin_screen(*STAFF, ok=REDIRECT)),
    "admin_services:index": case(admin_screen(*EDITORS)),
    "admin_services:pause": case(admin_screen(*EDITORS), pk_of("service")),
    "admin_services:resume": post(admin_screen(*EDITORS, ok=REDIRECT), pk_of("paused_service")),
    # Rating Mitra is in every role's menu; a rating of a Personal follows the Personal's scope
    "marketplace_mitrarating_modeladmin_moderate": case(
        admin_screen(*STAFF), lambda world: {"instance_pk": world.mitra_rating.pk}
    ),
    "marketplace_personalrating_modeladmin_moderate": case(
        admin_screen(DESA_IN, *EDITORS, desa_out=NOT_FOUND),
        lambda world: {"instance_pk": world.personal_rating.pk},
        private=True,
    ),
    "marketplace_servicerating_modeladmin_moderate": case(
        admin_screen(DESA_IN, *EDITORS, desa_out=NOT_FOUND),
        lambda world: {"instance_pk": world.service_rating.pk},
        private=True,
    ),
    "testimonial_moderation:index": case(admin_screen(*STAFF)),
    "testimonial_moderation:decide": post(
        admin_screen(*STAFF, ok=REDIRECT), pk_of("testimonial"), data={"action": "setujui"}
    ),
    "admin_announcements:index": case(admin_screen(*STAFF)),
    "admin_announcements:hide": case(admin_screen(*MODERATORS), pk_of("announcement")),
    "admin_announcements:show": post(admin_screen(*MODERATORS, ok=REDIRECT), pk_of("announcement")),
    "kotak-keluar-whatsapp:index": case(admin_screen(*EDITORS)),
    "kotak-keluar-whatsapp:index_results": case(admin_screen(*EDITORS)),
    "kotak-keluar-whatsapp:inspect": case(admin_screen(*EDITORS), pk_of("whatsapp_message")),
    "kotak-keluar-whatsapp:retry": case(admin_screen(*EDITORS), pk_of("whatsapp_message")),
    "tugas-latar-belakang:index": case(admin_screen(*EDITORS)),
    "tugas-latar-belakang:index_results": case(admin_screen(*EDITORS)),
    "tugas-latar-belakang:inspect": case(admin_screen(*EDITORS), pk_of("background_job")),
    "tugas-latar-belakang:retry": case(admin_screen(*EDITORS), pk_of("background_job")),
    "log-akses-data:index": case(admin_screen(SUPERADMIN)),
    "log-akses-data:index_results": case(admin_screen(SUPERADMIN)),
    # Verifikasi Dua Langkah (not required in the test settings: verifying sends straight on)
    "staff_otp:verify": case(admin_screen(*STAFF, ok=REDIRECT)),
    "staff_otp:setup": case(admin_screen(*STAFF)),
    "staff_otp:reset": case(admin_screen(SUPERADMIN), pk_of("managed_staff")),
    "wagtailusers_users:index": case(admin_screen(*EDITORS)),
    "wagtailusers_users:index_results": case(admin_screen(*EDITORS)),
    "wagtailusers_users:add": case(admin_screen(*EDITORS)),
    "wagtailusers_users:edit": case(admin_screen(*EDITORS), pk_of("managed_staff")),
    "wagtailusers_users:delete": case(admin_screen(*EDITORS), pk_of("managed_staff")),
    "wagtailusers_users:history": case(admin_screen(*EDITORS), pk_of("managed_staff")),
    "wagtailusers_users:history_results": case(admin_screen(*EDITORS), pk_of("managed_staff")),
    # --- Wagtail outside the admin ----------------------------------------------------------
    "wagtaildocs_serve": case(public(), lambda world: (world.document.pk, world.document.filename)),
    "wagtaildocs_authenticate_with_password": case(
        public(NOT_FOUND), lambda world: {"restriction_id": 999999}
    ),
    "wagtailcore_authenticate_with_password": case(
        public(NOT_FOUND), lambda world: {"page_view_restriction_id": 999999, "page_id": world.home.pk}
    ),
    "wagtailcore_login": case(public()),
    "wagtail_serve": case(public(), lambda world: ("",)),  # Beranda; every page route: PAGE_CASES
    "sitemap": case(public()),
    "robots": case(public()),
    "health": case(public()),
    "search": case(public()),
    # --- Accounts: registration, login, password, phone ---------------------------------------
    "users:register": case(outcomes(REDIRECT, anonymous=OK)),
    "users:register_mitra": case(outcomes(REDIRECT, anonymous=OK)),
    "users:registration_done": case(signed_in()),
    "users:resend_verification": post(signed_in(REDIRECT)),
    "users:verify_email": case(public(BAD_REQUEST), lambda world: {"token": "bukan-token"}),
    "users:login": case(outcomes(OK, personals=REDIRECT)),
    "users:login_mitra": case(outcomes(OK, mitras=REDIRECT)),
    "users:logout": post(public(REDIRECT)),
    "users:logout_everywhere": post(signed_in(REDIRECT)),
    "users:password_reset": case(public()),
    "users:password_reset_mitra": case(public()),
    "users:password_reset_done": case(public()),
    "users:password_reset_confirm": case(public(), lambda world: {"uidb64": "MA", "token": "bukan-token"}),
    "users:password_reset_complete": case(public()),
    "users:password_change": case(signed_in()),
    "users:contact_change": case(signed_in()),
    "users:send_phone_code": post(signed_in(REDIRECT)),
    "users:verify_phone": case(signed_in()),
    "users:submit_verification": post(signed_in(FORBIDDEN, accounts=REDIRECT)),
    # --- Profil Personal, Resume ---------------------------------------------------------------
    "users:personal_profile": case(personal_area()),
    "users:personal_data": case(personal_area()),
    "users:personal_entry_add": case(personal_area(), lambda world: {"section": "pendidikan"}),
    "users:personal_entry_edit": case(
        personal_object(), lambda world: {"section": "pendidikan", "pk": world.education.pk}, private=True
    ),
    "users:personal_entry_delete": case(
        personal_object(), lambda world: {"section": "pendidikan", "pk": world.education.pk}, private=True
    ),
    "users:personal_section_none": post(personal_area(REDIRECT), lambda world: {"section": "pengalaman"}),
    "users:resume": case(personal_area()),
    "users:resume_pdf": case(personal_area()),
    # --- Profil Mitra, documents ---------------------------------------------------------------
    "users:mitra_profile": case(mitra_area()),
    "users:mitra_documents": case(mitra_area()),
    "users:mitra_document_delete": case(mitra_object(), pk_of("mitra_document"), private=True),
    # the private file: its Mitra, and staff of "Data Profil Mitra" within their region
    "users:mitra_document_download": case(
        outcomes(NOT_FOUND, anonymous=LOGIN, mitra=OK, staff=OK, desa_out=NOT_FOUND, kecamatan_out=NOT_FOUND),
        pk_of("mitra_document"),
        private=True,
    ),
    # --- Unduh Data Saya, Hapus Akun: one's own account, Personal and Mitra ---------------------
    "users:my_data": case(account_area()),
    "users:delete_account": case(account_area()),
    # --- Pemberitahuan -------------------------------------------------------------------------
    "users:notifications": case(signed_in()),
    "users:notifications_unread_count": case(signed_in(anonymous=UNAUTHORIZED)),
    "users:notifications_mark_all_read": post(signed_in(REDIRECT)),
    "users:notification_open": case(
        signed_in(NOT_FOUND, personal=REDIRECT), pk_of("notification"), private=True
    ),
    # --- Mitra: vacancies and applicants -------------------------------------------------------
    "marketplace:vacancy_create": case(mitra_area()),
    "marketplace:mitra_vacancies": case(mitra_area()),
    "marketplace:vacancy_edit": case(mitra_object(), pk_of("vacancy"), private=True),
    "marketplace:vacancy_publish": post(mitra_object(REDIRECT), pk_of("draft_vacancy"), private=True),
    "marketplace:vacancy_extend": case(mitra_object(), pk_of("vacancy"), private=True),
    "marketplace:vacancy_close": post(mitra_object(REDIRECT), pk_of("vacancy"), private=True),
    "marketplace:vacancy_fill": post(mitra_object(REDIRECT), pk_of("vacancy"), private=True),
    "marketplace:applicants": case(mitra_area()),
    # anyone but the Mitra of the vacancy gets the 404 of a missing application
    "marketplace:applicant_detail": case(
        outcomes(NOT_FOUND, anonymous=LOGIN_MITRA, mitra=OK), pk_of("application"), private=True
    ),
    "marketplace:application_status": post(mitra_object(REDIRECT), pk_of("application"), private=True),
    "marketplace:applicant_pdf": case(mitra_object(), pk_of("application"), private=True),
    "marketplace:applicants_bulk_status": post(mitra_area(REDIRECT)),
    "marketplace:vacancy_applicants_pdf": case(mitra_object(), pk_of("vacancy"), private=True),
    # a list printed by the background job opens for the Mitra who asked for it only
    "marketplace:vacancy_applicants_pdf_download": case(
        mitra_object(),
        lambda world: {"pk": world.vacancy.pk, "token": world.applicants_pdf_token},
        private=True,
    ),
    # --- Personal: applying --------------------------------------------------------------------
    "marketplace:apply": case(personal_area(), pk_of("vacancy")),
    "marketplace:vacancy_save": post(personal_area(REDIRECT), pk_of("vacancy")),
    "marketplace:saved_vacancies": case(personal_area()),
    "marketplace:applications": case(personal_area()),
    "marketplace:application_withdraw": post(personal_object(REDIRECT), pk_of("application"), private=True),
    "marketplace:job_alerts": case(personal_area()),
    "marketplace:job_alert_create": post(personal_area(REDIRECT)),
    "marketplace:job_alert_update": post(
        personal_object(REDIRECT), pk_of("job_alert"), data={"by_email": "on"}, private=True
    ),
    "marketplace:job_alert_delete": post(personal_object(REDIRECT), pk_of("job_alert"), private=True),
    # --- Services: the provider (the Personal) --------------------------------------------------
    "marketplace:services": case(account_area()),
    "marketplace:service_create": case(account_area()),
    "marketplace:service_edit": case(provider_object(), pk_of("service"), private=True),
    "marketplace:service_pause": post(provider_object(REDIRECT), pk_of("service"), private=True),
    "marketplace:service_resume": post(provider_object(REDIRECT), pk_of("service"), private=True),
    "marketplace:service_delete": case(provider_object(), pk_of("service"), private=True),
    "marketplace:service_requests": case(account_area()),
    "marketplace:service_request_accept": post(
        provider_object(REDIRECT), pk_of("service_request"), private=True
    ),
    "marketplace:service_request_reject": case(provider_object(), pk_of("service_request"), private=True),
    "marketplace:service_request_complete": post(
        provider_object(REDIRECT), pk_of("service_request"), private=True
    ),
    "marketplace:service_users": case(account_area()),
    # --- Services: the user (the Mitra requested the Personal's service) -----------------------
    # the public service's request form; staff are told they cannot use services
    "marketplace:service_request_create": case(account_area(), pk_of("service")),
    "marketplace:service_requests_sent": case(account_area()),
    "marketplace:service_request_cancel": post(
        outcomes(FORBIDDEN, anonymous=LOGIN, accounts=NOT_FOUND, mitra=REDIRECT),
        pk_of("service_request"),
        private=True,
    ),
    "marketplace:saved_services": case(account_area()),
    "marketplace:service_save": post(account_area(REDIRECT), pk_of("service")),
    # --- Ratings: both sides of a relationship, nobody else ------------------------------------
    "marketplace:rate_application": case(
        signed_in(NOT_FOUND, personal=OK, mitra=OK), pk_of("decided_application"), private=True
    ),
    "marketplace:rate_service_request": case(
        signed_in(NOT_FOUND, personal=OK, mitra=OK), pk_of("finished_request"), private=True
    ),
    # a public review: anyone signed in may report it
    "marketplace:report_rating": case(
        signed_in(), lambda world: {"kind": "mitra", "pk": world.mitra_rating.pk}
    ),
    # --- Testimoni, Pengumuman Mitra ------------------------------------------------------------
    "marketplace:testimonial": case(account_area()),
    "marketplace:mitra_announcements": case(mitra_area()),
    "marketplace:announcement_create": case(mitra_area()),
    "marketplace:announcement_edit": case(mitra_object(), pk_of("announcement"), private=True),
    "marketplace:announcement_delete": case(mitra_object(), pk_of("announcement"), private=True),
}

# URL patterns that are not listed, with the reason (matched on the view's module).
UNLISTED_VIEW_MODULES = {
    # django.conf.urls.static.static(): MEDIA_URL served only when DEBUG is on (never in production,
    # and private Mitra documents live outside MEDIA_ROOT).
    "django.views.static": "media files, served by Django only with DEBUG on",
}


# ---------------------------------------------------------------------------------------------
# Public pages (Wagtail's catch-all): every page model of our apps, every route of the routable ones.
# Keys: "Model" for a plain page, "Model:route" for a route ("Model:route#variant" for more objects).


@dataclass(frozen=True)
class PageCase:
    path: Callable  # world -> the URL path
    expected: dict  # actor -> Outcome, for PAGE_ACTORS (or fewer)


# Public pages answer everyone alike: a visitor, a Personal, a Mitra and staff stand for all.
PAGE_ACTORS = (ANONYMOUS, PERSONAL, MITRA, ADMIN)


def page_public(outcome=OK, actors=PAGE_ACTORS):
    return dict.fromkeys(actors, outcome)


def page_url(model, **filters):
    return lambda world: world.page(model, **filters).url


def route_url(model, route, *args, filters=None):
    """The path of ``route`` of the live page of ``model``; ``args`` are world attribute names."""

    def build(world):
        page = world.page(model, **(filters or {}))
        values = [getattr(world, name).pk for name in args]
        return page.url + page.reverse_subpage(route, args=values)

    return build


FORMAL = {"category": MitraCategory.FORMAL}

PAGE_CASES = {
    "HomePage": PageCase(page_url(HomePage), page_public()),
    "StandardPage": PageCase(page_url(StandardPage), page_public()),
    "FAQPage": PageCase(page_url(FAQPage), page_public()),
    "AnnouncementPage": PageCase(page_url(AnnouncementPage), page_public()),
    "AnnouncementIndexPage:index_route": PageCase(
        route_url(AnnouncementIndexPage, "index_route"), page_public()
    ),
    "AnnouncementIndexPage:mitra_announcement": PageCase(
        route_url(AnnouncementIndexPage, "mitra_announcement", "announcement"), page_public()
    ),
    "TestimonialIndexPage:index_route": PageCase(
        route_url(TestimonialIndexPage, "index_route"), page_public()
    ),
    "VacancyIndexPage:index_route": PageCase(route_url(VacancyIndexPage, "index_route"), page_public()),
    "VacancyIndexPage:feed": PageCase(route_url(VacancyIndexPage, "feed"), page_public()),
    "VacancyIndexPage:detail": PageCase(route_url(VacancyIndexPage, "detail", "vacancy"), page_public()),
    # a draft is not public, not even to its own Mitra
    "VacancyIndexPage:detail#draft": PageCase(
        route_url(VacancyIndexPage, "detail", "draft_vacancy"), page_public(NOT_FOUND)
    ),
    "MitraIndexPage:index_route": PageCase(
        route_url(MitraIndexPage, "index_route", filters=FORMAL), page_public()
    ),
    "MitraIndexPage:detail": PageCase(
        route_url(MitraIndexPage, "detail", "mitra_profile", filters=FORMAL), page_public()
    ),
    "MitraIndexPage:detail#unverified": PageCase(
        route_url(MitraIndexPage, "detail", "unverified_mitra", filters=FORMAL), page_public(NOT_FOUND)
    ),
    "ServiceIndexPage:index_route": PageCase(route_url(ServiceIndexPage, "index_route"), page_public()),
    "ServiceIndexPage:detail": PageCase(route_url(ServiceIndexPage, "detail", "service"), page_public()),
    "ServiceIndexPage:detail#paused": PageCase(
        route_url(ServiceIndexPage, "detail", "paused_service"), page_public(NOT_FOUND)
    ),
    "ServiceIndexPage:provider": PageCase(
        route_url(ServiceIndexPage, "provider", "personal_user"), page_public()
    ),
    "GuideIndexPage:index": PageCase(route_url(GuideIndexPage, "index"), page_public()),
    # the whole guide as a PDF (slow to render: two actors)
    "GuideIndexPage:pdf": PageCase(route_url(GuideIndexPage, "pdf"), page_public(actors=(ANONYMOUS, ADMIN))),
    "GuidePage": PageCase(page_url(GuidePage), page_public()),
}


# ---------------------------------------------------------------------------------------------
# Lists and exports: who finds the world's objects in them.


@dataclass(frozen=True)
class ListCase:
    url: Callable  # world -> the URL (with its query string)
    secrets: Callable  # world -> strings naming the objects; ``sees`` find the first, ``blind`` none
    sees: tuple
    blind: tuple
    shown: Callable = lambda world: ()  # strings every actor finds (the list is not just empty)
    follow: bool = False


def url_of(name, *args, query=""):
    return lambda world: reverse(name, args=args) + (f"?{query}" if query else "")


def personal_identity(world):
    return [world.personal_profile.user.get_full_name(), world.personal_profile.nik]


def bobotsari_rows(world):
    return [world.bobotsari.name]


def page_of(model, **filters):
    return lambda world: world.page(model, **filters).url


LIST_CASES = {
    # --- Staff: Personal data follow the region (DESIGN §2) -----------------------------------
    "Data Profil Personal": ListCase(
        url_of("personal_profiles:index"), personal_identity, (DESA_IN, ADMIN), (DESA_OUT,)
    ),
    "Verifikasi Akun (antrean)": ListCase(
        url_of("account_verification:queue"),
        personal_identity,
        (DESA_IN, SUPERADMIN),
        (DESA_OUT,),
        follow=True,
    ),
    "Laporan Personal: daftar akun": ListCase(
        url_of("personal_report:accounts"), personal_identity, (KECAMATAN_IN, DINAKER), (KECAMATAN_OUT,)
    ),
    "Laporan Personal: daftar akun CSV": ListCase(
        url_of("personal_report:accounts_export", "csv"),
        personal_identity,
        (KECAMATAN_IN, DINAKER),
        (KECAMATAN_OUT,),
    ),
    "Laporan Personal: daftar akun XLSX": ListCase(
        url_of("personal_report:accounts_export", "xlsx"),
        personal_identity,
        (KECAMATAN_IN, ADMIN),
        (KECAMATAN_OUT,),
    ),
    "Laporan Personal: per desa CSV": ListCase(
        url_of("personal_report:export", "csv"), bobotsari_rows, (KECAMATAN_IN, ADMIN), (KECAMATAN_OUT,)
    ),
    "Laporan Personal XLSX": ListCase(
        url_of("personal_report:export", "xlsx"), bobotsari_rows, (KECAMATAN_IN, ADMIN), (KECAMATAN_OUT,)
    ),
    "Lamaran Belum Direspon": ListCase(
        url_of("admin_unanswered:index"),
        personal_identity,
        (DESA_IN, KECAMATAN_IN, DINAKER),
        (DESA_OUT, KECAMATAN_OUT),
    ),
    "Rating Personal": ListCase(
        url_of("marketplace_personalrating_modeladmin_index"),
        personal_identity,
        (DESA_IN, ADMIN),
        (DESA_OUT,),
    ),
    "Rating Personal (Jasa)": ListCase(
        url_of("marketplace_servicerating_modeladmin_index"),
        lambda world: [world.paused_service.title],
        (DESA_IN, ADMIN),
        (DESA_OUT,),
    ),
    # --- Staff: Mitra data follow the region of users/documents.py -----------------------------
    "Data Profil Mitra": ListCase(
        url_of("mitra_profiles:index"),
        lambda world: [MITRA_NAME],
        (DESA_IN, KECAMATAN_IN, VERIFIKATOR),
        (DESA_OUT, KECAMATAN_OUT),
    ),
    "Laporan Mitra: per kecamatan CSV": ListCase(
        url_of("mitra_report:export", "csv", query="per=kecamatan"),
        bobotsari_rows,
        (KECAMATAN_IN, ADMIN),
        (KECAMATAN_OUT,),
    ),
    "Laporan Mitra XLSX": ListCase(
        url_of("mitra_report:export", "xlsx"), bobotsari_rows, (KECAMATAN_IN, DINAKER), (KECAMATAN_OUT,)
    ),
    # --- Accounts: their own objects only -------------------------------------------------------
    "Pelamar": ListCase(
        url_of("marketplace:applicants"),
        lambda world: [world.personal_profile.user.get_full_name()],
        (MITRA,),
        (OTHER_MITRA,),
    ),
    "List Lowongan (Mitra)": ListCase(
        url_of("marketplace:mitra_vacancies"),
        lambda world: [world.draft_vacancy.title],
        (MITRA,),
        (OTHER_MITRA,),
    ),
    "Lamaran Terkirim": ListCase(
        url_of("marketplace:applications"),
        lambda world: [world.vacancy.title],
        (PERSONAL,),
        (OTHER_PERSONAL,),
    ),
    "Notifikasi Lowongan": ListCase(
        url_of("marketplace:job_alerts"), lambda world: [world.job_alert.name], (PERSONAL,), (OTHER_PERSONAL,)
    ),
    "Pemberitahuan": ListCase(
        url_of("users:notifications"),
        lambda world: [world.notification.title],
        (PERSONAL,),
        (OTHER_PERSONAL, MITRA, ADMIN),
    ),
    "Tawarkan Jasa": ListCase(
        url_of("marketplace:services"),
        lambda world: [world.paused_service.title],
        (PERSONAL,),
        (OTHER_PERSONAL, MITRA),
    ),
    "Permintaan Jasa": ListCase(
        url_of("marketplace:service_requests"),
        lambda world: [world.service_request.message],
        (PERSONAL,),
        (OTHER_PERSONAL, MITRA, OTHER_MITRA),
    ),
    "Gunakan Jasa Terkirim": ListCase(
        url_of("marketplace:service_requests_sent"),
        lambda world: [world.service.title],
        (MITRA,),
        (OTHER_MITRA, OTHER_PERSONAL),
    ),
    "Pengumuman (Mitra)": ListCase(
        url_of("marketplace:mitra_announcements"),
        lambda world: [world.announcement.title],
        (MITRA,),
        (OTHER_MITRA,),
    ),
    # --- Public listings: nothing unpublished, for anyone -------------------------------------
    "Lowongan (publik)": ListCase(
        page_of(VacancyIndexPage),
        lambda world: [world.draft_vacancy.title],
        (),
        (ANONYMOUS, MITRA, ADMIN),
        shown=lambda world: [world.vacancy.title],
    ),
    "Penawaran Jasa (publik)": ListCase(
        page_of(ServiceIndexPage),
        lambda world: [world.paused_service.title],
        (),
        (ANONYMOUS, PERSONAL, ADMIN),
        shown=lambda world: [world.service.title],
    ),
    "Mitra Formal (publik)": ListCase(
        page_of(MitraIndexPage, **FORMAL),
        lambda world: [world.unverified_mitra.name],
        (),
        (ANONYMOUS, MITRA),
        shown=lambda world: [MITRA_NAME],
    ),
}


# ---------------------------------------------------------------------------------------------
# The world: built once for the module (tests/test_url_matrix.py keeps it in one transaction).

PERSONAL_NAME = ("Sutini", "Matriksari")
OTHER_PERSONAL_NAME = ("Paijo", "Luarwilayah")
MITRA_NAME = "CV Bulu Mata Matriks"
OTHER_MITRA_NAME = "PT Jauh Sekali"
UNVERIFIED_MITRA_NAME = "UD Belum Terverifikasi Matriks"


class World(SimpleNamespace):
    def __repr__(self):
        return "World()"  # its objects are many: keep failure reports short

    def page(self, model, **filters):
        page = model.objects.live().filter(**filters).order_by("path").first()
        assert page is not None, f"no live {model.__name__} in the page tree"
        return page


def _verified(profile):
    profile.verification_status = VerificationStatus.TERVERIFIKASI
    profile.save()
    return profile


def _staff(role, username, **scope):
    return save_staff_account(UserFactory(account_type="staff", username=username), role, **scope)


def build_world():
    """Two Personal and two Mitra, one of each in desa A of Bobotsari and one in Bancar
    (Kecamatan Purbalingga); the staff of every role, the Desa and Kecamatan operators once inside
    and once outside that region (desa B of Bobotsari, Kecamatan Purbalingga); and the objects the
    URLs name."""
    bobotsari = Kecamatan.objects.get(name="Bobotsari")
    desa_a, desa_b = bobotsari.desa_set.order_by("name")[:2]
    kecamatan_purbalingga = Kecamatan.objects.get(name="Purbalingga")
    bancar = Desa.objects.get(name="Bancar", kecamatan=kecamatan_purbalingga)
    now = timezone.now()

    personal_profile = complete_personal_profile(
        desa_a, first_name=PERSONAL_NAME[0], last_name=PERSONAL_NAME[1], username="sutini-matriks"
    )
    personal_profile.verification_status = VerificationStatus.DIAJUKAN  # in the verification queue
    personal_profile.submitted_at = now
    personal_profile.save()
    other_personal = complete_personal_profile(
        bancar, first_name=OTHER_PERSONAL_NAME[0], last_name=OTHER_PERSONAL_NAME[1], username="paijo-luar"
    )
    mitra_profile = _verified(complete_mitra_profile(desa_a, username="mitra-matriks"))
    mitra_profile.name = MITRA_NAME
    mitra_profile.save()
    other_mitra = _verified(complete_mitra_profile(bancar, username="mitra-jauh"))
    other_mitra.name = OTHER_MITRA_NAME
    other_mitra.save()
    unverified_mitra = complete_mitra_profile(desa_a, username="mitra-belum")
    unverified_mitra.name = UNVERIFIED_MITRA_NAME
    unverified_mitra.save()

    users = {
        PERSONAL: personal_profile.user,
        OTHER_PERSONAL: other_personal.user,
        MITRA: mitra_profile.user,
        OTHER_MITRA: other_mitra.user,
        DESA_IN: _staff(StaffRole.DESA, "desa-dalam", desa=desa_a),
        DESA_OUT: _staff(StaffRole.DESA, "desa-luar", desa=desa_b),
        KECAMATAN_IN: _staff(StaffRole.KECAMATAN, "kecamatan-dalam", kecamatan=bobotsari),
        KECAMATAN_OUT: _staff(StaffRole.KECAMATAN, "kecamatan-luar", kecamatan=kecamatan_purbalingga),
        VERIFIKATOR: _staff(StaffRole.VERIFIKATOR, "verifikator-matriks"),
        DINAKER: _staff(StaffRole.DINAKER, "dinaker-matriks"),
        ADMIN: _staff(StaffRole.ADMIN, "admin-matriks"),
        SUPERADMIN: _staff(StaffRole.SUPER_ADMIN, "superadmin-matriks"),
    }

    # Vacancies and applications: a Terkirim application ten days old (Lamaran Belum Direspon) and a
    # decided one both sides rated (public ratings).
    vacancy = VacancyFactory(mitra=mitra_profile, title="Operator Matriks Bulu Mata")
    draft_vacancy = VacancyFactory(mitra=mitra_profile, title="Draf Rahasia Matriks", draft=True)
    VacancyFactory(mitra=other_mitra, title="Lowongan Mitra Jauh")
    application = ApplicationFactory(vacancy=vacancy, personal=personal_profile)
    Application.objects.filter(pk=application.pk).update(created_at=now - datetime.timedelta(days=10))
    decided_vacancy = VacancyFactory(mitra=mitra_profile, title="Penjahit Matriks")
    decided_application = ApplicationFactory(
        vacancy=decided_vacancy, personal=personal_profile, status=ApplicationStatus.DITERIMA
    )
    rating_fields = {"stars": 4, "editable_until": now - datetime.timedelta(days=1), "revealed_at": now}
    mitra_rating = MitraRating.objects.create(
        application=decided_application, mitra=mitra_profile, personal=personal_profile, **rating_fields
    )
    personal_rating = PersonalRating.objects.create(
        application=decided_application, personal=personal_profile, mitra=mitra_profile, **rating_fields
    )

    # Services: the Personal provides; the Mitra asked for one (Dikirim) and used it once (Selesai).
    service = ServiceFactory(provider=personal_profile.user, title="Jasa Jahit Matriks")
    paused_service = ServiceFactory(provider=personal_profile.user, title="Jasa Dijeda Matriks")
    moderation.pause_service(paused_service, users[SUPERADMIN], "Foto tidak sesuai.")
    service_request = ServiceRequestFactory(
        service=service, requester=mitra_profile.user, message="Permintaan rahasia Matriks"
    )
    finished_request = ServiceRequestFactory(
        service=paused_service, requester=mitra_profile.user, status=ServiceRequestStatus.SELESAI
    )
    service_rating = ServiceRating.objects.create(
        service_request=finished_request,
        direction=ServiceRatingDirection.OF_PROVIDER,
        service=paused_service,
        rater=mitra_profile.user,
        ratee=personal_profile.user,
        **rating_fields,
    )

    # A finished background export of Laporan Personal, asked for by the Kecamatan operator.
    export_token = new_token()
    report_tasks.export_personal_accounts(users[KECAMATAN_IN].pk, {}, "csv", export_token)
    # A finished background PDF of the vacancy's applicant list, asked for by its Mitra.
    applicants_pdf_token = new_token()
    printing_tasks.print_applicant_list(users[MITRA].pk, vacancy.pk, applicants_pdf_token)

    announcement_index = AnnouncementIndexPage.objects.live().first()
    if not AnnouncementPage.objects.live().exists():
        AnnouncementPageFactory(parent=announcement_index, title="Bursa Kerja Matriks")
    background_job = BackgroundJob.objects.create(
        func="portal.mail.deliver_email", status=BackgroundJob.Status.FAILED, attempts=3, last_error="Gagal"
    )
    document = get_document_model().objects.create(
        title="Brosur Matriks", file=ContentFile(b"%PDF-1.4 brosur", name="brosur.pdf")
    )
    return World(
        users=users,
        personal_profile=personal_profile,
        personal_user=personal_profile.user,
        other_personal_profile=other_personal,
        education=personal_profile.educations.get(),
        mitra_profile=mitra_profile,
        other_mitra_profile=other_mitra,
        unverified_mitra=unverified_mitra,
        mitra_document=mitra_profile.documents.get(),
        vacancy=vacancy,
        draft_vacancy=draft_vacancy,
        application=application,
        decided_application=decided_application,
        mitra_rating=mitra_rating,
        personal_rating=personal_rating,
        service=service,
        paused_service=paused_service,
        service_request=service_request,
        finished_request=finished_request,
        service_rating=service_rating,
        notification=notifications.notify(
            personal_profile.user, "uji.matriks", "Pemberitahuan Rahasia Matriks", url="/akun/lamaran/"
        ),
        job_alert=JobAlert.objects.create(
            personal=personal_profile, name="Cari Jahit Matriks", query="q=jahit"
        ),
        announcement=MitraAnnouncement.objects.create(
            mitra=mitra_profile, title="Pengumuman Matriks", body="Rekrutmen bulan depan."
        ),
        testimonial=Testimonial.objects.create(
            author=personal_profile.user, text="Sangat membantu.", stars=5
        ),
        whatsapp_message=WhatsAppMessage.objects.create(
            to="6281200000000", body="Pesan gagal", status="failed", attempts=4, error="HTTP 500"
        ),
        managed_staff=users[DESA_OUT],
        background_job=background_job,
        export_token=export_token,
        applicants_pdf_token=applicants_pdf_token,
        document=document,
        home=HomePage.objects.live().first(),
        desa_a=desa_a,
        bobotsari=bobotsari,
    )
