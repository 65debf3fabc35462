"""Guide §7.1 in a browser: each of the six staff roles logs in to the admin panel and finds exactly
its menu entries in the sidebar, with the "Testimoni, Pengumuman, Pemberitahuan", "Master Data" and
"Pengaturan" submenus opened where the role has them; the Dasbor passes axe-core for every role.

The URL-level matrix (200/403 for every screen) is tests/test_admin_matrix.py."""

import pytest
from playwright.sync_api import expect

from users.choices import StaffRole
from users.factories import DEFAULT_PASSWORD, UserFactory
from users.models import Desa
from users.roles import AdminMenu, menus_for
from users.staff import install_role_groups, save_staff_account

pytestmark = pytest.mark.browser

# Sidebar entries that are not rows of the guide's matrix: the staff member's own "Pemberitahuan Saya"
# inbox and Wagtail's "Help" for everybody; the CMS (pages, images, documents, page reports) for
# the CMS editors only (users.roles.CMS_EDITOR_ROLES).
NEUTRAL = {"Pemberitahuan Saya", "Help"}
CMS_ENTRIES = {"Halaman", "Gambar", "Dokumen", "Reports"}
CMS_EDITORS = (StaffRole.SUPER_ADMIN, StaffRole.ADMIN)

COMMUNICATIONS = ["Testimoni", "Pengumuman", "Pemberitahuan", "Kirim Pesan"]
# Guide: "Master Data (FAQ, Link, Wilayah, Bidang Usaha, Tipe Pekerjaan, Kategori Lowongan, Pendidikan,
# Kategori Jasa, …)".
MASTER_DATA = [
    "FAQ",
    "Link",
    "Wilayah: Kecamatan",
    "Wilayah: Desa/Kelurahan",
    "Bidang Usaha",
    "Tipe Pekerjaan",
    "Kategori Lowongan",
    "Pendidikan",
    "Kategori Jasa",
]
SETTINGS = ["Pengguna", "Pengaturan Aplikasi"]  # guide: "Pengaturan (Pengguna & Aplikasi)"

TOP_LEVEL = ".sidebar-main-menu__list > li > .sidebar-menu-item__link .menuitem-label"


def staff_accounts():
    install_role_groups()
    desa = Desa.objects.get(name="Bancar", kecamatan__name="Purbalingga")
    scopes = {StaffRole.KECAMATAN: {"kecamatan": desa.kecamatan}, StaffRole.DESA: {"desa": desa}}
    return [
        save_staff_account(
            UserFactory(username=f"staf-{role.value}", account_type="staff"), role, **scopes.get(role, {})
        )
        for role in StaffRole
    ]


def log_in(page, user):
    page.context.clear_cookies()
    page.goto("/app/v1/admin/login/")
    page.locator("input[name=username]").fill(user.username)
    page.locator("input[name=password]").fill(DEFAULT_PASSWORD)
    page.get_by_role("button", name="Login").click()
    expect(page.locator(".sidebar-main-menu")).to_be_visible()


def open_submenu(page, label):
    """Open a sidebar submenu; its entries' labels, as shown."""
    button = page.locator(".sidebar-main-menu__list > li.sidebar-sub-menu-item > button").filter(
        has_text=label
    )
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    panel = page.locator(".sidebar-sub-menu-item--open .sidebar-sub-menu-panel")
    expect(panel.get_by_role("heading", name=label)).to_be_visible()
    labels = panel.locator(".menuitem-label").all_inner_texts()
    button.click()  # close it again
    return [text.strip() for text in labels]


def test_each_role_sees_exactly_its_menu(site, desktop, assert_accessible):
    for user in staff_accounts():
        role = StaffRole(user.role)
        log_in(desktop, user)
        expect(desktop.get_by_role("heading", name="Ringkasan", exact=True)).to_be_visible()

        top = [text.strip() for text in desktop.locator(TOP_LEVEL).all_inner_texts()]
        extra = NEUTRAL | (CMS_ENTRIES if role in CMS_EDITORS else set())
        guide = [str(menu.label) for menu in menus_for(role)]
        assert [label for label in top if label not in extra] == guide, f"{role.label}: {top}"
        assert set(top) & CMS_ENTRIES == (CMS_ENTRIES if role in CMS_EDITORS else set()), role.label

        menus = menus_for(role)
        assert AdminMenu.COMMUNICATIONS in menus  # every role
        assert open_submenu(desktop, str(AdminMenu.COMMUNICATIONS.label)) == COMMUNICATIONS, role.label
        if AdminMenu.MASTER_DATA in menus:
            entries = open_submenu(desktop, "Master Data")
            assert set(MASTER_DATA) <= set(entries), f"{role.label}: {entries}"
        if AdminMenu.SETTINGS in menus:
            entries = open_submenu(desktop, "Pengaturan")
            assert set(SETTINGS) <= set(entries), f"{role.label}: {entries}"

        assert_accessible(desktop)
