"""Testimonial: the approved testimonials of Personal and Mitra accounts."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path

from marketplace.models import Testimonial
from pages.models.listings import ListingPage
from portal.public_cache import CachedCountPaginator


class TestimonialIndexPage(ListingPage):
    """Approved testimonials, newest approval first, 12 per page (?halaman=). Each shows the author's
    name, account type and kecamatan, never contact data."""

    max_count = 1
    per_page = 12

    class Meta:
        verbose_name = _("halaman Testimonial")

    @path("")
    def index_route(self, request, *args, **kwargs):
        paginator = CachedCountPaginator(Testimonial.objects.newest_approved(), self.per_page)
        return self.render(
            request, context_overrides={"page_obj": paginator.get_page(request.GET.get("halaman"))}
        )
