"""Every name in another language marked (issue #20): on the Armenian and English pages of the
seeded site, no French word (a letter only French uses, or a known French name) is read outside
an element that says lang="fr"."""

import re

import pytest
from bs4 import BeautifulSoup, Comment, Doctype
from django.utils import translation

from masis.multilingual.names import mark_languages

from ..helpers import every_page_in_every_language, html

# Letters French uses and English does not (ü is Turkish in "Türkiye", German elsewhere).
FRENCH_LETTERS = re.compile(r"[éèêëàâçùûôîïœæÿÉÈÊÀÂÇÙÛÔÎÏŒÆ]")
# Names the seed keeps in French in every language.
FRENCH_NAMES = re.compile(
    r"\b(?:Montperrin|Médecins du Monde|Repère Jeunesse|La Rotonde|Défenseur des droits|CNIL"
    r"|RGAA|CCAS|DCTCIV|Hôtel de Ville|Manoukian)\b"
)


def unmarked_french(doc):
    """(text, match) of the text of ``doc``'s body read in a language other than French that
    holds a French letter or name."""
    for node in doc.body.find_all(string=True):
        if isinstance(node, Comment | Doctype):
            continue
        parents = [parent for parent in node.parents if parent.name]
        if any(parent.name in ("script", "style") for parent in parents):
            continue
        if any(parent.get("id") == "search-summary" for parent in parents):
            continue  # the visitor's query, quoted back: its language is the visitor's
        lang = next((p.get("lang") for p in parents if p.get("lang") is not None), "")
        if lang.split("-")[0] == "fr":
            continue
        text = str(node)
        match = FRENCH_LETTERS.search(text) or FRENCH_NAMES.search(text)
        if match:
            yield text.strip(), match.group()


def test_no_french_word_is_read_unmarked_on_armenian_and_english_pages(client, seeded):
    problems, checked = [], 0
    urls = [url for _page, language, url in every_page_in_every_language() if language != "fr"]
    urls += ["/en/search/?q=health", "/en/search/?q=Montperrin", "/hy/որոնում/?q=Montperrin"]
    for url in urls:
        doc = BeautifulSoup(client.get(url).content, "html.parser")
        problems += [(url, *found) for found in unmarked_french(doc)]
        checked += 1
    assert checked >= 45
    assert problems == []


@pytest.mark.parametrize(
    ("text", "language", "source", "towns", "expected"),
    [
        (
            "Montperrin հիվանդանոցային կենտրոն",
            "hy",
            "Centre hospitalier Montperrin",
            None,
            '<span lang="fr">Montperrin</span> հիվանդանոցային կենտրոն',
        ),
        (
            "Médecins du Monde (Doctors of the World)",
            "en",
            "Médecins du Monde",
            [],
            '<span lang="fr">Médecins du Monde</span> (Doctors of the World)',
        ),
        (
            "Montperrin Hospital",
            "en",
            "Centre hospitalier Montperrin",
            ["Aix-en-Provence"],
            '<span lang="fr">Montperrin</span> Hospital',
        ),
        (
            "City of Aix-en-Provence",
            "en",
            "Ville d’Aix-en-Provence",
            ["Aix-en-Provence"],
            "City of Aix-en-Provence",
        ),
        ("Masis Community", "en", "Communauté de communes de Masis", ["Masis"], "Masis Community"),
        (
            "United Nations Development Programme",
            "en",
            "Programme des Nations unies pour le développement",
            [],
            "United Nations Development Programme",
        ),
    ],
)
def test_names_keep_the_words_of_another_language_marked(text, language, source, towns, expected):
    assert mark_languages(text, language, source, towns) == expected


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/en/partners/montperrin-hospital/", "Montperrin"),
        ("/hy/գործընկերներ/montperrin/", "Montperrin"),
        ("/hy/գործընկերներ/medecins-du-monde/", "Médecins du Monde"),
    ],
)
def test_the_breadcrumb_marks_a_partners_french_name(client, seeded, url, name):
    doc = html(client.get(url))
    current = doc.find(class_="breadcrumbs").find(attrs={"aria-current": "page"})
    assert current.find("span", lang="fr").get_text() == name


def test_search_snippets_keep_the_language_of_the_words_they_quote(client, seeded):
    doc = html(client.get("/en/search/?q=DCTCIV"))
    snippets = doc.find_all(class_="search-result__snippet")
    assert snippets
    marked = [span.get_text() for s in snippets for span in s.find_all("span", lang="fr")]
    assert "DCTCIV" in marked


def test_a_monogram_in_french_letters_says_so(client, seeded):
    with translation.override("hy"):
        doc = html(client.get("/hy/գործընկերներ/"))
    monograms = doc.find_all("svg", class_="monogram")
    letters = {svg.get_text(): svg.get("lang") for svg in monograms}
    assert letters.get("M") == "fr"  # "Montperrin հիվանդանոցային կենտրոն": one script only
    assert all(not re.search("[A-Z]", text) or lang == "fr" for text, lang in letters.items())


def test_an_english_name_with_words_french_writes_alike_is_not_marked_french(client, seeded):
    # "United Nations Development Programme" shares "Nations" and "Programme" with the French
    # "Programme des Nations unies pour le développement": English words all the same.
    for url in ("/en/partners/", "/en/partners/undp/", "/en/site-map/"):
        doc = html(client.get(url))
        names = [a for a in doc.find_all("a") if "Development Programme" in a.get_text()]
        names += [h for h in doc.find_all("h1") if "Development Programme" in h.get_text()]
        assert names, url
        assert [name.find("span", lang="fr") for name in names] == [None] * len(names), url
