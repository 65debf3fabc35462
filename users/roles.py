"""Staff roles as data: the admin menu matrix of guide §7.1, written once.

Both the group setup (`users.staff.install_role_groups`) and the tests read this module; views and
menus never hard-code a role. A staff role is a Wagtail group named by `GROUP_NAMES` whose model
permissions are the union of `MENU_PERMISSIONS` over the menus the role sees (`MENU_ROLES`).

Permission specs are "app_label.codename", or "app_label.*_model" for every permission of that
model (add/change/delete/view plus publish, lock or custom ones). Specs whose permission or model
does not exist yet are skipped when the groups are installed, so the menus of later steps list their
permissions here ahead of time: once the model (or its `Meta.permissions` entry) exists, re-running
`load_initial_data` grants it. To gate a new admin view, add its permission to the menu it belongs
to — nothing else changes.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from users.choices import AccountType, StaffRole

SUPER_ADMIN = StaffRole.SUPER_ADMIN
ADMIN = StaffRole.ADMIN
DINAKER = StaffRole.DINAKER
KECAMATAN = StaffRole.KECAMATAN
VERIFIKATOR = StaffRole.VERIFIKATOR
DESA = StaffRole.DESA

ALL_ROLES = tuple(StaffRole)

# Group names are identifiers stored in the database: plain strings, never translated.
GROUP_NAMES = {
    SUPER_ADMIN: "Super Admin",
    ADMIN: "Admin",
    DINAKER: "Dinaker",
    KECAMATAN: "Kecamatan",
    VERIFIKATOR: "Verifikator",
    DESA: "Desa",
}


class AdminMenu(models.TextChoices):
    """The admin menu entries of guide §7.1, in the guide's order and with its names."""

    DASHBOARD = "dasbor", _("Dasbor")
    PERSONAL_REPORT = "laporan-personal", _("Laporan Personal")
    MITRA_REPORT = "laporan-mitra", _("Laporan Mitra")
    PERSONAL_PROFILES = "data-profil-personal", _("Data Profil Personal")
    MITRA_PROFILES = "data-profil-mitra", _("Data Profil Mitra")
    VACANCIES = "list-lowongan", _("List Lowongan")
    UNANSWERED_APPLICATIONS = "lamaran-belum-direspon", _("Lamaran Belum Direspon")
    SERVICES = "list-penawaran-jasa", _("List Penawaran Jasa")
    COMMUNICATIONS = "testimoni-pengumuman-pemberitahuan", _("Testimoni, Pengumuman, Pemberitahuan")
    MITRA_RATINGS = "rating-mitra", _("Rating Mitra")
    PERSONAL_RATINGS = "rating-personal", _("Rating Personal")
    SERVICE_RATINGS = "rating-personal-jasa", _("Rating Personal (Jasa)")
    MASTER_DATA = "master-data", _("Master Data")
    SETTINGS = "pengaturan", _("Pengaturan")


# Guide §7.1, row by row. The guide's single "Rating Mitra, Personal, Personal (Jasa)" row is split
# by its footnote: Dinaker, Kecamatan and Verifikator see Rating Mitra only; Rating Personal and
# Rating Personal (Jasa) are for Super Admin, Admin and Desa.
MENU_ROLES = {
    AdminMenu.DASHBOARD: ALL_ROLES,
    AdminMenu.PERSONAL_REPORT: (SUPER_ADMIN, ADMIN, DINAKER, KECAMATAN),
    AdminMenu.MITRA_REPORT: (SUPER_ADMIN, ADMIN, DINAKER, KECAMATAN),
    AdminMenu.PERSONAL_PROFILES: (SUPER_ADMIN, ADMIN, DESA),
    AdminMenu.MITRA_PROFILES: ALL_ROLES,
    AdminMenu.VACANCIES: ALL_ROLES,
    AdminMenu.UNANSWERED_APPLICATIONS: ALL_ROLES,
    AdminMenu.SERVICES: (SUPER_ADMIN, ADMIN),
    AdminMenu.COMMUNICATIONS: ALL_ROLES,
    AdminMenu.MITRA_RATINGS: ALL_ROLES,
    AdminMenu.PERSONAL_RATINGS: (SUPER_ADMIN, ADMIN, DESA),
    AdminMenu.SERVICE_RATINGS: (SUPER_ADMIN, ADMIN, DESA),
    AdminMenu.MASTER_DATA: (SUPER_ADMIN, ADMIN),
    AdminMenu.SETTINGS: (SUPER_ADMIN, ADMIN),
}

