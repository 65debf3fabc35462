"""backup_portal and restore_portal: a real pg_dump of the test database restored by pg_restore into a
fresh database, checked row by row and file by file; archives that are corrupt or altered are refused."""

import io
import json
import os
import secrets
import subprocess
import tarfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from marketplace import use_cases
from marketplace.factories import VacancyFactory
from users import documents
from users.choices import VerificationStatus
from users.factories import complete_mitra_profile, complete_personal_profile
from users.initial_data import load_master_data
from users.models import Desa, MitraProfile
from users.regions import load_regions

SIUP_BYTES = b"%PDF-1.4\n% SIUP CV Bulu Mata Purbalingga\n" + bytes(range(256)) * 4
PASSWORD = "Sandi-Rahasia-7731"


@dataclass
class TargetDatabase:
    name: str
    url: str
    params: dict

    def query(self, sql, params=()):
        with psycopg.connect(**self.params) as target:
            return target.execute(sql, params).fetchall()

    def tables(self):
        return self.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")


def _server_params():
    source = connection.settings_dict
    params = {"host": source["HOST"] or "127.0.0.1", "port": source["PORT"] or 5432, "user": source["USER"]}
    if source["PASSWORD"]:
        params["password"] = source["PASSWORD"]
    return params


@pytest.fixture
def restore_database():
    """A new, empty database on the test server (dropped afterwards)."""
    server = _server_params()
    name = f"{connection.settings_dict['NAME']}_restore_{secrets.token_hex(4)}"
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    credentials = quote(server["user"]) + (f":{quote(server['password'])}" if "password" in server else "")
    url = f"postgres://{credentials}@{server['host']}:{server['port']}/{name}"
    yield TargetDatabase(name, url, {**server, "dbname": name})
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def backup_into(folder, **options):
    out = io.StringIO()
    call_command("backup_portal", output=folder, stdout=out, **options)
    archives = sorted(folder.glob("kepenak-*.tar"))
    return archives[-1], out.getvalue()


def restore(archive, target, tmp_path, **options):
    out = io.StringIO()
    call_command(
        "restore_portal",
        str(archive),
        database_url=target.url,
        media_root=tmp_path / "restored-media",
        private_media_root=tmp_path / "restored-private",
        stdout=out,
        **options,
    )
    return out.getvalue()


def rewrite_archive(source, destination, change):
    """Copy an archive member by member; ``change(name, data)`` returns the new bytes or None to drop."""
    with tarfile.open(source) as old, tarfile.open(destination, "w") as new:
        for member in old.getmembers():
            data = old.extractfile(member).read()
            data = change(member.name, data)
            if data is not None:
                member.size = len(data)
                new.addfile(member, io.BytesIO(data))


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_people_vacancies_applications_and_files_into_a_fresh_database(
    tmp_path, restore_database
):
    # Earlier transactional tests flush the database: bring back the regions and master data.
    load_regions(settings.PORTAL_REGENCY)
    load_master_data()
    desa = Desa.objects.order_by("name").first()
    personal = complete_personal_profile(desa, first_name="Ratna", last_name="Wulandari")
    mitra = complete_mitra_profile(desa)
    siup = documents.save_document(mitra, "siup", SimpleUploadedFile("siup.pdf", SIUP_BYTES), documents.PDF)
    MitraProfile.objects.filter(pk=mitra.pk).update(verification_status=VerificationStatus.TERVERIFIKASI)
    vacancy = VacancyFactory(mitra=mitra, title="Penjahit Bulu Mata Palsu")
    application, created = use_cases.apply(personal.user, vacancy)
    assert created

    archive, backup_output = backup_into(tmp_path / "backups")

    assert archive.name.startswith("kepenak-") and archive.stat().st_mode & 0o077 == 0
    assert "MEDIA_ROOT: 1 file(s) included." in backup_output  # the profile photo
    assert "PRIVATE_MEDIA_ROOT: 2 file(s) included." in backup_output  # NIB and SIUP
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["migrations"]["marketplace"] and manifest["migrations"]["users"]
    assert manifest["media"]["private"] == {**manifest["media"]["private"], "included": True, "files": 2}

    output = restore(archive, restore_database, tmp_path)

    assert "matches the migrations of this code" in output
    [(first_name, last_name, nik, photo)] = restore_database.query(
        "SELECT u.first_name, u.last_name, p.nik, p.photo FROM users_user u "
        "JOIN users_personalprofile p ON p.user_id = u.id WHERE u.username = %s",
        [personal.user.username],
    )
    assert (first_name, last_name, nik) == ("Ratna", "Wulandari", personal.nik)
    assert (tmp_path / "restored-media" / photo).read_bytes() == b"png"
    assert restore_database.query(
        "SELECT v.title, a.status, a.personal_id FROM marketplace_application a "
        "JOIN marketplace_vacancy v ON v.id = a.vacancy_id WHERE a.id = %s",
        [application.pk],
    ) == [("Penjahit Bulu Mata Palsu", application.status, personal.pk)]
    [(siup_name,)] = restore_database.query("SELECT file FROM users_mitradocument WHERE id = %s", [siup.pk])
    restored_siup = tmp_path / "restored-private" / siup_name
    assert restored_siup.read_bytes() == SIUP_BYTES
    assert restored_siup.stat().st_mode & 0o777 == 0o600  # private: the service account only

    # A second restore over it is refused, unless forced: then the backup's rows come back.
    with pytest.raises(CommandError, match="is not empty"):
        restore(archive, restore_database, tmp_path)
    restore_database.query("UPDATE marketplace_vacancy SET title = 'Diubah' RETURNING id")
    restore(archive, restore_database, tmp_path, force=True)
    assert restore_database.query("SELECT title FROM marketplace_vacancy WHERE id = %s", [vacancy.pk]) == [
        ("Penjahit Bulu Mata Palsu",)
    ]


