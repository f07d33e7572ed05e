"""Backups of the database and the media files in one archive, and their restoration.

An archive ``masis-backup-YYYYmmdd-HHMMSS.tar.gz`` holds:

- ``manifest.json``: format, database engine, date, the latest migration of each app, counts;
- ``database.dump`` (PostgreSQL, pg_dump's custom format: consistent, restored with pg_restore)
  or ``database.sqlite3`` (SQLite, a consistent copy through SQLite's online backup API);
- ``media/…``: every file of the default storage (uploaded images, renditions, documents).

The database holds staff password hashes, visitors' contact messages and the passwords of
restricted pages and documents: an archive is written readable by its owner only (0600) in a
folder of the owner's only (0700). Live sessions (``django_session``) are left out: a stolen
archive must not sign anyone in; after a restore everybody signs in again.

A restore goes into an *empty* database and media storage only: it never merges with or
overwrites a live site.
"""

import io
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connections
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
# Tables whose rows stay out of an archive (their structure is kept).
EXCLUDED_TABLE_DATA = ["django_session"]


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why and what to do."""


@dataclass
class BackupResult:
    path: Path
    media_files: int


# --- Database -------------------------------------------------------------------------------


def _postgres_command(connection, program, *args):
    """The command line and environment of a PostgreSQL client program for ``connection``."""
    settings = connection.settings_dict
    env = dict(os.environ)
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    command = [program, "--no-password"]
    if settings.get("HOST"):
        command += ["--host", str(settings["HOST"])]
    if settings.get("PORT"):
        command += ["--port", str(settings["PORT"])]
    if settings.get("USER"):
        command += ["--username", str(settings["USER"])]
    sslmode = (settings.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    return [*command, *args], env


def _run(command, env):
    if shutil.which(command[0]) is None:
        raise BackupError(
            f"{command[0]} is not installed (Debian: apt-get install postgresql-client)."
        )
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def dump_database(connection, target):
    if connection.vendor == "postgresql":
        command, env = _postgres_command(
            connection,
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            *[f"--exclude-table-data={table}" for table in EXCLUDED_TABLE_DATA],
            "--file",
            str(target),
            connection.settings_dict["NAME"],
        )
        _run(command, env)
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            # The online backup API copies a consistent snapshot, even while others write.
            connection.connection.backup(destination)
            existing = {
                name
                for (name,) in destination.execute(
                    "SELECT name FROM sqlite_master WHERE type='table'"
                )
            }
            for table in EXCLUDED_TABLE_DATA:
                if table in existing:
                    destination.execute(f'DELETE FROM "{table}"')
            destination.commit()
            destination.execute("VACUUM")  # deleted rows leave no trace in the file
        finally:
            destination.close()
    else:
        raise BackupError(f"Backups of {connection.vendor} databases are not supported.")


def load_database(connection, source):
    if connection.vendor == "postgresql":
        command, env = _postgres_command(
            connection,
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            "--dbname",
            connection.settings_dict["NAME"],
            str(source),
        )
        connection.close()
        _run(command, env)
    elif connection.vendor == "sqlite":
        connection.close()
        origin = sqlite3.connect(source)
        destination = sqlite3.connect(connection.settings_dict["NAME"])
        try:
            origin.backup(destination)
        finally:
            origin.close()
            destination.close()
    else:
        raise BackupError(f"Restoring {connection.vendor} databases is not supported.")


def database_is_empty(connection):
    return not connection.introspection.table_names()


def latest_migrations(connection):
    recorder = MigrationRecorder(connection)
    latest = {}
    for app, name in recorder.applied_migrations():
        latest[app] = max(latest.get(app, name), name)
    return dict(sorted(latest.items()))


# --- Media ----------------------------------------------------------------------------------


def media_files(storage=default_storage, directory=""):
    """Every file name of ``storage``, recursively (works for file systems and S3 alike)."""
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{directory}/{name}" if directory else name
    for name in sorted(directories):
        yield from media_files(storage, f"{directory}/{name}" if directory else name)


def _safe_media_name(member_name):
    """The storage name of an archive member under media/, or None if it is unsafe."""
    path = PurePosixPath(member_name[len(MEDIA_PREFIX) :])
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return None
    return str(path)


# --- Archive --------------------------------------------------------------------------------


def private_folder(path):
    """``path``, created readable by its owner only; an existing folder others may read is
    refused rather than silently changed."""
    path = Path(path)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise BackupError(
            f"{path} can be read by other users (mode {mode:o}): archives hold password hashes "
            f"and visitors' messages. Make it private (chmod 700 {path}) or choose another folder."
        )
    return path


def backup(output_dir, connection=None, storage=default_storage):
    connection = connection or connections["default"]
    output_dir = private_folder(output_dir)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    archive = output_dir / f"masis-backup-{stamp}.tar.gz"
    suffix = 1
    while archive.exists():
        suffix += 1
        archive = output_dir / f"masis-backup-{stamp}-{suffix}.tar.gz"
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"Backups of {connection.vendor} databases are not supported.")
    database_file = DATABASE_FILES[connection.vendor]
    with tempfile.TemporaryDirectory(prefix="masis-backup-") as workdir:
        dump = Path(workdir) / database_file
        dump_database(connection, dump)
        names = list(media_files(storage))
        manifest = {
            "format": FORMAT,
            "engine": connection.vendor,
            "created": timezone.now().isoformat(),
            "database": database_file,
            "migrations": latest_migrations(connection),
            "media_files": len(names),
        }
        partial = archive.with_name(archive.name + ".partial")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.fchmod(descriptor, 0o600)  # whatever the umask
        with (
            os.fdopen(descriptor, "wb") as output,
            tarfile.open(fileobj=output, mode="w:gz") as tar,
        ):
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(timezone.now().timestamp())
            tar.addfile(info, fileobj=io.BytesIO(data))
            tar.add(dump, arcname=database_file)
            for name in names:
                info = tarfile.TarInfo(MEDIA_PREFIX + name)
                info.size = storage.size(name)
                info.mtime = int(timezone.now().timestamp())
                with storage.open(name, "rb") as handle:
                    tar.addfile(info, fileobj=handle)
        partial.rename(archive)  # never leave a truncated archive under the final name
    return BackupResult(archive, len(names))


def read_manifest(tar):
    try:
        member = tar.getmember(MANIFEST)
    except KeyError:
        raise BackupError("Not a Masis backup: the archive has no manifest.json.") from None
    manifest = json.load(tar.extractfile(member))
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def restore(archive, connection=None, storage=default_storage):
    connection = connection or connections["default"]
    try:
        tar = tarfile.open(archive, "r:gz")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"Cannot read {archive}: {error}") from None
    with tar:
        manifest = read_manifest(tar)
        if manifest["engine"] != connection.vendor:
            raise BackupError(
                f"This backup is of a {manifest['engine']} database; "
                f"the target database is {connection.vendor}."
            )
        if not database_is_empty(connection):
            raise BackupError(
                f"The database {connection.settings_dict['NAME']} is not empty. Restore into a "
                "new, empty database (createdb), never over a live site."
            )
        media_members = [
            member
            for member in tar.getmembers()
            if member.name.startswith(MEDIA_PREFIX) and member.isfile()
        ]
        unsafe = [m.name for m in media_members if _safe_media_name(m.name) is None]
        if unsafe:
            raise BackupError(f"Refusing unsafe file names in the archive: {unsafe[:5]}")
        existing = [m.name for m in media_members if storage.exists(_safe_media_name(m.name))]
        if existing:
            raise BackupError(
                f"The media storage already holds {len(existing)} of the archive's files "
                f"(e.g. {existing[0]}): restore into an empty media directory."
            )
        with tempfile.TemporaryDirectory(prefix="masis-restore-") as workdir:
            database_member = tar.getmember(manifest["database"])
            tar.extract(database_member, workdir, filter="data")
            load_database(connection, Path(workdir) / database_member.name)
        for member in media_members:
            name = _safe_media_name(member.name)
            saved = storage.save(name, File(tar.extractfile(member), name=name))
            if saved != name:
                raise BackupError(f"The storage renamed {name} to {saved}.")
    _forget_cached_pages()
    return manifest, len(media_members)


def _forget_cached_pages():
    """Pages cached before the restore must not be served from the restored site."""
    try:
        from masis.caching.invalidation import bump_version
    except ImportError:
        return
    bump_version()
