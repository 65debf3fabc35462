from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from marketplace.choices import VacancySort
from marketplace.models import Service, Testimonial, Vacancy
from pages.models import AnnouncementIndexPage, MitraIndexPage, VacancyIndexPage
from portal.figures_cache import cached_figures
from portal.public_cache import serve_cached_page
from users.choices import AccountType
from users.models import User
from users.querysets import public_mitra_profiles


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

    def serve(self, request, *args, **kwargs):
        """Anonymous visitors get the Beranda from the cache until the public content changes."""
        return serve_cached_page(request, lambda: super(HomePage, self).serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            statistics=portal_statistics(),
            latest_vacancies=latest_vacancies(),
            featured_mitra=featured_mitra(),
            latest_announcements=latest_announcements(request),
            latest_testimonials=Testimonial.objects.newest_approved()[:3],
        )
        return context


STATISTICS = (
    _("Lowongan aktif"),
    _("Mitra terverifikasi"),
    _("Pencari kerja terdaftar"),
    _("Jasa ditawarkan"),
)


def portal_statistics():
    """The counts of the hero. Four COUNTs over the whole portal (about 150 ms on 200,000 accounts),
    so they are kept like the Dasbor's figures (portal/figures_cache.py): renewed when profiles,
    vacancies or services change, at most once a minute while they keep changing. The rest of the
    Beranda (latest vacancies, Mitra, announcements) follows every change at once."""
    counts = cached_figures("beranda_statistics", (), count_portal)
    return list(zip(STATISTICS, counts, strict=True))


def count_portal():
    personal = User.objects.filter(account_type=AccountType.PERSONAL, is_active=True)
    return [
        Vacancy.objects.open().count(),
        public_mitra_profiles().count(),
        personal.count(),
        Service.objects.public().count(),
    ]


def latest_vacancies(limit=6):
    index = VacancyIndexPage.objects.live().first()
    if index is None:
        return []
    vacancies = Vacancy.objects.open().with_card_data().sorted_by(VacancySort.NEWEST)[:limit]
    return [(vacancy, index.detail_url(vacancy)) for vacancy in vacancies]


def featured_mitra(limit=6):
    """Mitra Unggulan first, then recently verified Mitra, linked to their public page in the list
    of their category."""
    pages = {page.category: page for page in MitraIndexPage.objects.live()}
    mitra = public_mitra_profiles().order_by("-featured", "-verified_at")[:limit]
    return [
        (profile, pages[profile.category].detail_url(profile))
        for profile in mitra
        if profile.category in pages
    ]


def latest_announcements(request, limit=3):
    """The newest announcements of the government and of verified Mitra, as on the Pengumuman page."""
    index = AnnouncementIndexPage.objects.live().first()
    return index.latest(limit, request) if index else []
