"""gunicorn.conf.py: loopback only unless told otherwise, and no control socket shared by every
gunicorn of the host."""

import os
import runpy
import socket
import subprocess
import sys
import time

from django.conf import settings

from ..servers import free_port

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
