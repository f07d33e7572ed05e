"""A real copy of the site for tests that need real servers: its own seeded database, served by
gunicorn in subprocesses, so that what the servers commit is what they read (no test transaction).
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(settings.BASE_DIR)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _postgres_url(name):
    db = settings.DATABASES["default"]
    user = db.get("USER") or "postgres"
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{host}:{port}/{name}"


def _admin_sql(statement):
    import psycopg

    db = settings.DATABASES["default"]
    with psycopg.connect(
        host=db.get("HOST") or "127.0.0.1",
        port=db.get("PORT") or 5432,
        user=db.get("USER") or "postgres",
        password=db.get("PASSWORD") or None,
        dbname="postgres",
        autocommit=True,
    ) as admin:
        admin.execute(statement)


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


@contextmanager
def seeded_site(suffix, **extra_env):
    """Environment variables of a fresh, migrated and seeded database named after ``suffix``."""
    workdir = Path(tempfile.mkdtemp(prefix=f"masis-{suffix}-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "masis.settings.dev",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        **extra_env,
    }
    if connection.vendor == "postgresql":
        name = f"{connection.settings_dict['NAME']}_{suffix}"[:63]
        _admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        _admin_sql(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = _postgres_url(name)
    else:
        name = None
        env["DATABASE_URL"] = f"sqlite:///{workdir / 'site.sqlite3'}"
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "load_masis_content")
        manage(env, "collectstatic", "--noinput")
        yield env
    finally:
        if name:
            _admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        shutil.rmtree(workdir, ignore_errors=True)


@contextmanager
def gunicorn(env, workers=1, healthy=True, port=None, log=None):
    """A gunicorn serving the site with ``env``; yields its base URL. It is ready when /healthz
    answers 200, or (``healthy=False``: a service is meant to be down) when it accepts
    connections. ``log``: a file that gets its output (the site's log)."""
    port = port or free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "masis.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--no-control-socket",  # each test server alone: no socket shared with others
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if healthy:
                    urllib.request.urlopen(f"{base}/healthz", timeout=2)
                else:
                    socket.create_connection(("127.0.0.1", port), timeout=2).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn on {base} did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextmanager
def redis_server(port=None):
    """A throwaway redis-server of the test's own (no persistence), on a free port unless
    ``port`` is given; yields its URL. Its counters (``INFO commandstats``) and keys are the
    test's alone. Skips the test when Debian's ``redis-server`` is not installed."""
    import pytest
    import redis

    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed")
    port = port or free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
                break
            except redis.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"redis-server on port {port} did not start") from None
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


class SilentListener:
    """A TCP server that accepts connections and never answers: a hung Redis or PostgreSQL.
    ``connections`` counts the connections it accepted."""

    def __init__(self):
        import threading

        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.accepted = []
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def connections(self):
        return len(self.accepted)

    def _accept(self):
        while True:
            try:
                client, _address = self.server.accept()
            except OSError:
                return
            self.accepted.append(client)  # kept open, never read: the client waits

    def close(self):
        try:  # wakes the blocked accept()
            self.server.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.server.close()
        for client in self.accepted:
            client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def closed_port():
    """A port where nothing listens: connections are refused."""
    return free_port()


def seeded_database_url():
    """The URL of the session's test database, whose seed content is committed."""
    return _postgres_url(connection.settings_dict["NAME"])


# Production settings, except that static files come from the finders (no collectstatic).
PRODUCTION_SETTINGS_MODULE = """
from masis.settings.production import *  # noqa
STORAGES = {**STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
"""


def production_env(folder, port, **extra_env):
    """Environment of a gunicorn with the production settings on ``port`` (its SITE_URL), its
    settings module written in ``folder``; without Redis unless ``extra_env`` names one.
    Requests must say ``X-Forwarded-Proto: https`` (the settings redirect plain HTTP)."""
    import secrets

    (Path(folder) / "production_test_settings.py").write_text(PRODUCTION_SETTINGS_MODULE)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "CACHE_URL", "DEBUG", "PAGE_CACHE_ENABLED"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="production_test_settings",
        PYTHONPATH=os.pathsep.join([str(folder), str(ROOT)]),
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL=f"https://127.0.0.1:{port}",
        MEDIA_ROOT=str(Path(folder) / "media"),
        **extra_env,
    )
    return env
