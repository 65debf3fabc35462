"""Every URL of the project × 13 actors (anonymous, two Personal, two Mitra, the Desa and Kecamatan
operators inside and outside the region of the world's Personal, Verifikator, Dinaker, Admin, Super
Admin): each answers exactly what tests/url_matrix_cases.py expects.

The URL patterns are read from the URL resolver, so a new view without an entry in the table fails
(and so does an entry whose pattern is gone). Wagtail's own admin screens are covered by
tests/test_admin_matrix.py; public pages (Wagtail's catch-all) by ``PAGE_CASES``, which must name
every page model of our apps and every route of the routable ones.

Then the lists and exports: the in-scope Personal (name, NIK) and Mitra appear for the staff of
their region and for no one outside it; the lists of an account show its own objects only.

The world is built once for the module inside one transaction that is rolled back at the end; every
request runs in a savepoint rolled back after it, so a POST that succeeds changes nothing for the
next actor.
"""

import csv
import io
from dataclasses import dataclass
from urllib.parse import urlsplit

import openpyxl
import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, get_page_models

from tests.url_matrix_cases import (
    ACTORS,
    ANONYMOUS,
    CASES,
    FOREIGN,
    LIST_CASES,
    LOGIN_PATHS,
    OUR_APPS,
    PAGE_ACTORS,
    PAGE_CASES,
    REFUSALS,
    UNLISTED_VIEW_MODULES,
    build_world,
)
from users.staff import install_role_groups

pytestmark = pytest.mark.django_db

ADMIN_PREFIX = "app/v1/admin/"

# ---------------------------------------------------------------------------------------------
# The URL patterns, from the resolver


@dataclass(frozen=True)
class Pattern:
    route: str
    name: str  # "namespace:name", or "" for an unnamed pattern
    module: str  # the module of the view


def walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            name = entry.name or ""
            if name and namespace:
                name = f"{namespace}:{name}"
            yield Pattern(prefix + str(entry.pattern), name, entry.callback.__module__)


def is_ours(module):
    return module.split(".")[0] in OUR_APPS


def listed_patterns():
    """The patterns the table must cover: outside the admin all of them (Wagtail's too), inside the
    admin those whose view lives in our apps; minus the ones left out on purpose."""
    return [
        pattern
        for pattern in walk(get_resolver().url_patterns)
        if (is_ours(pattern.module) or not pattern.route.startswith(ADMIN_PREFIX))
        and pattern.module not in UNLISTED_VIEW_MODULES
    ]


def test_every_url_pattern_has_an_entry():
    patterns = listed_patterns()
    unnamed = [pattern.route for pattern in patterns if not pattern.name]
    assert not unnamed, f"URL patterns without a name cannot be listed in CASES: {unnamed}"
    missing = sorted({pattern.name for pattern in patterns} - set(CASES))
    assert not missing, f"URL patterns without an entry in tests/url_matrix_cases.py CASES: {missing}"


def test_no_entry_without_its_url_pattern():
    stale = sorted(set(CASES) - {pattern.name for pattern in listed_patterns()})
    assert not stale, f"CASES entries whose URL pattern is gone: {stale}"


def reachable_routes(model):
    """The routes of a routable page, without those shadowed by an earlier route of the same path
    (a page's own ``@path("")`` hides RoutablePageMixin's ``index_route``)."""
    seen = set()
    for route in model.get_subpage_urls():
        if str(route.pattern) not in seen:
            seen.add(str(route.pattern))
            yield route


def page_keys():
    """ "Model" for each page model of our apps, "Model:route" for each route of a routable one."""
    keys = set()
    for model in get_page_models():
        if model is Page or not is_ours(model.__module__):
            continue
        if issubclass(model, RoutablePageMixin):
            keys.update(f"{model.__name__}:{route.name}" for route in reachable_routes(model))
        else:
            keys.add(model.__name__)
    return keys


def test_every_page_model_and_route_has_an_entry():
    listed = {key.split("#")[0] for key in PAGE_CASES}
    assert not sorted(page_keys() - listed), f"pages without an entry in PAGE_CASES: {page_keys() - listed}"
    assert not sorted(listed - page_keys()), f"PAGE_CASES entries of no page or route: {listed - page_keys()}"


def test_every_entry_names_each_actor():
    for name, case in CASES.items():
        assert set(case.expected) == set(ACTORS), name
    for key, case in PAGE_CASES.items():
        assert case.expected and set(case.expected) <= set(PAGE_ACTORS), key


def test_foreign_actors_never_expect_a_private_object_to_open():
    """Another Personal, another Mitra and the operators of another region get 403/404 (or the
    admin login) on every URL naming an object of the world's Personal or Mitra."""
    for name, case in CASES.items():
        if case.private:
            for actor in FOREIGN:
                assert case.expected[actor] in REFUSALS, f"{name}: {actor} expects {case.expected[actor]}"


