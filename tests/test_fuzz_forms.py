"""Form fuzzing with Hypothesis over every public form (everything a visitor, a Personal or a Mitra
can submit): whatever is posted, the answer is never a server error (the test client re-raises the
view's exception, so a failure shows its traceback) and the markers of a script injection never come
back unescaped, neither on the answer nor on the page a successful POST redirects to.

How an example is built: every field of the form (read from the form class, so the table stays in
sync with the forms) starts from a *plausible* value (a valid choice, a number in range, a marker
text for free text), then Hypothesis picks some fields to replace by hostile input: arbitrary
unicode (NUL included, surrogates excluded since HTTP cannot carry them), 10k-character strings,
numbers as odd strings, dates in odd formats, SQL-ish strings, the two script markers, emoji and
right-to-left text, a missing field, several values for one field, or random bytes uploaded under a
random file name. Shrinking therefore ends on the fewest hostile fields that still fail.

Each example runs in a savepoint that is rolled back, with a fresh client logged in again, so the
examples are independent; the accounts and objects named by the URLs are built once per test.
Throttling (django-ratelimit, django-axes) is switched off here: this module checks robustness, the
throttles have their own tests (tests/test_login.py, tests/test_password_reset.py, ...).

The generation is derandomized so CI is reproducible; ``FUZZ_RANDOM=1`` explores new inputs and
``FUZZ_EXAMPLES=n`` changes the number of examples per form.
"""

import datetime
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlsplit

import pytest
from django import forms
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# Whole modules too, for the check that every public form class is in the table.
import marketplace.forms as marketplace_forms
import marketplace.forms_community as marketplace_forms_community
import marketplace.forms_ratings as marketplace_forms_ratings
import marketplace.forms_service_search as marketplace_forms_service_search
import marketplace.forms_services as marketplace_forms_services
import users.forms as users_forms
import users.forms_contact as users_forms_contact
import users.forms_mitra as users_forms_mitra
import users.forms_notifications as users_forms_notifications
import users.forms_personal as users_forms_personal
import users.forms_privacy as users_forms_privacy
import users.forms_regions as users_forms_regions
from marketplace.choices import ApplicationStatus, ServiceRequestStatus
from marketplace.factories import ApplicationFactory, ServiceFactory, ServiceRequestFactory, VacancyFactory
from marketplace.forms import (
    ApplicantFilterForm,
    ApplicationStatusForm,
    ExtendForm,
    VacancyForm,
    VacancySearchForm,
)
from marketplace.forms_community import MitraAnnouncementForm, TestimonialForm
from marketplace.forms_ratings import RatingForm, RatingReportForm
from marketplace.forms_service_search import ServiceSearchForm
from marketplace.forms_services import RejectForm, RequestStatusFilterForm, ServiceForm, ServiceRequestForm
from marketplace.models import JobAlert, MitraAnnouncement, MitraRating
from pages.models import MitraIndexPage, ServiceIndexPage, VacancyIndexPage
from users.choices import AccountType, VerificationStatus
from users.factories import (
    DEFAULT_PASSWORD,
    PersonalFactory,
    complete_mitra_profile,
    complete_personal_profile,
)
from users.forms import (
    AccountPasswordChangeForm,
    AccountPasswordResetForm,
    AccountSetPasswordForm,
    LoginForm,
    MitraRegistrationForm,
    OTPForm,
    PersonalRegistrationForm,
)
from users.forms_contact import ContactChangeForm
from users.forms_mitra import DocumentUploadForm, MitraProfileForm
from users.forms_notifications import NotificationPreferencesForm
from users.forms_personal import (
    DataPersonalForm,
    EducationForm,
    OrganisationForm,
    SkillForm,
    WorkExperienceForm,
)
from users.forms_privacy import DeleteAccountForm
from users.models import Kecamatan

SCRIPT_MARKER = '<script>alert("x")</script>'
IMG_MARKER = '"><img src=x onerror=alert(1)>'
# What must never appear raw in a page (escaped, ``&lt;script&gt;`` and ``&gt;``, is fine).
RAW_MARKERS = (SCRIPT_MARKER, "onerror=alert(1)>")

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "15"))
FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("FUZZ_RANDOM"),
    database=None,  # no .hypothesis/ directory in the work tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

ANONYMOUS, PERSONAL, NEWCOMER, MITRA = "anonymous", "personal", "newcomer", "mitra"


