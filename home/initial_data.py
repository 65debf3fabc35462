"""Idempotent creation of the page tree, CMS content and site settings (load_initial_data)."""

from django.db import transaction
from wagtail.models import Page, Site

from guidance.models import GuideIndexPage, GuidePage
from home import initial_content as content
from home.models import HomePage
from pages.models import (
    FAQ,
    AnnouncementIndexPage,
    FAQCategory,
    FAQPage,
    Link,
    MitraIndexPage,
    ServiceIndexPage,
    StandardPage,
    TestimonialIndexPage,
    VacancyIndexPage,
)
from portal.models import SiteSettings


def _child(parent, page_class, slug, **fields):
    """Return the child page with this slug, creating and publishing it when missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _home_page():
    home = HomePage.objects.first()
    if home:
        return home
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    # Replace Wagtail's "Welcome" placeholder page created by its initial migration.
    for placeholder in root.get_children().filter(content_type__model="page"):
        placeholder.delete()
    home = HomePage(slug="beranda", show_in_menus=False, **content.HOME)
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


def _site(home):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=content.SITE_SETTINGS["app_name"],
        )
    if site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = content.SITE_SETTINGS["app_name"]
        site.save()
    return site


def _menu(parent, page_class, slug, title, **fields):
    return _child(parent, page_class, slug, title=title, show_in_menus=True, **fields)


def build_page_tree():
    home = _home_page()
    site = _site(home)
    _menu(home, VacancyIndexPage, "lowongan", "Lowongan", **content.LISTINGS["lowongan"])
    _menu(home, ServiceIndexPage, "penawaran-jasa", "Penawaran Jasa", **content.LISTINGS["penawaran-jasa"])
    announcements = _menu(
        home, AnnouncementIndexPage, "pengumuman", "Pengumuman", intro=content.ANNOUNCEMENT_INTRO
    )
    _menu(
        home,
        MitraIndexPage,
        "mitra-formal",
        "Mitra Formal",
        category="formal",
        **content.LISTINGS["mitra-formal"],
    )
    _menu(
        home,
        MitraIndexPage,
        "mitra-informal",
        "Mitra Informal",
        category="informal",
        **content.LISTINGS["mitra-informal"],
    )
    _menu(home, TestimonialIndexPage, "testimonial", "Testimonial", **content.LISTINGS["testimonial"])
    for slug, page in content.STANDARD_PAGES.items():
        if page.get("in_menu"):
            _menu(home, StandardPage, slug, page["title"], intro=page["intro"], body=page["body"])
    _menu(home, FAQPage, "faq", "FAQ", intro=content.FAQ_INTRO)
    guide = _menu(home, GuideIndexPage, "panduan-penggunaan", "Panduan Penggunaan", intro=content.GUIDE_INTRO)
    for chapter in content.GUIDE_CHAPTERS:
        _child(
            guide,
            GuidePage,
            chapter["slug"],
            title=chapter["title"],
            summary=chapter["summary"],
            body=chapter["body"],
        )
    legal = {
        slug: _child(home, StandardPage, slug, title=page["title"], intro=page["intro"], body=page["body"])
        for slug, page in content.STANDARD_PAGES.items()
        if not page.get("in_menu")
    }
    _site_settings(site, legal)
    return home, announcements


def _site_settings(site, legal_pages):
    settings_obj = SiteSettings.for_site(site)
    if settings_obj.address:  # already configured: never overwrite an editor's changes
        return
    for field, value in content.SITE_SETTINGS.items():
        setattr(settings_obj, field, value)
    settings_obj.privacy_page = legal_pages.get("kebijakan-privasi")
    settings_obj.terms_page = legal_pages.get("ketentuan-penggunaan")
    settings_obj.save()


def load_faqs():
    for category_order, (category_name, entries) in enumerate(content.FAQS, start=1):
        category, _ = FAQCategory.objects.get_or_create(
            name=category_name, defaults={"sort_order": category_order}
        )
        for order, (question, answer) in enumerate(entries, start=1):
            if not FAQ.objects.filter(question=question).exists():
                faq = FAQ.objects.create(
                    question=question, answer=answer, category=category, sort_order=order
                )
                faq.save_revision().publish()


def load_links():
    for order, (title, url) in enumerate(content.LINKS, start=1):
        Link.objects.get_or_create(url=url, defaults={"title": title, "sort_order": order})


@transaction.atomic
def load_cms_content():
    build_page_tree()
    load_faqs()
    load_links()
