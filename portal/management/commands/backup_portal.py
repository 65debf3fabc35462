"""`manage.py backup_portal --output DIR [--keep-days N]`: one timestamped archive of the database
and the uploaded files (see portal/management/backup.py for its layout)."""

import io
import json
import os
import subprocess
import tarfile
import tempfile
import time
from pathlib import Path

import django
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from portal.management import backup

ARCHIVE_MODE = 0o600  # personal data: readable by the service account only


class Command(BaseCommand):
    help = "Back up the PostgreSQL database and the uploaded files into one archive."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, type=Path, help="Folder that receives the archive.")
        parser.add_argument(
            "--keep-days",
            type=int,
            default=None,
            help="After a successful backup, delete archives in --output older than this many days.",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Database alias (default: default).")

    def handle(self, *args, output, keep_days, database, **options):
        connection = connections[database]
        if not backup.is_postgresql(connection.settings_dict):
            raise CommandError(
                f"backup_portal supports PostgreSQL only; the database {database!r} uses "
                f"{connection.settings_dict.get('ENGINE')}. Copy the SQLite file while the portal is stopped."
            )
        pg_dump = backup.pg_tool("pg_dump")
        output.mkdir(parents=True, exist_ok=True)
        archive = (
            output / f"{backup.ARCHIVE_PREFIX}{timezone.localtime():%Y%m%d-%H%M%S}{backup.ARCHIVE_SUFFIX}"
        )
        if archive.exists():
            raise CommandError(f"{archive} already exists; wait a second and run the backup again.")

        with tempfile.TemporaryDirectory(prefix=".kepenak-backup-", dir=output) as work:
            dump = Path(work) / backup.DUMP_NAME
            self._dump_database(pg_dump, connection.settings_dict, dump)
            trees = self._media_trees()
            manifest = self._manifest(connection, dump, trees)
            partial = Path(work) / archive.name
            self._write_archive(partial, manifest, dump, trees)
            os.replace(partial, archive)

        self.stdout.write(f"Database: {manifest['database']['bytes']} bytes dumped.")
        for tree in backup.MEDIA_TREES:
            described = manifest["media"][tree.archive_dir]
            if described["included"]:
                self.stdout.write(f"{tree.setting}: {described['files']} file(s) included.")
            else:
                self.stdout.write(
                    f"{tree.setting}: not included, the storage is {described['storage']} (not the file "
                    f"system); back it up with the storage's own tools (bucket versioning or replication)."
                )
        self.stdout.write(self.style.SUCCESS(f"Backup written to {archive}"))
        if keep_days is not None:
            self._delete_old_archives(output, keep_days, keep=archive)

    def _dump_database(self, pg_dump, settings_dict, dump):
        completed = subprocess.run(
            [pg_dump, "--format=custom", "--no-owner", "--no-privileges", f"--file={dump}"],
            env=backup.pg_environment(settings_dict),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
        )
        if completed.returncode != 0:
            raise backup.tool_failure("pg_dump", completed)

    def _media_trees(self):
        """[(tree, root or None, [(path, relative), …])] for each media tree."""
        trees = []
        for tree in backup.MEDIA_TREES:
            root = backup.filesystem_root(tree)
            trees.append((tree, root, backup.files_under(root) if root is not None else []))
        return trees

    def _manifest(self, connection, dump, trees):
        media = {}
        for tree, root, files in trees:
            media[tree.archive_dir] = {
                "storage": backup.storage_name(tree),
                "included": root is not None,
                "files": len(files),
                "bytes": sum(path.stat().st_size for path, _relative in files),
            }
        return {
            "format": backup.FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "django": django.get_version(),
            "regency": settings.PORTAL_REGENCY,
            "database": {
                "file": backup.DUMP_NAME,
                "sha256": backup.sha256_of(dump),
                "bytes": dump.stat().st_size,
            },
            "migrations": backup.migration_heads(connection),
            "media": media,
        }

    def _write_archive(self, partial, manifest, dump, trees):
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, ARCHIVE_MODE)
        with os.fdopen(descriptor, "wb") as handle, tarfile.open(fileobj=handle, mode="w") as archive:
            encoded = json.dumps(manifest, indent=2, sort_keys=True).encode("utf-8")
            info = tarfile.TarInfo(backup.MANIFEST_NAME)
            info.size, info.mtime, info.mode = len(encoded), int(time.time()), 0o600
            archive.addfile(info, io.BytesIO(encoded))
            archive.add(dump, arcname=backup.DUMP_NAME, recursive=False)
            for tree, _root, files in trees:
                for path, relative in files:
                    archive.add(path, arcname=f"{tree.archive_dir}/{relative}", recursive=False)

    def _delete_old_archives(self, output, keep_days, keep):
        cutoff = time.time() - keep_days * 24 * 60 * 60
        pattern = f"{backup.ARCHIVE_PREFIX}*{backup.ARCHIVE_SUFFIX}"
        for old in sorted(output.glob(pattern)):
            if old != keep and old.is_file() and old.stat().st_mtime < cutoff:
                old.unlink()
                self.stdout.write(f"Deleted {old.name} (older than {keep_days} days).")
