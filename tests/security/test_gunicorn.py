"""gunicorn.conf.py: loopback only unless told otherwise, and no control socket shared by every
gunicorn of the host."""

import os
import runpy
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from django.conf import settings
from django.db import connection

from ..servers import free_port, gunicorn, production_env, seeded_database_url

CONFIG = settings.BASE_DIR / "gunicorn.conf.py"


def config(monkeypatch, **env):
    for name in ("GUNICORN_BIND", "GUNICORN_CONTROL_SOCKET"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONFIG))


def test_gunicorn_listens_on_loopback_unless_told_otherwise(monkeypatch):
    assert config(monkeypatch)["bind"] == "127.0.0.1:8000"
    assert config(monkeypatch, GUNICORN_BIND="10.0.0.11:8000")["bind"] == "10.0.0.11:8000"


def test_gunicorn_opens_no_control_socket(tmp_path):
    """A master started the way tests/servers.py and the systemd unit start it leaves nothing in
    the folders where gunicorn puts its shared default socket."""
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("GUNICORN_") and key != "XDG_RUNTIME_DIR"
    }
    env.update(
        HOME=str(tmp_path),
        XDG_RUNTIME_DIR=str(runtime),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS="1",
        DJANGO_SETTINGS_MODULE="masis.settings.dev",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "masis.wsgi"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, "no gunicorn"
                time.sleep(0.2)
        time.sleep(1)  # the master opens its control socket after it binds
        assert list(runtime.iterdir()) == []
        assert not (tmp_path / ".gunicorn").exists()
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
def test_a_forged_script_name_changes_no_link_of_anyones_pages(seeded, tmp_path):
    """gunicorn takes SCRIPT_NAME from a request header when the peer is trusted (the proxy's
    address). The site is never mounted under a prefix; a forged one made the town profile's
    lists, kept per process whatever the prefix, hand links under it to every later visitor."""
    port = free_port()
    env = production_env(tmp_path, port, DATABASE_URL=seeded_database_url())
    https = {"X-Forwarded-Proto": "https"}
    with gunicorn(env, port=port) as base:
        forged = urllib.request.Request(
            f"{base}/elsewhere/fr/masis/", headers={**https, "SCRIPT_NAME": "/elsewhere"}
        )
        try:
            urllib.request.urlopen(forged, timeout=10).read()
        except urllib.error.HTTPError:
            pass
        visit = urllib.request.Request(f"{base}/fr/masis/", headers=https)
        page = urllib.request.urlopen(visit, timeout=10).read().decode()
    assert "/fr/cooperation/" in page
    assert "/elsewhere/" not in page
