"""The admin menu matrix of guide §7.1, end to end (issue 8), driven by users/roles.py.

For each of the six staff roles and each ``AdminMenu`` entry: the sidebar of GET /app/v1/admin/
shows the entry exactly when ``MENU_ROLES`` says so, and every URL of the entry's screens answers
200 to those roles and a plain 403 (never a redirect) to the others. A second test pins what else
each role sees in the sidebar (Wagtail's own entries). Then the region scope of the Desa and
Kecamatan operators on the screens that show Personal data, checked once on one dataset.

The per-screen files go deeper on each screen (tests/test_profile_admin.py, test_reports.py,
test_dashboard.py, test_admin_applications.py, test_admin_vacancies.py, test_admin_services.py,
test_broadcasts.py, test_send_whatsapp_admin.py, test_staff_accounts.py); the actions of a screen
that are not governed by the menu alone (take down, pause, retry, decide) are tested there.

Wagtail's own screens in the matrix (snippets, redirects, settings, the outbox) answer 403 too:
portal.admin_access.RefusingViewSetMixin and refusing_urlpatterns.
"""

import csv
import datetime
import io
import json
import re
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from marketplace.factories import ApplicationFactory, VacancyFactory
from marketplace.models import Application
from users.choices import StaffRole, VerificationStatus
from users.factories import UserFactory, complete_mitra_profile, complete_personal_profile
from users.roles import MENU_ROLES, AdminMenu, menus_for
from users.staff import install_role_groups, save_staff_account

pytestmark = pytest.mark.django_db

DASHBOARD_URL = reverse("wagtailadmin_home")
LOGIN_URL = reverse("wagtailadmin_login")


# ---------------------------------------------------------------------------------------------
# The sidebar, read back from the JSON props Wagtail renders into every admin page


@dataclass(frozen=True)
class Entry:
    parent: str  # name of the submenu holding the entry ("" at the top level, "account")
    name: str
    label: str
    url: str  # "" for a submenu


def _unpack(value, refs):
    """Undo telepath's packing (``_type``/``_args``, shared values as ``_val``/``_id`` + ``_ref``)."""
    if isinstance(value, list):
        return [_unpack(item, refs) for item in value]
    if not isinstance(value, dict):
        return value
    if "_ref" in value:
        return refs[value["_ref"]]
    if "_val" in value:
        result = value["_val"]
    elif "_type" in value:
        result = {"type": value["_type"], "args": _unpack(value.get("_args", []), refs)}
    elif "_list" in value:
        result = _unpack(value["_list"], refs)
    elif "_dict" in value:
        result = {key: _unpack(item, refs) for key, item in value["_dict"].items()}
    else:
        result = {key: _unpack(item, refs) for key, item in value.items()}
    if "_id" in value:
        refs[value["_id"]] = result
    return result


def _entries(items, parent):
    for item in items:
        props = item["args"][0]
        yield Entry(parent, props["name"], str(props["label"]), props.get("url", ""))
        if item["type"] == "wagtail.sidebar.SubMenuItem":
            yield from _entries(item["args"][1], props["name"])


@dataclass(frozen=True)
class Sidebar:
    entries: tuple
    has_search: bool

    @property
    def urls(self):
        return {entry.url for entry in self.entries if entry.url}

    def top_labels(self):
        return [entry.label for entry in self.entries if entry.parent == ""]

    def labels_under(self, parent):
        return [entry.label for entry in self.entries if entry.parent == parent]


def read_sidebar(response):
    assert response.status_code == 200, response.status_code
    match = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        response.content.decode(),
        re.S,
    )
    assert match, "sidebar props not found"
    modules = _unpack(json.loads(match.group(1))["modules"], {})
    main = next(module for module in modules if module["type"] == "wagtail.sidebar.MainMenuModule")
    menu_items, account_items = main["args"][0], main["args"][1]
    return Sidebar(
        entries=(*_entries(menu_items, ""), *_entries(account_items, "account")),
        has_search=any(module["type"] == "wagtail.sidebar.SearchModule" for module in modules),
    )


# ---------------------------------------------------------------------------------------------
# The matrix: every AdminMenu entry with its sidebar links and the URLs of its screens


def modeladmin_index(app_label, model):
    return reverse(f"{app_label}_{model}_modeladmin_index")


def snippet_index(model):
    return reverse(f"wagtailsnippets_pages_{model}:list")