# ---------------------------------------------------------------------------------------------
# Hostile input


@dataclass(frozen=True)
class Upload:
    """A file to upload (kept as plain data so that a shrunk example reads well)."""

    name: str
    content: bytes

    def as_file(self):
        return SimpleUploadedFile(self.name, self.content)


# A tiny valid PNG (1×1), so that an image field may also be satisfied.
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)

unicode_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
long_text = st.builds(lambda char, size: char * size, st.sampled_from("aZ9<é😀\x00"), st.just(10_000))
number_text = st.one_of(
    st.sampled_from(
        ["-1", "0", "-0", "1e309", "-1e309", "NaN", "inf", "-Infinity", "1.5", "0x1F", "٣", "²", "1_000"]
    ),
    st.integers().map(str),
    st.integers(min_value=10**18, max_value=10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
date_text = st.sampled_from(
    [
        "2024-02-30",
        "31/12/2024",
        "12/31/2024",
        "0000-00-00",
        "0001-01-01",
        "9999-12-31",
        "10000-01-01",
        "-2024-01-01",
        "2024-13-01",
        "2024-01-01T25:61",
        "1-1-1",
        "٢٠٢٤-٠١-٠١",
        "2024\u201001\u201001",
        "tomorrow",
    ]
)
sql_text = st.sampled_from(
    ["' OR '1'='1", "1; DROP TABLE users_user;--", "%", "_%_", "\\", "' UNION SELECT NULL--", "$$", "\x00"]
)
marker_text = st.sampled_from([SCRIPT_MARKER, IMG_MARKER, SCRIPT_MARKER + IMG_MARKER])
odd_text = st.sampled_from(
    ["😀👩‍👩‍👧‍👦🇮🇩", "\u202egnp.exe", "مرحبا بالعالم", "שלום", "\u200b", "\ufeff", "a\x00b", "\r\n", " "]
)
safe_name = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters='"\\/'),
    min_size=1,
    max_size=20,
)
upload = st.builds(
    Upload,
    name=st.builds(
        lambda stem, ext: stem + ext,
        safe_name,
        st.sampled_from(
            [".png", ".jpg", ".jpeg", ".PDF", ".pdf", ".svg", ".html", ".php", ".exe", ".tar.gz", ""]
        ),
    ),
    content=st.one_of(st.binary(max_size=2048), st.just(PNG_1X1), st.just(b"%PDF-1.4\n")),
)
scalar_fuzz = st.one_of(unicode_text, long_text, number_text, date_text, sql_text, marker_text, odd_text)
MISSING = object()  # the field is left out of the request
field_fuzz = st.one_of(
    scalar_fuzz,
    st.just(MISSING),
    st.lists(scalar_fuzz, min_size=2, max_size=3),  # one field sent several times
    upload,
)


# ---------------------------------------------------------------------------------------------
# Plausible input, from the form field's type


NAMED_VALUES = {
    # Fields whose free text has a format: a valid value makes the rest of the form reachable.
    "phone": ["081234567890"],
    "contact_phone": ["081234567890"],
    "nik": ["3303015005980001"],
    "username": ["fuzz_pengguna"],
    "email": ["fuzz.pengguna@contoh.id"],
    "password": [DEFAULT_PASSWORD],
    "old_password": [DEFAULT_PASSWORD],
    "password1": ["Fuzz#Sandi2026"],
    "password2": ["Fuzz#Sandi2026"],
    "new_password1": ["Fuzz#Sandi2026"],
    "new_password2": ["Fuzz#Sandi2026"],
    "code": ["123456"],
    "submission_key": ["7f1f3bde-8f0e-4a8e-9d43-2b8f3f3c7a11"],
}


def _choice_values(choices):
    for value, label in choices:
        if isinstance(label, (list, tuple)):  # an optgroup
            yield from _choice_values(label)
        elif value not in ("", None):
            yield str(getattr(value, "value", value))


