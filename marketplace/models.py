"""Vacancies, applications, services, ratings and testimonials arrive in steps 4-6."""
