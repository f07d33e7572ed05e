"""Pages stay lean: SQL queries independent of content size, small first-visit transfer."""

import gzip
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import StandardPage

from ..helpers import html, queries_for


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
    assert queries_for(client, url) == before
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


def pages_built_for(client, url):
    """How many page objects serving ``url`` builds, and the response."""
    from django.db.models.signals import post_init
    from wagtail.models import Page

    built = []

    def count(sender, instance, **kwargs):
        if isinstance(instance, Page):
            built.append(instance)

    post_init.connect(count, weak=False)
    try:
        response = client.get(url)
    finally:
        post_init.disconnect(count)
    return len(built), response


@pytest.mark.parametrize("language", ["fr", "en", "hy"])
def test_routing_loads_the_pages_on_the_path_not_their_siblings(client, seeded, language):
    """A partner's page costs the same with 40 more partners beside it (wagtail-modeltranslation
    alone loaded every child of each page on the path to compare their translated slugs)."""
    from django.utils import translation

    from partners.models import PartnerIndexPage, PartnerKind, PartnerPage

    directory = PartnerIndexPage.objects.get()
    kind = PartnerKind.objects.first()
    partner = PartnerPage.objects.child_of(directory).live().order_by("path").first()
    with translation.override(language):
        url = partner.get_url()
    before, response = pages_built_for(client, url)
    assert response.status_code == 200
    for n in range(40):
        directory.add_child(
            instance=PartnerPage(title_fr=f"Voisin {n}", slug_fr=f"voisin-{n}", kind=kind)
        )
    after, response = pages_built_for(client, url)
    assert response.status_code == 200
    assert after == before


def test_an_untranslated_slug_routes_through_its_french_fallback(client, seeded):
    from django.utils import translation

    from partners.models import PartnerIndexPage, PartnerKind, PartnerPage

    directory = PartnerIndexPage.objects.get()
    untranslated = PartnerPage(
        title_fr="Sans traduction", slug_fr="sans-traduction", kind=PartnerKind.objects.first()
    )
    directory.add_child(instance=untranslated)
    with translation.override("en"):
        english_url = untranslated.get_url()
    assert english_url.startswith("/en/") and english_url.endswith("/sans-traduction/")
    response = client.get(english_url)
    assert response.status_code == 200
    assert "Sans traduction" in response.content.decode()
    assert client.get(english_url.replace("sans-traduction", "sans-traductio")).status_code == 404


def test_routing_builds_only_the_specific_pages_it_must(seeded):
    """On the way to a partner's page, the directory routes as a plain page: two queries per
    level and one for the page served. The timeline, whose own routes (feeds, calendar) need
    its specific object, costs one query more."""
    from django.test import RequestFactory
    from django.utils import translation
    from wagtail.models import Site

    from partners.models import PartnerPage
    from timeline.models import CooperationEventPage

    home = Site.objects.get(is_default_site=True).root_page.specific
    request = RequestFactory().get("/")
    partner = PartnerPage.objects.live().order_by("path").first()
    event = CooperationEventPage.objects.live().order_by("path").first()
    for page, queries_expected in ((partner, 3), (event, 4)):
        parent = page.get_parent()
        with translation.override("fr"), CaptureQueriesContext(connection) as queries:
            result = home.route(request, [parent.slug_fr, page.slug_fr])
        assert result.page == page and type(result.page) is type(page)
        assert len(queries) == queries_expected