def plausible(name, form_field, overrides):
    """A strategy of values that pass this field's own validation most of the time."""
    if name in overrides:
        return st.sampled_from(overrides[name])
    if name in NAMED_VALUES:
        return st.sampled_from(NAMED_VALUES[name])
    if isinstance(form_field, forms.FileField):
        return st.one_of(
            st.just(Upload("foto.png", PNG_1X1)), st.just(Upload("dokumen.pdf", b"%PDF-1.4\n%%EOF\n"))
        )
    if isinstance(form_field, forms.ModelChoiceField):
        key = form_field.to_field_name or "pk"
        values = [str(value) for value in form_field.queryset.values_list(key, flat=True)[:25]]
        if not values:
            return st.just(MISSING)
        if isinstance(form_field, forms.ModelMultipleChoiceField):
            return st.lists(st.sampled_from(values), min_size=1, max_size=3, unique=True)
        return st.sampled_from(values)
    if isinstance(form_field, forms.ChoiceField):
        values = list(_choice_values(form_field.choices))
        if not values:
            return st.just(MISSING)
        if isinstance(form_field, forms.MultipleChoiceField):
            return st.lists(st.sampled_from(values), min_size=1, max_size=3, unique=True)
        return st.sampled_from(values)
    if isinstance(form_field, forms.BooleanField):
        return st.sampled_from(["on", MISSING])
    if isinstance(form_field, forms.DateField):
        today = timezone.localdate()
        return st.sampled_from(
            [(today + datetime.timedelta(days=days)).isoformat() for days in (0, 10, 45)] + ["2000-01-01"]
        )
    if isinstance(form_field, (forms.IntegerField, forms.DecimalField, forms.FloatField)):
        low = int(form_field.min_value) if form_field.min_value is not None else 0
        high = int(form_field.max_value) if form_field.max_value is not None else max(low, 10_000_000)
        return st.integers(min_value=low, max_value=high).map(str)
    if isinstance(form_field, forms.EmailField):
        return st.just("fuzz.pengguna@contoh.id")
    if isinstance(form_field, forms.UUIDField):
        return st.uuids().map(str)
    return st.one_of(marker_text, st.just("Teks biasa yang cukup panjang untuk deskripsi."))


def payload_strategy(plausible_fields, extra_fields):
    """Plausible values for every field, then some of them replaced by hostile input."""
    names = sorted(plausible_fields) + sorted(extra_fields)
    base = st.fixed_dictionaries({**plausible_fields, **extra_fields})

    @st.composite
    def build(draw):
        values = draw(base)
        hostile = draw(st.lists(st.sampled_from(names), unique=True, max_size=len(names))) if names else []
        for name in hostile:
            values[name] = draw(field_fuzz, label=name)
        return {name: value for name, value in values.items() if value is not MISSING}

    return build()


def as_request_data(payload):
    def convert(value):
        if isinstance(value, Upload):
            return value.as_file()
        if isinstance(value, list):
            return [convert(item) for item in value]
        return value

    return {name: convert(value) for name, value in payload.items()}


# ---------------------------------------------------------------------------------------------
# The accounts and objects the URLs name, built on first use within a test


class World:
    @cached_property
    def desa(self):
        return Kecamatan.objects.get(name="Bobotsari").desa_set.order_by("name").first()

    @cached_property
    def personal_profile(self):
        return complete_personal_profile(self.desa, username="fuzz-personal")

    @cached_property
    def newcomer(self):
        """A Personal fresh from Daftar: email and phone not verified yet."""
        return PersonalFactory(username="fuzz-baru", email_verified_at=None, phone_verified_at=None)

    @cached_property
    def mitra_profile(self):
        profile = complete_mitra_profile(self.desa, username="fuzz-mitra")
        profile.verification_status = VerificationStatus.TERVERIFIKASI
        profile.save()
        return profile

    def user(self, actor):
        return {
            PERSONAL: lambda: self.personal_profile.user,
            NEWCOMER: lambda: self.newcomer,
            MITRA: lambda: self.mitra_profile.user,
        }[actor]()

    @cached_property
    def vacancy(self):
        return VacancyFactory(mitra=self.mitra_profile, title="Operator Fuzz")

    @cached_property
    def application(self):
        return ApplicationFactory(vacancy=self.vacancy, personal=self.personal_profile)

    @cached_property
    def decided_application(self):
        vacancy = VacancyFactory(mitra=self.mitra_profile, title="Penjahit Fuzz")
        return ApplicationFactory(
            vacancy=vacancy, personal=self.personal_profile, status=ApplicationStatus.DITERIMA
        )

    @cached_property
    def public_mitra_rating(self):
        now = timezone.now()
        application = self.decided_application
        return MitraRating.objects.create(
            application=application,
            mitra=self.mitra_profile,
            personal=self.personal_profile,
            stars=4,
            comment="Tempat kerja nyaman.",
            editable_until=now - datetime.timedelta(days=1),
            revealed_at=now,
        )

    @cached_property
    def service(self):
        return ServiceFactory(provider=self.personal_profile.user, title="Jasa Jahit Fuzz")

    @cached_property
    def service_request(self):
        return ServiceRequestFactory(service=self.service, requester=self.mitra_profile.user)

    @cached_property
    def finished_request(self):
        service = ServiceFactory(provider=self.personal_profile.user, title="Jasa Selesai Fuzz")
        return ServiceRequestFactory(
            service=service, requester=self.mitra_profile.user, status=ServiceRequestStatus.SELESAI
        )

    @cached_property
    def job_alert(self):
        return JobAlert.objects.create(personal=self.personal_profile, name="Cari Jahit", query="q=jahit")

    @cached_property
    def announcement(self):
        return MitraAnnouncement.objects.create(mitra=self.mitra_profile, title="Pengumuman", body="Isi.")

    def page_url(self, model, **filters):
        return model.objects.live().filter(**filters).order_by("path").first().url