MASTER_DATA_LINKS = [
    modeladmin_index("users", "kecamatan"),
    modeladmin_index("users", "desa"),
    modeladmin_index("users", "bidangusaha"),
    modeladmin_index("users", "pendidikan"),
    modeladmin_index("marketplace", "tipepekerjaan"),
    modeladmin_index("marketplace", "kategorilowongan"),
    modeladmin_index("marketplace", "kategorijasa"),
    snippet_index("faq"),
    snippet_index("faqcategory"),
    snippet_index("link"),
]
COMMUNICATION_LINKS = [
    reverse("testimonial_moderation:index"),
    reverse("admin_announcements:index"),
    reverse("admin_notification_broadcasts:index"),
    reverse("admin_whatsapp_broadcasts:index"),
]
SETTINGS_LINKS = [
    reverse("wagtailusers_users:index"),
    reverse("wagtailredirects:index"),
    reverse("kotak-keluar-whatsapp:index"),
    reverse("tugas-latar-belakang:index"),
    reverse("wagtailsettings:edit", args=["portal", "sitesettings"]),
    reverse("portal_gateway_status"),
]


@dataclass(frozen=True)
class Screen:
    links: list  # URLs the sidebar shows for the menu
    pages: object = None  # world -> the URLs to GET (default: the links)

    def urls(self, world):
        return self.pages(world) if self.pages else self.links


MATRIX = {
    AdminMenu.DASHBOARD: Screen([DASHBOARD_URL]),
    AdminMenu.PERSONAL_REPORT: Screen(
        [reverse("personal_report:index")],
        lambda world: [
            reverse("personal_report:index"),
            reverse("personal_report:export", args=["csv"]),
            reverse("personal_report:export", args=["xlsx"]),
            reverse("personal_report:accounts"),
            reverse("personal_report:accounts_export", args=["csv"]),
        ],
    ),
    AdminMenu.MITRA_REPORT: Screen(
        [reverse("mitra_report:index")],
        lambda world: [reverse("mitra_report:index"), reverse("mitra_report:export", args=["csv"])],
    ),
    AdminMenu.PERSONAL_PROFILES: Screen(
        [reverse("personal_profiles:index")],
        lambda world: [
            reverse("personal_profiles:index"),
            reverse("personal_profiles:detail", args=[world["ani"].pk]),
        ],
    ),
    AdminMenu.MITRA_PROFILES: Screen(
        [reverse("mitra_profiles:index")],
        lambda world: [
            reverse("mitra_profiles:index"),
            reverse("mitra_profiles:detail", args=[world["mitra"].pk]),
        ],
    ),
    AdminMenu.VACANCIES: Screen([reverse("admin_vacancies:index")]),
    AdminMenu.UNANSWERED_APPLICATIONS: Screen([reverse("admin_unanswered:index")]),
    AdminMenu.SERVICES: Screen([reverse("admin_services:index")]),
    AdminMenu.COMMUNICATIONS: Screen(
        COMMUNICATION_LINKS,
        lambda world: [
            *COMMUNICATION_LINKS,
            reverse("admin_notification_broadcasts:compose"),
            reverse("admin_whatsapp_broadcasts:compose"),
        ],
    ),
    AdminMenu.MITRA_RATINGS: Screen([modeladmin_index("marketplace", "mitrarating")]),
    AdminMenu.PERSONAL_RATINGS: Screen([modeladmin_index("marketplace", "personalrating")]),
    AdminMenu.SERVICE_RATINGS: Screen([modeladmin_index("marketplace", "servicerating")]),
    AdminMenu.MASTER_DATA: Screen(MASTER_DATA_LINKS),
    AdminMenu.SETTINGS: Screen(
        SETTINGS_LINKS,
        lambda world: [
            *SETTINGS_LINKS[:4],
            reverse("wagtailusers_users:add"),
            reverse("portal_gateway_status"),
            # the sidebar link redirects to the default site's settings; this is the page itself
            reverse("wagtailsettings:edit", args=["portal", "sitesettings", world["site"].pk]),
        ],
    ),
}