# ---------------------------------------------------------------------------------------------
# The world, once for the module


@pytest.fixture(autouse=True)
def _media_root():
    """Replaces the suite's per-test media folders: the world's files live in the module's."""


def sign_in(users):
    """A session per actor, made once; requests just carry its cookie."""
    sessions = {}
    for actor, user in users.items():
        client = Client()
        client.force_login(user)
        sessions[actor] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return sessions


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    folder = tmp_path_factory.mktemp("url-matrix")
    with (
        override_settings(MEDIA_ROOT=folder / "media", PRIVATE_MEDIA_ROOT=folder / "private"),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        install_role_groups()
        built = build_world()
        built.sessions = sign_in(built.users)
        yield built
        transaction.set_rollback(True)


@dataclass(frozen=True)
class Result:
    status: int
    location: str
    body: bytes
    content_type: str

    def __str__(self):
        return f"{self.status} → {self.location}" if self.location else str(self.status)


def fetch(client, world, actor, url, method="get", data=None, follow=False):
    """One request as ``actor``, in a savepoint rolled back afterwards."""
    client.cookies.clear()
    if actor != ANONYMOUS:
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[actor]
    with transaction.atomic():
        response = getattr(client, method)(url, data or {}, follow=follow)
        # reading a streamed body to the end closes it (the test client's wrapper does, without
        # closing the database connection as a real request end would)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        transaction.set_rollback(True)
    return Result(response.status_code, response.get("Location", ""), body, response.get("Content-Type", ""))


def matches(outcome, result):
    if result.status != outcome.status:
        return False
    if outcome.status != 302:
        return True
    path = urlsplit(result.location).path
    return path == outcome.login if outcome.login else path not in LOGIN_PATHS


def check_every_actor(world, url, expected, method="get", data=None):
    client = Client()
    wrong = []
    for actor in (actor for actor in ACTORS if actor in expected):
        result = fetch(client, world, actor, url, method, data)
        if not matches(expected[actor], result):
            wrong.append(f"  {actor}: got {result}, expected {expected[actor]}")
    return wrong


def reverse_case(name, case, world):
    arguments = case.args(world)
    if isinstance(arguments, dict):
        return reverse(name, kwargs=arguments)
    return reverse(name, args=arguments)


# ---------------------------------------------------------------------------------------------
# The matrix


@pytest.mark.parametrize("name", sorted(CASES))
def test_url_answers_each_actor_as_the_table_says(world, name):
    case = CASES[name]
    url = reverse_case(name, case, world)
    wrong = check_every_actor(world, url, case.expected, case.method, case.data)
    assert not wrong, f"{name}: {case.method.upper()} {url}\n" + "\n".join(wrong)


@pytest.mark.parametrize("key", sorted(PAGE_CASES))
def test_page_answers_each_actor_as_the_table_says(world, key):
    case = PAGE_CASES[key]
    url = case.path(world)
    wrong = check_every_actor(world, url, case.expected)
    assert not wrong, f"{key}: GET {url}\n" + "\n".join(wrong)


# ---------------------------------------------------------------------------------------------
# Lists and exports show each actor only what is theirs (or their region's)


def text_of(result):
    if "spreadsheetml" in result.content_type:
        workbook = openpyxl.load_workbook(io.BytesIO(result.body), read_only=True)
        return "\n".join(
            " ".join(str(value) for value in row if value is not None)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
        )
    text = result.body.decode("utf-8-sig")
    if result.content_type.startswith("text/csv"):
        return "\n".join(" ".join(row) for row in csv.reader(io.StringIO(text)))
    return text


@pytest.mark.parametrize("label", sorted(LIST_CASES))
def test_list_shows_only_what_the_actor_may_see(world, label):
    case = LIST_CASES[label]
    url = case.url(world)
    secrets = case.secrets(world)
    client = Client()
    wrong = []
    for actor in case.sees + case.blind:
        result = fetch(client, world, actor, url, follow=case.follow)
        if result.status != 200:
            wrong.append(f"  {actor}: got {result}, expected 200")
            continue
        text = text_of(result)
        for shown in case.shown(world):
            if shown not in text:
                wrong.append(f"  {actor}: {shown!r} missing (the list itself is broken)")
        if actor in case.sees and secrets[0] not in text:
            wrong.append(f"  {actor}: does not see {secrets[0]!r}")
        if actor in case.blind:
            leaked = [secret for secret in secrets if secret in text]
            if leaked:
                wrong.append(f"  {actor}: sees {leaked}")
    assert not wrong, f"{label}: GET {url}\n" + "\n".join(wrong)
