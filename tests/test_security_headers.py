"""Security headers on every response (public, account, admin, errors, JSON), a Content-Security-Policy
without inline scripts or eval, HSTS in production, and no template that would need them."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, override_settings
from wagtail.admin.widgets import AdminDateInput, AdminPageChooser
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

from portal import csp_nonce
from users.choices import StaffRole
from users.factories import PersonalFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
NONCE = re.compile(r"^'nonce-[A-Za-z0-9+/]{22}=='$")


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in directives}


def assert_security_headers(response, frame_ancestors="'none'"):
    path = response.request["PATH_INFO"]
    assert response["X-Content-Type-Options"] == "nosniff", path
    assert response["Referrer-Policy"] == "same-origin", path
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", path
    assert response["X-Frame-Options"] == ("DENY" if frame_ancestors == "'none'" else "SAMEORIGIN"), path
    features = {entry.strip() for entry in response["Permissions-Policy"].split(",")}
    assert {"camera=()", "geolocation=()", "microphone=()", "payment=()"} <= features, path
    csp = policy(response)
    assert csp["default-src"] == ["'self'"], path
    assert csp["frame-ancestors"] == [frame_ancestors], path
    assert csp["object-src"] == ["'none'"], path
    assert csp["base-uri"] == ["'self'"], path
    assert csp["form-action"] == ["'self'"], path
    assert csp["img-src"][:2] == ["'self'", "data:"], path
    assert "'unsafe-eval'" not in csp["script-src"], path
    return csp


def assert_strict_scripts(csp):
    """Scripts only from our origin or with this response's nonce: no inline script, no eval."""
    sources = csp["script-src"]
    assert sources[0] == "'self'"
    assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources
    assert [source for source in sources if NONCE.match(source)], sources