@pytest.mark.django_db
def test_the_database_password_reaches_pg_dump_and_pg_restore_only_through_the_environment(
    tmp_path, monkeypatch, restore_database
):
    monkeypatch.setitem(connection.settings_dict, "PASSWORD", PASSWORD)  # trust auth ignores it
    calls = []
    real_run = subprocess.run

    def spy(command, **kwargs):
        calls.append((command, kwargs["env"]))
        return real_run(command, **kwargs)

    monkeypatch.setattr(subprocess, "run", spy)
    archive, backup_output = backup_into(tmp_path / "backups")
    server = _server_params()
    restore_database.url = (
        f"postgres://{server['user']}:{PASSWORD}@{server['host']}:{server['port']}/{restore_database.name}"
    )
    restore_output = restore(archive, restore_database, tmp_path)

    [(dump_command, dump_env), (restore_command, restore_env)] = calls
    assert os.path.basename(dump_command[0]) == "pg_dump" and "--format=custom" in dump_command
    assert os.path.basename(restore_command[0]) == "pg_restore"
    assert dump_env["PGPASSWORD"] == restore_env["PGPASSWORD"] == PASSWORD
    assert dump_env["PGDATABASE"] == connection.settings_dict["NAME"]
    for text in (*dump_command, *restore_command, backup_output, restore_output):
        assert PASSWORD not in text


@contextmanager
def committed_migration_record(sql):
    """Change django_migrations of the test database outside the test's transaction (pg_dump sees
    committed rows only), and put it back afterwards."""
    source = connection.settings_dict
    with psycopg.connect(dbname=source["NAME"], autocommit=True, **_server_params()) as outside:
        saved = outside.execute("SELECT app, name, applied FROM django_migrations").fetchall()
        outside.execute(sql)
        try:
            yield
        finally:
            outside.execute("DELETE FROM django_migrations")
            with outside.cursor() as cursor:
                cursor.executemany(
                    "INSERT INTO django_migrations (app, name, applied) VALUES (%s, %s, %s)", saved
                )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("sql", "message"),
    [
        (
            "INSERT INTO django_migrations (app, name, applied) "
            "VALUES ('marketplace', '9999_from_the_future', now())",
            "migrations this code does not know \\(marketplace.9999_from_the_future\\)",
        ),
        (
            "DELETE FROM django_migrations WHERE app = 'guidance' AND name = '0001_initial'",
            "1 migration\\(s\\) of this code are not applied \\(guidance.0001_initial\\)",
        ),
    ],
    ids=["backup-of-newer-code", "backup-of-older-code"],
)
def test_the_restore_says_when_the_schema_does_not_match_the_code(tmp_path, restore_database, sql, message):
    with committed_migration_record(sql):
        archive, _output = backup_into(tmp_path / "backups")

    with pytest.raises(CommandError, match=message):
        restore(archive, restore_database, tmp_path)
    assert ("marketplace_vacancy",) in restore_database.tables()  # the data are there, the check failed


