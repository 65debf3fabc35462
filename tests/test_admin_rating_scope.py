"""Rating Personal in the admin: a Desa operator sees, opens and moderates only the ratings of the
Personal accounts of their own desa (DESIGN §2), in the list, the detail and "Sembunyikan"."""

import datetime

import pytest
from django.utils import timezone

from marketplace import rating_use_cases
from marketplace.choices import ApplicationStatus
from marketplace.factories import ApplicationFactory
from users.choices import StaffRole
from users.models import Desa

pytestmark = pytest.mark.django_db

INDEX = "/app/v1/admin/marketplace/personalrating/"


def rating_of_a_personal_in(desa, comment):
    application = ApplicationFactory(
        personal__desa=desa,
        personal__kecamatan=desa.kecamatan,
        status=ApplicationStatus.DITERIMA,
        decided_at=timezone.now() - datetime.timedelta(days=1),
    )
    rating, _ = rating_use_cases.rate_application(application.vacancy.mitra.user, application, 2, comment)
    return rating


@pytest.fixture
def operator_and_ratings(staff, bobotsari):
    operator = staff(StaffRole.DESA)
    own = rating_of_a_personal_in(operator.scope_desa, "Ulasan desa sendiri")
    other_desa = Desa.objects.filter(kecamatan=bobotsari).exclude(pk=operator.scope_desa_id).first()
    other = rating_of_a_personal_in(other_desa, "Ulasan desa lain")
    return operator, own, other


def test_the_list_holds_only_the_operators_desa(client, operator_and_ratings):
    operator, _own, _other = operator_and_ratings
    client.force_login(operator)

    page = client.get(INDEX).content.decode()

    assert "Ulasan desa sendiri" in page
    assert "Ulasan desa lain" not in page


@pytest.mark.parametrize("action", ["inspect", "moderate"])
def test_a_rating_of_another_desa_is_not_found(client, operator_and_ratings, action):
    operator, own, other = operator_and_ratings
    client.force_login(operator)

    assert client.get(f"{INDEX}{action}/{own.pk}/").status_code == 200
    assert client.get(f"{INDEX}{action}/{other.pk}/").status_code == 404
    assert client.post(f"{INDEX}moderate/{other.pk}/", {"reason": "x"}).status_code == 404
    other.refresh_from_db()
    assert not other.is_hidden


def test_an_admin_sees_every_desa(client, staff, operator_and_ratings):
    client.force_login(staff(StaffRole.ADMIN))

    page = client.get(INDEX).content.decode()

    assert "Ulasan desa sendiri" in page and "Ulasan desa lain" in page
