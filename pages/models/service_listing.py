"""Penawaran Jasa: the public service listing, its detail pages and the providers' public pages
(guide §5.2: "Buka halaman Penawaran Jasa dari menu utama. Cari jasa yang dibutuhkan. Klik untuk
melihat detail jasa dan rating penyedia. Klik tombol Gunakan Jasa")."""

from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path

from marketplace import service_use_cases
from marketplace.choices import ServiceRatingDirection, ServiceSort
from marketplace.forms_service_search import ServiceSearchForm
from marketplace.models import SavedService, Service, ServiceRating
from pages.models.listings import ListingPage, MitraIndexPage
from portal.public_cache import CachedCountPaginator
from users.choices import AccountType

# How many reviews a detail or provider page shows (newest first); the summary counts them all.
MAX_REVIEWS = 30


def public_services():
    """Services shown on Penawaran Jasa, with what a card needs (category, provider and profile,
    areas, photos, rating)."""
    return Service.objects.public().with_card_data().with_rating()


def provider_reviews(**filters):
    """Public reviews of providers by the users of their services, newest first."""
    return (
        ServiceRating.objects.public()
        .filter(direction=ServiceRatingDirection.OF_PROVIDER, **filters)
        .order_by("-created_at", "-pk")
    )


def mitra_page_url(profile):
    """The public page of a Mitra (its category's Mitra listing), or "" while it is not public."""
    if profile is None or not profile.is_verified:
        return ""
    page = MitraIndexPage.objects.live().filter(category=profile.category).first()
    return page.detail_url(profile) if page else ""


class ServiceIndexPage(ListingPage):
    """Penawaran Jasa: active services of providers with a verified email, searchable and filterable
    through the query string (?q=, kategori, kecamatan, harga, penyedia, rating, urut, halaman),
    10 per page."""

    max_count = 1
    per_page = 10

    class Meta:
        verbose_name = _("halaman Penawaran Jasa")

    @path("")
    def index_route(self, request, *args, **kwargs):
        form = ServiceSearchForm(request.GET or None)
        services = form.filter(public_services())
        return self.render(
            request,
            context_overrides={
                "form": form,
                "page_obj": CachedCountPaginator(services, self.per_page).get_page(
                    request.GET.get("halaman")
                ),
                "filtered": form.filtered,
            },
        )

    @path("<int:pk>/", name="detail")
    def detail(self, request, pk):
        """Everything the provider entered; paused, removed services and those of providers whose
        email is not verified answer 404."""
        service = get_object_or_404(public_services(), pk=pk)
        provider = service.provider
        reviews = provider_reviews(service=service)
        context = {
            "service": service,
            "provider_name": service_use_cases.display_name(provider),
            "provider_page_url": self._provider_page_url(provider),
            "reviews": list(reviews[:MAX_REVIEWS]),
            "more_reviews": service.rating_count > MAX_REVIEWS,
        }
        user = request.user
        context["is_owner"] = user.is_authenticated and user.pk == provider.pk
        context["can_use_services"] = not user.is_authenticated or user.is_personal or user.is_mitra
        if user.is_authenticated and (user.is_personal or user.is_mitra) and not context["is_owner"]:
            context["open_request"] = service_use_cases.open_request(user, service)
            if not context["open_request"]:
                context["blockers"] = service_use_cases.request_blockers(user, service)
            context["is_saved"] = SavedService.objects.filter(user=user, service=service).exists()
        # The page instance is this request's own: its SEO fields describe the service here.
        self.search_description = Truncator(" ".join(service.description.split())).chars(155)
        return self.render(request, template="pages/service_detail.html", context_overrides=context)

    @path("penyedia/<int:pk>/", name="provider")
    def provider(self, request, pk):
        """A Personal provider's public page: name, kecamatan, verification, rating and public
        services; never contact details. A Mitra provider is sent to its Mitra page."""
        user = get_object_or_404(
            get_user_model().objects.select_related("personal_profile__kecamatan", "mitra_profile"),
            pk=pk,
            is_active=True,
        )
        if user.account_type == AccountType.MITRA:
            url = mitra_page_url(getattr(user, "mitra_profile", None))
            if not url:
                raise Http404
            return redirect(url)
        if user.account_type != AccountType.PERSONAL:
            raise Http404
        services = list(public_services().filter(provider=user).sorted_by(ServiceSort.NEWEST))
        if not services:
            raise Http404
        reviews = provider_reviews(ratee=user)
        summary = reviews.summary()
        name = service_use_cases.display_name(user)
        self.search_description = _("Jasa yang ditawarkan %(name)s di Penawaran Jasa.") % {"name": name}
        return self.render(
            request,
            template="pages/service_provider.html",
            context_overrides={
                "provider": user,
                "profile": getattr(user, "personal_profile", None),
                "provider_name": name,
                "services": services,
                "rating": summary,
                "reviews": list(reviews[:MAX_REVIEWS]),
                "more_reviews": summary["count"] > MAX_REVIEWS,
            },
        )

    def _provider_page_url(self, user):
        if user.is_mitra:
            return mitra_page_url(getattr(user, "mitra_profile", None))
        return self.provider_url(user)

    def detail_url(self, service):
        return self.url + self.reverse_subpage("detail", args=[service.pk])

    def provider_url(self, user):
        return self.url + self.reverse_subpage("provider", args=[user.pk])

    def get_sitemap_urls(self, request=None):
        """The listing, every public service and every Personal provider's page."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        services = Service.objects.public().order_by("-created_at", "-pk")
        for pk, updated_at in services.values_list("pk", "updated_at"):
            urls.append({"location": base + self.reverse_subpage("detail", args=[pk]), "lastmod": updated_at})
        providers = (
            services.filter(provider__account_type=AccountType.PERSONAL)
            .order_by("provider_id")
            .values_list("provider_id", flat=True)
            .distinct()
        )
        for provider_id in providers:
            urls.append({"location": base + self.reverse_subpage("provider", args=[provider_id])})
        return urls
