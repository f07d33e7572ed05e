"""Site search: each language searches its own text, accents optional, and bad input is harmless."""

import datetime
import io
import re
from urllib.parse import unquote, urlsplit

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from masis.core.seeding import localized
from masis.multilingual.languages import LANGUAGE_CODES
from masis.search.engine import page_types
from masis.search.metadata import marked_text
from masis.search.page_texts import pages_without_texts
from pages.models import StandardPage

from ..factories import add_event, aix_and_armenia
from ..helpers import html, queries_for

# A word of the seed's "Aix-en-Provence and Armenia" introduction, in each language.
FRIENDSHIP = {"fr": "amitié", "en": "friendship", "hy": "բարեկամություն"}


def search_url(language, **params):
    with translation.override(language):
        path = reverse("search")
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"{path}?{query}" if query else path


def result_paths(response):
    assert response.status_code == 200
    results = html(response).find("ol", class_="search-results")
    if results is None:
        return []
    return [unquote(urlsplit(a["href"]).path) for a in results.select("h2 a")]


def add_page(parent, **fields):
    page = StandardPage(**localized(**fields))
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_search_page_has_a_translated_address():
    paths = {code: unquote(search_url(code)) for code in LANGUAGE_CODES}
    assert paths == {"fr": "/fr/recherche/", "en": "/en/search/", "hy": "/hy/որոնում/"}


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_search_finds_seed_text_in_its_language_only(client, seeded, language):
    page = aix_and_armenia()
    word = FRIENDSHIP[language]
    assert word in getattr(page, f"introduction_{language}")
    with translation.override(language):
        expected = unquote(page.get_url())
    assert expected in result_paths(client.get(search_url(language, q=word)))
    for other in LANGUAGE_CODES:
        if other != language:
            assert result_paths(client.get(search_url(other, q=word))) == [], (other, word)


def test_armenian_query_is_case_insensitive(client, seeded):
    with translation.override("hy"):
        expected = unquote(aix_and_armenia().get_url())
    upper = FRIENDSHIP["hy"].upper()
    assert upper != FRIENDSHIP["hy"]
    assert expected in result_paths(client.get(search_url("hy", q=upper)))


def test_french_query_without_accents_finds_accented_text(client, seeded):
    page = add_page(
        seeded,
        title={"fr": "Santé mentale", "en": "Mental health"},
        slug={"fr": "sante-mentale", "en": "mental-health"},
        introduction={"fr": "Avec Médecins du Monde et le Centre hospitalier Montperrin."},
    )
    with translation.override("fr"):
        expected = unquote(page.get_url())
        aix = unquote(aix_and_armenia().get_url())
    for query in ("medecins", "Médecins", "MEDECINS", "sante mentale"):
        assert expected in result_paths(client.get(search_url("fr", q=query))), query
    assert aix in result_paths(client.get(search_url("fr", q="armenie")))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming needs PostgreSQL")
def test_french_query_matches_other_forms_of_a_word_on_postgresql(client, seeded):
    with translation.override("fr"):
        expected = unquote(aix_and_armenia().get_url())
    # "amitiés" and "sculpteurs" only share a stem with the seed's "amitié" and "sculpteur".
    for query in ("amities", "sculpteurs"):
        assert expected in result_paths(client.get(search_url("fr", q=query))), query


def test_block_type_names_are_not_words_of_a_page(client, seeded):
    assert result_paths(client.get(search_url("en", q="paragraph"))) == []


def result_for(response, page, language):
    with translation.override(language):
        path = page.get_url()
    link = html(response).find("ol", class_="search-results").find("a", href=path)
    assert link is not None, path
    return link.find_parent("li")


def test_results_show_title_type_snippet_in_the_page_language(client, seeded):
    page = aix_and_armenia()
    item = result_for(client.get(search_url("en", q="friendship")), page, "en")
    assert item.h2.get_text(strip=True) == page.title_en
    assert item.find(class_="search-result__kind").get_text(strip=True) == "Standard page"
    assert item.find(class_="search-result__snippet").get_text(strip=True) == (page.introduction_en)
    item = result_for(client.get(search_url("hy", q=FRIENDSHIP["hy"])), page, "hy")
    assert item.h2.get_text(strip=True) == page.title_hy
    with translation.override("hy"):
        kind = str(StandardPage._meta.verbose_name)
    assert item.find(class_="search-result__kind").get_text(strip=True) == kind.capitalize()
    assert item.find(class_="search-result__snippet").get("lang") is None


def test_snippets_prefer_the_page_language_then_mark_french_fallback(client, seeded):
    page = aix_and_armenia()
    page.introduction_en = ""
    page.save_revision().publish()
    # No English introduction: the snippet is the start of the English body.
    item = result_for(client.get(search_url("en", q="friendship")), page, "en")
    snippet = item.find(class_="search-result__snippet")
    assert snippet.get("lang") is None
    assert snippet.get_text(strip=True).startswith("As part of its international policy")
    page.body_en = "[]"
    page.save_revision().publish()
    # Nothing of its own in English: the French introduction, marked as French.
    item = result_for(client.get(search_url("en", q="Armenia")), page, "en")
    snippet = item.find(class_="search-result__snippet")
    assert snippet["lang"] == "fr"
    assert snippet.get_text(strip=True) == page.introduction_fr


