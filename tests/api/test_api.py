"""The public JSON API (/api/v2/): pages, events and partners in the language asked for."""

import datetime
from urllib.parse import quote, unquote, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from masis.core.seeding import localized
from masis.multilingual.languages import LANGUAGE_CODES
from pages.models import StandardPage

from ..factories import add_event, aix_and_armenia
from ..helpers import live_pages


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    return response, response.json()


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_pages_listing_returns_each_languages_fields(client, seeded, language):
    response, data = get_json(client, f"/api/v2/pages/?locale={language}&limit=50")
    assert response["Content-Language"] == language
    items = {item["id"]: item for item in data["items"]}
    pages = live_pages()
    assert data["meta"]["total_count"] == len(pages)
    for page in pages:
        item = items[page.pk]
        assert item["title"] == getattr(page, f"title_{language}")
        assert item["meta"]["slug"] == getattr(page, f"slug_{language}")
        with translation.override(language):
            expected_path = unquote(page.get_url())
        assert unquote(urlsplit(item["meta"]["html_url"]).path) == expected_path
        assert expected_path.startswith(f"/{language}/")


def test_detail_returns_the_translated_fields(client, seeded):
    page = aix_and_armenia()
    for language in LANGUAGE_CODES:
        _response, data = get_json(client, f"/api/v2/pages/{page.pk}/?locale={language}")
        assert data["title"] == getattr(page, f"title_{language}")
        assert data["meta"]["type"] == "pages.StandardPage"
        assert "locale" not in data["meta"]  # Wagtail's Locale is French for every page here


def test_french_is_the_default_language(client, seeded):
    page = aix_and_armenia()
    response, data = get_json(client, f"/api/v2/pages/{page.pk}/")
    assert data["title"] == page.title_fr
    assert response["Content-Language"] == "fr"
    # The visitor's browser language does not change what a URL returns (it may be cached).
    response = client.get(f"/api/v2/pages/{page.pk}/", HTTP_ACCEPT_LANGUAGE="hy")
    assert response.json()["title"] == page.title_fr


def test_an_empty_translation_falls_back_to_french_as_on_the_site(client, seeded):
    page = aix_and_armenia()
    page.title_en = ""
    page.save_revision().publish()
    _response, data = get_json(client, f"/api/v2/pages/{page.pk}/?locale=en")
    assert data["title"] == page.title_fr


@pytest.mark.parametrize(
    "value", ["de", "", "fr-FR", "english", "x" * 500, "fr\x00", "../fr", "fr,en", "'; --"]
)
def test_an_unknown_language_is_a_400_with_a_clear_message(client, seeded, value):
    for path in ("/api/v2/pages/", f"/api/v2/pages/{aix_and_armenia().pk}/"):
        response = client.get(path, {"locale": value})
        assert response.status_code == 400
        message = response.json()["message"]
        assert "locale" in message
        assert all(code in message for code in LANGUAGE_CODES)


def test_language_code_case_is_ignored(client, seeded):
    _response, data = get_json(client, f"/api/v2/pages/{aix_and_armenia().pk}/?locale=EN")
    assert data["title"] == aix_and_armenia().title_en


def test_pages_of_a_type_with_their_fields(client, seeded):
    page = aix_and_armenia()
    page.search_description_en = "The twinning and Aix's Armenian memory."
    page.save_revision().publish()
    url = "/api/v2/pages/?type=pages.StandardPage&fields=search_description&locale=en"
    _response, data = get_json(client, url)
    item = next(item for item in data["items"] if item["id"] == page.pk)
    assert item["meta"]["search_description"] == "The twinning and Aix's Armenian memory."
    assert {item["meta"]["type"] for item in data["items"]} == {"pages.StandardPage"}


def test_partners_are_listed_by_type(client, seeded):
    _response, data = get_json(client, "/api/v2/pages/?type=partners.PartnerIndexPage&locale=hy")
    assert [item["title"] for item in data["items"]] == ["Գործընկերներ"]


def test_events_are_listed_by_type_with_their_translated_fields(client, seeded):
    from timeline.models import CooperationEventPage

    if "summary" not in {str(field.name) for field in CooperationEventPage.api_fields}:
        pytest.skip("events declare no summary API field yet")
    event = add_event(
        title="Mission de la jeunesse",
        start=datetime.date(2024, 6, 1),
        start_precision="month",
        summary="Des jeunes d’Aix à Masis.",
    )
    event.title_en = "Youth mission"
    event.summary_en = "Young people from Aix in Masis."
    event.save_revision().publish()
    url = "/api/v2/pages/?type=timeline.CooperationEventPage&fields=summary,start_date&locale="
    for language, title, summary in (
        ("fr", "Mission de la jeunesse", "Des jeunes d’Aix à Masis."),
        ("en", "Youth mission", "Young people from Aix in Masis."),
    ):
        _response, data = get_json(client, url + language)
        item = next(item for item in data["items"] if item["id"] == event.pk)
        assert (item["title"], item["summary"]) == (title, summary)
        assert item["start_date"] == "2024-06-01"


