"""Guide §9 "Menu Publik (Tanpa Login)" on a phone: every entry reached by tapping the menu."""

import re

import pytest
from playwright.sync_api import expect

from home.models import HomePage

pytestmark = pytest.mark.browser

# Guide §9, in the guide's words and order; each page's h1 is its menu label (Beranda: hero title).
PUBLIC_MENU = [
    "Beranda",
    "Lowongan",
    "Penawaran Jasa",
    "Pengumuman",
    "Mitra Formal",
    "Mitra Informal",
    "Testimonial",
    "Tentang Kami",
    "FAQ",
    "Panduan Penggunaan",
]


def open_menu(page):
    """Open the collapsed navbar with its toggler and return the main navigation."""
    toggler = page.get_by_role("button", name="Buka menu")
    expect(toggler).to_have_attribute("aria-expanded", "false")
    toggler.click()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    nav = page.get_by_role("navigation", name="Menu utama")
    expect(nav.get_by_role("link", name="Beranda", exact=True)).to_be_visible()
    return nav


def follow(page, link):
    """Click a link and return the response of the document it leads to."""
    with page.expect_navigation() as navigation:
        link.click()
    response = navigation.value
    assert response is not None and response.ok, f"{page.url} answered {response and response.status}"
    return response


def visit_by_menu(page, label):
    nav = open_menu(page)
    follow(page, nav.get_by_role("link", name=label, exact=True))
    # The (again collapsed) menu tells assistive technology where the visitor is.
    current = page.get_by_role("link", name=label, exact=True, include_hidden=True)
    expect(current).to_have_attribute("aria-current", "page")


def test_every_public_menu_entry_is_reached_by_tapping(site, phone, assert_accessible):
    hero_title = HomePage.objects.get().hero_title
    response = phone.goto("/")
    assert response.ok
    expect(phone.get_by_role("heading", level=1)).to_have_text(hero_title)
    assert_accessible(phone)

    for label in PUBLIC_MENU:
        visit_by_menu(phone, label)
        heading = hero_title if label == "Beranda" else label
        expect(phone.get_by_role("heading", level=1)).to_have_text(heading)
        assert_accessible(phone)


def test_account_buttons_are_at_the_top(site, phone, desktop, assert_accessible):
    # Phone: inside the collapsed menu, at the top of the screen once it is opened.
    phone.goto("/")
    header = phone.get_by_role("banner")
    register = header.get_by_role("link", name="Daftar", exact=True)
    login = header.get_by_role("link", name="Log in", exact=True)
    expect(register).to_be_hidden()
    open_menu(phone)
    for button in (register, login):
        expect(button).to_be_in_viewport()
    assert_accessible(phone)

    # Desktop: in the top right corner, without opening anything.
    desktop.goto("/")
    width = desktop.viewport_size["width"]
    for name in ("Daftar", "Log in"):
        button = desktop.get_by_role("banner").get_by_role("link", name=name, exact=True)
        expect(button).to_be_in_viewport()
        box = button.bounding_box()
        assert box["y"] < 80 and box["x"] > width / 2, f"{name!r} is not in the top right corner: {box}"
    assert_accessible(desktop)


def test_footer_shows_the_agency_and_opens_the_legal_pages(site, phone, assert_accessible):
    phone.goto("/")
    footer = phone.get_by_role("contentinfo")
    expect(footer).to_contain_text("Dinas Komunikasi dan Informatika Kabupaten Purbalingga")
    expect(footer).to_contain_text("Jl. Letkol Isdiman No. 17A Purbalingga 53313")
    expect(footer.get_by_role("link", name="(0281) 8902091")).to_have_attribute("href", "tel:02818902091")
    expect(footer.get_by_role("link", name="dinkominfo@purbalinggakab.go.id")).to_have_attribute(
        "href", "mailto:dinkominfo@purbalinggakab.go.id"
    )
    for title in ("Kebijakan Privasi", "Ketentuan Penggunaan"):
        follow(phone, phone.get_by_role("contentinfo").get_by_role("link", name=title, exact=True))
        expect(phone.get_by_role("heading", level=1)).to_have_text(title)
        assert_accessible(phone)


def test_faq_answer_opens_with_the_keyboard(site, phone, assert_accessible):
    phone.goto("/")
    visit_by_menu(phone, "FAQ")
    item = phone.locator("details.faq-item").first
    answer = item.locator(".rich-text")
    expect(answer).to_be_hidden()
    item.locator("summary").focus()
    phone.keyboard.press("Enter")
    expect(item).to_have_attribute("open", "")
    expect(answer).to_be_visible()
    assert_accessible(phone)


def test_guide_leads_from_the_chapter_list_to_the_next_chapter(site, phone, assert_accessible):
    phone.goto("/")
    visit_by_menu(phone, "Panduan Penggunaan")
    chapters = phone.get_by_role("list").filter(has=phone.get_by_role("link", name="Pengenalan", exact=True))
    follow(phone, chapters.get_by_role("link", name="Pengenalan", exact=True))
    expect(phone.get_by_role("heading", level=1)).to_have_text("Pengenalan")
    assert_accessible(phone)

    follow(phone, phone.get_by_role("link", name=re.compile(r"^Berikutnya")))
    expect(phone.get_by_role("heading", level=1)).to_have_text("Pendaftaran Akun")
    assert_accessible(phone)
