from io import BytesIO

import pytest
from pypdf import PdfReader

from guidance.models import GuideIndexPage

CHAPTERS = [
    "Pengenalan",
    "Pendaftaran Akun",
    "Login",
    "Verifikasi Akun",
    "Panduan Akun Personal",
    "Panduan Akun Mitra",
    "Panduan Akun Admin / Desa / Kecamatan / Dinaker",
    "Lupa Password",
    "Menu Publik (Tanpa Login)",
]


@pytest.fixture
def guide(portal_content):
    return GuideIndexPage.objects.get()


def test_guide_lists_chapters_in_order_of_the_official_guide(client, guide):
    assert [chapter.title for chapter in guide.chapters()] == CHAPTERS
    html = client.get(guide.url).content.decode()
    positions = [html.index(title) for title in CHAPTERS]
    assert positions == sorted(positions)
    assert "Unduh PDF" in html


def test_chapter_has_previous_and_next(client, guide):
    chapters = list(guide.chapters())
    html = client.get(chapters[1].url).content.decode()
    assert "Bab 2" in html
    assert f'href="{chapters[0].url}" rel="prev"' in html
    assert f'href="{chapters[2].url}" rel="next"' in html
    first = client.get(chapters[0].url).content.decode()
    assert 'rel="prev"' not in first
    last = client.get(chapters[-1].url).content.decode()
    assert 'rel="next"' not in last


def test_guide_pdf_has_cover_and_every_chapter(client, guide):
    response = client.get(f"{guide.url}unduh-pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]

    reader = PdfReader(BytesIO(response.content))
    cover = reader.pages[0].extract_text()
    assert "PEMERINTAH DAERAH KABUPATEN PURBALINGGA" in cover
    assert "Panduan Penggunaan" in cover
    assert "Versi Dokumen: 1.0" in cover
    assert "Dicetak pada:" in cover and "WIB" in cover
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    positions = [text.index(f"— {title}") for title in CHAPTERS]
    assert positions == sorted(positions)
    assert len(reader.pages) > len(CHAPTERS)


def test_guide_pdf_follows_the_regency_setting(client, guide, settings):
    settings.PORTAL_REGENCY = "Kabupaten Banyumas"
    response = client.get(f"{guide.url}unduh-pdf/")
    cover = PdfReader(BytesIO(response.content)).pages[0].extract_text()
    assert "PEMERINTAH DAERAH KABUPATEN BANYUMAS" in cover
