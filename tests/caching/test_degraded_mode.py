"""Degraded mode: with the database unreachable, static files (and cached pages) still answer
200 and every other page gets the branded 500 page in the visitor's language, never a traceback.

The real PostgreSQL is never stopped (others use it): the site runs in gunicorn subprocesses
whose DATABASE_URL points at a port where nothing listens, or at a TCP relay to PostgreSQL that
the test cuts while the site is running.
"""

import socket
import threading
import urllib.error
import urllib.request
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.db import connection

from ..helpers import html
from ..servers import closed_port, free_port, gunicorn, production_env

TEMPORARY_PROBLEM = {
    "fr": "Problème temporaire",
    "en": "Temporary problem",
    "hy": "Ժամանակավոր խնդիր",
}


def get(url, language="fr"):
    request = urllib.request.Request(
        url, headers={"X-Forwarded-Proto": "https", "Accept-Language": language}
    )
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@contextmanager
def site(tmp_path, database_url):
    port = free_port()
    env = production_env(tmp_path, port, DATABASE_URL=database_url)
    with gunicorn(env, port=port, healthy=False) as base:
        yield base


class Relay:
    """A TCP relay to PostgreSQL that the test can cut, as if the database went down."""

    def __init__(self, port, target):
        self.target = target
        self.server = socket.create_server(("127.0.0.1", port))
        self.sockets = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _address = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut(self):
        try:  # wakes the blocked accept() and stops listening (close() alone does not)
            self.server.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.server.close()
        for sock in self.sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()


def assert_branded_error_page(status, headers, body, language):
    assert status == 500, (status, body[:300])
    assert "Traceback" not in body and "OperationalError" not in body
    assert "psycopg" not in body and "127.0.0.1" not in body
    document = html(type("R", (), {"content": body.encode()}))
    assert document.html["lang"] == language
    assert document.h1.get_text(strip=True) == TEMPORARY_PROBLEM[language]
    assert "Content-Security-Policy" in headers


PAGES = {"fr": "/fr/masis/", "en": "/en/masis/", "hy": "/hy/մասիս/"}


def test_with_the_database_unreachable_static_answers_and_pages_get_the_branded_500(tmp_path):
    with site(tmp_path, f"postgres://postgres@127.0.0.1:{closed_port()}/masis") as base:
        status, headers, body = get(f"{base}/static/css/site.css")
        assert status == 200 and "--" in body
        status, _headers, _body = get(f"{base}/static/img/favicon.svg")
        assert status == 200
        for language, path in PAGES.items():
            url = base + urllib.parse.quote(path)
            assert_branded_error_page(*get(url, language), language)
        # No language in the address: the browser's language is used.
        for language in ("fr", "hy"):
            status, headers, body = get(f"{base}/documents/1/plan.pdf", language)
            assert_branded_error_page(status, headers, body, language)


def test_when_the_database_goes_down_cached_pages_still_answer(seeded, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the database-down relay needs PostgreSQL (run with DATABASE_URL)")
    db = connection.settings_dict
    relay_port = free_port()
    relay = Relay(relay_port, (db.get("HOST") or "127.0.0.1", int(db.get("PORT") or 5432)))
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    url = f"postgres://{user}{password}@127.0.0.1:{relay_port}/{db['NAME']}"
    page_cache = "masis.caching.middleware.PageCacheMiddleware" in settings.MIDDLEWARE
    try:
        with site(tmp_path, url) as base:
            warm = {"fr": "/fr/", "en": "/en/masis/"}
            for path in warm.values():
                assert get(base + path)[0] == 200
            relay.cut()
            status, _headers, _body = get(f"{base}/static/css/site.css")
            assert status == 200
            assert_branded_error_page(*get(base + urllib.parse.quote(PAGES["hy"]), "hy"), "hy")
            if page_cache:
                for language, path in warm.items():
                    status, headers, body = get(base + path, language)
                    assert status == 200, (path, status)
                    assert headers.get("X-Page-Cache") == "hit"
                    assert f'<html lang="{language}"' in body
            else:
                assert get(base + warm["fr"])[0] == 500
    finally:
        relay.cut()