# ---------------------------------------------------------------------------------------------
# The table of public forms


def no_kwargs(world):
    return {}


@dataclass(frozen=True)
class FormSpec:
    id: str
    url_name: str
    actor: str
    # The form class, instantiated (unbound) as the view does: its fields are the ones fuzzed.
    form: Callable | None = None
    url_kwargs: Callable = no_kwargs
    method: str = "post"
    # Names the view reads straight from request.POST / request.GET, with their plausible values.
    extra: dict = field(default_factory=dict)
    # world -> {field name: [plausible values]} for values that depend on the world.
    values: Callable = lambda world: {}
    prefix: Callable = lambda world: None  # world -> the form's prefix, when the view sets one
    # (client, world) -> the URL to fuzz, for a form behind a first step (password reset link).
    prepare: Callable | None = None
    url: Callable | None = None  # world -> the URL, for pages outside reverse() (Wagtail pages)

    def fields(self, world):
        if self.form is None:
            return {}
        form = self.form(world)
        form.prefix = self.prefix(world)
        return {form.add_prefix(name): (name, form_field) for name, form_field in form.fields.items()}


def pk(attribute):
    return lambda world: {"pk": getattr(world, attribute).pk}


def entry(section):
    return lambda world: {"section": section}


def reset_link(client, world):
    """Follow a real reset link: Django keeps the token in the session and sends to set-password."""
    user = world.personal_profile.user
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    response = client.get(reverse("users:password_reset_confirm", kwargs={"uidb64": uidb64, "token": token}))
    assert response.status_code == 302, "the reset link no longer opens the Ganti Password form"
    return response.url


def login_values(world):
    user = world.personal_profile.user
    return {"username": [user.username, user.email, world.mitra_profile.user.username]}


NEXT = {"next": ["", "/akun/lamaran/", "https://jahat.example/", "//jahat.example"]}
PAGE = {"halaman": ["1", "2", "terakhir", "last"]}

