from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, Page, PreviewableMixin, RevisionMixin
from wagtail.search import index
from wagtail.search.backends import get_search_backend


class FAQCategory(models.Model):
    name = models.CharField(_("nama kategori"), max_length=100, unique=True)
    sort_order = models.PositiveIntegerField(_("urutan"), default=0)

    panels = [FieldPanel("name"), FieldPanel("sort_order")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("kategori FAQ")
        verbose_name_plural = _("kategori FAQ")

    def __str__(self):
        return self.name


class FAQQuerySet(models.QuerySet):
    def published(self):
        return (
            self.filter(live=True)
            .select_related("category")
            .order_by("category__sort_order", "category__name", "sort_order", "pk")
        )


class FAQ(DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model):
    """One question and answer, edited as a snippet with drafts, preview and publish."""

    question = models.CharField(_("pertanyaan"), max_length=255)
    answer = RichTextField(_("jawaban"))
    category = models.ForeignKey(
        FAQCategory, verbose_name=_("kategori"), on_delete=models.PROTECT, related_name="faqs"
    )
    sort_order = models.PositiveIntegerField(_("urutan"), default=0)

    objects = FAQQuerySet.as_manager()

    panels = [
        FieldPanel("question"),
        FieldPanel("answer"),
        FieldPanel("category"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("question", boost=2),
        index.SearchField("answer"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["category__sort_order", "sort_order", "pk"]
        verbose_name = _("FAQ")
        verbose_name_plural = _("FAQ")

    def __str__(self):
        return self.question

    def get_preview_template(self, request, mode_name):
        return "pages/faq_preview.html"


class FAQPage(Page):
    intro = RichTextField(_("pengantar"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = _("halaman FAQ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = request.GET.get("q", "").strip()[:100]
        faqs = FAQ.objects.published()
        if query:
            ids = [faq.pk for faq in get_search_backend().search(query, FAQ.objects.filter(live=True))]
            faqs = faqs.filter(pk__in=ids)
        context["query"] = query
        context["faqs"] = faqs
        return context
