import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from users.choices import StaffRole
from users.factories import PersonalFactory, UserFactory
from users.middleware import LOGIN_AT, SEEN_AT
from users.staff import save_staff_account

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(client):
    user = save_staff_account(UserFactory(account_type="staff"), StaffRole.DINAKER)
    client.force_login(user)
    assert client.get("/app/v1/admin/").status_code == 200
    return user


def age_session(client, key, seconds):
    session = client.session
    session[key] = time.time() - seconds
    session.save()


def test_staff_session_ends_after_thirty_idle_minutes(client, operator):
    age_session(client, SEEN_AT, 29 * 60)
    assert client.get("/app/v1/admin/").status_code == 200  # activity keeps it alive
    age_session(client, SEEN_AT, 31 * 60)
    assert client.get("/app/v1/admin/")["Location"].startswith("/app/v1/admin/login/")


def test_staff_session_ends_twelve_hours_after_login(client, operator):
    age_session(client, LOGIN_AT, 12 * 60 * 60 + 1)
    assert client.get("/app/v1/admin/")["Location"].startswith("/app/v1/admin/login/")


def test_personal_sessions_are_not_cut_short(client):
    client.force_login(PersonalFactory())
    age_session(client, SEEN_AT, 2 * 60 * 60)
    assert client.get("/akun/profil/").status_code == 200


def test_activity_is_written_to_the_session_at_most_once_a_minute(client, operator):
    """Each admin page does not rewrite the session: the last activity moves on once a minute,
    and a session idle for thirty minutes since that mark still ends."""
    age_session(client, SEEN_AT, 10)
    seen = client.session[SEEN_AT]
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/app/v1/admin/").status_code == 200
    assert not [query for query in queries if query["sql"].startswith('UPDATE "django_session"')]
    assert client.session[SEEN_AT] == seen

    age_session(client, SEEN_AT, 61)
    a_minute_ago = client.session[SEEN_AT]
    assert client.get("/app/v1/admin/").status_code == 200
    assert client.session[SEEN_AT] >= a_minute_ago + 60
