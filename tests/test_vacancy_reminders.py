import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from marketplace import use_cases
from marketplace.factories import VacancyFactory
from portal.models import SiteSettings
from users.models import Notification

pytestmark = pytest.mark.django_db


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def test_mitra_is_reminded_once_before_the_end(django_capture_on_commit_callbacks):
    ending = VacancyFactory(title="Operator Jahit", end_date=in_days(2))
    VacancyFactory(end_date=in_days(10))  # not yet
    VacancyFactory(end_date=in_days(1), draft=True)  # not public
    with django_capture_on_commit_callbacks(execute=True):
        assert use_cases.remind_expiring_vacancies() == 1
        assert use_cases.remind_expiring_vacancies() == 0  # a second daily run sends nothing more
    notification = Notification.objects.get(event="vacancy.expiring")
    assert notification.user == ending.mitra.user
    assert "Operator Jahit" in notification.title
    assert notification.url == "/akun/lowongan/"
    assert any("Operator Jahit" in message.subject for message in mail.outbox)


def test_perpanjang_arms_a_new_reminder():
    vacancy = VacancyFactory(end_date=in_days(1))
    assert use_cases.remind_expiring_vacancies() == 1
    use_cases.extend(vacancy, in_days(30))
    assert use_cases.remind_expiring_vacancies(today=in_days(28)) == 1


def test_command_runs_the_reminders():
    VacancyFactory(end_date=in_days(0))
    call_command("send_vacancy_reminders", stdout=open("/dev/null", "w"))
    assert Notification.objects.filter(event="vacancy.expiring").count() == 1


def test_the_reminder_follows_the_days_set_in_pengaturan_aplikasi():
    settings_ = SiteSettings.current()
    settings_.vacancy_reminder_days = 5
    settings_.save()
    VacancyFactory(end_date=in_days(5))
    VacancyFactory(end_date=in_days(6))
    assert use_cases.remind_expiring_vacancies() == 1
