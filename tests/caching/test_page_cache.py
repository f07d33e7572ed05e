"""Anonymous pages come from the page cache, and never outlive a change to what they show."""

import http.cookiejar
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from pages.models import ExternalLinks, StandardPage

from ..servers import ROOT, gunicorn, seeded_site


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


def get(client, url, **kwargs):
    response = client.get(url, **kwargs)
    return response, response.get("X-Page-Cache")


def test_second_anonymous_visit_is_a_cache_hit_per_language(client, seeded, page_cache_on):
    assert get(client, "/fr/masis/")[1] == "miss"
    response, state = get(client, "/fr/masis/")
    assert state == "hit"
    assert response.status_code == 200
    assert b'lang="fr"' in response.content
    english, state = get(client, "/en/masis/")
    assert state == "miss"
    assert b'<html lang="en"' in english.content


def assert_a_publication_shows_at_once(client, title_en):
    page = StandardPage.objects.get(slug_fr="aix-et-l-armenie")
    page.title_en = title_en
    page.save_revision().publish()
    response, state = get(client, "/en/aix-and-armenia/")
    assert state == "miss"
    assert title_en in response.content.decode()


def test_publishing_a_change_drops_the_cached_page(client, seeded, page_cache_on):
    get(client, "/en/aix-and-armenia/")
    assert_a_publication_shows_at_once(client, "Aix and Armenia, an old friendship")


def test_unpublishing_drops_the_page_and_the_menus_that_listed_it(client, seeded, page_cache_on):
    page = StandardPage.objects.get(slug_fr="aix-et-l-armenie")
    get(client, "/fr/aix-et-l-armenie/")
    home, _ = get(client, "/fr/")
    assert "/fr/aix-et-l-armenie/" in home.content.decode()
    page.unpublish()
    assert client.get("/fr/aix-et-l-armenie/").status_code == 404
    home, state = get(client, "/fr/")
    assert state == "miss"
    assert "/fr/aix-et-l-armenie/" not in home.content.decode()


def test_a_page_made_private_is_no_longer_served_from_the_cache(client, seeded, page_cache_on):
    """Privacy is set in the admin without saving the page: the restriction alone must drop
    the cached copy, or anonymous visitors keep reading the page (and the lists naming it)."""
    page = StandardPage.objects.get(slug_fr="aix-et-l-armenie")
    title = page.title_fr
    get(client, "/fr/aix-et-l-armenie/")
    assert get(client, "/fr/aix-et-l-armenie/")[1] == "hit"
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="a long secret"
    )
    response, state = get(client, "/fr/aix-et-l-armenie/")
    assert state != "hit"
    assert 'class="password-form"' in response.content.decode()

    restriction.delete()  # public again: the page comes back at once
    response, state = get(client, "/fr/aix-et-l-armenie/")
    assert (state, response.status_code) == ("miss", 200)
    assert title in response.content.decode()


def test_a_settings_change_reaches_every_page(client, seeded, page_cache_on):
    get(client, "/fr/")
    links = ExternalLinks.load()
    links.masis_url = "https://example.am/masis"
    links.save()
    assert "https://example.am/masis" in client.get("/fr/").content.decode()


def test_a_browser_revalidating_an_unchanged_page_gets_a_304(client, seeded, page_cache_on):
    url = "/fr/aix-et-l-armenie/"
    first, state = get(client, url)
    assert state == "miss"
    etag = first["ETag"]
    hit, state = get(client, url)
    assert (state, hit["ETag"]) == ("hit", etag)
    revalidated = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert revalidated.status_code == 304
    assert revalidated.content == b""

    page = StandardPage.objects.get(slug_fr="aix-et-l-armenie")
    page.title_fr = "Aix et l’Arménie, jumelées"
    page.save_revision().publish()
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "Aix et l’Arménie, jumelées" in changed.content.decode()


