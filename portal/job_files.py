"""Files a background job makes for one user (Laporan exports, applicant-list PDFs): kept in private
storage under ``<folder>/<user id>/<stem>-<token>.<extension>``, opened only by the user whose id
is in the path (a download view never looks in anyone else's folder), and deleted by
``purge_job_files`` (rq cron, hourly) once older than ``JOB_FILE_RETENTION_HOURS``: an export of
personal data is not kept longer than the person who asked for it needs to download it."""

import datetime
import re
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.files.storage import storages
from django.utils import timezone

TOKEN_PATTERN = re.compile(r"^[0-9a-f]{32}$")


def new_token():
    return uuid.uuid4().hex


@dataclass(frozen=True)
class JobFiles:
    folder: str

    def path(self, user_id, stem, token, extension):
        return f"{self.folder}/{int(user_id)}/{stem}-{token}.{extension}"

    def save(self, user_id, stem, token, extension, content):
        """Store ``content`` (a django File), replacing an earlier file of the same name."""
        storage = storages["private"]
        name = self.path(user_id, stem, token, extension)
        if storage.exists(name):
            storage.delete(name)
        return storage.save(name, content)

    def open(self, user_id, stem, token, extension):
        """The file of ``user_id``, or None (a malformed token, another user's token, purged)."""
        if not TOKEN_PATTERN.match(token):
            return None
        storage = storages["private"]
        name = self.path(user_id, stem, token, extension)
        if not storage.exists(name):
            return None
        return storage.open(name, "rb")

    def purge(self, older_than):
        """Delete the files written before ``older_than``; returns how many."""
        storage = storages["private"]
        try:  # a folder of the file system, or a prefix of an S3 bucket (never "exists" there)
            user_folders = storage.listdir(self.folder)[0]
        except FileNotFoundError:
            return 0
        deleted = 0
        for user_folder in user_folders:
            folder = f"{self.folder}/{user_folder}"
            for filename in storage.listdir(folder)[1]:
                name = f"{folder}/{filename}"
                if storage.get_modified_time(name) < older_than:
                    storage.delete(name)
                    deleted += 1
        return deleted


REPORT_EXPORTS = JobFiles("laporan")
APPLICANT_LISTS = JobFiles("pelamar")


def purge_job_files():
    """The rq cron job: every job file older than the retention period is deleted."""
    older_than = timezone.now() - datetime.timedelta(hours=settings.JOB_FILE_RETENTION_HOURS)
    return sum(files.purge(older_than) for files in (REPORT_EXPORTS, APPLICANT_LISTS))
