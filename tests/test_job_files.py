"""Files made by background jobs (portal/job_files.py): a Laporan export and an applicant-list PDF
are deleted once older than JOB_FILE_RETENTION_HOURS by the hourly cron job, newer ones stay, and
the download link of a deleted file answers 404 instead of an error."""

import datetime
import os

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import timezone

from marketplace import printing_tasks
from marketplace.factories import VacancyFactory
from portal.job_files import APPLICANT_LISTS, REPORT_EXPORTS, new_token, purge_job_files

pytestmark = pytest.mark.django_db


def age(name, hours):
    """Make the stored file ``name`` look written ``hours`` ago."""
    moment = (timezone.now() - datetime.timedelta(hours=hours)).timestamp()
    os.utime(storages["private"].path(name), (moment, moment))


def test_old_job_files_are_purged_and_their_links_answer_404(client, settings):
    settings.JOB_FILE_RETENTION_HOURS = 48
    vacancy = VacancyFactory()
    mitra = vacancy.mitra.user
    stem = printing_tasks.pdf_stem(vacancy.pk)
    old_pdf, new_pdf, old_export, new_export = (new_token() for _index in range(4))
    for token in (old_pdf, new_pdf):
        APPLICANT_LISTS.save(mitra.pk, stem, token, "pdf", ContentFile(b"%PDF-1.4"))
    for token in (old_export, new_export):
        REPORT_EXPORTS.save(7, "personal", token, "csv", ContentFile(b"Nama\n"))
    age(APPLICANT_LISTS.path(mitra.pk, stem, old_pdf, "pdf"), 49)
    age(REPORT_EXPORTS.path(7, "personal", old_export, "csv"), 49)
    age(REPORT_EXPORTS.path(7, "personal", new_export, "csv"), 47)

    assert purge_job_files() == 2

    assert APPLICANT_LISTS.open(mitra.pk, stem, old_pdf, "pdf") is None
    assert REPORT_EXPORTS.open(7, "personal", old_export, "csv") is None
    with APPLICANT_LISTS.open(mitra.pk, stem, new_pdf, "pdf") as kept:
        assert kept.read() == b"%PDF-1.4"
    REPORT_EXPORTS.open(7, "personal", new_export, "csv").close()
    client.force_login(mitra)
    download = f"/akun/lowongan/{vacancy.pk}/pelamar/cetak/{{}}/"
    assert client.get(download.format(old_pdf)).status_code == 404
    assert client.get(download.format(new_pdf)).status_code == 200
    assert purge_job_files() == 0  # nothing left to delete; a second run changes nothing


def test_purging_with_no_files_yet_does_nothing():
    assert purge_job_files() == 0
