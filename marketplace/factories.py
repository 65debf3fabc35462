import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from marketplace.choices import PriceUnit, ServiceRequestStatus, VacancyStatus
from marketplace.models import (
    Application,
    KategoriJasa,
    KategoriLowongan,
    SavedVacancy,
    Service,
    ServiceRequest,
    TipePekerjaan,
    Vacancy,
)
from users.choices import VerificationStatus
from users.factories import MitraProfileFactory, PersonalFactory, PersonalProfileFactory


class TipePekerjaanFactory(DjangoModelFactory):
    name = "Penuh Waktu"

    class Meta:
        model = TipePekerjaan
        django_get_or_create = ("name",)


class KategoriLowonganFactory(DjangoModelFactory):
    name = "Produksi dan Manufaktur"

    class Meta:
        model = KategoriLowongan
        django_get_or_create = ("name",)


class VacancyFactory(DjangoModelFactory):
    """A published vacancy of a verified Mitra, open for 30 more days (``draft=True`` for a draft)."""

    mitra = factory.SubFactory(MitraProfileFactory, verification_status=VerificationStatus.TERVERIFIKASI)
    title = factory.Sequence(lambda n: f"Operator Produksi {n}")
    description = "Membuat bulu mata palsu sesuai standar ekspor."
    qualifications = "Teliti, sabar, bersedia bekerja dalam tim."
    salary_min = 2_200_000
    salary_max = 2_800_000
    job_type = factory.SubFactory(TipePekerjaanFactory)
    category = factory.SubFactory(KategoriLowonganFactory)
    quota = 5
    end_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    status = VacancyStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Vacancy
        skip_postgeneration_save = True

    class Params:
        draft = factory.Trait(status=VacancyStatus.DRAFT, published_at=None)

    @factory.post_generation
    def locations(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.locations.set(extracted)


class ApplicationFactory(DjangoModelFactory):
    vacancy = factory.SubFactory(VacancyFactory)
    personal = factory.SubFactory(PersonalProfileFactory)

    class Meta:
        model = Application


class SavedVacancyFactory(DjangoModelFactory):
    vacancy = factory.SubFactory(VacancyFactory)
    personal = factory.SubFactory(PersonalProfileFactory)

    class Meta:
        model = SavedVacancy


class KategoriJasaFactory(DjangoModelFactory):
    name = "Bangunan dan Renovasi"

    class Meta:
        model = KategoriJasa
        django_get_or_create = ("name",)


class ServiceFactory(DjangoModelFactory):
    """An active service of a Personal with a verified email, Rp 150.000 per hari."""

    provider = factory.SubFactory(PersonalFactory)
    title = factory.Sequence(lambda n: f"Tukang Bangunan {n}")
    description = "Perbaikan atap, pengecatan dan pemasangan keramik."
    category = factory.SubFactory(KategoriJasaFactory)
    price = 150_000
    price_unit = PriceUnit.DAY

    class Meta:
        model = Service
        skip_postgeneration_save = True

    @factory.post_generation
    def areas(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.areas.set(extracted)


class ServiceRequestFactory(DjangoModelFactory):
    """A Dikirim request by another Personal (``status=`` for others; no events are recorded)."""

    service = factory.SubFactory(ServiceFactory)
    requester = factory.SubFactory(PersonalFactory)
    message = "Mohon perbaiki genteng yang bocor."
    wished_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=3))
    status = ServiceRequestStatus.DIKIRIM

    class Meta:
        model = ServiceRequest