def test_snippets_put_no_space_before_the_punctuation_after_a_marked_word(client, seeded):
    # The seed marks "La Rotonde" (lang="fr") and "Türkiye" (lang="tr") inside English text:
    # the end of their <span> is no break between words.
    doc = html(client.get(search_url("en", q="Rotonde Toros")))
    snippets = [s.get_text() for s in doc.find_all(class_="search-result__snippet")]
    assert any("La Rotonde, the city" in snippet for snippet in snippets), snippets
    doc = html(client.get(search_url("en", q="Türkiye")))
    snippets = [s.get_text() for s in doc.find_all(class_="search-result__snippet")]
    assert any("(Türkiye)" in snippet for snippet in snippets), snippets
    assert not [s for s in snippets if re.search(r"\s[,.;:)]", s)], snippets


def test_snippets_keep_the_space_between_blocks():
    assert str(marked_text("<p>One</p><p>two <em>three</em>, four</p><ul><li>five</li></ul>")) == (
        "One two three, four five"
    )


def test_event_results_show_their_dates(client, seeded):
    add_event(
        title="Mission de la jeunesse à Masis",
        start=datetime.date(2024, 6, 1),
        start_precision="month",
        summary="Des jeunes d’Aix découvrent Masis.",
    )
    item = html(client.get(search_url("fr", q="jeunesse mission"))).find(
        "li", class_="search-result"
    )
    assert item.h2.get_text(strip=True) == "Mission de la jeunesse à Masis"
    time = item.find("time")
    assert time["datetime"] == "2024-06"
    assert time.get_text(strip=True) == "juin 2024"
    assert item.find(class_="search-result__snippet").get_text(strip=True) == (
        "Des jeunes d’Aix découvrent Masis."
    )


def test_empty_query_shows_a_prompt_and_no_results(client, seeded):
    for url in (search_url("fr"), search_url("fr", q=""), search_url("fr", q="%20%20")):
        response = client.get(url)
        assert response.status_code == 200
        doc = html(response)
        assert doc.find("p", class_="search-prompt")
        assert doc.find(id="search-summary") is None
        assert doc.find("ol", class_="search-results") is None


def test_no_match_says_so(client, seeded):
    doc = html(client.get(search_url("fr", q="zzzqqqxxx")))
    assert doc.find(id="search-summary").get_text(strip=True).startswith("0 ")
    assert doc.find("p", class_="search-prompt")


BAD_QUERIES = [
    "a" * 10_000,
    "mot " * 2_500,
    "\x00",
    "masis\x00",
    "\x01\x02\x07\x1b[31m\x7f",
    "'; DROP TABLE wagtailcore_page; --",
    '" OR 1=1 --',
    "masis' AND '1'='1",
    "%",
    "%%s %(x)s {0}",
    "\\",
    "(((",
    "NOT",
    "AND OR NOT",
    "*",
    "mas*",
    '"unterminated',
    "title:masis",
    "<script>alert(1)</script>",
    "👍🏽",
    "\u202e\u200b",
]


@pytest.mark.parametrize("query", BAD_QUERIES, ids=range(len(BAD_QUERIES)))
@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_bad_queries_give_a_normal_page(client, seeded, language, query):
    with translation.override(language):
        path = reverse("search")
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    doc = html(response)
    assert doc.h1.get_text(strip=True)
    assert "<script>alert" not in response.content.decode()
    field = doc.find("input", id="search-page-query")
    assert len(field.get("value", "")) <= 200
    assert "\x00" not in field.get("value", "")


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999999999999999999", "1.5", "\x00", ""])
def test_bad_result_page_numbers_give_a_normal_page(client, seeded, page):
    response = client.get(search_url("fr"), {"q": "masis", "page": page})
    assert response.status_code == 200
    assert result_paths(response)


def test_search_accepts_only_safe_methods(client, seeded):
    assert client.post(search_url("fr"), {"q": "masis"}).status_code == 405


def test_results_are_paginated(client, seeded):
    for number in range(13):
        add_page(
            seeded,
            title={"fr": f"Archive {number}"},
            slug={"fr": f"archive-{number}"},
            introduction={"fr": "Un compte rendu de mission."},
        )
    url = search_url("fr") + "?q=compte+rendu+mission"
    first = html(client.get(url))
    assert first.find(id="search-summary").get_text(strip=True).startswith("13 ")
    assert len(first.select("li.search-result")) == 10
    pagination = first.find("nav", class_="search-pagination")
    assert pagination.find(attrs={"aria-current": "page"}).get_text(strip=True) == "1"
    assert "page=2" in pagination.find("a", rel="next")["href"]
    second = html(client.get(url + "&page=2"))
    assert len(second.select("li.search-result")) == 3
    assert second.find("ol", class_="search-results")["start"] == "11"
    assert second.find("nav", class_="search-pagination").find("a", rel="prev")
    titles = {h2.get_text(strip=True) for doc in (first, second) for h2 in doc.select("li h2")}
    assert titles == {f"Archive {number}" for number in range(13)}


