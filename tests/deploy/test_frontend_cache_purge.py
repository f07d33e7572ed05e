"""What the app tells a proxy cache in front of it (FRONTEND_CACHE_PURGE_URL): a publication
purges every page in every language, by the path and host Varnish keeps them under; a migration
purges nothing (its historical models meet a schema still being built)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Page, PageViewRestriction

from masis.caching.invalidation import is_content_model
from masis.multilingual.links import page_urls
from pages.models import TownProfilePage

from ..factories import seeded_event


class PurgeRecorder(BaseHTTPRequestHandler):
    received = []

    def do_PURGE(self):  # noqa: N802 — the HTTP method's name
        self.received.append((self.headers["Host"], unquote(self.path)))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy(settings):
    """A real HTTP server standing for Varnish, recording the purges it receives."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    PurgeRecorder.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield PurgeRecorder.received
    server.shutdown()
    server.server_close()


def test_a_publication_purges_each_page_in_each_language_by_its_path_and_host(
    seeded, proxy, django_capture_on_commit_callbacks
):
    profile = TownProfilePage.objects.get()
    profile.title_en = "Masis, the town"
    with django_capture_on_commit_callbacks(execute=True):
        profile.save_revision().publish()

    host = profile.get_site().hostname
    purged = set(proxy)
    for language, path in page_urls(profile).items():
        assert (host, unquote(path)) in purged, language
    home = Page.objects.get(depth=2)
    assert (host, unquote(page_urls(home)["hy"])) in purged


def purged_paths(proxy, page):
    host = page.get_site().hostname
    return {
        language: (host, unquote(path)) in set(proxy) for language, path in page_urls(page).items()
    }


def test_a_page_unpublished_is_purged_too(seeded, proxy, django_capture_on_commit_callbacks):
    """The proxy keeps what the page was while it was public: the purge must name the page
    that has just left the public site, not only those still on it."""
    profile = TownProfilePage.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        profile.unpublish()
    assert purged_paths(proxy, profile) == {"fr": True, "en": True, "hy": True}


def test_a_page_made_private_is_purged_too(seeded, proxy, django_capture_on_commit_callbacks):
    profile = TownProfilePage.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=profile, restriction_type=PageViewRestriction.PASSWORD, password="a long secret"
        )
    assert purged_paths(proxy, profile) == {"fr": True, "en": True, "hy": True}


def test_a_migrations_historical_models_are_not_content(db):
    state = MigrationExecutor(connection).loader.project_state(
        ("wagtailcore", "0001_squashed_0016_change_page_url_path_to_text_field")
    )
    historical_page = state.apps.get_model("wagtailcore", "Page")
    assert not is_content_model(historical_page)
    assert is_content_model(Page) and is_content_model(TownProfilePage)


def test_a_page_deleted_is_purged_too(seeded, proxy, django_capture_on_commit_callbacks):
    """Once deleted, the page is in no list of pages: its addresses are taken before it goes."""
    event = seeded_event("event-cross-visits")
    paths = page_urls(event)
    host = event.get_site().hostname
    with django_capture_on_commit_callbacks(execute=True):
        event.delete()
    purged = set(proxy)
    assert {language: (host, unquote(path)) in purged for language, path in paths.items()} == {
        "fr": True,
        "en": True,
        "hy": True,
    }
