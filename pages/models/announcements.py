from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class AnnouncementIndexPage(Page):
    intro = RichTextField(_("pengantar"), blank=True)
    per_page = 10

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["pages.AnnouncementPage"]
    max_count = 1

    class Meta:
        verbose_name = _("indeks Pengumuman")

    def announcements(self):
        return (
            AnnouncementPage.objects.live()
            .child_of(self)
            .select_related("attachment")
            .order_by("-date", "-first_published_at")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.announcements(), self.per_page)
        context["page_obj"] = paginator.get_page(request.GET.get("halaman"))
        return context


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
