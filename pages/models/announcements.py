"""Pengumuman: the government's announcements (CMS pages under the index) and those of verified Mitra
(marketplace.MitraAnnouncement), shown together, newest first, each marked with its source."""

import datetime
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db import models
from django.db.models import CharField, F, Value
from django.db.models.functions import TruncDate
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from marketplace.models import MitraAnnouncement, Vacancy
from pages.models.listings import MitraIndexPage, VacancyIndexPage

SOURCE_GOVERNMENT = "pemerintah"
SOURCE_MITRA = "mitra"
SOURCES = {SOURCE_GOVERNMENT: _("Pemerintah"), SOURCE_MITRA: _("Mitra")}


@dataclass
class AnnouncementItem:
    """One row of the combined list, whatever its source."""

    source: str
    title: str
    date: datetime.date
    summary: str
    url: str
    mitra: object = None  # the MitraProfile of a Mitra announcement

    @property
    def source_label(self):
        return SOURCES[self.source]

    @property
    def is_government(self):
        return self.source == SOURCE_GOVERNMENT


class AnnouncementIndexPage(RoutablePageMixin, Page):
    intro = RichTextField(_("pengantar"), blank=True)
    per_page = 10

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["pages.AnnouncementPage"]
    max_count = 1

    class Meta:
        verbose_name = _("indeks Pengumuman")

    # The combined list is sorted and paginated in the database on light rows (day, moment, pk,
    # source) of both kinds; only the rows of the page shown are then loaded, in one query per kind.
    # A government announcement sorts by its date (then its first publication), a Mitra one by the
    # day it was created (then the moment).

    def _government_rows(self):
        return (
            AnnouncementPage.objects.live()
            .child_of(self)
            .order_by()
            .annotate(
                sort_day=F("date"),
                sort_moment=F("first_published_at"),
                ref=F("pk"),
                source=Value(SOURCE_GOVERNMENT, output_field=CharField()),
            )
            .values_list("sort_day", "sort_moment", "ref", "source")
        )

    @staticmethod
    def _mitra_rows():
        return (
            MitraAnnouncement.objects.public()
            .order_by()
            .annotate(
                sort_day=TruncDate("created_at"),
                sort_moment=F("created_at"),
                ref=F("pk"),
                source=Value(SOURCE_MITRA, output_field=CharField()),
            )
            .values_list("sort_day", "sort_moment", "ref", "source")
        )

    def feed_rows(self, source=None):
        """(day, moment, pk, source) of every public announcement of ``source`` (both when None),
        newest first, as a lazy queryset: slicing it costs one query, whatever the page."""
        if source == SOURCE_GOVERNMENT:
            rows = self._government_rows()
        elif source == SOURCE_MITRA:
            rows = self._mitra_rows()
        else:
            rows = self._government_rows().union(self._mitra_rows(), all=True)
        return rows.order_by("-sort_day", "-sort_moment", "-ref")

    def load_items(self, rows, request=None):
        """The AnnouncementItems of these rows, in their order: one query per source."""
        rows = list(rows)
        ids = {source: [ref for _day, _moment, ref, kind in rows if kind == source] for source in SOURCES}
        pages, mitra_announcements = {}, {}
        if ids[SOURCE_GOVERNMENT]:
            pages = AnnouncementPage.objects.filter(pk__in=ids[SOURCE_GOVERNMENT]).in_bulk()
        if ids[SOURCE_MITRA]:
            mitra_announcements = (
                MitraAnnouncement.objects.public().filter(pk__in=ids[SOURCE_MITRA]).in_bulk()
            )
        items, base_url = [], self.url
        for _day, _moment, ref, source in rows:
            if source == SOURCE_GOVERNMENT and ref in pages:
                page = pages[ref]
                items.append(
                    AnnouncementItem(
                        source, page.title, page.date, page.summary, page.get_url(request=request)
                    )
                )
            elif source == SOURCE_MITRA and ref in mitra_announcements:
                announcement = mitra_announcements[ref]
                items.append(
                    AnnouncementItem(
                        source,
                        announcement.title,
                        timezone.localdate(announcement.created_at),
                        Truncator(announcement.body).chars(200),
                        base_url + self.reverse_subpage("mitra_announcement", args=[ref]),
                        mitra=announcement.mitra,
                    )
                )
        return items

    def latest(self, limit=3, request=None):
        """The newest public announcements of both sources (Beranda)."""
        return self.load_items(self.feed_rows()[:limit], request)

    @path("")
    def index_route(self, request, *args, **kwargs):
        """The combined list, newest first; ?sumber=pemerintah|mitra filters, ?halaman= pages."""
        source = request.GET.get("sumber")
        source = source if source in SOURCES else None
        page_obj = Paginator(self.feed_rows(source), self.per_page).get_page(request.GET.get("halaman"))
        page_obj.object_list = self.load_items(page_obj.object_list, request)
        return self.render(
            request,
            context_overrides={
                "page_obj": page_obj,
                "source": source,
                "sources": list(SOURCES.items()),
            },
        )

    @path("mitra/<int:pk>/", name="mitra_announcement")
    def mitra_announcement(self, request, pk):
        """A Mitra's announcement; those of unverified Mitra (and unknown ones) answer 404."""
        announcement = get_object_or_404(MitraAnnouncement.objects.public(), pk=pk)
        context = {"announcement": announcement, "vacancy_url": "", "mitra_url": ""}
        vacancy = None
        if announcement.vacancy_id:
            vacancy = Vacancy.objects.visible().filter(pk=announcement.vacancy_id).first()
        if vacancy is not None:
            vacancy_page = VacancyIndexPage.objects.live().first()
            context["vacancy"] = vacancy
            context["vacancy_url"] = vacancy_page.detail_url(vacancy) if vacancy_page else ""
        mitra_page = MitraIndexPage.objects.live().filter(category=announcement.mitra.category).first()
        if mitra_page is not None:
            context["mitra_url"] = mitra_page.detail_url(announcement.mitra)
        return self.render(request, template="pages/mitra_announcement.html", context_overrides=context)

    def mitra_announcement_url(self, announcement):
        return self.url + self.reverse_subpage("mitra_announcement", args=[announcement.pk])


class AnnouncementPage(Page):
    date = models.DateField(_("tanggal"), default=timezone.localdate)
    summary = models.CharField(_("ringkasan"), max_length=300, blank=True)
    body = RichTextField(_("isi"))
    attachment = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("lampiran"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("attachment"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["pages.AnnouncementIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("pengumuman")
        verbose_name_plural = _("pengumuman")
