"""The 404 and 500 pages: branded, in the visitor's language; the 500 page needs no database."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from ..helpers import html

NOT_FOUND = {"fr": "Page introuvable", "en": "Page not found", "hy": "Էջը չի գտնվել"}
SERVER_ERROR = {"fr": "Problème temporaire", "en": "Temporary problem", "hy": "Ժամանակավոր խնդիր"}


@pytest.mark.parametrize("language", NOT_FOUND)
def test_404_page_is_branded_and_in_the_language_of_the_address(client, seeded, language):
    response = client.get(f"/{language}/cette-page-n-existe-pas/")
    assert response.status_code == 404
    doc = html(response)
    assert doc.html["lang"] == language
    assert doc.h1.get_text(strip=True) == NOT_FOUND[language]
    assert doc.find("header", class_="site-header")
    assert doc.find("a", href=f"/{language}/")


def test_404_without_a_language_in_the_address_follows_the_browser(client, seeded):
    response = client.get("/documents/999999/absent.pdf", HTTP_ACCEPT_LANGUAGE="hy")
    assert response.status_code == 404
    assert html(response).h1.get_text(strip=True) == NOT_FOUND["hy"]


@pytest.mark.parametrize("language", SERVER_ERROR)
def test_500_page_renders_without_the_database(language):
    # No db fixture: pytest-django makes any database access here raise.
    with translation.override(language):
        body = render_to_string("500.html")
    doc = html(type("Response", (), {"content": body.encode()}))
    assert doc.html["lang"] == language
    assert doc.h1.get_text(strip=True) == SERVER_ERROR[language]
    assert doc.find("link", rel="stylesheet")["href"].endswith("css/site.css")
    assert doc.find("a", href=f"/{language}/")


@pytest.mark.parametrize("path", ["/\\evil.example/", "/fr/\\\\evil.example/x/"])
def test_a_404_page_links_nowhere_off_the_site(client, seeded, path):
    """The language links of a 404 page repeat the address asked for; a browser reads a link
    starting with /\\ as //, another site: sent as is, /\\evil.example/ led away."""
    response = client.get(path)
    assert response.status_code == 404
    doc = html(response)
    hrefs = [a["href"] for a in doc.find_all(["a", "link"], href=True)]
    hrefs += [m["content"] for m in doc.find_all("meta", property="og:url")]
    assert hrefs
    assert not [href for href in hrefs if "\\" in href]
