from .master import KategoriLowongan, TipePekerjaan
from .vacancies import Application, SavedVacancy, Vacancy

__all__ = ["Application", "KategoriLowongan", "SavedVacancy", "TipePekerjaan", "Vacancy"]
