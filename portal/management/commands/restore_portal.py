"""`manage.py restore_portal ARCHIVE --database-url URL [--media-root DIR] [--private-media-root DIR]
[--force]`: restore an archive of `backup_portal` into a PostgreSQL database and media folders.

Everything is checked before anything is written: the archive's entries and manifest, the sha256 of the
dump, the media file counts, that the target database is empty and the media folders too (unless
--force). Then pg_restore runs in one transaction, the files are extracted, and the restored schema
is compared with the migrations of this code, like `migrate --check`.
"""

import hashlib
import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

import dj_database_url
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, DatabaseError
from django.db.migrations.loader import MigrationLoader
from django.db.utils import ConnectionHandler

from portal.management import backup


class Command(BaseCommand):
    help = (
        "Restore a backup_portal archive into a PostgreSQL database (empty unless --force) and media folders."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="An archive written by backup_portal.")
        parser.add_argument(
            "--database-url", required=True, help="Target database, e.g. postgres://user@host:5432/name."
        )
        parser.add_argument(
            "--media-root", type=Path, help="Target of the public uploads (default: MEDIA_ROOT)."
        )
        parser.add_argument(
            "--private-media-root",
            type=Path,
            help="Target of the private files (default: PRIVATE_MEDIA_ROOT).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Restore over a database or media folder that is not empty (objects of the dump are dropped "
            "and recreated with pg_restore --clean --if-exists; files of the same name are overwritten).",
        )

    def handle(self, *args, archive, database_url, media_root, private_media_root, force, **options):
        target = self._parse_database_url(database_url)
        pg_restore = backup.pg_tool("pg_restore")
        roots = {"media": media_root, "private": private_media_root}
        handler = ConnectionHandler({DEFAULT_DB_ALIAS: target})  # apart from this installation's databases
        connection = handler[DEFAULT_DB_ALIAS]
        try:
            with (
                self._open_archive(archive) as tar,
                tempfile.TemporaryDirectory(prefix="kepenak-restore-") as work,
            ):
                manifest, dump_member, media_members = self._read_and_check(tar)
                dump = self._extract_dump(tar, dump_member, manifest["database"]["sha256"], Path(work))
                targets = self._media_targets(manifest, roots, force)
                self._check_target_database(connection, target, force)
                self._restore_database(pg_restore, target, dump, force)
                self._restore_media(tar, media_members, targets)
            self._verify_schema(connection)
        finally:
            handler.close_all()
        self.stdout.write(
            self.style.SUCCESS(f"Restored {archive.name} into the database {target['NAME']!r}.")
        )

    # --- Checks before anything is written ------------------------------------------------------

    def _parse_database_url(self, url):
        try:
            target = dj_database_url.parse(url)
        except ValueError as error:
            raise CommandError(f"--database-url is not a database URL ({error}).") from None
        if not backup.is_postgresql(target):
            raise CommandError("--database-url must be a PostgreSQL URL: postgres://user@host:5432/name.")
        if not target.get("NAME"):
            raise CommandError("--database-url names no database: postgres://user@host:5432/name.")
        return target

    def _open_archive(self, archive):
        if not archive.is_file():
            raise CommandError(f"{archive} does not exist.")
        try:
            return tarfile.open(archive, mode="r:")
        except (tarfile.TarError, OSError) as error:
            raise CommandError(f"{archive} is not a backup archive or it is corrupt ({error}).") from None

    def _read_and_check(self, tar):
        """The manifest, the dump member and the media members, once every member is known to belong."""
        by_kind = self._members_by_kind(tar)
        if len(by_kind.get("manifest", [])) != 1 or len(by_kind.get("dump", [])) != 1:
            raise CommandError(
                f"The archive lacks {backup.MANIFEST_NAME} or {backup.DUMP_NAME}: "
                "it was not written by backup_portal."
            )
        manifest = self._read_manifest(tar, by_kind["manifest"][0])
        media_members = {}
        for tree in backup.MEDIA_TREES:
            files = [member for member in by_kind.get(tree.archive_dir, []) if member.isfile()]
            listed = manifest["media"][tree.archive_dir]["files"]
            if len(files) != listed:
                raise CommandError(
                    f"The archive holds {len(files)} file(s) under {tree.archive_dir}/ but its manifest "
                    f"lists {listed}: it is incomplete or was altered."
                )
            media_members[tree.archive_dir] = files
        return manifest, by_kind["dump"][0], media_members

    def _members_by_kind(self, tar):
        try:
            members = tar.getmembers()
        except (tarfile.TarError, OSError) as error:
            raise CommandError(f"The archive is corrupt ({error}).") from None
        by_kind = {}
        for member in members:
            kind = backup.archive_member_kind(member.name)
            allowed = member.isfile() or (member.isdir() and kind not in ("manifest", "dump"))
            if kind is None or not allowed:
                raise CommandError(
                    f"The archive holds an unexpected entry {member.name!r}; refusing to restore it."
                )
            by_kind.setdefault(kind, []).append(member)
        return by_kind

    def _read_manifest(self, tar, member):
        """The manifest, with the keys the restore relies on checked."""
        try:
            manifest = json.load(tar.extractfile(member))
            format_version = manifest["format"]
            checksum = manifest["database"]["sha256"]
            counts = [manifest["media"][tree.archive_dir]["files"] for tree in backup.MEDIA_TREES]
        except (ValueError, KeyError, TypeError, tarfile.TarError, OSError) as error:
            raise CommandError(f"The manifest of the archive is unreadable ({error!r}).") from None
        if format_version != backup.FORMAT_VERSION:
            raise CommandError(f"Unknown archive format {format_version!r}; this code reads format 1.")
        if not isinstance(checksum, str) or not all(isinstance(count, int) for count in counts):
            raise CommandError("The manifest of the archive is unreadable (checksum or file counts).")
        return manifest

    def _extract_dump(self, tar, dump_member, expected_sha, work):
        """Copy the dump out of the archive, refusing it when its sha256 is not the manifest's."""
        dump = work / backup.DUMP_NAME
        digest = hashlib.sha256()
        try:
            source = tar.extractfile(dump_member)
            with open(dump, "wb") as handle:
                for chunk in iter(lambda: source.read(backup.CHUNK), b""):
                    digest.update(chunk)
                    handle.write(chunk)
        except (tarfile.TarError, OSError) as error:
            raise CommandError(f"The archive is corrupt ({error}).") from None
        if digest.hexdigest() != expected_sha:
            raise CommandError(
                "The checksum of the database dump does not match the manifest: the archive is corrupt or "
                "was altered. Nothing was restored."
            )
        return dump

    def _media_targets(self, manifest, roots, force):
        """{tree: folder} of the media trees to extract; checks the folders are empty unless --force."""
        targets = {}
        for tree in backup.MEDIA_TREES:
            described = manifest["media"][tree.archive_dir]
            if not described["included"]:
                self.stdout.write(
                    f"{tree.setting}: not in the archive (it was on {described['storage']}); restore it "
                    f"with the storage's own tools."
                )
                continue
            root = roots[tree.archive_dir]
            if root is None:
                root = backup.filesystem_root(tree)
                if root is None:
                    raise CommandError(
                        f"The archive holds {tree.setting} files but this installation keeps them on "
                        f"{backup.storage_name(tree)}; pass --{tree.setting.lower().replace('_', '-')} DIR "
                        f"and copy that folder to the storage."
                    )
            if not force and root.is_dir() and any(root.iterdir()):
                raise CommandError(f"{root} is not empty; use --force to restore over it.")
            targets[tree.archive_dir] = root
        return targets

    def _check_target_database(self, connection, target, force):
        try:
            connection.ensure_connection()
            tables = connection.introspection.table_names()
        except DatabaseError as error:
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise CommandError(
                f"Cannot connect to the target database {target['NAME']!r}: {first_line}"
            ) from None
        if tables and not force:
            raise CommandError(
                f"The target database {target['NAME']!r} is not empty ({len(tables)} tables); restore into a "
                f"new database, or use --force to drop and recreate the objects of the backup."
            )
        connection.close()  # pg_restore needs no other session holding locks

    # --- Writing ------------------------------------------------------------------------------

    def _restore_database(self, pg_restore, target, dump, force):
        command = [pg_restore, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
        if force:
            command += ["--clean", "--if-exists"]
        command += [f"--dbname={target['NAME']}", str(dump)]
        completed = subprocess.run(
            command,
            env=backup.pg_environment(target),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
        )
        if completed.returncode != 0:
            raise backup.tool_failure("pg_restore", completed)
        self.stdout.write(f"Database {target['NAME']!r} restored.")

    def _restore_media(self, tar, media_members, targets):
        for tree in backup.MEDIA_TREES:
            root = targets.get(tree.archive_dir)
            if root is None:
                continue
            root.mkdir(parents=True, exist_ok=True)
            prefix = f"{tree.archive_dir}/"
            for member in media_members[tree.archive_dir]:
                destination = root / member.name.removeprefix(prefix)
                destination.parent.mkdir(parents=True, exist_ok=True)
                with tar.extractfile(member) as source, open(destination, "wb") as handle:
                    shutil.copyfileobj(source, handle, backup.CHUNK)
                destination.chmod(tree.file_mode)
            self.stdout.write(
                f"{tree.setting}: {len(media_members[tree.archive_dir])} file(s) restored to {root}."
            )

    # --- Verification -------------------------------------------------------------------------

    def _verify_schema(self, connection):
        """Like `migrate --check`: the restored database has exactly the migrations of this code."""
        loader = MigrationLoader(None, ignore_no_migrations=True)  # the code's migrations only
        applied = self._recorded_migrations(connection)
        # A squashed migration counts as applied when every migration it replaces is.
        for key, squashed in loader.replacements.items():
            if all(replaced in applied for replaced in squashed.replaces):
                applied.add(key)
        known = set(loader.disk_migrations) | {
            replaced for squashed in loader.replacements.values() for replaced in squashed.replaces
        }
        unknown = sorted(
            f"{app}.{name}"
            for app, name in applied
            if app in loader.migrated_apps and (app, name) not in known
        )
        missing = []
        for leaf in loader.graph.leaf_nodes():
            for key in loader.graph.forwards_plan(leaf):
                label = f"{key[0]}.{key[1]}"
                if key not in applied and label not in missing:
                    missing.append(label)
        if unknown:
            raise CommandError(
                "The data were restored, but the database has migrations this code does not know ("
                f"{_listing(unknown)}): the backup comes from a newer version. Deploy that version."
            )
        if missing:
            raise CommandError(
                f"The data were restored, but {len(missing)} migration(s) of this code are not applied ("
                f"{_listing(missing)}): the backup comes from an older version. Run `manage.py migrate` "
                "with DATABASE_URL set to the restored database before serving it."
            )
        self.stdout.write("Schema check: the restored database matches the migrations of this code.")

    def _recorded_migrations(self, connection):
        with connection.cursor() as cursor:
            if "django_migrations" not in connection.introspection.table_names(cursor):
                return set()
            cursor.execute("SELECT app, name FROM django_migrations")
            return set(cursor.fetchall())


def _listing(labels, limit=10):
    shown = ", ".join(labels[:limit])
    return shown if len(labels) <= limit else f"{shown}, … {len(labels) - limit} more"
