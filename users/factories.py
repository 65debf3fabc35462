import datetime
import itertools

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from factory.django import DjangoModelFactory

from users.choices import AccountType, MitraCategory, StaffRole
from users.models import (
    BidangUsaha,
    Education,
    Kecamatan,
    MitraDocument,
    MitraProfile,
    Pendidikan,
    PersonalProfile,
    Skill,
    User,
)
from users.staff import save_staff_account

DEFAULT_PASSWORD = "Rahasia#2026"
_nik_numbers = itertools.count(900001)


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"pengguna{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@contoh.id")
    first_name = factory.Faker("first_name", locale="id_ID")
    last_name = factory.Faker("last_name", locale="id_ID")
    phone = factory.Sequence(lambda n: f"62812{n:08d}")
    account_type = AccountType.PERSONAL
    email_verified_at = factory.LazyFunction(timezone.now)
    terms_accepted_at = factory.LazyFunction(timezone.now)
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    class Meta:
        model = User
        skip_postgeneration_save = True

    @factory.post_generation
    def _save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class PersonalFactory(UserFactory):
    personal_profile = factory.RelatedFactory(
        "users.factories.PersonalProfileFactory", factory_related_name="user"
    )


class PersonalProfileFactory(DjangoModelFactory):
    user = factory.SubFactory(PersonalFactory, personal_profile=None)

    class Meta:
        model = PersonalProfile


class BidangUsahaFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Bidang Usaha {n}")

    class Meta:
        model = BidangUsaha
        django_get_or_create = ("name",)


class MitraFactory(UserFactory):
    account_type = AccountType.MITRA
    mitra_profile = factory.RelatedFactory("users.factories.MitraProfileFactory", factory_related_name="user")


class MitraProfileFactory(DjangoModelFactory):
    user = factory.SubFactory(MitraFactory, mitra_profile=None)
    name = factory.Faker("company", locale="id_ID")
    business_field = factory.SubFactory(BidangUsahaFactory)
    category = MitraCategory.FORMAL

    class Meta:
        model = MitraProfile


def complete_personal_profile(desa, **user_fields):
    """A Personal whose profile is 100 % complete (verified email and phone, every section)."""
    user = PersonalFactory(
        **{"first_name": "Siti", "last_name": "Aminah", "phone_verified_at": timezone.now(), **user_fields}
    )
    profile = user.personal_profile
    level = Pendidikan.objects.get(name="SMA/SMK/Sederajat")
    profile.nik = f"3303010101{next(_nik_numbers):06d}"
    profile.gender = "P"
    profile.birth_place = "Purbalingga"
    profile.birth_date = datetime.date(1998, 5, 1)
    profile.address = "Jl. Mayjen Sungkono 1"
    profile.kecamatan = desa.kecamatan
    profile.desa = desa
    profile.photo = SimpleUploadedFile("foto.png", b"png", content_type="image/png")
    profile.summary = "Penjahit berpengalaman."
    profile.education_level = level
    profile.job_seeking_status = "aktif"
    profile.no_experience = True
    profile.no_organisation = True
    profile.save()
    Education.objects.create(profile=profile, level=level, institution="SMK N 1 Purbalingga", start_year=2013)
    Skill.objects.create(profile=profile, name="Menjahit")
    return profile


def complete_mitra_profile(desa, **user_fields):
    """A Mitra whose profile is 100 % complete (verified email and phone, one legal document)."""
    user = MitraFactory(**{"phone_verified_at": timezone.now(), **user_fields})
    profile = user.mitra_profile
    profile.address = "Jl. Raya Bojongsari 5"
    profile.kecamatan = desa.kecamatan
    profile.desa = desa
    profile.description = "Pabrik bulu mata palsu."
    profile.contact_person = "Bu Rina"
    profile.contact_phone = "6281300001111"
    profile.save()
    MitraDocument.objects.create(
        mitra=profile,
        doc_type="nib",
        file=SimpleUploadedFile("nib.pdf", b"%PDF-1.4"),
        original_name="nib.pdf",
        content_type="application/pdf",
        size=8,
    )
    return profile


def staff_account(role, **user_fields):
    """A staff account of ``role`` in its role group; a Kecamatan operator works in Bobotsari, a Desa
    operator in Bobotsari's first desa (the test and demo region)."""
    kecamatan = Kecamatan.objects.get(name="Bobotsari")
    scope = {
        StaffRole.KECAMATAN: {"kecamatan": kecamatan},
        StaffRole.DESA: {"desa": kecamatan.desa_set.order_by("name").first()},
    }.get(role, {})
    return save_staff_account(UserFactory(account_type=AccountType.STAFF, **user_fields), role, **scope)
