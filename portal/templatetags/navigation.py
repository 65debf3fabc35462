from django import template
from wagtail.models import Site

from portal.public_cache import SITE

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """Beranda plus the live pages under it that editors mark "show in menus", in tree order."""
    request = context["request"]
    site = Site.find_for_request(request)
    root = site.root_page if site else None
    pages = root.get_children().live().in_menu().order_by("path") if root else []
    current = getattr(context.get("page"), "path", "") or ""
    return {
        "root": root,
        "root_active": bool(root) and current == root.path,
        "items": [(page, current.startswith(page.path)) for page in pages],
        "request": request,
    }


@register.simple_tag
def site_content_version():
    """The version of what editors change in the CMS (portal/public_cache.py): a fragment cached
    under it, such as the main menu and the footer, is rendered again once settings, links or pages
    change."""
    return SITE.current()
