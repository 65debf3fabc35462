"""Public marketplace listings as CMS pages: editors own the title, intro and SEO fields; the
listing, search, filters and detail routes are code (filled in by steps 4-6)."""

from django.db import models
from django.db.models import Avg, Count
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from marketplace.choices import ApplicationStatus
from marketplace.feeds import VacancyFeed, with_search
from marketplace.forms import VacancySearchForm
from marketplace.jsonld import employer_aggregate_rating, job_posting, to_script_json
from marketplace.models import Application, MitraRating, SavedVacancy, Vacancy
from marketplace.querysets_ratings import public_rating_q
from marketplace.use_cases import apply_blockers
from portal.public_cache import CachedCountPaginator, serve_cached_page
from users.models import Kecamatan
from users.querysets import public_mitra_profiles


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

    def serve(self, request, *args, **kwargs):
        """Anonymous visitors get lists, searches and detail pages from the cache until the public
        content changes (portal/public_cache.py); pages with a form are rendered each time."""
        return serve_cached_page(request, lambda: super(ListingPage, self).serve(request, *args, **kwargs))


class VacancyIndexPage(ListingPage):
    """Lowongan: open vacancies of verified Mitra, searchable and filterable through the query
    string (?q=, kecamatan, tipe, kategori, pendidikan, gaji, mitra, urut, halaman), 10 per page."""

    max_count = 1
    per_page = 10

    class Meta:
        verbose_name = _("halaman Lowongan")

    def search_vacancies(self, request):
        """The search form of the query string and the open vacancies it selects (listing and feed)."""
        form = VacancySearchForm(request.GET or None)
        return form, form.filter(Vacancy.objects.open().with_card_data())

    @path("")
    def index_route(self, request, *args, **kwargs):
        form, vacancies = self.search_vacancies(request)
        return self.render(
            request,
            context_overrides={
                "form": form,
                "page_obj": CachedCountPaginator(vacancies, self.per_page).get_page(
                    request.GET.get("halaman")
                ),
                "filtered": form.filtered,
                "feed_url": with_search(self.url + self.reverse_subpage("feed"), request),
            },
        )

    @path("feed/", name="feed")
    def feed(self, request):
        """Atom feed of the newest vacancies of the search in the query string."""
        return VacancyFeed(self)(request)

    @path("<int:pk>/", name="detail")
    def detail(self, request, pk):
        """Everything the Mitra entered; drafts and vacancies of unverified Mitra answer 404."""
        vacancy = get_object_or_404(Vacancy.objects.visible().with_card_data(), pk=pk)
        mitra_page = MitraIndexPage.objects.live().filter(category=vacancy.mitra.category).first()
        posting = job_posting(vacancy, request)
        context = {
            "vacancy": vacancy,
            "mitra_url": mitra_page.detail_url(vacancy.mitra) if mitra_page else "",
            "job_posting_json": to_script_json(posting) if posting else "",
            "mitra_rating": mitra_rating_summary(vacancy.mitra),
        }
        user = request.user
        if user.is_authenticated and user.is_personal:
            context["is_saved"] = SavedVacancy.objects.filter(vacancy=vacancy, personal__user=user).exists()
            context["application"] = (
                Application.objects.filter(vacancy=vacancy, personal__user=user)
                .exclude(status=ApplicationStatus.DITARIK)
                .first()
            )
            if vacancy.is_open and not context["application"]:
                context["blockers"], context["completeness"] = apply_blockers(user, vacancy)
        return self.render(request, template="pages/vacancy_detail.html", context_overrides=context)

    def detail_url(self, vacancy):
        return self.url + self.reverse_subpage("detail", args=[vacancy.pk])


def mitra_rating_summary(mitra):
    """Rating Mitra shown to the public: ``{"average", "count"}`` of its public ratings (one query)."""
    return MitraRating.objects.filter(mitra=mitra).public().summary()


class MitraIndexPage(ListingPage):
    class Category(models.TextChoices):
        FORMAL = "formal", _("Formal")
        INFORMAL = "informal", _("Informal")

    category = models.CharField(_("kategori mitra"), max_length=10, choices=Category.choices)
    content_panels = ListingPage.content_panels + [FieldPanel("category")]
    max_count = 2
    per_page = 12
    reviews_shown = 20

    class Meta:
        verbose_name = _("halaman daftar Mitra")

    def mitra_profiles(self):
        """Verified Mitra of this page's category; others answer 404 here."""
        return public_mitra_profiles(self.category)

    @path("")
    def index_route(self, request, *args, **kwargs):
        """The listing: keyword (?q=) on the name, kecamatan (?kecamatan=), 12 per page (?halaman=)."""
        query = request.GET.get("q", "").strip()[:100]
        kecamatan_list = list(Kecamatan.objects.order_by("name"))
        kecamatan = next((k for k in kecamatan_list if str(k.pk) == request.GET.get("kecamatan")), None)
        public = public_rating_q("ratings__")
        profiles = self.mitra_profiles().annotate(
            rating_average=Avg("ratings__stars", filter=public),
            rating_count=Count("ratings", filter=public),
        )
        if query:
            profiles = profiles.filter(name__icontains=query)
        if kecamatan:
            profiles = profiles.filter(kecamatan=kecamatan)
        paginator = CachedCountPaginator(profiles.order_by("name", "pk"), self.per_page)
        return self.render(
            request,
            context_overrides={
                "page_obj": paginator.get_page(request.GET.get("halaman")),
                "query": query,
                "kecamatan_list": kecamatan_list,
                "selected_kecamatan": kecamatan,
                "filtered": bool(query or kecamatan),
            },
        )

    @path("<int:pk>/", name="detail")
    def detail(self, request, pk):
        mitra = get_object_or_404(self.mitra_profiles(), pk=pk)
        ratings = MitraRating.objects.filter(mitra=mitra).public()
        summary = ratings.summary()
        aggregate = employer_aggregate_rating(mitra, summary)
        context = {
            "mitra": mitra,
            "rating": summary,
            # Newest first; the average and count above cover them all.
            "reviews": ratings.order_by("-created_at", "-pk")[: self.reviews_shown]
            if summary["count"]
            else [],
            "rating_json": to_script_json(aggregate) if aggregate else "",
        }
        return self.render(request, template="pages/mitra_detail.html", context_overrides=context)

    def detail_url(self, mitra):
        return self.url + self.reverse_subpage("detail", args=[mitra.pk])
