"""`manage.py backup` and `restore`: a backed-up site comes back identical in an empty instance."""

import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import tarfile

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteWrapper

from masis.multilingual.languages import LANGUAGE_CODES
from masis.operations.backups import BackupError, backup, restore

from ..helpers import live_pages
from ..servers import ROOT, _admin_sql, _postgres_url

ARCHIVE_NAME = re.compile(r"masis-backup-\d{8}-\d{6}(-\d+)?\.tar\.gz")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 24


def site_env(database_url, media_root):
    """A subprocess of the site on another database: test settings, no shared cache."""
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "CACHE_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="masis.settings.test",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media_root),
    )
    return env


def manage(env, *args, check=True):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if check:
        assert result.returncode == 0, result.stderr[-3000:]
    return result


def fingerprint_here():
    out = io.StringIO()
    call_command("site_fingerprint", stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def restored_database():
    """An empty database of the suite's engine to restore into; dropped afterwards."""
    if connection.vendor == "postgresql":
        name = f"{connection.settings_dict['NAME']}_restore"[:63]
        _admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _admin_sql(f'CREATE DATABASE "{name}"')
        yield _postgres_url(name)
        _admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        yield "sqlite:///{}"  # completed with the test's tmp_path


def test_backup_restores_every_page_in_every_language(
    seeded, tmp_path, media_in_tmp, restored_database
):
    (media_in_tmp / "original_images").mkdir(parents=True)
    (media_in_tmp / "original_images" / "masis.png").write_bytes(PNG)

    call_command("backup", output_dir=str(tmp_path / "backups"))
    (archive,) = (tmp_path / "backups").iterdir()
    assert ARCHIVE_NAME.fullmatch(archive.name)
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
        manifest = json.load(tar.extractfile("manifest.json"))
    database_file = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}[connection.vendor]
    assert {"manifest.json", database_file, "media/original_images/masis.png"} <= names
    assert manifest["engine"] == connection.vendor and manifest["media_files"] == 1
    assert "wagtailcore" in manifest["migrations"]

    url = restored_database.format(tmp_path / "restored.sqlite3")
    restored = site_env(url, tmp_path / "restored-media")
    output = manage(restored, "restore", str(archive)).stdout
    assert "1 media files" in output
    assert (tmp_path / "restored-media" / "original_images" / "masis.png").read_bytes() == PNG

    before = fingerprint_here()
    after = json.loads(manage(restored, "site_fingerprint").stdout)
    assert len(before["pages"]) == len(live_pages()) * len(LANGUAGE_CODES)
    assert all(value.startswith("200 ") for value in before["pages"].values())
    assert after["pages"] == before["pages"]
    assert after["rows"] == before["rows"]

    # Restoring again would merge into a live site: refused, with the reason.
    again = manage(restored, "restore", str(archive), check=False)
    assert again.returncode != 0
    assert "is not empty" in again.stderr


def sqlite_connection(path, alias):
    """A Django connection to a SQLite file of our own, beside the suite's database."""
    settings_dict = connections.configure_settings(
        {
            "default": {"ENGINE": "django.db.backends.dummy"},
            alias: {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)},
        }
    )[alias]
    return SQLiteWrapper(settings_dict, alias)


def test_sqlite_path_copies_a_file_database_and_media(tmp_path, django_db_blocker):
    """Our own SQLite files, not the suite's database (which may be PostgreSQL)."""
    with django_db_blocker.unblock():
        copy_and_restore_sqlite_files(tmp_path)


