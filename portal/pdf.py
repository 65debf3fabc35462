"""Render a Django template to PDF bytes with xhtml2pdf and an embedded Unicode font (DejaVu Sans),
so that Indonesian names and characters come out as selectable text."""

from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from xhtml2pdf import pisa
from xhtml2pdf.config.resources import ResourceAccessPolicy

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONTS = {
    "regular": str(FONT_DIR / "DejaVuSans.ttf"),
    "bold": str(FONT_DIR / "DejaVuSans-Bold.ttf"),
}


class PdfRenderError(RuntimeError):
    pass


def _link_callback(uri, rel):
    """Resolve static and media URLs to files on disk; xhtml2pdf never fetches over the network."""
    if uri.startswith(str(FONT_DIR)):
        return uri
    if uri.startswith(settings.MEDIA_URL):
        path = Path(settings.MEDIA_ROOT) / uri.removeprefix(settings.MEDIA_URL)
        return str(path) if path.is_file() else ""
    if uri.startswith(settings.STATIC_URL):
        found = finders.find(uri.removeprefix(settings.STATIC_URL))
        return found or ""
    return ""


def _resource_policy():
    """Local files only (never the network), from the project, media and static folders."""
    return ResourceAccessPolicy(
        allow_remote=False,
        base_dir=Path(settings.BASE_DIR),
        extra_roots=(Path(settings.MEDIA_ROOT), Path(settings.STATIC_ROOT), FONT_DIR),
    )


def render_pdf(template_name, context=None):
    context = {"PORTAL_REGENCY": settings.PORTAL_REGENCY, "pdf_fonts": FONTS, **(context or {})}
    html = render_to_string(template_name, context)
    output = BytesIO()
    result = pisa.CreatePDF(
        html, dest=output, encoding="utf-8", link_callback=_link_callback, resource_policy=_resource_policy()
    )
    if result.err:
        raise PdfRenderError(f"xhtml2pdf failed to render {template_name}")
    return output.getvalue()


def pdf_response(pdf_bytes, filename, inline=False):
    response = HttpResponse(pdf_bytes, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