# Wagtail's built-in sidebar entries (parent, name) outside the §7.1 matrix, per role, as they are
# today. Neutral entries (account menu, Help, the staff "Pemberitahuan Saya" inbox) are not listed.
# Super Admin and Admin are the CMS editors (users.roles.CMS_EDITOR_ROLES): pages, images, documents
# and Wagtail's page reports; Super Admin, a Django superuser, also gets Wagtail's own settings.
CMS_EDITOR_ENTRIES = [
    ("", "explorer"),  # Halaman
    ("", "images"),  # Gambar
    ("", "documents"),  # Dokumen
    ("", "reports"),  # Reports
    ("reports", "workflows"),
    ("reports", "workflow-tasks"),
    ("reports", "site-history"),
    ("reports", "aging-pages"),
    ("reports", "page-types-usage"),
]
WAGTAIL_ENTRIES = {
    StaffRole.SUPER_ADMIN: sorted(
        [
            *CMS_EDITOR_ENTRIES,
            ("reports", "locked-pages"),
            ("settings", "workflows"),
            ("settings", "workflow-tasks"),
            ("settings", "groups"),
            ("settings", "sites"),
            ("settings", "collections"),
            ("settings", "log-akses-data"),  # staff access to personal data: Super Admin only
        ]
    ),
    StaffRole.ADMIN: sorted(CMS_EDITOR_ENTRIES),
    StaffRole.DINAKER: [],
    StaffRole.KECAMATAN: [],
    StaffRole.VERIFIKATOR: [],
    StaffRole.DESA: [],
}
NEUTRAL_PARENTS = {"account", "help"}
NEUTRAL_NAMES = {"help", "pemberitahuan"}  # "pemberitahuan": the staff member's own inbox


# ---------------------------------------------------------------------------------------------
# Data


@pytest.fixture(autouse=True)
def role_groups(db):
    install_role_groups()


@pytest.fixture
def world(desa_a):
    """What the screens' detail URLs need: a Personal and a Mitra in the Desa operator's desa."""
    mitra = complete_mitra_profile(desa_a)
    mitra.verification_status = VerificationStatus.TERVERIFIKASI
    mitra.save()
    return {
        "ani": complete_personal_profile(desa_a, first_name="Ani", last_name="Desaku", username="ani-desaku"),
        "mitra": mitra,
        "site": Site.objects.get(is_default_site=True),
    }


def staff(role, desa):
    """A staff account of ``role``; Kecamatan and Desa operators work in ``desa`` / its kecamatan."""
    scope = {}
    if role == StaffRole.KECAMATAN:
        scope["kecamatan"] = desa.kecamatan
    elif role == StaffRole.DESA:
        scope["desa"] = desa
    return save_staff_account(UserFactory(account_type="staff", username=f"staf-{role}"), role, **scope)


# ---------------------------------------------------------------------------------------------
# The matrix, role × menu

ROLE_MENU = [
    pytest.param(role, menu, id=f"{role.value}-{menu.value}") for role in StaffRole for menu in AdminMenu
]


def test_every_menu_has_its_screens_in_the_matrix():
    assert set(MATRIX) == set(AdminMenu)


@pytest.mark.parametrize(("role", "menu"), ROLE_MENU)
def test_menu_entry_shown_and_urls_answer_by_the_matrix(client, world, desa_a, role, menu):
    allowed = role in MENU_ROLES[menu]
    client.force_login(staff(role, desa_a))
    sidebar = read_sidebar(client.get(DASHBOARD_URL))

    shown = "shown" if allowed else "hidden"
    assert (str(menu.label) in sidebar.top_labels()) is allowed, f"{role.label}: {menu.label} not {shown}"
    screen = MATRIX[menu]
    for url in screen.links:
        assert (url in sidebar.urls) is allowed, f"{role.label}: {menu.label} link {url} not {shown}"
    expected = 200 if allowed else 403
    for url in screen.urls(world):
        status = client.get(url).status_code
        assert status == expected, f"{role.label}: {menu.label} {url} answered {status}, not {expected}"


