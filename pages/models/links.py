from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Link(models.Model):
    """A useful external link (Disnaker, BPJS, OSS …) listed in the footer."""

    title = models.CharField(_("judul"), max_length=100)
    url = models.URLField(_("alamat URL"))
    sort_order = models.PositiveIntegerField(_("urutan"), default=0)

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "title"]
        verbose_name = _("tautan")
        verbose_name_plural = _("tautan")

    def __str__(self):
        return self.title
