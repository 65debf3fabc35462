"""The admin menu matrix of guide §7.1 (users/roles.py) and the role groups built from it."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from users import roles
from users.choices import StaffRole
from users.staff import PermissionIndex, install_role_groups

# Guide §7.1, copied from the guide; columns: Super Admin, Admin, Dinaker, Kecamatan, Verifikator,
# Desa. The footnote splits the rating row: "✓*" of Dinaker, Kecamatan and Verifikator means
# Rating Mitra only; Rating Personal and Personal (Jasa) are for Super Admin, Admin and Desa.
GUIDE_MATRIX = """
Dasbor                                  ✓ ✓ ✓ ✓ ✓ ✓
Laporan Personal                        ✓ ✓ ✓ ✓ - -
Laporan Mitra                           ✓ ✓ ✓ ✓ - -
Data Profil Personal                    ✓ ✓ - - - ✓
Data Profil Mitra                       ✓ ✓ ✓ ✓ ✓ ✓
List Lowongan                           ✓ ✓ ✓ ✓ ✓ ✓
Lamaran Belum Direspon                  ✓ ✓ ✓ ✓ ✓ ✓
List Penawaran Jasa                     ✓ ✓ - - - -
Testimoni, Pengumuman, Pemberitahuan    ✓ ✓ ✓ ✓ ✓ ✓
Rating Mitra                            ✓ ✓ ✓ ✓ ✓ ✓
Rating Personal                         ✓ ✓ - - - ✓
Rating Personal (Jasa)                  ✓ ✓ - - - ✓
Master Data                             ✓ ✓ - - - -
Pengaturan                              ✓ ✓ - - - -
"""
COLUMNS = ["Super Admin", "Admin", "Dinaker", "Kecamatan", "Verifikator", "Desa"]


def guide_rows():
    rows = []
    for line in GUIDE_MATRIX.strip().splitlines():
        words = line.split()
        name, marks = " ".join(words[:-6]), words[-6:]
        rows.append((name, [column for column, mark in zip(COLUMNS, marks, strict=True) if mark == "✓"]))
    return rows


def test_menus_are_the_guide_rows_in_the_guide_order():
    assert [str(menu.label) for menu in roles.AdminMenu] == [name for name, _ in guide_rows()]


@pytest.mark.parametrize(("menu_name", "expected_roles"), guide_rows())
def test_each_menu_is_seen_by_the_roles_of_the_guide(menu_name, expected_roles):
    menu = next(menu for menu in roles.AdminMenu if str(menu.label) == menu_name)
    assert [str(role.label) for role in roles.roles_for(menu)] == expected_roles


def test_menus_for_a_role_read_the_columns_of_the_guide():
    assert [str(menu.label) for menu in roles.menus_for(StaffRole.VERIFIKATOR)] == [
        "Dasbor",
        "Data Profil Mitra",
        "List Lowongan",
        "Lamaran Belum Direspon",
        "Testimoni, Pengumuman, Pemberitahuan",
        "Rating Mitra",
    ]
    for column, role in zip(COLUMNS, roles.ALL_ROLES, strict=True):
        assert roles.GROUP_NAMES[role] == column
        assert [str(m.label) for m in roles.menus_for(role)] == [
            name for name, seen_by in guide_rows() if column in seen_by
        ]


def test_every_menu_maps_to_permissions_and_no_permission_opens_two_menus():
    owners = {}
    for menu in roles.AdminMenu:
        assert roles.MENU_PERMISSIONS[menu], menu
        for spec in roles.MENU_PERMISSIONS[menu]:
            assert spec not in owners, f"{spec} is in {owners.get(spec)} and {menu}"
            owners[spec] = menu


@pytest.mark.django_db
def test_permissions_of_existing_models_are_spelt_right():
    index = PermissionIndex()
    for menu in roles.AdminMenu:
        assert index.missing(roles.MENU_PERMISSIONS[menu]) == [], menu
    assert index.missing(roles.ROOT_PAGE_PERMISSIONS + roles.ROOT_COLLECTION_PERMISSIONS) == []
    assert index.missing(["marketplace.view_nothing"]) == ["marketplace.view_nothing"]


def test_who_manages_whom():
    assert roles.manageable_roles(StaffRole.SUPER_ADMIN) == tuple(StaffRole)
    assert set(roles.manageable_roles(StaffRole.ADMIN)) == {"dinaker", "kecamatan", "verifikator", "desa"}
    for role in ("dinaker", "kecamatan", "verifikator", "desa"):
        assert roles.manageable_roles(StaffRole(role)) == ()


# Role groups ---------------------------------------------------------------------------------

# Expected permissions on the models that exist today (models of later steps add their own).
MASTER_DATA = {
    f"{app}.{action}_{model}"
    for app, model in [
        ("users", "kecamatan"),
        ("users", "desa"),
        ("users", "bidangusaha"),
        ("users", "pendidikan"),
        ("pages", "faq"),
        ("pages", "faqcategory"),
        ("pages", "link"),
    ]
    for action in ("add", "change", "delete", "view")
} | {"pages.publish_faq"}
SETTINGS = {
    "users.add_user",
    "users.change_user",
    "users.delete_user",
    "users.view_user",
    "portal.change_sitesettings",
    "portal.view_whatsappmessage",
    "wagtailredirects.add_redirect",
    "wagtailredirects.change_redirect",
    "wagtailredirects.delete_redirect",
    "wagtailredirects.view_redirect",
}
EVERY_ROLE = {"wagtailadmin.access_admin", "users.view_mitraprofile", "users.change_mitraprofile"}
PERSONAL_PROFILES = {"users.view_personalprofile", "users.change_personalprofile"}
REPORTS = {"users.view_personal_report", "users.view_mitra_report"}
EXPECTED_GROUPS = {
    "Super Admin": EVERY_ROLE | REPORTS | PERSONAL_PROFILES | MASTER_DATA | SETTINGS,
    "Admin": EVERY_ROLE | REPORTS | PERSONAL_PROFILES | MASTER_DATA | SETTINGS,
    "Dinaker": EVERY_ROLE | REPORTS,
    "Kecamatan": EVERY_ROLE | REPORTS,
    "Verifikator": EVERY_ROLE,
    "Desa": EVERY_ROLE | PERSONAL_PROFILES,
}
TODAYS_MODELS = {
    ("wagtailadmin", "admin"),
    ("users", "user"),
    ("users", "kecamatan"),
    ("users", "desa"),
    ("users", "bidangusaha"),
    ("users", "mitraprofile"),
    ("users", "personalprofile"),
    ("users", "pendidikan"),
    ("pages", "faq"),
    ("pages", "faqcategory"),
    ("pages", "link"),
    ("portal", "sitesettings"),
    ("portal", "whatsappmessage"),
    ("wagtailredirects", "redirect"),
    ("wagtailcore", "page"),
    ("wagtailimages", "image"),
    ("wagtaildocs", "document"),
}
CMS_EDITING = {
    "page": {"wagtailcore.add_page", "wagtailcore.change_page", "wagtailcore.publish_page"},
    "collection": {
        f"{app}.{action}_{model}"
        for app, model in [("wagtailimages", "image"), ("wagtaildocs", "document")]
        for action in ("add", "change", "delete", "choose")
    },
}


def group_permissions(name):
    group = Group.objects.get(name=name)
    return {
        f"{perm.content_type.app_label}.{perm.codename}"
        for perm in group.permissions.select_related("content_type")
        if (perm.content_type.app_label, perm.content_type.model) in TODAYS_MODELS
    }


def object_permissions(rows, target_field):
    return {
        (getattr(row, target_field), f"{row.permission.content_type.app_label}.{row.permission.codename}")
        for row in rows.select_related("permission__content_type")
    }


def snapshot():
    return {
        group.name: (
            sorted(group.permissions.values_list("pk", flat=True)),
            sorted(group.page_permissions.values_list("page_id", "permission_id")),
            sorted(group.collection_permissions.values_list("collection_id", "permission_id")),
        )
        for group in Group.objects.order_by("name")
    }


@pytest.mark.django_db
def test_install_creates_one_group_per_role_with_the_matrix_permissions():
    install_role_groups()
    for name, expected in EXPECTED_GROUPS.items():
        assert group_permissions(name) == expected, name


@pytest.mark.django_db
def test_admin_and_super_admin_edit_pages_images_and_documents_others_do_not():
    install_role_groups()
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    for name in EXPECTED_GROUPS:
        group = Group.objects.get(name=name)
        pages = object_permissions(GroupPagePermission.objects.filter(group=group), "page_id")
        collections = object_permissions(
            GroupCollectionPermission.objects.filter(group=group), "collection_id"
        )
        editor = name in ("Super Admin", "Admin")
        assert pages == ({(root_page.pk, p) for p in CMS_EDITING["page"]} if editor else set()), name
        expected_collections = {(root_collection.pk, p) for p in CMS_EDITING["collection"]}
        assert collections == (expected_collections if editor else set()), name


@pytest.mark.django_db
def test_second_install_changes_nothing():
    first_report = install_role_groups()
    assert all(first_report[role].created for role in roles.ALL_ROLES)
    before = snapshot()

    report = install_role_groups()

    assert not any(report.values()), report
    assert snapshot() == before


@pytest.mark.django_db
def test_install_repairs_a_group_edited_by_hand():
    install_role_groups()
    desa = Group.objects.get(name="Desa")
    desa.permissions.add(Permission.objects.get(codename="delete_user", content_type__app_label="users"))
    desa.permissions.remove(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=desa,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="change_page"),
    )
    admin = Group.objects.get(name="Admin")
    admin.page_permissions.filter(permission__codename="publish_page").delete()

    report = install_role_groups()

    assert report[StaffRole.DESA].removed and report[StaffRole.DESA].added
    root_pk = Page.get_first_root_node().pk
    assert report[StaffRole.ADMIN].added == [f"page {root_pk}: wagtailcore.publish_page"]
    assert group_permissions("Desa") == EXPECTED_GROUPS["Desa"]
    assert not desa.page_permissions.exists()
    assert admin.page_permissions.filter(permission__codename="publish_page").exists()
    assert not any(install_role_groups().values())


@pytest.mark.django_db
def test_load_initial_data_installs_the_role_groups():
    call_command("load_initial_data", stdout=open("/dev/null", "w"))
    assert set(Group.objects.values_list("name", flat=True)) >= set(EXPECTED_GROUPS)
    assert group_permissions("Kecamatan") == EXPECTED_GROUPS["Kecamatan"]
