"""Atom feed of new vacancies (issue 5), also per search: served by VacancyIndexPage at
/lowongan/feed/ with the listing's query-string filters (?q=, kecamatan, tipe …)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from marketplace.choices import VacancySort
from marketplace.templatetags.marketplace_tags import rupiah
from portal.models import SiteSettings

FEED_SIZE = 30


def with_search(url, request):
    """``url`` with the search in the request's query string (without the page number)."""
    query = request.GET.copy()
    query.pop("halaman", None)
    return f"{url}?{query.urlencode()}" if query else url


def feed_salary(vacancy):
    """The salary for the feed: "Rp 3.500.000", "Rp 2.500.000 – Rp 3.000.000" or "Gaji dirahasiakan"."""
    if vacancy.salary_hidden or (vacancy.salary_min is None and vacancy.salary_max is None):
        return _("Gaji dirahasiakan")
    figures = [rupiah(value) for value in (vacancy.salary_min, vacancy.salary_max) if value is not None]
    return " – ".join(dict.fromkeys(figures))


class VacancyFeed(Feed):
    """The newest ``FEED_SIZE`` public vacancies of ``page`` (a VacancyIndexPage) matching the
    request's query string, newest first."""

    feed_type = Atom1Feed

    def __init__(self, page):
        super().__init__()
        self.page = page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.page

    def title(self, page):
        return f"{page.title} · {SiteSettings.for_request(self.request).app_name}"

    def subtitle(self, page):
        return _("Lowongan kerja terbaru")

    def link(self, page):
        return with_search(page.url, self.request)

    def feed_url(self, page):
        return with_search(page.url + page.reverse_subpage("feed"), self.request)

    def items(self, page):
        _form, vacancies = page.search_vacancies(self.request)
        return vacancies.sorted_by(VacancySort.NEWEST)[:FEED_SIZE]

    def item_title(self, vacancy):
        return f"{vacancy.title} — {vacancy.mitra.name}"

    def item_description(self, vacancy):
        kecamatan = ", ".join(_("Kec. %(name)s") % {"name": k.name} for k in vacancy.locations.all())
        parts = [kecamatan, vacancy.job_type.name, feed_salary(vacancy)]
        return escape(" · ".join(part for part in parts if part))

    def item_link(self, vacancy):
        return self.page.detail_url(vacancy)

    def item_pubdate(self, vacancy):
        return vacancy.published_at

    def item_updateddate(self, vacancy):
        return vacancy.published_at

    def item_author_name(self, vacancy):
        return vacancy.mitra.name

    def item_categories(self, vacancy):
        return [vacancy.category.name, vacancy.job_type.name]
