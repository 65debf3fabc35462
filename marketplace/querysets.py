"""Read queries of the job marketplace, with what their pages need fetched up front. The model
managers are built from these QuerySets (``Vacancy.objects.public()`` …)."""

from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from marketplace import search
from marketplace.choices import OPEN_APPLICATION_STATUSES, ApplicationStatus, VacancySort, VacancyStatus
from users.choices import VerificationStatus


class VacancyQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=VacancyStatus.PUBLISHED)

    def open(self):
        """Published, not past the end date, of a verified Mitra: what anyone may apply to."""
        return self.published().filter(
            end_date__gte=timezone.localdate(),
            mitra__verification_status=VerificationStatus.TERVERIFIKASI,
        )

    def visible(self):
        """Vacancies whose detail page is public: every vacancy of a verified Mitra that was ever
        published (an ended, closed or filled one says so and takes no applications), except those
        taken down by staff."""
        return self.exclude(status__in=(VacancyStatus.DRAFT, VacancyStatus.TAKEN_DOWN)).filter(
            mitra__verification_status=VerificationStatus.TERVERIFIKASI
        )

    def with_card_data(self):
        return self.select_related("mitra", "job_type", "category", "min_education").prefetch_related(
            "locations"
        )

    def of_mitra(self, mitra):
        return self.filter(mitra=mitra)

    def search(self, text):
        """Vacancies matching every word of ``text`` in the title, description, qualifications or
        the Mitra's name, through Wagtail search (stemmed: "menjahit" finds "penjahit")."""
        return search.matching(self, text)

    def salary_at_least(self, amount):
        """Vacancies that may pay ``amount``: the top of the range (or the only figure) reaches it.
        Hidden ("dirahasiakan/nego") salaries are left out, since nothing is known of them."""
        return self.filter(salary_hidden=False).filter(
            Q(salary_max__gte=amount) | Q(salary_max__isnull=True, salary_min__gte=amount)
        )

    def for_education(self, level):
        """Vacancies a person with education ``level`` qualifies for."""
        return self.filter(Q(min_education__isnull=True) | Q(min_education__rank__lte=level.rank))

    def sorted_by(self, sort):
        """Each order matches an index of published vacancies (Vacancy.Meta.indexes)."""
        newest = (F("published_at").desc(nulls_last=True), "-pk")
        if sort == VacancySort.ENDING:
            return self.order_by("end_date", *newest)
        if sort == VacancySort.SALARY:
            return self.order_by(Coalesce("salary_max", "salary_min").desc(nulls_last=True), *newest)
        return self.order_by(*newest)

    def with_applicant_counts(self):
        """One aggregated query: ``applicants_<status>`` for each status and ``applicants_total``."""
        counts = {
            f"applicants_{status.value}": Count("applications", filter=Q(applications__status=status))
            for status in ApplicationStatus
        }
        return self.annotate(applicants_total=Count("applications"), **counts)


class ApplicationQuerySet(models.QuerySet):
    # Both sides' ratings (one-to-one), for "Berikan Rating" / "Ubah Rating" on list rows.
    RATINGS = ("mitra_rating", "personal_rating")

    def with_resume(self):
        """Applications with everything an applicant's resume (page or PDF) shows."""
        return self.select_related(
            "vacancy__mitra",
            "personal__user",
            "personal__kecamatan",
            "personal__desa__kecamatan",
            "personal__education_level",
        ).prefetch_related(
            "personal__experiences",
            "personal__educations__level",
            "personal__skills",
            "personal__organisations",
        )

    def open(self):
        return self.filter(status__in=OPEN_APPLICATION_STATUSES)

    def for_mitra(self, mitra):
        return self.filter(vacancy__mitra=mitra).select_related(
            "vacancy",
            "personal__user",
            "personal__kecamatan",
            "personal__education_level",
            *self.RATINGS,
        )

    def for_personal(self, personal):
        return self.filter(personal=personal).select_related("vacancy__mitra", *self.RATINGS)


class SavedVacancyQuerySet(models.QuerySet):
    def for_personal(self, personal):
        return (
            self.filter(personal=personal)
            .select_related("vacancy__mitra", "vacancy__job_type")
            .prefetch_related("vacancy__locations")
        )
