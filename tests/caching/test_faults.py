"""The site on gunicorn with the production settings while Redis or PostgreSQL is hung (a
listener that accepts and never answers) or down (a closed port).

Redis out of reach: every public page type answers 200 within 3 s, /healthz 503 within 3 s, and
the contact form stores the visitor's message. PostgreSQL out of reach: /healthz answers 503
within 5 s, and pages in the page cache are still served. Web processes stop runaway queries.
"""

import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from contextlib import contextmanager

import psycopg
import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.forms.models import FormSubmission

from institutional.models import ContactPage
from masis.multilingual.links import page_url

from ..helpers import live_pages
from ..servers import (
    ROOT,
    SilentListener,
    closed_port,
    free_port,
    gunicorn,
    production_env,
    redis_server,
    seeded_database_url,
)

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (run with DATABASE_URL)"
)

MESSAGE = {
    "nom": "Anahit Petrosyan",
    "adresse_e_mail": "anahit@example.org",
    "votre_demande": "Participer à un échange ou à un projet",
}


def request(base, path, data=None, timeout=10):
    """(status, headers, body, seconds) of a request as the proxy in front would pass it."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    req = urllib.request.Request(
        base + urllib.parse.quote(path, safe="/?=&%"),
        data=body,
        headers={"X-Forwarded-Proto": "https", "Origin": base.replace("http:", "https:")},
    )
    started = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            status, headers, content = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, content = error.code, error.headers, error.read()
    return status, headers, content.decode(), time.monotonic() - started


def public_paths():
    """One URL of every public page type in every language, and the views that are not pages."""
    by_type = {}
    for page in live_pages():
        by_type.setdefault(type(page).__name__, page)
    paths = [page_url(page, code) for page in by_type.values() for code in ("fr", "en", "hy")]
    timeline = page_url(by_type["TimelinePage"], "fr")
    return paths + [
        timeline + "?year=2024",
        timeline + "feed/",
        timeline + "calendar/",
        "/fr/recherche/?q=masis",
        "/sitemap.xml",
        "/robots.txt",
        "/api/v2/pages/",
    ]


@contextmanager
def site(tmp_path, log=None, **env):
    port = free_port()
    env = production_env(tmp_path, port, **env)
    with gunicorn(env, healthy=False, port=port, log=log) as base:
        yield base


@contextmanager
def unreachable(kind):
    """(host:port) of a service that is hung or down."""
    if kind == "hung":
        with SilentListener() as listener:
            yield f"127.0.0.1:{listener.port}"
    else:
        yield f"127.0.0.1:{closed_port()}"


def delete_messages(marker):
    with psycopg.connect(seeded_database_url(), autocommit=True) as admin:
        admin.execute(
            "DELETE FROM wagtailforms_formsubmission WHERE form_data::text LIKE %s",
            [f"%{marker}%"],
        )


@pytest.mark.parametrize("kind", ["hung", "down"])
def test_with_redis_out_of_reach_pages_answer_and_messages_are_kept(seeded, tmp_path, kind):
    contact = ContactPage.objects.get()
    with translation.override("fr"):
        send_path = reverse("contact_send", args=[contact.pk])
    paths = public_paths()
    marker = uuid.uuid4().hex
    log_path = tmp_path / "site.log"
    with (
        log_path.open("w") as log,
        unreachable(kind) as address,
        site(
            tmp_path, log, DATABASE_URL=seeded_database_url(), REDIS_URL=f"redis://{address}/0"
        ) as base,
    ):
        try:
            for _ in range(2):  # a second visit finds the breaker open
                for path in paths:
                    status, _headers, _body, seconds = request(base, path)
                    assert status == 200, (path, status)
                    assert seconds < 3, (path, seconds)
            status, _headers, body, seconds = request(base, "/healthz")
            assert (status, seconds < 3) == (503, True), (body, seconds)
            assert '"cache": "down' in body

            status, _headers, body, _seconds = request(
                base, send_path, {**MESSAGE, "message": f"Bonjour {marker}"}
            )
            assert status == 200, body[:500]
            stored = FormSubmission.objects.filter(form_data__message=f"Bonjour {marker}")
            assert stored.count() == 1
        finally:
            delete_messages(marker)
    # One warning when the breaker opened (per worker), not a traceback per cache call.
    log_text = log_path.read_text()
    assert "Traceback" not in log_text
    assert log_text.count("unavailable") == 1, log_text[-3000:]


@pytest.mark.parametrize("kind", ["hung", "down"])
def test_with_the_database_out_of_reach_cached_pages_answer(seeded, tmp_path, kind):
    paths = [page_url(page, "fr") for page in live_pages()[:6]]
    prefix = f"masis-faults-{uuid.uuid4().hex[:8]}"
    with redis_server() as redis_url:
        shared = {"REDIS_URL": redis_url, "CACHE_KEY_PREFIX": prefix}
        with site(tmp_path, DATABASE_URL=seeded_database_url(), **shared) as base:
            for path in paths:
                assert request(base, path)[0] == 200
        with (
            unreachable(kind) as address,
            site(tmp_path, DATABASE_URL=f"postgres://postgres@{address}/masis", **shared) as base,
        ):
            status, _headers, body, seconds = request(base, "/healthz")
            assert (status, seconds < 5) == (503, True), (body, seconds)
            assert '"database": "down' in body
            for path in paths:
                status, headers, _body, seconds = request(base, path)
                assert (status, headers["X-Page-Cache"]) == (200, "hit"), path
                assert seconds < 3, (path, seconds)


SHOW_STATEMENT_TIMEOUT = (
    "from django.db import connection\n"
    "with connection.cursor() as cursor:\n"
    "    cursor.execute('SHOW statement_timeout')\n"
    "    print(cursor.fetchone()[0])\n"
)


def test_web_processes_stop_runaway_queries_and_commands_do_not(seeded):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_STATEMENT_TIMEOUT", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(DJANGO_SETTINGS_MODULE="masis.settings.dev", DATABASE_URL=seeded_database_url())

    def statement_timeout(*command):
        return subprocess.run(
            [sys.executable, *command], cwd=ROOT, env=env, check=True,
            capture_output=True, text=True, timeout=60,
        ).stdout.strip()  # fmt: skip

    web = "import masis.wsgi\n" + SHOW_STATEMENT_TIMEOUT  # what gunicorn loads
    assert statement_timeout("-c", web) == "10s"
    command = ("manage.py", "shell", "--no-imports", "-c", SHOW_STATEMENT_TIMEOUT)
    assert statement_timeout(*command) == "0"