@pytest.mark.parametrize("role", list(StaffRole), ids=[role.value for role in StaffRole])
def test_no_sidebar_entry_outside_the_matrix_but_wagtails_own(client, world, desa_a, role):
    client.force_login(staff(role, desa_a))
    sidebar = read_sidebar(client.get(DASHBOARD_URL))
    menus = menus_for(role)
    matrix_links = {url for menu in menus for url in MATRIX[menu].links}
    menu_labels = {str(menu.label) for menu in menus}
    extras = sorted(
        (entry.parent, entry.name)
        for entry in sidebar.entries
        if entry.parent not in NEUTRAL_PARENTS
        and entry.name not in NEUTRAL_NAMES
        and entry.url not in matrix_links
        and not (entry.parent == "" and entry.label in menu_labels)  # a §7.1 submenu itself
    )
    assert extras == WAGTAIL_ENTRIES[role], f"{role.label} sees {extras}"
    # Search covers pages, images and documents: only the CMS editors have something to search.
    assert sidebar.has_search is (role in (StaffRole.SUPER_ADMIN, StaffRole.ADMIN))
    assert [entry.name for entry in sidebar.entries if entry.parent == "account"] == ["account", "logout"]


@pytest.mark.parametrize("role", list(StaffRole), ids=[role.value for role in StaffRole])
def test_top_level_entries_follow_the_guide_order(client, world, desa_a, role):
    client.force_login(staff(role, desa_a))
    sidebar = read_sidebar(client.get(DASHBOARD_URL))
    guide_labels = [str(menu.label) for menu in menus_for(role)]
    assert [label for label in sidebar.top_labels() if label in guide_labels] == guide_labels


@pytest.mark.parametrize("role", list(StaffRole), ids=[role.value for role in StaffRole])
def test_communications_submenu_has_testimoni_pengumuman_and_pemberitahuan(client, world, desa_a, role):
    client.force_login(staff(role, desa_a))
    sidebar = read_sidebar(client.get(DASHBOARD_URL))
    assert sidebar.labels_under(AdminMenu.COMMUNICATIONS.value) == [
        "Testimoni",
        "Pengumuman",
        "Pemberitahuan",
        "Kirim Pesan",
    ]


# Guide §7.1 "Master Data (FAQ, Link, Wilayah, dll.)" and issue 8's list, in the sidebar's order.
MASTER_DATA_LABELS = [
    "Wilayah: Kecamatan",
    "Wilayah: Desa/Kelurahan",
    "Bidang Usaha",
    "Pendidikan",
    "Tipe Pekerjaan",
    "Kategori Lowongan",
    "Kategori Jasa",
    "FAQ",
    "Kategori FAQ",
    "Link",
]


@pytest.mark.parametrize("role", [StaffRole.SUPER_ADMIN, StaffRole.ADMIN], ids=["superadmin", "admin"])
def test_master_data_submenu_uses_the_guides_names(client, desa_a, role):
    client.force_login(staff(role, desa_a))
    sidebar = read_sidebar(client.get(DASHBOARD_URL))
    assert sidebar.labels_under(AdminMenu.MASTER_DATA.value) == MASTER_DATA_LABELS


def test_anonymous_visitor_is_sent_to_the_login_from_every_screen(client, world):
    for menu, screen in MATRIX.items():
        for url in screen.urls(world):
            response = client.get(url)
            assert response.status_code == 302, f"{menu.label}: {url} answered {response.status_code}"
            assert response["Location"].startswith(LOGIN_URL), f"{menu.label}: {url}"


# ---------------------------------------------------------------------------------------------
# Scope: the Desa operator (desa A) and the Kecamatan operator (Bobotsari) see only their Personal
# data; Admin (every region) shows the data are there. One dataset for all the screens:
# Ani in desa A, Budi in desa B (both Bobotsari), Cahyo in Bancar (Purbalingga); each applied ten
# days ago (Terkirim) to a vacancy of a Mitra in desa A.

PEOPLE = {"ani": ("Ani", "Desaku"), "budi": ("Budi", "Tetangga"), "cahyo": ("Cahyo", "Jauh")}
VISIBLE = {
    StaffRole.DESA: {"ani"},
    StaffRole.KECAMATAN: {"ani", "budi"},
    StaffRole.ADMIN: {"ani", "budi", "cahyo"},
}


@pytest.fixture
def people(world, desa_b, bancar):
    profiles = {"ani": world["ani"]}
    for key, desa in (("budi", desa_b), ("cahyo", bancar)):
        first, last = PEOPLE[key]
        profiles[key] = complete_personal_profile(
            desa, first_name=first, last_name=last, username=f"{key}-{last.lower()}"
        )
    vacancy = VacancyFactory(mitra=world["mitra"], title="Operator Jahit")
    for profile in profiles.values():
        application = ApplicationFactory(vacancy=vacancy, personal=profile)
        Application.objects.filter(pk=application.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=10)
        )
    return profiles