SPECS = [
    # --- Accounts: registration, login, password (visitors) ---------------------------------------
    FormSpec("daftar", "users:register", ANONYMOUS, lambda w: PersonalRegistrationForm()),
    FormSpec("daftar-mitra", "users:register_mitra", ANONYMOUS, lambda w: MitraRegistrationForm()),
    FormSpec(
        "login",
        "users:login",
        ANONYMOUS,
        lambda w: LoginForm(None, AccountType.PERSONAL),
        extra=NEXT,
        values=login_values,
    ),
    FormSpec(
        "login-mitra",
        "users:login_mitra",
        ANONYMOUS,
        lambda w: LoginForm(None, AccountType.MITRA),
        extra=NEXT,
        values=login_values,
    ),
    FormSpec(
        "lupa-kata-sandi",
        "users:password_reset",
        ANONYMOUS,
        lambda w: AccountPasswordResetForm(),
        values=lambda w: {"email": [w.personal_profile.user.email]},
    ),
    FormSpec(
        "lupa-kata-sandi-mitra",
        "users:password_reset_mitra",
        ANONYMOUS,
        lambda w: AccountPasswordResetForm(),
        values=lambda w: {"email": [w.mitra_profile.user.email]},
    ),
    FormSpec(
        "reset-kata-sandi",
        "users:password_reset_confirm",
        ANONYMOUS,
        lambda w: AccountSetPasswordForm(w.personal_profile.user),
        prepare=reset_link,
    ),
    # --- Signed in: verification, password, privacy -------------------------------------------------
    FormSpec("kirim-ulang-verifikasi", "users:resend_verification", NEWCOMER, extra=NEXT),
    FormSpec("kirim-otp", "users:send_phone_code", NEWCOMER),
    FormSpec("verifikasi-otp", "users:verify_phone", NEWCOMER, lambda w: OTPForm()),
    FormSpec("ajukan-verifikasi", "users:submit_verification", PERSONAL),
    FormSpec(
        "ganti-password",
        "users:password_change",
        PERSONAL,
        lambda w: AccountPasswordChangeForm(w.user(PERSONAL)),
    ),
    FormSpec(
        "ganti-password-mitra",
        "users:password_change",
        MITRA,
        lambda w: AccountPasswordChangeForm(w.user(MITRA)),
    ),
    FormSpec(
        "ubah-email-nomor-hp",
        "users:contact_change",
        PERSONAL,
        lambda w: ContactChangeForm(w.user(PERSONAL)),
    ),
    FormSpec("hapus-akun", "users:delete_account", PERSONAL, lambda w: DeleteAccountForm(w.user(PERSONAL))),
    FormSpec("hapus-akun-mitra", "users:delete_account", MITRA, lambda w: DeleteAccountForm(w.user(MITRA))),
    FormSpec("unduh-data-saya", "users:my_data", PERSONAL),
    FormSpec(
        "pemberitahuan",
        "users:notifications",
        PERSONAL,
        lambda w: NotificationPreferencesForm(instance=w.user(PERSONAL)),
    ),
    # --- Profil Saya (Personal) ---------------------------------------------------------------------
    FormSpec(
        "data-personal",
        "users:personal_data",
        PERSONAL,
        lambda w: DataPersonalForm(instance=w.personal_profile),
    ),
    FormSpec(
        "tambah-pengalaman",
        "users:personal_entry_add",
        PERSONAL,
        lambda w: WorkExperienceForm(profile=w.personal_profile),
        entry("pengalaman"),
    ),
    FormSpec(
        "tambah-pendidikan",
        "users:personal_entry_add",
        PERSONAL,
        lambda w: EducationForm(profile=w.personal_profile),
        entry("pendidikan"),
    ),
    FormSpec(
        "ubah-pendidikan",
        "users:personal_entry_edit",
        PERSONAL,
        lambda w: EducationForm(profile=w.personal_profile),
        lambda w: {"section": "pendidikan", "pk": w.personal_profile.educations.get().pk},
    ),
    FormSpec(
        "tambah-keterampilan",
        "users:personal_entry_add",
        PERSONAL,
        lambda w: SkillForm(profile=w.personal_profile),
        entry("keterampilan"),
    ),
    FormSpec(
        "tambah-organisasi",
        "users:personal_entry_add",
        PERSONAL,
        lambda w: OrganisationForm(profile=w.personal_profile),
        entry("organisasi"),
    ),
    FormSpec(
        "pengalaman-tidak-ada",
        "users:personal_section_none",
        PERSONAL,
        url_kwargs=entry("pengalaman"),
        extra={"none": ["on", "off"]},
    ),
    # --- Profil Mitra -------------------------------------------------------------------------------
    FormSpec(
        "profil-mitra", "users:mitra_profile", MITRA, lambda w: MitraProfileForm(instance=w.mitra_profile)
    ),
    FormSpec("dokumen-mitra", "users:mitra_documents", MITRA, lambda w: DocumentUploadForm()),
    # --- Lowongan (Mitra) ---------------------------------------------------------------------------
    FormSpec(
        "memposting-lowongan",
        "marketplace:vacancy_create",
        MITRA,
        lambda w: VacancyForm(),
        extra={"aksi": ["", "posting", "ubah"]},  # Konfirmasi, Posting, Ubah
    ),
    FormSpec("ubah-lowongan", "marketplace:vacancy_edit", MITRA, lambda w: VacancyForm(), pk("vacancy")),
    FormSpec(
        "perpanjang-lowongan", "marketplace:vacancy_extend", MITRA, lambda w: ExtendForm(), pk("vacancy")
    ),
    FormSpec(
        "status-lamaran",
        "marketplace:application_status",
        MITRA,
        lambda w: ApplicationStatusForm(),
        pk("application"),
        extra=NEXT,
        prefix=lambda w: f"lamaran-{w.application.pk}",
    ),
    FormSpec(
        "status-lamaran-massal",
        "marketplace:applicants_bulk_status",
        MITRA,
        lambda w: ApplicationStatusForm(),
        extra={"lamaran": lambda w: [[str(w.application.pk)], [str(w.application.pk), "999999"]], **NEXT},
        prefix=lambda w: "massal",
    ),
    FormSpec(
        "filter-pelamar",
        "marketplace:applicants",
        MITRA,
        lambda w: ApplicantFilterForm(mitra=w.mitra_profile),
        method="get",
        extra=PAGE,
    ),
    # --- Lowongan (Personal) ------------------------------------------------------------------------
    FormSpec("lamar-sekarang", "marketplace:apply", PERSONAL, url_kwargs=pk("vacancy"), extra=NEXT),
    FormSpec(
        "simpan-lowongan",
        "marketplace:vacancy_save",
        PERSONAL,
        url_kwargs=pk("vacancy"),
        extra={"aksi": ["", "hapus"], **NEXT},
    ),
    FormSpec(
        "notifikasi-lowongan-simpan",
        "marketplace:job_alert_create",
        PERSONAL,
        extra={
            "query": ["q=jahit", "q=jahit&kecamatan=1", ""],
            "by_email": ["on", MISSING],
            "by_whatsapp": ["on", MISSING],
            **NEXT,
        },
    ),
    FormSpec(
        "notifikasi-lowongan-ubah",
        "marketplace:job_alert_update",
        PERSONAL,
        url_kwargs=pk("job_alert"),
        extra={"by_email": ["on", MISSING], "by_whatsapp": ["on", MISSING]},
    ),
    # --- Jasa ---------------------------------------------------------------------------------------
    FormSpec("tawarkan-jasa", "marketplace:service_create", PERSONAL, lambda w: ServiceForm()),
    FormSpec("tawarkan-jasa-mitra", "marketplace:service_create", MITRA, lambda w: ServiceForm()),
    FormSpec(
        "ubah-jasa",
        "marketplace:service_edit",
        PERSONAL,
        lambda w: ServiceForm(instance=w.service),
        pk("service"),
    ),
    FormSpec(
        "gunakan-jasa",
        "marketplace:service_request_create",
        MITRA,
        lambda w: ServiceRequestForm(user=w.user(MITRA)),
        pk("service"),
        extra={"aksi": ["", "kirim", "ubah"]},  # Konfirmasi, Gunakan Jasa, Ubah
    ),
    FormSpec(
        "tolak-permintaan-jasa",
        "marketplace:service_request_reject",
        PERSONAL,
        lambda w: RejectForm(),
        pk("service_request"),
        extra=NEXT,
    ),
    FormSpec(
        "filter-permintaan-jasa",
        "marketplace:service_requests",
        PERSONAL,
        lambda w: RequestStatusFilterForm(),
        method="get",
        extra={"jasa": ["", "1"], **PAGE},
    ),
    FormSpec(
        "simpan-jasa",
        "marketplace:service_save",
        MITRA,
        url_kwargs=pk("service"),
        extra={"aksi": ["", "hapus"], **NEXT},
    ),
    # --- Rating, Laporkan Ulasan, Testimoni, Pengumuman --------------------------------------------
    FormSpec(
        "rating-lamaran",
        "marketplace:rate_application",
        PERSONAL,
        lambda w: RatingForm(),
        pk("decided_application"),
        extra=NEXT,
    ),
    FormSpec(
        "rating-jasa",
        "marketplace:rate_service_request",
        MITRA,
        lambda w: RatingForm(),
        pk("finished_request"),
        extra=NEXT,
    ),
    FormSpec(
        "laporkan-ulasan",
        "marketplace:report_rating",
        MITRA,
        lambda w: RatingReportForm(),
        lambda w: {"kind": "mitra", "pk": w.public_mitra_rating.pk},
        extra=NEXT,
    ),
    FormSpec("testimoni", "marketplace:testimonial", PERSONAL, lambda w: TestimonialForm()),
    FormSpec("testimoni-mitra", "marketplace:testimonial", MITRA, lambda w: TestimonialForm()),
    FormSpec(
        "buat-pengumuman",
        "marketplace:announcement_create",
        MITRA,
        lambda w: MitraAnnouncementForm(mitra=w.mitra_profile),
    ),
    FormSpec(
        "ubah-pengumuman",
        "marketplace:announcement_edit",
        MITRA,
        lambda w: MitraAnnouncementForm(instance=w.announcement, mitra=w.mitra_profile),
        pk("announcement"),
    ),
    # --- Public search and filter forms (GET) -------------------------------------------------------
    FormSpec(
        "cari-lowongan",
        "",
        ANONYMOUS,
        lambda w: VacancySearchForm(),
        method="get",
        extra=PAGE,
        url=lambda w: w.page_url(VacancyIndexPage),
    ),
    FormSpec(
        "cari-jasa",
        "",
        ANONYMOUS,
        lambda w: ServiceSearchForm(),
        method="get",
        extra=PAGE,
        url=lambda w: w.page_url(ServiceIndexPage),
    ),
    FormSpec(
        "daftar-mitra-formal",
        "",
        ANONYMOUS,
        method="get",
        extra={
            "q": ["", "CV", SCRIPT_MARKER],
            "kecamatan": ["", *[str(k) for k in range(1, 25)]],
            **PAGE,
        },
        url=lambda w: w.page_url(MitraIndexPage, category=MitraIndexPage.Category.FORMAL),
    ),
    FormSpec(
        "cari-situs",
        "search",
        ANONYMOUS,
        method="get",
        extra={"q": ["lowongan", SCRIPT_MARKER], **PAGE},
    ),
]


