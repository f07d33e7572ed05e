"""Pages stay lean: SQL queries independent of content size, small first-visit transfer."""

import gzip
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import StandardPage

from .helpers import html


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context.captured_queries)


def add_standard_pages(parent, count):
    for number in range(count):
        page = StandardPage(
            title_fr=f"Page {number}",
            slug_fr=f"page-{number}",
            title_en=f"Page {number}",
            slug_en=f"page-{number}",
            introduction_fr="Texte",
            show_in_menus=True,
            show_in_footer=number % 2 == 0,
        )
        parent.add_child(instance=page)


@pytest.mark.parametrize("url", ["/fr/", "/en/aix-and-armenia/", "/hy/"])
def test_home_and_standard_pages_queries_do_not_grow_with_content(client, seeded, url):
    client.get(url)  # warm the per-process caches (content types, site root paths)
    before = queries_for(client, url)
    add_standard_pages(seeded, 40)
    after = queries_for(client, url)
    assert after == before
    assert before <= 20, f"{url}: {before} queries"


def static_size(url, compressed):
    path = finders.find(urlsplit(url).path.removeprefix("/static/"))
    assert path, url
    data = open(path, "rb").read()
    return len(gzip.compress(data)) if compressed else len(data)


def test_home_first_visit_stays_under_300_kb_and_css_under_30_kb(client, seeded):
    response = client.get("/fr/")
    doc = html(response)
    total = len(gzip.compress(response.content))
    stylesheets = [link["href"] for link in doc.find_all("link", rel="stylesheet")]
    css = sum(static_size(href, compressed=True) for href in stylesheets)
    assert css <= 30 * 1024
    # Fonts: the preloaded ones, plus the Armenian one (the page shows Մասիս in Armenian script).
    fonts = {link["href"] for link in doc.find_all("link", rel="preload")}
    fonts.add("/static/fonts/noto-sans-armenian-armenian-wght-normal.woff2")
    images = [img["src"] for img in doc.find_all("img") if img["src"].startswith("/static/")]
    total += css + sum(static_size(url, compressed=False) for url in [*fonts, *images])
    media_images = [img for img in doc.find_all("img") if not img["src"].startswith("/static/")]
    assert not media_images or all(img.get("width") and img.get("height") for img in media_images)
    assert total <= 300 * 1024, f"home page first visit: {total} bytes"
    assert not doc.find_all("script", src=True), "no JavaScript needed to read a page"