def test_public_pages_carry_the_headers_and_a_strict_policy(client):
    for url in ("/", "/lowongan/", "/akun/login/", "/akun/daftar/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_strict_scripts(assert_security_headers(response))


def test_each_response_has_its_own_nonce(client):
    nonces = {policy(client.get("/"))["script-src"][1] for _ in range(2)}
    assert len(nonces) == 2


def test_pages_behind_login_carry_the_headers(client):
    client.force_login(PersonalFactory())
    response = client.get("/akun/profil/")
    assert response.status_code == 200
    assert_strict_scripts(assert_security_headers(response))
    assert "no-store" in response["Cache-Control"]


def test_not_found_and_json_responses_carry_the_headers(client):
    missing = client.get("/halaman-yang-tidak-ada/")
    assert missing.status_code == 404
    assert_strict_scripts(assert_security_headers(missing))
    health = client.get("/health/")
    assert health["Content-Type"] == "application/json"
    assert_strict_scripts(assert_security_headers(health))


def test_admin_login_keeps_the_strict_policy(client):
    response = client.get("/app/v1/admin/login/")
    assert response.status_code == 200
    assert_strict_scripts(assert_security_headers(response))


# Inline <script>s a browser would run: neither loaded from a file nor a JSON data block.
RUNNABLE_INLINE_SCRIPT = re.compile(
    r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")([^>]*)>", re.IGNORECASE
)


def admin_screens():
    """Admin screens and the Wagtail inline scripts each must run: date pickers (listing filters,
    the page editor's schedule), choosers written in Python (page, snippet, workflow task) and
    inline panels."""
    home = Page.objects.get(slug="beranda")
    return {
        "/app/v1/admin/": 0,
        "/app/v1/admin/users/": 2,  # the last-login date filter
        f"/app/v1/admin/pages/{home.pk}/edit/": 2,  # go-live and expiry date-time pickers
        f"/app/v1/admin/pages/{home.pk}/history/": 2,
        "/app/v1/admin/sites/new/": 1,  # the root page chooser
        "/app/v1/admin/snippets/pages/faq/add/": 1,  # the category chooser
        "/app/v1/admin/workflows/add/": 3,  # an inline panel of task choosers
    }


def test_signed_in_admin_keeps_the_strict_policy_and_wagtail_scripts_carry_its_nonce(client, staff):
    """No exception for the admin: every inline script Wagtail writes (portal/csp_nonce.py,
    portal/wagtail_csp.py, portal/templates/wagtailadmin/) carries this response's nonce, so the
    browser runs them and nothing else; eval stays forbidden."""
    client.force_login(staff(StaffRole.SUPER_ADMIN))
    for url, expected_scripts in admin_screens().items():
        response = client.get(url)
        assert response.status_code == 200, url
        csp = assert_security_headers(response)
        assert_strict_scripts(csp)
        nonce = next(source for source in csp["script-src"] if NONCE.match(source))[len("'nonce-") : -1]
        scripts = RUNNABLE_INLINE_SCRIPT.findall(response.text)
        assert len(scripts) >= expected_scripts, url
        assert all(f'nonce="{nonce}"' in attributes for attributes in scripts), (url, scripts)


def test_wagtail_widgets_rendered_outside_a_request_carry_no_nonce():
    """Outside a request (a management command, a test) there is no nonce to give."""

    def render_both():
        date_input = AdminDateInput().render("date", None, {"id": "id_date"})
        return date_input + AdminPageChooser().render("page", None, {"id": "id_page"})

    assert "<script>initDateChooser(" in render_both()
    assert "<script>new PageChooser(" in render_both()
    binding = csp_nonce.start("abc123")
    try:
        assert '<script nonce="abc123">initDateChooser(' in render_both()
        assert '<script nonce="abc123">new PageChooser(' in render_both()
    finally:
        csp_nonce.end(binding)


def test_admin_preview_may_be_framed_by_the_admin_only(client, staff):
    """Wagtail shows the page being edited in an iframe of the editor: its preview (the page
    rendered through the whole middleware stack) allows same-origin frames, and the policy follows;
    the editor itself and every other page may not be framed at all."""
    client.force_login(staff(StaffRole.SUPER_ADMIN))
    home = Page.objects.get(slug="beranda").specific
    preview_url = f"/app/v1/admin/pages/{home.pk}/edit/preview/"
    edited = {"title": home.title, "slug": home.slug, "hero_title": "Judul pratinjau", "intro": rich_text("")}
    assert client.post(preview_url, edited).json()["is_valid"]
    response = client.get(preview_url, {"in_preview_panel": "true"})
    assert response.status_code == 200
    assert "Judul pratinjau" in response.text
    assert_strict_scripts(assert_security_headers(response, frame_ancestors="'self'"))
    assert_security_headers(client.get(f"/app/v1/admin/pages/{home.pk}/edit/"))


def test_production_adds_hsts(client):
    """production.py's HSTS values, read in a fresh interpreter, reach the browser over HTTPS."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="testserver",
        CSRF_TRUSTED_ORIGINS="https://testserver",
    )
    script = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({name: getattr(s, name) for name in ("
        "'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_HSTS_PRELOAD')}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    hsts = json.loads(result.stdout.strip().splitlines()[-1])
    assert hsts["SECURE_HSTS_SECONDS"] >= 31536000
    assert not settings.SECURE_HSTS_SECONDS  # not in development and tests
    assert "Strict-Transport-Security" not in client.get("/", secure=True)
    with override_settings(**hsts):
        response = Client().get("/", secure=True)  # a new client loads SecurityMiddleware anew
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


# --- Templates: no inline script, event handler or javascript: URL can come back ---------------

DATA_BLOCK_TYPES = {"application/json", "application/ld+json"}
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
TAG = re.compile(r"<[a-zA-Z][^<>]*>")
EVENT_HANDLER = re.compile(r"(?:^|[\s\"'])on[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"=\s*[\"']?\s*javascript:", re.IGNORECASE)
SCRIPT_TYPE = re.compile(r"\btype\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)


def inline_script_problems(text):
    """What a strict Content-Security-Policy would block in this template text."""
    problems = []
    for match in SCRIPT_TAG.finditer(text):
        attributes = match.group(1)
        script_type = SCRIPT_TYPE.search(attributes)
        if re.search(r"\b(src|nonce)\s*=|\{%\s*nonce_attribute\s*%\}", attributes, re.IGNORECASE):
            continue
        if script_type and script_type.group(1).lower() in DATA_BLOCK_TYPES:
            continue
        problems.append(f"inline script {match.group(0)}")
    for tag in TAG.finditer(text):
        if EVENT_HANDLER.search(tag.group(0)[1:]):
            problems.append(f"event handler attribute in {tag.group(0)}")
        if JAVASCRIPT_URL.search(tag.group(0)):
            problems.append(f"javascript: URL in {tag.group(0)}")
    return problems


def our_templates():
    folders = [ROOT / "templates", *sorted(ROOT.glob("*/templates"))]
    return [
        path
        for folder in folders
        if ".venv" not in folder.parts
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix in {".html", ".xml", ".txt", ".svg"}
    ]


@pytest.mark.parametrize(
    "snippet",
    [
        "<script>alert(1)</script>",
        '<script type="text/javascript">go()</script>',
        '<script type="module">go()</script>',
        '<button type="button" onclick="go()">Go</button>',
        "<form method='post' onsubmit='return check()'>",
        '<select name="x"\n    onchange="this.form.submit()">',
        '<a href="javascript:void(0)">Go</a>',
    ],
)
def test_the_template_check_finds_what_the_policy_blocks(snippet):
    assert inline_script_problems(snippet)


@pytest.mark.parametrize(
    "snippet",
    [
        "<script src=\"{% static 'js/portal.js' %}\" defer></script>",
        '<script type="application/ld+json">{{ job_posting_json }}</script>',
        '<script type="application/json" id="data">{}</script>',
        '<script nonce="{{ request.csp_nonce }}">go()</script>',
        "<script{% nonce_attribute %}>go()</script>",
        '<a href="/lowongan/" data-once="1" class="btn">Lowongan</a>',
        "<p>Pesan dikirim online=cepat</p>",
    ],
)
def test_the_template_check_accepts_what_the_policy_allows(snippet):
    assert not inline_script_problems(snippet)


def test_no_template_needs_inline_scripts():
    templates = our_templates()
    assert ROOT / "templates" / "base.html" in templates
    assert ROOT / "users" / "templates" / "wagtailusers" / "staff" / "_scope_fields_js.html" in templates
    problems = [
        f"{path.relative_to(ROOT)}: {problem}"
        for path in templates
        for problem in inline_script_problems(path.read_text(encoding="utf-8"))
    ]
    assert not problems, "\n".join(problems)
