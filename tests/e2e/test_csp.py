"""The Content-Security-Policy in a real browser: Chromium reports no violation on the public pages,
a Personal's account, the admin login, dashboard, page editor and preview, and Wagtail's screens
with choosers, date pickers and inline panels, and the scripts still work (the phone menu, the
preview iframe inside the page editor, the page chooser's modal)."""

import re

import pytest
from playwright.sync_api import expect

from marketplace.factories import VacancyFactory
from users.choices import StaffRole
from users.factories import DEFAULT_PASSWORD, complete_personal_profile, staff_account
from users.models import Desa
from users.staff import install_role_groups

pytestmark = pytest.mark.browser

# Chromium logs every blocked script, style, frame or request in the console ("Refused to … because
# it violates the following Content Security Policy directive …"); this init script (run by the
# browser's devtools protocol, so outside the page's policy) reports securitypolicyviolation events
# the same way, with the directive and the blocked address.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`Content Security Policy violation: ${event.effectiveDirective} blocked ${event.blockedURI}`
    + ` at ${event.sourceFile}:${event.lineNumber}`);
});
"""
PROBLEMS = re.compile(r"Content Security Policy|Permissions-Policy|Permissions policy")


def watch_for_violations(page):
    """The console messages about the page's security policies (from every frame), as they come."""
    reports = []

    def collect(message):
        if PROBLEMS.search(message.text):
            reports.append(f"{page.url}: {message.text}")

    page.add_init_script(REPORT_VIOLATIONS)
    page.on("console", collect)
    return reports


def visit(page, url, heading):
    response = page.goto(url)
    assert response.ok, f"{url} answered {response.status}"
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)


def test_no_policy_violation_and_scripts_still_work(site, phone, desktop):
    desa = Desa.objects.get(name="Bancar", kecamatan__name="Purbalingga")
    personal = complete_personal_profile(desa, username="siti").user
    VacancyFactory(title="Operator Jahit")
    install_role_groups()
    staff_account(StaffRole.SUPER_ADMIN, username="superadmin")
    reports = watch_for_violations(phone)
    admin_reports = watch_for_violations(desktop)

    # Beranda: Bootstrap's collapse (a static script) opens and closes the phone menu.
    phone.goto("/")
    toggler = phone.get_by_role("button", name="Buka menu")
    expect(toggler).to_have_attribute("aria-expanded", "false")
    toggler.click()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    menu = phone.get_by_role("navigation", name="Menu utama")
    expect(menu.get_by_role("link", name="Lowongan", exact=True)).to_be_visible()
    toggler.click()
    expect(toggler).to_have_attribute("aria-expanded", "false")

    # Lowongan and a vacancy page, with its JSON-LD data block (not a script the policy runs).
    visit(phone, "/lowongan/", "Lowongan")
    phone.get_by_role("link", name="Operator Jahit").first.click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Operator Jahit")
    assert phone.locator('script[type="application/ld+json"]').count() == 1

    # Login, then the Personal's profile page.
    visit(phone, "/akun/login/", "Login")
    phone.get_by_label("Email / Nama Pengguna").fill(personal.username)
    phone.get_by_label("Password").fill(DEFAULT_PASSWORD)
    phone.get_by_role("button", name="Login").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Profil Saya")

    # Admin: login (strict policy), dashboard, and the page editor's preview in its iframe.
    desktop.goto("/app/v1/admin/login/")
    desktop.locator("input[name=username]").fill("superadmin")
    desktop.locator("input[name=password]").fill(DEFAULT_PASSWORD)
    desktop.get_by_role("button", name="Login").click()
    expect(desktop.get_by_role("heading", name="Ringkasan", exact=True)).to_be_visible()
    home = site.root_page
    desktop.goto(f"/app/v1/admin/pages/{home.pk}/edit/")
    desktop.locator('[data-side-panel-toggle="preview"]').click()
    preview = desktop.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("navigation", name="Menu utama")).to_be_attached()

    # Wagtail's inline scripts run under the strict policy with the page's nonce: the page chooser
    # (written by Python) opens its modal, and the screens with date pickers and inline panels load
    # without a violation.
    desktop.goto("/app/v1/admin/sites/new/")
    desktop.locator("button.chooser__choose-button").click()
    expect(desktop.locator(".modal-content")).to_contain_text(home.title)
    for screen in ("users/", "snippets/pages/faq/add/", "workflows/add/"):
        assert desktop.goto(f"/app/v1/admin/{screen}").ok, screen
    # An inline panel adds a form from its template, with that form's task chooser script.
    tasks = desktop.locator("#id_workflow_tasks-FORMS .chooser__choose-button")
    count = tasks.count()
    desktop.locator("#id_workflow_tasks-ADD").click()
    expect(tasks).to_have_count(count + 1)

    assert not reports + admin_reports, "\n".join(reports + admin_reports)
