"""The backup archive of an installation, shared by `backup_portal` and `restore_portal`.

One uncompressed tar file (the dump is compressed by pg_dump, uploads mostly are already):

    manifest.json     format, time, Django version, migration heads per app, sha256 of the dump,
                      file counts and sizes of each media tree
    database.dump     pg_dump custom format (-Fc --no-owner --no-privileges)
    media/…           MEDIA_ROOT (public uploads), when the default storage is the file system
    private/…         PRIVATE_MEDIA_ROOT (Mitra documents, exports), when it is the file system

Credentials reach pg_dump/pg_restore through PG* environment variables only, never through the
command line (which every local user can read in /proc) or the logs.
"""

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import CommandError
from django.db.migrations.loader import MigrationLoader

FORMAT_VERSION = 1
ARCHIVE_PREFIX = "kepenak-"
ARCHIVE_SUFFIX = ".tar"
MANIFEST_NAME = "manifest.json"
DUMP_NAME = "database.dump"
CHUNK = 1024 * 1024
TOOL_TAIL_CHARS = 2000

# The key in settings.DATABASES (or a parsed URL) -> the libpq environment variable.
PG_ENVIRONMENT = {
    "HOST": "PGHOST",
    "PORT": "PGPORT",
    "USER": "PGUSER",
    "PASSWORD": "PGPASSWORD",
    "NAME": "PGDATABASE",
}
PG_OPTION_ENVIRONMENT = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "service": "PGSERVICE",
    "passfile": "PGPASSFILE",
}


@dataclass(frozen=True)
class MediaTree:
    """A folder of uploads in the archive and the storage it comes from."""

    archive_dir: str
    storage_alias: str
    setting: str
    file_mode: int  # of restored files: public media readable by nginx, private files by the owner only


MEDIA_TREES = (
    MediaTree("media", "default", "MEDIA_ROOT", 0o644),
    MediaTree("private", "private", "PRIVATE_MEDIA_ROOT", 0o600),
)


def is_postgresql(settings_dict):
    engine = settings_dict.get("ENGINE", "")
    return engine.endswith(("postgresql", "postgis"))


def pg_tool(name):
    """The path of a PostgreSQL client program, or a CommandError saying how to install it."""
    path = shutil.which(name)
    if path is None:
        raise CommandError(
            f"{name} was not found on PATH. Install the PostgreSQL client of the server's major version "
            f"(Debian: apt-get install postgresql-client-15) and try again."
        )
    return path


def pg_environment(settings_dict):
    """The process environment with the connection settings as PG* variables (libpq reads them)."""
    environment = dict(os.environ)
    for key, variable in PG_ENVIRONMENT.items():
        value = settings_dict.get(key)
        if value not in (None, ""):
            environment[variable] = str(value)
    for option, variable in PG_OPTION_ENVIRONMENT.items():
        value = (settings_dict.get("OPTIONS") or {}).get(option)
        if value not in (None, ""):
            environment[variable] = str(value)
    return environment


def tool_failure(name, completed):
    """A CommandError with the end of what the tool printed (libpq never prints the password)."""
    output = (completed.stderr or b"").decode("utf-8", "replace").strip()[-TOOL_TAIL_CHARS:]
    return CommandError(f"{name} failed (exit code {completed.returncode}):\n{output}")


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def filesystem_root(tree):
    """The folder of a media tree when its storage is the file system, else None (e.g. S3)."""
    storage = storages[tree.storage_alias]
    if isinstance(storage, FileSystemStorage):
        return Path(storage.location)
    return None


def storage_name(tree):
    storage = storages[tree.storage_alias]
    return f"{type(storage).__module__}.{type(storage).__name__}"


def files_under(root):
    """Regular files below ``root`` (symbolic links are not followed), sorted, as (path, relative)."""
    if not root.is_dir():
        return []
    found = []
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                found.append((path, path.relative_to(root).as_posix()))
    return found


def migration_heads(connection):
    """{app: [latest applied migrations]} of the database behind ``connection``."""
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    applied = {key for key in loader.applied_migrations if key in loader.graph.nodes}
    heads = {}
    for app_label, name in sorted(applied):
        children = loader.graph.node_map[(app_label, name)].children
        if not any(child.key in applied and child.key[0] == app_label for child in children):
            heads.setdefault(app_label, []).append(name)
    return heads


def archive_member_kind(name):
    """What a member of an archive is ("manifest", "dump", a media tree) or None when it does not
    belong in one (absolute paths, "..", anything else)."""
    if name.startswith("/") or "\\" in name or any(part in ("", ".", "..") for part in name.split("/")):
        return None
    if name == MANIFEST_NAME:
        return "manifest"
    if name == DUMP_NAME:
        return "dump"
    top = name.split("/", 1)[0]
    for tree in MEDIA_TREES:
        if top == tree.archive_dir:
            return tree.archive_dir
    return None
