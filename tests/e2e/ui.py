"""What a visitor does on every page, shared by the browser tests: find a field by its label,
fill a form, check the page heading, log in, follow the account menu."""

import re

from playwright.sync_api import expect

from users.factories import DEFAULT_PASSWORD


def field(page, label):
    """The form field labelled exactly ``label`` (crispy-forms adds "*" to required ones)."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$"))


def fill(page, values):
    for label, value in values.items():
        field(page, label).fill(value)


def heading(page, text):
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def log_in(page, url, username, password=DEFAULT_PASSWORD):
    """Log in on the form at ``url`` and wait until the portal has moved on from it."""
    page.goto(url)
    page.get_by_label("Email / Nama Pengguna").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Login").click()
    expect(page).not_to_have_url(re.compile(re.escape(url)))


def account_menu(page, label):
    """Open ``label`` from the account menu; its page has the same heading."""
    page.get_by_role("navigation", name="Menu akun").get_by_role("link", name=label, exact=True).click()
    heading(page, label)


def open_menu(page):
    """Open the collapsed navbar (phone) with its toggler and return the main navigation."""
    toggler = page.get_by_role("button", name="Buka menu")
    expect(toggler).to_have_attribute("aria-expanded", "false")
    toggler.click()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    return page.get_by_role("navigation", name="Menu utama")
