"""Wagtail's admin menu is kept per staff member (portal/wagtail_sidebar.py): built once, then
read from the cache, yet a new notification, a new role or another admin language shows on the
very next page."""

import json
import re

import pytest
from django.urls import reverse
from wagtail.admin.templatetags import wagtailadmin_tags
from wagtail.users.models import UserProfile

from users.choices import StaffRole
from users.factories import UserFactory
from users.notifications import notify
from users.staff import install_role_groups, save_staff_account

pytestmark = pytest.mark.django_db

DASHBOARD_URL = reverse("wagtailadmin_home")


@pytest.fixture(autouse=True)
def role_groups(db):
    install_role_groups()


@pytest.fixture
def menus_built(monkeypatch):
    """How many times Wagtail builds the menu."""
    built = []
    render = wagtailadmin_tags.admin_menu.render_component

    def counting(request):
        built.append(request.path)
        return render(request)

    monkeypatch.setattr(wagtailadmin_tags.admin_menu, "render_component", counting)
    return built


def sidebar(client, url=DASHBOARD_URL):
    html = client.get(url).content.decode()
    props = re.search(r'id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(props.group(1))


def menu_text(props):
    return json.dumps(props, ensure_ascii=False)


def staff(role, username):
    return save_staff_account(UserFactory(account_type="staff", username=username), role)


def test_the_menu_is_built_once_and_kept_for_the_next_pages(client, menus_built):
    client.force_login(staff(StaffRole.ADMIN, "admin-a"))
    first = sidebar(client)
    assert sidebar(client, reverse("personal_report:index")) == first
    assert len(menus_built) == 1


def test_a_new_notification_a_new_role_and_another_language_show_at_once(client, menus_built):
    user = staff(StaffRole.DINAKER, "dinaker-a")
    client.force_login(user)
    assert '"Master Data"' not in menu_text(sidebar(client))

    notify(user, "verification_requested", "Ada pengajuan verifikasi", "Periksa pengajuan.", "/")
    assert '"Pemberitahuan (1)"' in menu_text(sidebar(client))

    save_staff_account(user, StaffRole.ADMIN)
    assert '"Master Data"' in menu_text(sidebar(client))

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    assert '"Account"' in menu_text(sidebar(client))
    assert len(menus_built) == 4


def test_each_staff_member_gets_their_own_menu(client):
    client.force_login(staff(StaffRole.ADMIN, "admin-a"))
    sidebar(client)
    other = staff(StaffRole.ADMIN, "admin-b")
    other.first_name = "Budiman"
    other.save()
    client.force_login(other)
    assert '"name": "Budiman"' in menu_text(sidebar(client))
