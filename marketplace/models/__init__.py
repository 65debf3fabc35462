from .alerts import JobAlert
from .community import MitraAnnouncement, Testimonial
from .master import KategoriJasa, KategoriLowongan, TipePekerjaan
from .ratings import RATING_WINDOW_DAYS, MitraRating, PersonalRating, RatingReport, ServiceRating
from .services import SavedService, Service, ServicePhoto, ServiceRequest, ServiceRequestEvent
from .vacancies import Application, SavedVacancy, Vacancy

__all__ = [
    "RATING_WINDOW_DAYS",
    "Application",
    "JobAlert",
    "KategoriJasa",
    "KategoriLowongan",
    "MitraAnnouncement",
    "MitraRating",
    "PersonalRating",
    "RatingReport",
    "SavedService",
    "SavedVacancy",
    "Service",
    "ServicePhoto",
    "ServiceRating",
    "ServiceRequest",
    "ServiceRequestEvent",
    "Testimonial",
    "TipePekerjaan",
    "Vacancy",
]
