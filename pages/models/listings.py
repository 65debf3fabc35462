"""Public marketplace listings as CMS pages: editors own the title, intro and SEO fields; the
listing, search, filters and detail routes are code (filled in by steps 4-6)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Page


class ListingPage(RoutablePageMixin, Page):
    intro = RichTextField(_("pengantar"), blank=True)
    empty_message = models.CharField(
        _("pesan saat kosong"),
        max_length=255,
        blank=True,
        help_text=_("Ditampilkan bila belum ada data untuk ditampilkan."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("empty_message")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        abstract = True


class VacancyIndexPage(ListingPage):
    max_count = 1

    class Meta:
        verbose_name = _("halaman Lowongan")


class ServiceIndexPage(ListingPage):
    max_count = 1

    class Meta:
        verbose_name = _("halaman Penawaran Jasa")


class MitraIndexPage(ListingPage):
    class Category(models.TextChoices):
        FORMAL = "formal", _("Formal")
        INFORMAL = "informal", _("Informal")

    category = models.CharField(_("kategori mitra"), max_length=10, choices=Category.choices)
    content_panels = ListingPage.content_panels + [FieldPanel("category")]
    max_count = 2

    class Meta:
        verbose_name = _("halaman daftar Mitra")


class TestimonialIndexPage(ListingPage):
    max_count = 1

    class Meta:
        verbose_name = _("halaman Testimonial")
