"""PDFs built from what users typed fetch nothing (no network, no local file outside the fonts, static
and photo folders), print that text literally, and are bounded in time."""

import datetime
import http.server
import threading
import time
from io import BytesIO

import pytest
from pypdf import PdfReader

from marketplace.factories import ApplicationFactory, VacancyFactory
from portal import pdf
from users.factories import complete_personal_profile
from users.models import Desa, WorkExperience

pytestmark = pytest.mark.django_db


class ProbeHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.seen.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def probe():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), ProbeHandler)
    server.seen = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def desa(db):
    return Desa.objects.filter(kecamatan__name="Bobotsari").first()


def hostile_text(port):
    return (
        f'<img src="http://127.0.0.1:{port}/probe.png"> <img src="file:///etc/passwd"> '
        f'<link rel="stylesheet" href="http://127.0.0.1:{port}/style.css">'
    )


def pdf_text(content):
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


def hostile_profile(desa, port):
    profile = complete_personal_profile(desa, first_name="Siti")
    profile.summary = hostile_text(port)
    profile.no_experience = False
    profile.save()
    WorkExperience.objects.create(
        profile=profile,
        position="Penjahit",
        company="CV Maju",
        start_date=datetime.date(2019, 3, 1),
        description=hostile_text(port),
    )
    return profile


def test_resume_pdf_fetches_nothing_and_prints_the_typed_markup_as_text(client, desa, probe):
    profile = hostile_profile(desa, probe.server_port)
    client.force_login(profile.user)
    response = client.get("/akun/resume/unduh/")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert probe.seen == []
    assert f"http://127.0.0.1:{probe.server_port}/probe.png" in text
    assert "file:///etc/passwd" in text
    assert "root:" not in text


def test_applicant_pdf_fetches_nothing_and_prints_the_typed_markup_as_text(client, desa, probe):
    profile = hostile_profile(desa, probe.server_port)
    vacancy = VacancyFactory()
    application = ApplicationFactory(vacancy=vacancy, personal=profile)
    client.force_login(vacancy.mitra.user)
    response = client.get(f"/akun/pelamar/{application.pk}/cetak/")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert probe.seen == []
    assert "<img src=" in text.replace("\n", " ")
    assert "root:" not in text


def test_markup_that_slips_into_a_template_still_fetches_nothing(settings, probe, tmp_path):
    port = probe.server_port
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "raw.html").write_text(
        f'<html><head><link rel="stylesheet" href="http://127.0.0.1:{port}/a.css">'
        f'<style>@import url("http://127.0.0.1:{port}/b.css");</style></head><body>'
        f'<img src="http://127.0.0.1:{port}/c.png"><img src="https://127.0.0.1:{port}/d.png">'
        '<img src="file:///etc/passwd"><img src="/etc/passwd"><p>ok</p></body></html>'
    )
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [templates]}]
    content = pdf.render_pdf("raw.html")
    assert probe.seen == []
    assert "ok" in pdf_text(content)


@pytest.mark.parametrize(
    "uri",
    [
        "http://127.0.0.1:8000/x.png",
        "https://example.org/x.png",
        "file:///etc/passwd",
        "ftp://example.org/x",
        "//127.0.0.1/x.png",
        "/etc/passwd",
        "/static/../../../etc/passwd",
        "/media/profil/foto/../../../../etc/passwd",
        "/media/mitra/dokumen/x.pdf",
        str(pdf.FONT_DIR / ".." / "settings" / "base.py"),
        "data:text/html;base64,PHNjcmlwdD4=",
    ],
)
def test_link_callback_refuses_schemes_traversal_and_other_folders(uri):
    assert pdf._link_callback(uri, None) == pdf.REFUSED


def test_link_callback_accepts_the_embedded_font_and_a_profile_photo(settings, tmp_path):
    assert pdf._link_callback(pdf.FONTS["regular"], None) == pdf.FONTS["regular"]
    photo = tmp_path / "media" / "profil" / "foto" / "a.png"
    photo.parent.mkdir(parents=True)
    photo.write_bytes(b"png")
    assert pdf._link_callback("/media/profil/foto/a.png", None) == str(photo.resolve())
    assert pdf._link_callback("data:image/png;base64,iVBORw0KGgo=", None).startswith("data:image/png")


def test_absurdly_large_resume_ends_within_the_bound_without_an_error(client, desa, monkeypatch):
    monkeypatch.setattr(pdf, "PDF_MAX_RENDER_SECONDS", 3)
    profile = complete_personal_profile(desa, first_name="Siti")
    profile.no_experience = False
    profile.save()
    WorkExperience.objects.bulk_create(
        WorkExperience(
            profile=profile,
            position=f"Penjahit {number}",
            company="CV Maju",
            start_date=datetime.date(2019, 3, 1),
            description="Menjahit baju seragam sekolah. " * 30,
        )
        for number in range(5000)
    )
    client.force_login(profile.user)
    started = time.monotonic()
    response = client.get("/akun/resume/unduh/")
    elapsed = time.monotonic() - started
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "terlalu panjang" in pdf_text(response.content)
    assert elapsed < 30  # the 3 s render bound plus building the HTML and the notice