# ---------------------------------------------------------------------------------------------
# Running one example


@pytest.fixture(autouse=True)
def _no_throttling(settings):
    """Fuzzing checks robustness, not throttling (tested in its own modules)."""
    settings.RATELIMIT_ENABLE = False
    settings.AXES_ENABLED = False


@pytest.fixture
def world(db):
    return World()


@dataclass
class Prepared:
    url: str
    strategy: st.SearchStrategy


def prepare(spec, world):
    """The URL and the payload strategy of ``spec``, built once per test and outside the examples'
    savepoints: every object the form, its URL and its values name is created here, so it outlives
    the rollback of each example."""
    if spec.actor != ANONYMOUS:
        world.user(spec.actor)
    overrides = spec.values(world)
    plausible_fields = {
        data_name: plausible(name, form_field, overrides)
        for data_name, (name, form_field) in spec.fields(world).items()
    }
    extra_fields = {
        name: st.sampled_from(values(world) if callable(values) else values)
        for name, values in spec.extra.items()
    }
    if spec.url is not None:
        url = spec.url(world)
    elif spec.prepare is None:
        url = reverse(spec.url_name, kwargs=spec.url_kwargs(world))
    else:
        url = ""
    return Prepared(url, payload_strategy(plausible_fields, extra_fields))


