"""Testimonial: the approved testimonials of Personal and Mitra accounts."""

from django.utils.translation import gettext_lazy as _

from pages.models.listings import ListingPage


class TestimonialIndexPage(ListingPage):
    max_count = 1

    class Meta:
        verbose_name = _("halaman Testimonial")