# The permissions behind each menu. A permission must belong to one menu only (a test checks it):
# (who may *decide* on a verification is a rule of users/verification.py, not a permission)
# reports carry their own permissions so that seeing "Laporan Personal" does not open
# "Data Profil Personal". Specs of models that arrive in later steps are skipped until they exist.
MENU_PERMISSIONS = {
    AdminMenu.DASHBOARD: ("wagtailadmin.access_admin",),
    AdminMenu.PERSONAL_REPORT: ("users.view_personal_report",),
    AdminMenu.MITRA_REPORT: ("users.view_mitra_report",),
    AdminMenu.PERSONAL_PROFILES: (
        "users.view_personalprofile",
        "users.change_personalprofile",
    ),
    AdminMenu.MITRA_PROFILES: (
        "users.view_mitraprofile",
        "users.change_mitraprofile",
    ),
    AdminMenu.VACANCIES: ("marketplace.view_vacancy", "marketplace.change_vacancy"),
    AdminMenu.UNANSWERED_APPLICATIONS: ("marketplace.view_application",),
    AdminMenu.SERVICES: ("marketplace.view_service", "marketplace.change_service"),
    AdminMenu.COMMUNICATIONS: (
        "marketplace.*_testimonial",
        "marketplace.*_mitraannouncement",
        "users.*_notification",
    ),
    AdminMenu.MITRA_RATINGS: ("marketplace.*_mitrarating",),
    AdminMenu.PERSONAL_RATINGS: ("marketplace.*_personalrating",),
    AdminMenu.SERVICE_RATINGS: ("marketplace.*_servicerating",),
    AdminMenu.MASTER_DATA: (
        "users.*_kecamatan",
        "users.*_desa",
        "users.*_bidangusaha",
        "users.*_pendidikan",
        "marketplace.*_tipepekerjaan",
        "marketplace.*_kategorilowongan",
        "marketplace.*_kategorijasa",
        "pages.*_faq",
        "pages.*_faqcategory",
        "pages.*_link",
    ),
    AdminMenu.SETTINGS: (
        # Pengaturan → Pengguna (staff accounts; who may manage whom is MANAGEABLE_ROLES)
        "users.add_user",
        "users.change_user",
        "users.delete_user",
        "users.view_user",
        # Pengaturan → aplikasi
        "portal.change_sitesettings",
        "portal.view_whatsappmessage",
        "portal.view_backgroundjob",  # Tugas Latar Belakang (failed jobs, Coba Lagi)
        "wagtailredirects.*_redirect",
    ),
}

# CMS editing (pages, images, documents) for the communications editors, granted on the root page
# and the root collection. Wagtail stores these per page / per collection, not as group permissions.
CMS_EDITOR_ROLES = (SUPER_ADMIN, ADMIN)
ROOT_PAGE_PERMISSIONS = ("wagtailcore.add_page", "wagtailcore.change_page", "wagtailcore.publish_page")
ROOT_COLLECTION_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.delete_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
    "wagtaildocs.choose_document",
)

# Who creates and edits which staff accounts in Pengaturan → Pengguna (guide §1.1 and §2.4).
MANAGEABLE_ROLES = {
    SUPER_ADMIN: ALL_ROLES,
    ADMIN: (DINAKER, KECAMATAN, VERIFIKATOR, DESA),
}

# "Log Akses Data" (Pengaturan; users/audit.py, docs/privacy.md): who opened which personal profile,
# private document or export of personal data. It is not a §7.1 menu and no role group is granted it:
# the audit log is read by Super Admin only (whose accounts are superusers), never by those it logs.
AUDIT_LOG_ROLES = (SUPER_ADMIN,)

# The region a role is bound to; the other roles see every region.
SCOPE_FIELDS = {KECAMATAN: "scope_kecamatan", DESA: "scope_desa"}


def menus_for(role):
    """The admin menus a role sees, in the guide's order."""
    return [menu for menu in AdminMenu if role in MENU_ROLES[menu]]


def roles_for(menu):
    """The roles that see an admin menu, in the guide's column order."""
    return [role for role in ALL_ROLES if role in MENU_ROLES[menu]]


def permission_specs_for(role):
    """Every model-permission spec a role's group carries (see the module docstring)."""
    return sorted({spec for menu in menus_for(role) for spec in MENU_PERMISSIONS[menu]})


def page_permission_specs_for(role):
    return ROOT_PAGE_PERMISSIONS if role in CMS_EDITOR_ROLES else ()


def collection_permission_specs_for(role):
    return ROOT_COLLECTION_PERMISSIONS if role in CMS_EDITOR_ROLES else ()


def group_name(role):
    return GROUP_NAMES[StaffRole(role)]


def role_of(user):
    """The staff role of an account, or None. Every superuser is a Super Admin (also one made by
    `createsuperuser`, which knows nothing of account types)."""
    if getattr(user, "is_superuser", False):
        return SUPER_ADMIN
    if getattr(user, "account_type", None) == AccountType.STAFF and user.role in StaffRole.values:
        return StaffRole(user.role)
    return None


def manageable_roles(role):
    """The staff roles a user with `role` may create and edit accounts of."""
    return MANAGEABLE_ROLES.get(role, ())


def requires_scope(role):
    """The User field naming the region a role is bound to ("" when it sees every region)."""
    return SCOPE_FIELDS.get(role, "")