@pytest.mark.django_db
def test_a_tampered_archive_is_refused_and_the_target_database_stays_empty(tmp_path, restore_database):
    archive, _output = backup_into(tmp_path / "backups")
    tampered = tmp_path / "tampered.tar"

    def flip_a_byte_of_the_dump(name, data):
        if name != "database.dump":
            return data
        middle = len(data) // 2
        return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]

    rewrite_archive(archive, tampered, flip_a_byte_of_the_dump)

    with pytest.raises(CommandError, match="checksum of the database dump does not match"):
        restore(tampered, restore_database, tmp_path)
    assert restore_database.tables() == []
    assert not (tmp_path / "restored-private").exists()


@pytest.mark.django_db
def test_archives_with_missing_files_or_foreign_entries_and_non_archives_are_refused(
    tmp_path, restore_database
):
    document_file = tmp_path / "private" / "mitra" / "dokumen" / "izin.pdf"
    document_file.parent.mkdir(parents=True)
    document_file.write_bytes(SIUP_BYTES)
    archive, _output = backup_into(tmp_path / "backups")

    without_private_file = tmp_path / "incomplete.tar"
    rewrite_archive(
        archive, without_private_file, lambda name, data: None if name.startswith("private/") else data
    )
    with pytest.raises(CommandError, match="holds 0 file\\(s\\) under private/ but its manifest lists 1"):
        restore(without_private_file, restore_database, tmp_path)

    escaping = tmp_path / "escaping.tar"
    with tarfile.open(escaping, "w") as tar:
        info = tarfile.TarInfo("media/../../etc/cron.d/evil")
        tar.addfile(info, io.BytesIO(b""))
    with pytest.raises(CommandError, match="unexpected entry"):
        restore(escaping, restore_database, tmp_path)

    not_an_archive = tmp_path / "kepenak-20260101-000000.tar"
    not_an_archive.write_bytes(b"this is not a tar file" * 100)
    with pytest.raises(CommandError, match="not a backup archive or it is corrupt"):
        restore(not_an_archive, restore_database, tmp_path)
    assert restore_database.tables() == []


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://root@127.0.0.1/kepenak", "must be a PostgreSQL URL"),
        ("kepenak", "is not a database URL"),
        ("postgres://postgres@127.0.0.1:5432/", "names no database"),
    ],
)
def test_a_wrong_database_url_is_refused(tmp_path, url, message):
    with pytest.raises(CommandError, match=message):
        call_command("restore_portal", str(tmp_path / "any.tar"), database_url=url)


@pytest.mark.django_db
def test_an_unreachable_target_database_is_named_in_the_error(tmp_path):
    archive, _output = backup_into(tmp_path / "backups")
    url = f"postgres://postgres@127.0.0.1:{_server_params()['port']}/kepenak_does_not_exist_{secrets.token_hex(3)}"
    with pytest.raises(CommandError, match="Cannot connect to the target database 'kepenak_does_not_exist_"):
        call_command(
            "restore_portal",
            str(archive),
            database_url=url,
            media_root=tmp_path / "m",
            private_media_root=tmp_path / "p",
        )


@pytest.mark.django_db
def test_backup_needs_pg_dump_and_postgresql(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(CommandError, match="pg_dump was not found on PATH"):
        call_command("backup_portal", output=tmp_path / "backups")

    monkeypatch.setitem(connection.settings_dict, "ENGINE", "django.db.backends.sqlite3")
    with pytest.raises(CommandError, match="supports PostgreSQL only"):
        call_command("backup_portal", output=tmp_path / "backups")
    assert not (tmp_path / "backups").exists()


@pytest.mark.django_db
def test_media_on_s3_is_left_out_and_the_backup_says_so(tmp_path, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": "kepenak-media", "access_key": "x", "secret_key": "y"},
        },
    }
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "foto.png").write_bytes(b"png")

    archive, output = backup_into(tmp_path / "backups")

    assert "MEDIA_ROOT: not included, the storage is storages.backends.s3.S3Storage" in output
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert not any(name.startswith("media/") for name in names)
    assert manifest["media"]["media"]["included"] is False


@pytest.mark.django_db
def test_keep_days_deletes_only_old_archives(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    old, recent = folder / "kepenak-20200101-020000.tar", folder / "kepenak-20990101-020000.tar"
    other = folder / "notes.txt"
    for path in (old, recent, other):
        path.write_bytes(b"x")
    twenty_days_ago = time.time() - 20 * 24 * 60 * 60
    for path in (old, other):
        os.utime(path, (twenty_days_ago, twenty_days_ago))

    call_command("backup_portal", output=folder, keep_days=14, stdout=io.StringIO())

    remaining = sorted(path.name for path in folder.iterdir())
    assert old.name not in remaining
    assert recent.name in remaining and other.name in remaining
    assert len([name for name in remaining if name.startswith("kepenak-")]) == 2