def full_names(html):
    return {key for key, (first, last) in PEOPLE.items() if f"{first} {last}" in html}


def read_csv(response):
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def dashboard_total(html, label):
    match = re.search(rf'<span class="kn-dash-number">([\d.]+)</span> <span>{label}</span>', html)
    assert match, f"no {label} total on the Dasbor"
    return int(match.group(1).replace(".", ""))


def personal_list(client, people):
    return full_names(client.get(reverse("personal_profiles:index")).content.decode())


def personal_details(client, people):
    """The keys of the profiles whose detail opens (the others must answer 404)."""
    opened = set()
    for key, profile in people.items():
        status = client.get(reverse("personal_profiles:detail", args=[profile.pk])).status_code
        assert status in (200, 404), f"detail of {key}: {status}"
        if status == 200:
            opened.add(key)
    return opened


def report_accounts(client, people):
    return full_names(client.get(reverse("personal_report:accounts")).content.decode())


def report_accounts_csv(client, people):
    rows = read_csv(client.get(reverse("personal_report:accounts_export", args=["csv"])))
    assert rows[0][:2] == ["Nama", "Username"]
    usernames = {row[1] for row in rows[1:]}
    return {key for key, profile in people.items() if profile.user.username in usernames}


def report_per_desa_csv(client, people):
    """Laporan Personal per desa: the people counted in a desa row (whose figures add up to "Jumlah")."""
    rows = read_csv(client.get(reverse("personal_report:export", args=["csv"])))
    body, total = rows[1:-1], rows[-1]
    assert total[0] == "Jumlah"
    registered = {(row[0], row[1]): int(row[2]) for row in body}
    assert int(total[2]) == sum(registered.values())
    return {key for key, p in people.items() if registered.get((p.kecamatan.name, p.desa.name))}


def dashboard_counts(client, people):
    """The Dasbor's Personal and Lamaran totals, as the number of visible people."""
    html = client.get(DASHBOARD_URL).content.decode()
    count = dashboard_total(html, "Personal")
    assert dashboard_total(html, "Lamaran") == count  # one application each
    return count


def unanswered(client, people):
    return full_names(client.get(reverse("admin_unanswered:index")).content.decode())


SCOPE_SCREENS = {
    # tests/test_profile_admin.py test_desa_operator_sees_only_the_personal_of_its_desa goes further
    # (search by NIK, decisions refused with 404, the scoped "menunggu verifikasi" count)
    "Data Profil Personal (daftar)": (AdminMenu.PERSONAL_PROFILES, personal_list),
    "Data Profil Personal (detail)": (AdminMenu.PERSONAL_PROFILES, personal_details),
    # tests/test_reports.py test_kecamatan_operator_sees_only_its_kecamatan checks the figures and a
    # widened ?kecamatan= filter; test_background_export_keeps_the_requesters_scope large exports
    "Laporan Personal (daftar akun)": (AdminMenu.PERSONAL_REPORT, report_accounts),
    "Laporan Personal (daftar akun, CSV)": (AdminMenu.PERSONAL_REPORT, report_accounts_csv),
    "Laporan Personal (per desa, CSV)": (AdminMenu.PERSONAL_REPORT, report_per_desa_csv),
    # tests/test_dashboard.py checks every total and chart per role on a larger dataset
    "Dasbor": (AdminMenu.DASHBOARD, dashboard_counts),
    # tests/test_admin_applications.py also checks that reminders outside the region are not sent
    "Lamaran Belum Direspon": (AdminMenu.UNANSWERED_APPLICATIONS, unanswered),
}
SCOPE_CASES = [
    pytest.param(role, screen, id=f"{role.value}-{screen}")
    for role in VISIBLE
    for screen, (menu, _read) in SCOPE_SCREENS.items()
    if role in MENU_ROLES[menu]
]


@pytest.mark.parametrize(("role", "screen"), SCOPE_CASES)
def test_operators_see_only_the_personal_data_of_their_region(client, people, desa_a, role, screen):
    _menu, read = SCOPE_SCREENS[screen]
    client.force_login(staff(role, desa_a))
    seen = read(client, people)
    expected = len(VISIBLE[role]) if screen == "Dasbor" else VISIBLE[role]
    assert seen == expected, f"{role.label} on {screen}: {seen}"
