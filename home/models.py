from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from pages.models import AnnouncementPage


class HomePage(Page):
    """Beranda: hero, intro and the latest public activity of the portal."""

    hero_title = models.CharField(
        _("judul utama"), max_length=150, default="Cari kerja dan jasa di Purbalingga"
    )
    hero_text = models.CharField(_("teks utama"), max_length=300, blank=True)
    intro = RichTextField(_("pengantar"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text")], heading=_("Hero")),
        FieldPanel("intro"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("Beranda")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_announcements"] = AnnouncementPage.objects.live().order_by(
            "-date", "-first_published_at"
        )[:3]
        return context
