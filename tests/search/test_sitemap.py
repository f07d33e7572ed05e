"""sitemap.xml: every live page in every language with its translations; robots.txt points to it."""

from collections import Counter
from urllib.parse import quote, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import etree
from wagtail.models import Page, PageViewRestriction

from masis.core.seeding import localized
from masis.multilingual.languages import LANGUAGE_CODES
from masis.multilingual.links import page_url
from masis.search.engine import page_types
from pages.models import StandardPage

from ..helpers import live_pages

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_entries(client):
    """{location: {hreflang: href}} and the parsed document."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = etree.fromstring(response.content)  # raises on malformed XML
    assert root.tag == f"{{{NS['s']}}}urlset"
    entries = {}
    for url in root.findall("s:url", NS):
        location = url.findtext("s:loc", namespaces=NS)
        assert location not in entries, f"listed twice: {location}"
        entries[location] = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("x:link", NS)
            if link.get("rel") == "alternate"
        }
    return entries, root


def add_page(parent, slug, **extra):
    page = StandardPage(**localized(title={"fr": slug.title()}, slug={"fr": slug}, **extra))
    parent.add_child(instance=page)
    return page


def test_sitemap_lists_every_live_page_in_every_language(client, seeded):
    entries, _root = sitemap_entries(client)
    expected = {
        f"http://testserver{page_url(page, code)}"
        for page in live_pages()
        for code in LANGUAGE_CODES
    }
    assert set(entries) == expected
    assert len(entries) == 3 * len(live_pages())


def test_every_sitemap_url_answers_200(client, seeded):
    entries, _root = sitemap_entries(client)
    for location in entries:
        assert urlsplit(location).netloc == "testserver"
        assert client.get(urlsplit(location).path).status_code == 200, location


def test_alternates_are_complete_reciprocal_and_point_to_french_by_default(client, seeded):
    entries, _root = sitemap_entries(client)
    for location, alternates in entries.items():
        assert set(alternates) == {*LANGUAGE_CODES, "x-default"}, location
        assert location in alternates.values()
        assert alternates["x-default"] == alternates["fr"]
        for code in LANGUAGE_CODES:
            # The translation is itself listed, with the same set of alternates.
            assert entries[alternates[code]] == alternates, (location, code)
    language_of = Counter(
        code
        for location, alts in entries.items()
        for code in LANGUAGE_CODES
        if alts[code] == location
    )
    assert language_of == {code: len(live_pages()) for code in LANGUAGE_CODES}


def test_translated_slugs_appear_in_the_sitemap(client, seeded):
    entries, _root = sitemap_entries(client)
    paths = {urlsplit(location).path for location in entries}
    assert {"/fr/partenaires/", "/en/partners/"} <= paths
    assert quote("/hy/գործընկերներ/") in paths


def test_every_url_has_its_last_modification_date(client, seeded):
    _entries, root = sitemap_entries(client)
    for url in root.findall("s:url", NS):
        lastmod = url.findtext("s:lastmod", namespaces=NS)
        assert lastmod and len(lastmod) == 10 and lastmod[4] == "-", lastmod
    page = live_pages()[-1]
    location = f"http://testserver{page_url(page, 'en')}"
    entry = next(
        u for u in root.findall("s:url", NS) if u.findtext("s:loc", namespaces=NS) == location
    )
    # The date in the site's time zone (Europe/Paris), which is not UTC's around midnight.
    published = timezone.localdate(page.last_published_at)
    assert entry.findtext("s:lastmod", namespaces=NS) == published.isoformat()


def test_drafts_and_private_pages_are_not_listed(client, seeded):
    draft = add_page(seeded, "brouillon")
    draft.unpublish()
    private = add_page(seeded, "reserve")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    entries, _root = sitemap_entries(client)
    paths = {urlsplit(location).path for location in entries}
    assert "/fr/brouillon/" not in paths
    assert "/fr/reserve/" not in paths
    public = add_page(seeded, "publique")
    entries, _root = sitemap_entries(client)
    assert f"http://testserver{page_url(public, 'fr')}" in entries


def test_sitemap_queries_do_not_grow_with_content(client, seeded):
    client.get("/sitemap.xml")  # warm the per-process caches
    with CaptureQueriesContext(connection) as before:
        client.get("/sitemap.xml")
    for number in range(15):
        add_page(seeded, f"page-{number}")
    with CaptureQueriesContext(connection) as after:
        entries, _root = sitemap_entries(client)
    assert len(entries) == 3 * len(live_pages())
    assert len(after.captured_queries) == len(before.captured_queries)
    # Site, view restrictions, the pages, then one query per page type to get specific pages.
    types = len(page_types(Page.objects.live()))
    assert len(before.captured_queries) <= 3 + types, (len(before.captured_queries), types)


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_search(client, seeded):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert {"Disallow: /fr/recherche/", "Disallow: /en/search/"} <= set(lines)
    assert "Disallow: /" not in lines


@pytest.mark.parametrize("query", ["?p=2", "?p=abc", "?p=0"])
def test_sitemap_pages_beyond_the_first_are_404(client, seeded, query):
    assert client.get(f"/sitemap.xml{query}").status_code == 404
