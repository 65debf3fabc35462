"""Guide chapters 5 and 6, "Pemberitahuan", in a real browser: the header bell picks up a new
notification without a reload, the list marks it new, "Tandai semua dibaca" clears the bell."""

import re

import pytest
from playwright.sync_api import expect

from users import notifications
from users.factories import DEFAULT_PASSWORD, PersonalFactory

pytestmark = pytest.mark.browser


def test_bell_updates_without_reload_then_mark_all_read(site, desktop, settings, assert_accessible):
    settings.NOTIFICATION_POLL_SECONDS = 1
    user = PersonalFactory(username="sari")

    desktop.goto("/akun/login/")
    desktop.get_by_label(re.compile(r"^\s*Email / Nama Pengguna")).fill("sari")
    desktop.get_by_label(re.compile(r"^\s*Password")).fill(DEFAULT_PASSWORD)
    desktop.get_by_role("button", name="Login").click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Profil Saya")

    header = desktop.get_by_role("banner")
    bell = header.get_by_role("link", name=re.compile(r"^Pemberitahuan, \d+ belum dibaca$"))
    expect(bell).to_have_accessible_name("Pemberitahuan, 0 belum dibaca")
    badge = bell.locator("[data-notification-badge]")
    expect(badge).to_be_hidden()

    # A notification arrives while the page stays open: the bell shows it without a reload.
    desktop.evaluate("window.__same_document = true")
    notifications.notify(user, "verification.verified", "Akun Anda sudah terverifikasi", url="/akun/profil/")
    expect(badge).to_have_text("1", timeout=25_000)
    expect(badge).to_be_visible()
    expect(bell).to_have_accessible_name("Pemberitahuan, 1 belum dibaca")
    assert desktop.evaluate("window.__same_document") is True

    bell.click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Pemberitahuan")
    item = desktop.get_by_role("listitem").filter(has_text="Akun Anda sudah terverifikasi")
    expect(item.get_by_text("Baru", exact=True)).to_be_visible()
    expect(item.get_by_role("link", name="Akun Anda sudah terverifikasi")).to_have_css("font-weight", "700")
    expect(desktop.get_by_label("Kirim pemberitahuan penting lewat email")).to_be_checked()
    expect(desktop.get_by_label("Kirim pemberitahuan penting lewat WhatsApp")).to_be_checked()
    assert_accessible(desktop)

    desktop.get_by_role("button", name="Tandai semua dibaca").click()
    expect(desktop.get_by_text("Semua pemberitahuan sudah ditandai dibaca.")).to_be_visible()
    expect(bell).to_have_accessible_name("Pemberitahuan, 0 belum dibaca")
    expect(badge).to_be_hidden()
    expect(item.get_by_text("Baru", exact=True)).to_have_count(0)
    assert notifications.unread_count(user) == 0
    assert_accessible(desktop)

    # Opening the notification leads to its page.
    item.get_by_role("link", name="Akun Anda sudah terverifikasi").click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Profil Saya")


def test_polls_only_for_a_logged_in_user_while_the_tab_is_visible(site, desktop, settings):
    settings.NOTIFICATION_POLL_SECONDS = 1
    PersonalFactory(username="joko")
    polls = []
    desktop.on(
        "request", lambda request: "/akun/pemberitahuan/jumlah/" in request.url and polls.append(request)
    )

    desktop.goto("/")
    desktop.wait_for_timeout(2_500)
    assert polls == [], "an anonymous visitor must not poll"

    desktop.goto("/akun/login/")
    desktop.get_by_label(re.compile(r"^\s*Email / Nama Pengguna")).fill("joko")
    desktop.get_by_label(re.compile(r"^\s*Password")).fill(DEFAULT_PASSWORD)
    desktop.get_by_role("button", name="Login").click()
    expect(desktop.get_by_role("heading", level=1)).to_have_text("Profil Saya")
    desktop.wait_for_timeout(2_500)
    assert len(polls) >= 1

    # A hidden tab stops asking; showing it again asks at once.
    set_hidden = """hidden => {
        Object.defineProperty(document, "hidden", {configurable: true, get: () => hidden});
        document.dispatchEvent(new Event("visibilitychange"));
    }"""
    desktop.evaluate(set_hidden, True)
    desktop.wait_for_timeout(500)  # a request already on its way may still land
    seen = len(polls)
    desktop.wait_for_timeout(2_500)
    assert len(polls) == seen, "a hidden tab must not poll"
    with desktop.expect_request(re.compile(r"/akun/pemberitahuan/jumlah/$"), timeout=900):
        desktop.evaluate(set_hidden, False)
