"""Every page answers in fr, en and hy, says which language it is in, and links its translations."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation

from masis.multilingual.fields import falls_back
from masis.multilingual.languages import AUTONYMS, LANGUAGE_CODES

from ..helpers import every_page_in_every_language, html, live_pages


def test_the_seed_builds_the_sections(seeded):
    slugs = {page.slug_fr for page in live_pages()}
    assert {"masis", "cooperation", "partenaires", "aix-et-l-armenie"} <= slugs


def test_every_page_answers_in_every_language(client, seeded):
    checked = 0
    for page, language, url in every_page_in_every_language():
        assert url.startswith(f"/{language}/"), url
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        doc = html(response)
        assert doc.html["lang"] == language
        assert doc.html["dir"] == "ltr"
        with translation.override(language):
            title = page.title
        assert " ".join(doc.h1.get_text().split()) == " ".join(title.split())
        assert doc.title.get_text().startswith(page.seo_title or title)
        checked += 1
    assert checked >= 3 * 5


def test_hreflang_alternates_are_reciprocal_and_resolve(client, seeded):
    for _page, language, url in every_page_in_every_language():
        doc = html(client.get(url))
        alternates = {
            link["hreflang"]: urlsplit(link["href"]).path
            for link in doc.find_all("link", rel="alternate", hreflang=True)
        }
        assert set(alternates) == {*LANGUAGE_CODES, "x-default"}
        assert alternates[language] == url
        assert alternates["x-default"] == alternates["fr"]
        for code in LANGUAGE_CODES:
            target = client.get(alternates[code])
            assert target.status_code == 200
            back = {
                link["hreflang"]: urlsplit(link["href"]).path
                for link in html(target).find_all("link", rel="alternate", hreflang=True)
            }
            assert back[language] == url
        canonical = doc.find("link", rel="canonical")["href"]
        assert urlsplit(canonical).path == url


def test_language_switcher_stays_on_the_page_with_translated_slugs(client, seeded):
    response = client.get("/fr/masis/")
    switcher = html(response).find("nav", class_="language-switcher")
    links = {a["hreflang"]: a for a in switcher.find_all("a")}
    assert set(links) == set(LANGUAGE_CODES)
    for code, link in links.items():
        assert link["lang"] == code
        assert link.get_text(strip=True) == AUTONYMS[code]
        # A path: the visitor stays on the host they came through (hreflang names SITE_URL).
        assert link["href"].startswith("/"), link["href"]
    assert urlsplit(links["hy"]["href"]).path == "/hy/%D5%B4%D5%A1%D5%BD%D5%AB%D5%BD/"
    assert client.get(links["en"]["href"]).status_code == 200
    assert links["fr"].get("aria-current") == "true"


def test_partner_index_slug_is_translated(client, seeded):
    assert client.get("/fr/partenaires/").status_code == 200
    assert client.get("/en/partners/").status_code == 200
    assert client.get("/en/partenaires/").status_code == 404


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("", "/fr/"), ("hy", "/hy/"), ("en-GB,en;q=0.9", "/en/"), ("de-DE,de;q=0.9", "/fr/")],
)
def test_root_redirects_to_the_visitors_language(client, seeded, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("path", ["/de/", "/zz/masis/", "/pt-br/", "/fr/does-not-exist/"])
def test_unknown_language_or_page_is_a_plain_404(client, seeded, path):
    assert client.get(path).status_code == 404


def test_french_fallback_is_marked_lang_fr(client, seeded):
    page = next(p for p in live_pages() if p.slug_fr == "aix-et-l-armenie")
    page.introduction_hy = ""
    page.title_en = ""
    page.save_revision().publish()
    assert falls_back(page, "introduction", "hy")
    assert not falls_back(page, "introduction", "en")

    lead = html(client.get("/hy/էքսը-և-հայաստանը/")).find("p", class_="lead")
    assert lead["lang"] == "fr"
    assert lead.get_text(strip=True) == page.introduction_fr

    doc = html(client.get("/en/aix-and-armenia/"))
    assert doc.h1["lang"] == "fr"
    assert doc.h1.get_text(strip=True) == page.title_fr
    assert doc.find("p", class_="lead").get("lang") is None


def test_main_menu_lists_the_sections_in_the_page_language(client, seeded):
    menu = html(client.get("/hy/")).find("nav", class_="main-nav")
    labels = [a.get_text(strip=True) for a in menu.find_all("a")]
    assert "Գործընկերներ" in labels
    assert all(not a.get("lang") for a in menu.find_all("a"))


@pytest.mark.parametrize(
    ("url", "query"),
    [
        (
            "/fr/cooperation/?year=2024&theme=culture&page=1",
            {"year": ["2024"], "theme": ["culture"]},
        ),
        ("/en/partners/?kind=hospital&utm_source=x", {"kind": ["hospital"]}),
        ("/hy/որոնում/?q=Մասիս&page=2", {"q": ["Մասիս"]}),
        ("/fr/masis/", {}),
    ],
)
def test_language_switcher_keeps_the_visitors_filters_and_search(client, seeded, url, query):
    # Year, theme, kind and search words mean the same in every language; a page number (fewer
    # results in another language) and parameters no page reads are left behind.
    switcher = html(client.get(url)).find("nav", class_="language-switcher")
    links = {a["hreflang"]: a["href"] for a in switcher.find_all("a")}
    assert set(links) == set(LANGUAGE_CODES)
    for code, href in links.items():
        assert parse_qs(urlsplit(href).query) == query, (code, href)
        assert client.get(href).status_code == 200, href
