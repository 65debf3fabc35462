"""Penawaran Jasa: the public service listing, its detail pages and the providers' public pages."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path

from pages.models.listings import ListingPage


class ServiceIndexPage(ListingPage):
    max_count = 1

    class Meta:
        verbose_name = _("halaman Penawaran Jasa")

    @path("<int:pk>/", name="detail")
    def detail(self, request, pk):
        raise Http404

    @path("penyedia/<int:pk>/", name="provider")
    def provider(self, request, pk):
        raise Http404

    def detail_url(self, service):
        return self.url + self.reverse_subpage("detail", args=[service.pk])

    def provider_url(self, user):
        return self.url + self.reverse_subpage("provider", args=[user.pk])