def body_of(response):
    if getattr(response, "streaming", False):
        content = b"".join(response.streaming_content)
    else:
        content = response.content
    content_type = response.get("Content-Type", "")
    if not ("html" in content_type or "text" in content_type or "json" in content_type):
        return ""
    return content.decode("utf-8", errors="replace")


def assert_robust(response, where):
    assert response.status_code < 500, f"{where}: HTTP {response.status_code}"
    body = body_of(response)
    for marker in RAW_MARKERS:
        assert marker not in body, f"{where}: unescaped {marker!r} in the page"


def submit(spec, world, client, url, payload, run_jobs):
    """Send ``payload`` as the form would, then open the page a successful POST redirects to."""
    data = as_request_data(payload)
    with run_jobs(execute=True):  # emails and messages enqueued after commit run now
        response = client.get(url, data) if spec.method == "get" else client.post(url, data)
    assert_robust(response, f"{spec.method.upper()} {url}")
    if response.status_code in (301, 302, 303) and spec.method == "post":
        target = urlsplit(response["Location"])
        if not target.netloc and target.path.startswith("/"):
            follow = client.get(response["Location"])
            assert_robust(follow, f"GET {response['Location']} after POST {url}")
    return response


def run_example(spec, world, prepared, payload, run_jobs):
    with transaction.atomic():
        cache.clear()
        client = Client(raise_request_exception=True)
        if spec.actor != ANONYMOUS:
            client.force_login(world.user(spec.actor))
        url = spec.prepare(client, world) if spec.prepare else prepared.url
        submit(spec, world, client, url, payload, run_jobs)
        transaction.set_rollback(True)