def test_pages_built_for_every_visit_answer_revalidation_too(client, seeded):
    first = client.get("/en/masis/")
    assert "X-Page-Cache" not in first  # the page cache is off
    assert client.get("/en/masis/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_logged_in_staff_never_get_or_fill_the_cache(client, seeded, page_cache_on, admin_user):
    client.force_login(admin_user)
    assert get(client, "/fr/masis/")[1] is None
    client.logout()
    assert get(client, "/fr/masis/")[1] == "miss"
    client.force_login(admin_user)
    assert get(client, "/fr/masis/")[1] is None


def test_uncacheable_responses_are_not_cached(client, seeded, page_cache_on):
    # Redirects depend on the visitor's Accept-Language; 404s are not stored either.
    assert get(client, "/", HTTP_ACCEPT_LANGUAGE="hy")[1] is None
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/en/"
    assert get(client, "/fr/nope/")[1] is None
    assert get(client, "/fr/nope/")[1] is None
    # An over-long query string is served fresh rather than stored.
    assert get(client, "/fr/masis/?" + "x=1&" * 100)[1] is None


def test_health_check_reports_database_and_cache(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


# --- Two app processes sharing the real Redis --------------------------------------------------


def redis_url():
    return os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/1")


def redis_is_up():
    import redis

    try:
        return redis.Redis.from_url(redis_url(), socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


class Browser:
    """A cookie-keeping HTTP client for a real server."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)
        if body is not None:
            request.add_header("Referer", self.base + path)
        try:
            with self.opener.open(request, timeout=20) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()

    def csrf(self):
        return next(c.value for c in self.jar if c.name == "csrftoken")


def shell(env, code):
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


@pytest.mark.django_db
def test_two_processes_sharing_redis_never_serve_stale_pages():
    if not redis_is_up():
        if os.environ.get("CI"):
            pytest.fail("Redis is not reachable at " + redis_url())
        pytest.skip("Redis is not reachable at " + redis_url())
    prefix = f"masis-test-{uuid.uuid4().hex[:8]}"
    with seeded_site("pagecache", REDIS_URL=redis_url(), CACHE_KEY_PREFIX=prefix) as env:
        shell(
            env,
            "from django.contrib.auth import get_user_model; "
            "get_user_model().objects.create_superuser('editor', 'e@example.org', 'pw-123456!')",
        )
        page_id = shell(
            env,
            "from pages.models import StandardPage; "
            "print(StandardPage.objects.get(slug_fr='aix-et-l-armenie').pk)",
        )
        with gunicorn(env) as first, gunicorn(env) as second:
            visitor = Browser(second)
            path = "/fr/aix-et-l-armenie/"
            status, headers, _ = visitor.request(path)
            assert (status, headers["X-Page-Cache"]) == (200, "miss")
            status, headers, _ = visitor.request(path)
            assert (status, headers["X-Page-Cache"]) == (200, "hit")
            # The other process was filled by the same shared cache.
            assert Browser(first).request(path)[1]["X-Page-Cache"] == "hit"

            # A change made by a third process (a shell) is seen by both at once.
            shell(
                env,
                "from pages.models import StandardPage; "
                "p = StandardPage.objects.get(slug_fr='aix-et-l-armenie'); "
                "p.title_fr = 'Aix et l’Arménie, une amitié'; p.save_revision().publish()",
            )
            status, headers, body = visitor.request(path)
            assert headers["X-Page-Cache"] == "miss"
            assert "Aix et l’Arménie, une amitié" in body

            # An editor unpublishes through the first process's admin...
            editor = Browser(first)
            editor.request("/admin/login/")
            status, _, _ = editor.request(
                "/admin/login/",
                {
                    "username": "editor",
                    "password": "pw-123456!",
                    "csrfmiddlewaretoken": editor.csrf(),
                },
            )
            assert status == 200
            status, _, body = editor.request(f"/admin/pages/{page_id}/unpublish/")
            assert status == 200, body[:500]
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
            status, _, _ = editor.request(
                f"/admin/pages/{page_id}/unpublish/", {"csrfmiddlewaretoken": token}
            )
            assert status == 200
            # ...and the second process stops serving it at once.
            assert visitor.request(path)[0] == 404
            status, _, home = visitor.request("/fr/")
            assert status == 200 and path not in home


def test_pages_are_served_and_health_says_so_when_the_cache_is_down(client, seeded, settings):
    """Redis down: pages are built for every visit (no 500), /healthz answers 503."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "masis.caching.backends.CircuitBreakerRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": settings.REDIS_CACHE_OPTIONS,
        },
    }
    settings.PAGE_CACHE_ENABLED = True
    for _ in range(2):
        response = client.get("/fr/masis/")
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "miss"
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json()["cache"].startswith("down")
    assert health.json()["database"] == "ok"
