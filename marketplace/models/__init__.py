from .alerts import JobAlert
from .master import KategoriLowongan, TipePekerjaan
from .vacancies import Application, SavedVacancy, Vacancy

__all__ = ["Application", "JobAlert", "KategoriLowongan", "SavedVacancy", "TipePekerjaan", "Vacancy"]
