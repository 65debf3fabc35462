from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.models import SiteSettings
from portal.pdf import pdf_response, render_pdf


class GuideIndexPage(RoutablePageMixin, Page):
    """Panduan Penggunaan: table of contents of its chapters and the whole guide as one PDF."""

    intro = RichTextField(_("pengantar"), blank=True)
    document_version = models.CharField(_("versi dokumen"), max_length=20, default="1.0")

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("document_version")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["guidance.GuidePage"]
    max_count = 1

    class Meta:
        verbose_name = _("indeks Panduan Penggunaan")

    def chapters(self):
        return GuidePage.objects.live().child_of(self).specific().order_by("path")

    @path("")
    def index(self, request):
        return self.render(request, context_overrides={"chapters": self.chapters()})

    @path("unduh-pdf/", name="pdf")
    def download_pdf(self, request):
        site_settings = SiteSettings.for_request(request)
        pdf = render_pdf(
            "guidance/guide_pdf.html",
            {
                "page": self,
                "chapters": self.chapters(),
                "site_settings": site_settings,
                "printed_at": timezone.localtime(),
            },
        )
        return pdf_response(pdf, f"panduan-penggunaan-{self.slug}.pdf")


class GuidePage(Page):
    """One chapter of the guide; chapters are ordered as they are in the page tree."""

    summary = models.CharField(_("ringkasan"), max_length=300, blank=True)
    body = RichTextField(_("isi"))

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["guidance.GuideIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("bab panduan")
        verbose_name_plural = _("bab panduan")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        chapters = list(self.get_parent().specific.chapters())
        ids = [chapter.pk for chapter in chapters]
        position = ids.index(self.pk) if self.pk in ids else 0
        context.update(
            chapters=chapters,
            chapter_number=position + 1,
            previous_chapter=chapters[position - 1] if position > 0 else None,
            next_chapter=chapters[position + 1] if position + 1 < len(chapters) else None,
        )
        return context