def test_results_with_a_query_are_never_cached(client, seeded):
    response = client.get(search_url("en", q="masis"))
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-cache" in cache_control
    assert "no-store" in cache_control


def test_search_pages_are_not_indexed(client, seeded):
    doc = html(client.get(search_url("fr", q="masis")))
    assert doc.find("meta", attrs={"name": "robots"})["content"] == "noindex"


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_every_page_has_a_search_box_for_its_language(client, seeded, language):
    page = aix_and_armenia()
    with translation.override(language):
        url = page.get_url()
        action = reverse("search")
    form = html(client.get(url)).find("form", class_="site-search")
    assert form["role"] == "search"
    assert form["action"] == action
    field = form.find("input", attrs={"name": "q"})
    assert form.find("label", attrs={"for": field["id"]}).get_text(strip=True)
    assert form.find("button", type="submit").get_text(strip=True)


def test_search_queries_do_not_grow_with_content(client, seeded):
    url = search_url("fr", q="jumelage")
    client.get(url)  # warm the per-process caches (content types, site root paths)
    before = queries_for(client, url)
    for number in range(12):
        add_page(
            seeded,
            title={"fr": f"Jumelage {number}", "en": f"Twinning {number}"},
            slug={"fr": f"jumelage-{number}", "en": f"twinning-{number}"},
            introduction={"fr": "Le jumelage en actes."},
        )
    after = queries_for(client, url)
    # The page's frame, the search (one indexed query), then the ten results shown: one query
    # for them and one per page type among them, whatever the number of matches. (SQLite
    # reads the candidates' text first: once more per page type.)
    types = len(page_types(Page.objects.live()))
    per_type = 1 if connection.vendor == "postgresql" else 2
    assert after <= before <= 12 + per_type * types, (before, after, types)


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="per-language vectors are PostgreSQL's"
)


@postgresql_only
def test_republished_text_replaces_the_old_one_in_search(client, seeded):
    page = add_page(
        seeded,
        title={"fr": "Compte rendu"},
        slug={"fr": "compte-rendu"},
        introduction={"fr": "Une mission de kayak."},
    )
    with translation.override("fr"):
        path = unquote(page.get_url())
    assert result_paths(client.get(search_url("fr", q="kayak"))) == [path]

    page.introduction_fr = "Une mission de randonnée."
    page.save_revision().publish()
    assert result_paths(client.get(search_url("fr", q="kayak"))) == []
    assert result_paths(client.get(search_url("fr", q="randonnee"))) == [path]
    # Nothing in the other languages: the English page falls back to French, unsearched.
    assert result_paths(client.get(search_url("en", q="randonnee"))) == []


@postgresql_only
def test_draft_text_is_not_searchable_until_published(client, seeded):
    page = add_page(seeded, title={"fr": "Brouillon"}, slug={"fr": "brouillon"})
    page.introduction_fr = "Un texte pas encore relu: xylophone."
    page.save_revision()  # a draft: the live row keeps the published text
    assert result_paths(client.get(search_url("fr", q="xylophone"))) == []


@postgresql_only
def test_deleted_and_unpublished_pages_leave_the_results(client, seeded):
    from masis.search.models import PageText

    kept = add_page(seeded, title={"fr": "Quetzal un"}, slug={"fr": "quetzal-un"})
    gone = add_page(seeded, title={"fr": "Quetzal deux"}, slug={"fr": "quetzal-deux"})
    assert len(result_paths(client.get(search_url("fr", q="quetzal")))) == 2
    kept.unpublish()
    gone_id = gone.pk
    gone.delete()
    assert result_paths(client.get(search_url("fr", q="quetzal"))) == []
    assert not PageText.objects.filter(page_id=gone_id).exists()


@postgresql_only
def test_index_command_rebuilds_every_language_of_every_page(client, seeded):
    from django.core.management import call_command

    from masis.search.models import PageText

    pages = Page.objects.count()
    PageText.objects.all().delete()
    assert result_paths(client.get(search_url("fr", q="amitie"))) == []
    call_command("index_page_texts", "--all", stdout=io.StringIO())
    assert PageText.objects.count() == pages * len(LANGUAGE_CODES)
    with translation.override("fr"):
        expected = unquote(aix_and_armenia().get_url())
    assert expected in result_paths(client.get(search_url("fr", q="amitie")))


@postgresql_only
def test_index_command_catches_up_pages_without_text(client, seeded):
    from django.core.management import call_command

    from masis.search.models import PageText

    page = aix_and_armenia()
    PageText.objects.filter(page=page).delete()
    untouched = PageText.objects.exclude(page=page).latest("pk")
    call_command("index_page_texts", stdout=io.StringIO())
    assert set(PageText.objects.filter(page=page).values_list("language", flat=True)) == set(
        LANGUAGE_CODES
    )
    assert not pages_without_texts().exists()
    assert PageText.objects.filter(pk=untouched.pk).exists()  # others are not rebuilt
