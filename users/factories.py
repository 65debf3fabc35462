import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from users.choices import AccountType, MitraCategory
from users.models import BidangUsaha, MitraProfile, PersonalProfile, User

DEFAULT_PASSWORD = "Rahasia#2026"


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