@pytest.mark.parametrize("spec", SPECS, ids=[spec.id for spec in SPECS])
@FUZZ_SETTINGS
@given(data=st.data())
def test_public_form_survives_hostile_input(spec, world, django_capture_on_commit_callbacks, data):
    prepared = world.__dict__.setdefault(f"prepared:{spec.id}", None) or prepare(spec, world)
    world.__dict__[f"prepared:{spec.id}"] = prepared
    payload = data.draw(prepared.strategy, label="payload")
    run_example(spec, world, prepared, payload, django_capture_on_commit_callbacks)


# Form classes of the public form modules that are no page's form of their own.
NOT_A_PAGE_FORM = {
    "RegistrationForm": "base of Daftar and Daftar Mitra",
    "ProfileEntryForm": "base of the Profil Saya section forms",
    "PeriodForm": "base of Pengalaman Kerja and Organisasi",
    "RegionForm": "mixin of Data Personal and Profil Mitra",
}
FORM_MODULES = (
    users_forms,
    users_forms_mitra,
    users_forms_notifications,
    users_forms_personal,
    users_forms_contact,
    users_forms_privacy,
    users_forms_regions,
    marketplace_forms,
    marketplace_forms_community,
    marketplace_forms_ratings,
    marketplace_forms_service_search,
    marketplace_forms_services,
)


def test_every_public_form_class_is_fuzzed(world):
    """A form added to a public form module fails here until it gets a row in SPECS."""
    defined = {
        name
        for module in FORM_MODULES
        for name, value in vars(module).items()
        if isinstance(value, type)
        and issubclass(value, forms.BaseForm)
        and value.__module__ == module.__name__
    }
    fuzzed = {type(spec.form(world)).__name__ for spec in SPECS if spec.form is not None}
    assert defined - fuzzed - set(NOT_A_PAGE_FORM) == set()
    assert len({spec.id for spec in SPECS}) == len(SPECS)


# ---------------------------------------------------------------------------------------------
# Regressions: the minimal failing inputs Hypothesis found (shrunk). Each fails until its bug is fixed.


def signed_in_client(user):
    client = Client(raise_request_exception=True)
    client.force_login(user)
    return client


@pytest.mark.parametrize("next_value", ["0", ":"])
def test_redirect_back_with_a_bare_word_as_next_is_not_a_server_error(world, next_value):
    """marketplace/views/common.py redirect_back(): ``redirect("0")`` takes the word for a URL name
    (NoReverseMatch → 500). Seen on Simpan lowongan/jasa, Tolak, Pelamar ubah status (massal),
    Notifikasi Lowongan simpan and the rating forms."""
    vacancy = world.vacancy
    client = signed_in_client(world.personal_profile.user)
    response = client.post(
        reverse("marketplace:vacancy_save", kwargs={"pk": vacancy.pk}), {"next": next_value}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("marketplace:saved_vacancies")


@pytest.mark.parametrize("next_value", ["0", ":"])
def test_resend_verification_with_a_bare_word_as_next_is_not_a_server_error(world, next_value):
    """users/views/registration.py resend_verification(): ``redirect(request.POST.get("next"))``."""
    client = signed_in_client(world.newcomer)
    response = client.post(reverse("users:resend_verification"), {"next": next_value})
    assert response.status_code == 302


def test_resend_verification_never_redirects_to_another_site(world):
    """The same line follows any ``next``, another site's address included (an open redirect)."""
    client = signed_in_client(world.newcomer)
    response = client.post(reverse("users:resend_verification"), {"next": "https://jahat.example/"})
    assert urlsplit(response["Location"]).netloc in ("", "testserver")


def test_login_with_a_bare_word_as_next_is_not_a_server_error(world):
    """users/views/login.py login_view(): ``redirect(next_url)`` after a successful login."""
    user = world.personal_profile.user
    client = Client(raise_request_exception=True)
    response = client.post(
        reverse("users:login"), {"username": user.username, "password": DEFAULT_PASSWORD, "next": "0"}
    )
    assert response.status_code == 302