def copy_and_restore_sqlite_files(tmp_path):
    source_file = tmp_path / "source.sqlite3"
    with sqlite3.connect(source_file) as db:
        db.execute("CREATE TABLE partner (id INTEGER PRIMARY KEY, name TEXT)")
        db.executemany(
            "INSERT INTO partner (name) VALUES (?)",
            [("Ville d'Aix-en-Provence",), ("Մասիս համայնք",), ("École « Jumelage »",)],
        )
    media = FileSystemStorage(location=tmp_path / "media")
    media.save("documents/convention.pdf", io.BytesIO(b"%PDF-1.7 convention"))
    source = sqlite_connection(source_file, "backup_source")
    result = backup(tmp_path / "backups", connection=source, storage=media)
    source.close()
    assert ARCHIVE_NAME.fullmatch(result.path.name) and result.media_files == 1

    target_file = tmp_path / "restored.sqlite3"
    target = sqlite_connection(target_file, "backup_target")
    restored_media = FileSystemStorage(location=tmp_path / "restored-media")
    manifest, media_count = restore(result.path, connection=target, storage=restored_media)
    target.close()
    assert manifest["engine"] == "sqlite" and media_count == 1
    with sqlite3.connect(target_file) as db:
        rows = db.execute("SELECT id, name FROM partner ORDER BY id").fetchall()
    assert [name for _id, name in rows] == [
        "Ville d'Aix-en-Provence",
        "Մասիս համայնք",
        "École « Jumelage »",
    ]
    assert restored_media.open("documents/convention.pdf").read() == b"%PDF-1.7 convention"

    # Neither the database nor the media of a live instance is overwritten.
    again = sqlite_connection(target_file, "backup_again")
    with pytest.raises(BackupError, match="is not empty"):
        restore(result.path, connection=again, storage=FileSystemStorage(tmp_path / "other"))
    fresh = sqlite_connection(tmp_path / "fresh.sqlite3", "backup_fresh")
    with pytest.raises(BackupError, match="media storage already holds"):
        restore(result.path, connection=fresh, storage=restored_media)
    again.close()
    fresh.close()


def test_restore_refuses_a_database_that_is_not_empty(seeded, tmp_path, media_in_tmp):
    call_command("backup", output_dir=str(tmp_path))
    (archive,) = tmp_path.glob("masis-backup-*.tar.gz")
    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore", str(archive))
    assert live_pages()


def test_restore_refuses_what_is_not_a_backup(db, tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    with tarfile.open(bogus, "w:gz") as tar:
        tar.add(__file__, arcname="../../etc/evil.py")
    with pytest.raises(CommandError, match="no manifest.json"):
        call_command("restore", str(bogus))
    (tmp_path / "garbage.tar.gz").write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("restore", str(tmp_path / "garbage.tar.gz"))


@pytest.fixture
def scratch_connection(tmp_path, django_db_blocker):
    """A Django connection to a database of our own, of the suite's engine, with a live session
    and a visitor's message in it."""
    statements = [
        "CREATE TABLE django_session (session_key varchar(40) PRIMARY KEY, session_data text)",
        "INSERT INTO django_session VALUES ('livesessionkey0123456789', 'signed-in staff')",
        "CREATE TABLE message (id integer PRIMARY KEY, body text)",
        "INSERT INTO message VALUES (1, 'Notre chorale aimerait chanter à Aix')",
    ]
    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            name = f"{connection.settings_dict['NAME']}_scratch"[:63]
            _admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            _admin_sql(f'CREATE DATABASE "{name}"')
            # The suite's own settings (already complete), on the scratch database.
            settings_dict = {**connection.settings_dict, "NAME": name}
            scratch = type(connections["default"])(settings_dict, "backup_scratch")
        else:
            name = None
            scratch = sqlite_connection(tmp_path / "scratch.sqlite3", "backup_scratch")
        with scratch.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
        if not scratch.get_autocommit():
            scratch.commit()
        yield scratch
        scratch.close()
        if name:
            _admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def database_text(path):
    """Everything a backed-up database file holds, as text."""
    if path.name.endswith(".dump"):
        return subprocess.run(
            ["pg_restore", "--file", "-", str(path)], capture_output=True, text=True, check=True
        ).stdout
    with sqlite3.connect(path) as db:
        return "\n".join(line for line in db.iterdump())


def test_an_archive_is_private_and_holds_no_live_session(
    scratch_connection, tmp_path, django_db_blocker
):
    media = FileSystemStorage(location=tmp_path / "media")
    with django_db_blocker.unblock():
        result = backup(tmp_path / "backups", connection=scratch_connection, storage=media)
    assert oct(result.path.stat().st_mode & 0o777) == oct(0o600)
    assert oct((tmp_path / "backups").stat().st_mode & 0o777) == oct(0o700)
    with tarfile.open(result.path) as tar:
        database_file = next(name for name in tar.getnames() if name.startswith("database."))
        tar.extract(database_file, tmp_path / "extracted", filter="data")
    text = database_text(tmp_path / "extracted" / database_file)
    assert "Notre chorale aimerait chanter à Aix" in text
    assert "django_session" in text  # the table, for a restored site to run
    assert "livesessionkey0123456789" not in text


def test_a_backup_refuses_a_folder_others_can_read(scratch_connection, tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    with pytest.raises(BackupError, match="chmod 700"):
        backup(shared, connection=scratch_connection, storage=FileSystemStorage(tmp_path))
    assert list(shared.iterdir()) == []