def test_search_is_in_the_requested_language(client, seeded):
    page = aix_and_armenia()
    _response, data = get_json(client, "/api/v2/pages/?search=friendship&locale=en")
    assert page.pk in [item["id"] for item in data["items"]]
    _response, data = get_json(client, "/api/v2/pages/?search=friendship&locale=fr")
    assert data["items"] == []
    _response, data = get_json(client, "/api/v2/pages/?search=amiti%C3%A9&locale=fr")
    assert page.pk in [item["id"] for item in data["items"]]
    hy_word = quote("բարեկամություն")
    _response, data = get_json(client, f"/api/v2/pages/?search={hy_word}&locale=hy")
    assert page.pk in [item["id"] for item in data["items"]]
    _response, data = get_json(client, f"/api/v2/pages/?search={hy_word}&locale=en")
    assert data["items"] == []


def test_search_results_are_best_first_unless_ordered(client, seeded):
    _response, ranked = get_json(client, "/api/v2/pages/?search=masis&locale=fr")
    assert len(ranked["items"]) >= 3
    _response, ordered = get_json(client, "/api/v2/pages/?search=masis&locale=fr&order=title")
    titles = [item["title"] for item in ordered["items"]]
    assert titles == sorted(titles)
    assert {item["id"] for item in ordered["items"]} == {item["id"] for item in ranked["items"]}


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?type=nope.Nope",
        "/api/v2/pages/?limit=abc",
        "/api/v2/pages/?offset=-1",
        "/api/v2/pages/?fields=secret",
        "/api/v2/pages/?colour=blue",
        "/api/v2/pages/?offset=9223372036854775808",
        "/api/v2/pages/?offset=99999999999999999999999",
        "/api/v2/pages/?offset=%EF%BC%91",  # a full-width digit
        "/api/v2/pages/?limit=9223372036854775808",
        "/api/v2/pages/find/?id=abc",
        "/api/v2/pages/find/?id=-1",
        "/api/v2/pages/find/?id=99999999999999999999",
        "/api/v2/pages/find/?html_path=%00",
        "/api/v2/pages/find/?html_path=/fr/%00/",
        "/api/v2/pages/find/?html_path=/fr/%2500/",
        "/api/v2/pages/?child_of=99999999999999999999999",
    ],
)
def test_bad_parameters_are_400(client, seeded, url):
    response = client.get(url)
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"]


def found(client, html_path):
    response = client.get("/api/v2/pages/find/", {"html_path": html_path})
    assert response.status_code == 302, (html_path, response.content[:200])
    return response["Location"]


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_find_resolves_the_html_urls_the_api_gives(client, seeded, language):
    _response, data = get_json(client, f"/api/v2/pages/?locale={language}&limit=100")
    assert data["items"]
    for item in data["items"]:
        html_url = item["meta"]["html_url"]
        path = urlsplit(html_url).path
        detail = f"/api/v2/pages/{item['id']}/?locale={language}"
        for asked in {html_url, path, unquote(path), quote(unquote(path))}:
            location = found(client, asked)
            assert urlsplit(location).path + "?" + urlsplit(location).query == detail, asked


def test_find_by_a_translated_path_answers_in_its_language(client, seeded):
    contact = client.get(found(client, "/hy/կապ/")).json()
    assert contact["meta"]["html_url"].endswith(quote("/hy/կապ/")) or contact["meta"][
        "html_url"
    ].endswith("/hy/կապ/")
    assert client.get("/api/v2/pages/find/", {"html_path": "/fr/nulle-part/"}).status_code == 404


def test_the_api_is_read_only_and_json_only(client, seeded):
    assert client.post("/api/v2/pages/", {}).status_code == 405
    response = client.get("/api/v2/pages/", HTTP_ACCEPT="text/html")
    assert response["Content-Type"].startswith("application/json")


def test_listing_queries_do_not_grow_with_content(client, seeded):
    url = "/api/v2/pages/?locale=en&limit=100"
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for number in range(10):
        seeded.add_child(
            instance=StandardPage(
                **localized(title={"fr": f"P{number}"}, slug={"fr": f"p{number}"})
            )
        )
    with CaptureQueriesContext(connection) as after:
        _response, data = get_json(client, url)
    assert data["meta"]["total_count"] == len(live_pages())
    assert len(after.captured_queries) == len(before.captured_queries)
    assert len(before.captured_queries) <= 8, len(before.captured_queries)
