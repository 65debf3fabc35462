"""Render a Django template to PDF bytes with xhtml2pdf and an embedded Unicode font (DejaVu Sans),
so that Indonesian names and characters come out as selectable text.

What a rendered document may read. The HTML comes from our templates, but it carries what users typed
(resume fields, applicant messages). Templates autoescape that text, so `<img src=...>` typed into a
field is printed as text; should markup ever slip through, it still fetches nothing:

- `_link_callback` turns a URL into a file on disk only for the embedded fonts, static files found
  in STATIC_ROOT or STATICFILES_DIRS, and two public media folders
  (profile photos and Wagtail image renditions of the guide). The path is resolved (symlinks, `..`)
  and must stay inside its folder. Every other URL — any scheme (http, https, file, ftp, …), absolute
  paths, `..` — is rewritten to a file that does not exist, so xhtml2pdf never sees the original.
  The only scheme let through is a `data:` URI of a PNG/JPEG image (the resume embeds the photo that
  way: harmless bytes already in the page).
- The xhtml2pdf resource policy is the library's server policy: no network at all, local reads
  confined to the same folders (not the project directory), sizes of resources and pixels capped.

Time bound. The policy also caps the size of the HTML (`PDF_MAX_DOCUMENT_BYTES`) and the render time
(`PDF_MAX_RENDER_SECONDS`, checked by xhtml2pdf between elements and flowables). A document over
either limit is not rendered; `render_pdf` then returns a one-page PDF that says, in Indonesian, that
the document is too long, and logs a warning. Callers therefore always get a PDF quickly — the
synchronous "Unduh Resume" and "Cetak PDF" never hang a worker and never end in a 500 — and jobs
(bulk PDF, reports) are additionally bounded by rq's job timeout.
"""

import logging
import re
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.translation import gettext as _
from xhtml2pdf import pisa
from xhtml2pdf.config.resources import RenderLimitError, ResourceAccessPolicy

logger = logging.getLogger(__name__)

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONTS = {
    "regular": str(FONT_DIR / "DejaVuSans.ttf"),
    "bold": str(FONT_DIR / "DejaVuSans-Bold.ttf"),
}
# What a refused URL is rewritten to: inside an allowed folder, never present, so nothing is read.
REFUSED = str(FONT_DIR / "refused-resource")
# Public media folders a PDF may show: profile photos and Wagtail renditions (guide chapters).
MEDIA_FOLDERS = ("profil/foto/", "images/")
EMBEDDED_IMAGE = re.compile(r"^data:image/(?:png|jpeg);base64,[A-Za-z0-9+/=\s]+$")

PDF_MAX_RENDER_SECONDS = 20
PDF_MAX_DOCUMENT_BYTES = 3 * 1024 * 1024


class PdfRenderError(RuntimeError):
    pass


def _inside(path, folder):
    """The resolved `path` if it is a file inside `folder` (after symlinks and `..`), else None."""
    try:
        resolved = Path(path).resolve()
        root = Path(folder).resolve()
    except (OSError, ValueError):
        return None
    return resolved if resolved.is_relative_to(root) and resolved.is_file() else None


def _static_file(relative):
    try:
        found = finders.find(relative)
    except SuspiciousFileOperation:
        return None
    roots = (settings.STATIC_ROOT, *settings.STATICFILES_DIRS)
    return next((path for root in roots if found and (path := _inside(found, root))), None)


def _media_file(relative):
    if not relative.startswith(MEDIA_FOLDERS):
        return None
    folder = Path(settings.MEDIA_ROOT) / relative.split("/", 1)[0]
    return _inside(Path(settings.MEDIA_ROOT) / relative, folder)


def _link_callback(uri, rel=None):
    """The local file a document may read for `uri`, or REFUSED (see the module docstring)."""
    uri = str(uri or "").strip()
    if EMBEDDED_IMAGE.match(uri):
        return uri
    parts = urlsplit(uri)
    path = unquote(parts.path)
    if parts.scheme or parts.netloc or parts.query or "\x00" in path or ".." in path.split("/"):
        return REFUSED
    found = None
    if path.startswith(str(FONT_DIR) + "/"):
        found = _inside(path, FONT_DIR)
    elif path.startswith(settings.STATIC_URL):
        found = _static_file(path.removeprefix(settings.STATIC_URL))
    elif path.startswith(settings.MEDIA_URL):
        found = _media_file(path.removeprefix(settings.MEDIA_URL))
    return str(found) if found else REFUSED


def _readable_roots():
    return tuple(
        Path(root)
        for root in (FONT_DIR, settings.STATIC_ROOT, *settings.STATICFILES_DIRS, settings.MEDIA_ROOT)
        if root
    )


def _resource_policy(max_seconds):
    """No network, local reads only from the fonts, static and media folders, bounded in size and time."""
    return ResourceAccessPolicy.server(
        base_dir=None,
        extra_roots=_readable_roots(),
        allow_remote=False,
        max_render_seconds=max_seconds,
        max_document_bytes=PDF_MAX_DOCUMENT_BYTES,
    )


def _pisa(html, template_name, max_seconds=PDF_MAX_RENDER_SECONDS):
    output = BytesIO()
    result = pisa.CreatePDF(
        html,
        dest=output,
        encoding="utf-8",
        link_callback=_link_callback,
        resource_policy=_resource_policy(max_seconds),
    )
    if result.err:
        raise PdfRenderError(f"xhtml2pdf failed to render {template_name}")
    return output.getvalue()


def _too_long_notice():
    """A one-page PDF saying the document was too long to print (our own markup, no user text)."""
    message = _(
        "Dokumen ini terlalu panjang untuk dibuat PDF-nya. Kurangi isian yang sangat panjang "
        "(misalnya deskripsi atau jumlah entri), lalu coba lagi."
    )
    html = (
        '<html><head><meta charset="utf-8"><style>'
        f'@font-face {{ font-family: "DejaVu Sans"; src: url("{FONTS["regular"]}"); }}'
        'body { font-family: "DejaVu Sans"; font-size: 12pt; }'
        f"</style></head><body><p>{escape(message)}</p></body></html>"
    )
    return _pisa(html, "too-long notice")


def render_pdf(template_name, context=None, max_seconds=PDF_MAX_RENDER_SECONDS):
    """The PDF of ``template_name``; background jobs may allow more than a request's ``max_seconds``."""
    context = {"PORTAL_REGENCY": settings.PORTAL_REGENCY, "pdf_fonts": FONTS, **(context or {})}
    html = render_to_string(template_name, context)
    try:
        return _pisa(html, template_name, max_seconds)
    except RenderLimitError as error:
        logger.warning("PDF %s not rendered: %s", template_name, error)
        return _too_long_notice()


def pdf_response(pdf_bytes, filename, inline=False):
    response = HttpResponse(pdf_bytes, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
