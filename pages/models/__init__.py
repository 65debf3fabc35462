from .announcements import AnnouncementIndexPage, AnnouncementPage
from .faq import FAQ, FAQCategory, FAQPage
from .links import Link
from .listings import MitraIndexPage, ServiceIndexPage, TestimonialIndexPage, VacancyIndexPage
from .standard import StandardPage

__all__ = [
    "FAQ",
    "AnnouncementIndexPage",
    "AnnouncementPage",
    "FAQCategory",
    "FAQPage",
    "Link",
    "MitraIndexPage",
    "ServiceIndexPage",
    "StandardPage",
    "TestimonialIndexPage",
    "VacancyIndexPage",
]
