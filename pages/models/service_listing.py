"""Penawaran Jasa: the public service listing, its detail pages and the providers' public pages."""

from django.utils.translation import gettext_lazy as _

from pages.models.listings import ListingPage


class ServiceIndexPage(ListingPage):
    max_count = 1

    class Meta:
        verbose_name = _("halaman Penawaran Jasa")
