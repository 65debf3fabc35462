from .announcements import AnnouncementIndexPage, AnnouncementPage
from .faq import FAQ, FAQCategory, FAQPage
from .links import Link
from .listings import MitraIndexPage, VacancyIndexPage
from .service_listing import ServiceIndexPage
from .standard import StandardPage
from .testimonials import TestimonialIndexPage

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
