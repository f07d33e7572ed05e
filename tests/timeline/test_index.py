"""The timeline index: events grouped by year, newest first, filtered by year and theme through
GET parameters, paginated, never a server error, and a fixed number of SQL queries."""

import datetime
from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masis.caching.invalidation import bump_version
from timeline.models import CooperationEventPage, Theme

from ..factories import add_event, add_theme, seed_object
from ..helpers import html, queries_for

# As Wagtail writes them (percent-encoded), so that they compare equal to links in pages.
INDEX = {
    "fr": "/fr/cooperation/",
    "en": "/en/cooperation/",
    "hy": quote("/hy/համագործակցություն/"),
}


def listed_titles(response):
    return [h.get_text(strip=True) for h in html(response).select(".timeline-events > li h3")]


def count_text(response):
    return html(response).find(class_="timeline-count").get_text(" ", strip=True)


def notices(response):
    return [p.get_text(strip=True) for p in html(response).select(".timeline-notice")]


@pytest.mark.parametrize("language", ["fr", "en", "hy"])
def test_index_lists_the_six_events_grouped_by_year_newest_first(client, seeded, language):
    response = client.get(INDEX[language])
    assert response.status_code == 200
    doc = html(response)
    years = doc.select("ol.timeline-years > li.timeline-year")
    assert [year.h2.get_text(strip=True) for year in years] == ["2025", "2024", "2023"]
    assert [year.h2.time["datetime"] for year in years] == ["2025", "2024", "2023"]
    dates = [
        [time["datetime"] for time in year.select("ol.timeline-events .event-item__meta time")]
        for year in years
    ]
    assert dates == [["2025-07", "2025-02"], ["2024-11", "2024-09", "2024-06"], ["2023", "2024"]]
    assert len(listed_titles(response)) == 6


def test_index_shows_dates_places_and_themes_in_the_page_language(client, seeded):
    doc = html(client.get(INDEX["hy"]))
    youth = next(
        item for item in doc.select(".event-item") if "երիտասարդական" in item.h3.get_text()
    )
    assert youth.find("time").get_text() == "2024 թ. հունիս"
    assert "Մասիս" in youth.find(class_="event-item__meta").get_text()
    assert [li.get_text() for li in youth.select(".tag-list li")] == [
        "Երիտասարդություն",
        "Կրթություն",
    ]
    doc = html(client.get(INDEX["en"]))
    cross = next(item for item in doc.select(".event-item") if "both directions" in item.h3.text)
    assert cross.find(class_="event-item__date").get_text() == "2023\u202f–\u202f2024"
    assert "Aix-en-Provence and Masis" in cross.get_text()


def test_year_filter_keeps_events_of_that_year(client, seeded):
    response = client.get(INDEX["en"], {"year": "2025"})
    assert listed_titles(response) == [
        "Winner of the “Armenia 2025” call for projects",
        "UNDP mission to Armenia",
    ]
    assert count_text(response).startswith("2 events")
    doc = html(response)
    assert doc.find("select", id="timeline-year").find("option", selected=True)["value"] == "2025"


def test_a_two_year_event_is_found_under_both_years(client, seeded):
    for year in ("2023", "2024"):
        titles = listed_titles(client.get(INDEX["fr"], {"year": year}))
        assert "Déplacements officiels croisés" in titles


def test_theme_filter_keeps_events_with_that_theme(client, seeded):
    response = client.get(INDEX["fr"], {"theme": "culture"})
    assert listed_titles(response) == [
        "Échanges de livres entre les bibliothèques",
        "Quinzaine de l’Arménie et signature du jumelage",
    ]
    assert count_text(response).startswith("2 événements")


def test_year_and_theme_filters_combine(client, seeded):
    response = client.get(INDEX["fr"], {"year": "2024", "theme": "institutional"})
    assert listed_titles(response) == [
        "Quinzaine de l’Arménie et signature du jumelage",
        "Déplacements officiels croisés",
    ]
    response = client.get(INDEX["fr"], {"year": "2025", "theme": "culture"})
    assert listed_titles(response) == []
    assert count_text(response).startswith("0 événement")
    assert html(response).find(class_="timeline-empty") is not None


def test_filtered_page_offers_a_reset_link_and_the_unfiltered_page_does_not(client, seeded):
    doc = html(client.get(INDEX["fr"], {"year": "2024", "theme": "youth"}))
    reset = doc.find("a", class_="timeline-count__reset")
    assert reset["href"] == INDEX["fr"]
    assert "2024" in doc.find(class_="timeline-count__filters").get_text()
    assert "Jeunesse" in doc.find(class_="timeline-count__filters").get_text()
    assert html(client.get(INDEX["fr"])).find("a", class_="timeline-count__reset") is None


def test_filter_form_is_labelled_and_offers_only_years_and_themes_with_events(client, seeded):
    doc = html(client.get(INDEX["en"]))
    form = doc.find("form", class_="timeline-filters")
    assert form["method"] == "get"
    for select in form.find_all("select"):
        assert form.find("label", attrs={"for": select["id"]}) is not None
    years = [o["value"] for o in form.find("select", id="timeline-year").find_all("option")]
    assert years == ["", "2025", "2024", "2023"]
    themes = [o["value"] for o in form.find("select", id="timeline-theme").find_all("option")]
    assert set(themes) == {
        "",
        "youth",
        "culture",
        "education",
        "health",
        "institutional",
        "humanitarian",
    }
    add_theme("unused", "Inutilisé")
    themes = [o["value"] for o in html(client.get(INDEX["en"])).select("#timeline-theme option")]
    assert "unused" not in themes


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("year=abc", "« abc » n’est pas une année de cette chronologie"),
        ("year=99999", "« 99999 » n’est pas une année de cette chronologie"),
        ("year=2019", "« 2019 » n’est pas une année de cette chronologie"),
        ("year=-2024", "« -2024 » n’est pas une année de cette chronologie"),
        ("year=%00", "n’est pas une année de cette chronologie"),
        ("theme=nope", "Il n’y a pas de thème « nope »"),
        ("theme=%3Cscript%3E", "Il n’y a pas de thème « <script> »"),
        ("year=2024&year=2025", "Plusieurs années ont été indiquées"),
        ("theme=culture&theme=youth", "Plusieurs thèmes ont été indiqués"),
        ("year=" + "9" * 5000, "n’est pas une année de cette chronologie"),
    ],
)
def test_a_bad_filter_gives_the_normal_page_with_a_message(client, seeded, query, message):
    response = client.get(f"{INDEX['fr']}?{query}")
    assert response.status_code == 200
    texts = [notice.replace("\u00a0", " ") for notice in notices(response)]
    assert any(message in text for text in texts), texts
    assert len(listed_titles(response)) == 6
    assert b"<script>" not in response.content.split(b"</head>")[1]


def test_a_bad_filter_does_not_drop_the_good_one(client, seeded):
    response = client.get(INDEX["en"], {"year": "2025", "theme": "nope"})
    assert len(notices(response)) == 1
    assert len(listed_titles(response)) == 2


@pytest.mark.parametrize(
    "query",
    ["page=-3", "page=abc", "page=0", "page=2", "page=99999999999", "page=1&page=2", "page=1.5"],
)
def test_a_page_number_that_is_not_a_page_is_a_404(client, seeded, query):
    assert client.get(f"{INDEX['fr']}?{query}").status_code == 404


@pytest.mark.parametrize("query", ["page=1", "page=", "utm_source=newsletter", "year=&theme="])
def test_harmless_parameters_give_the_first_page(client, seeded, query):
    response = client.get(f"{INDEX['fr']}?{query}")
    assert response.status_code == 200
    assert notices(response) == []
    assert len(listed_titles(response)) == 6


def add_many_events(count, themes):
    """``count`` month-precise events from 2000 on, each with two of ``themes``."""
    places = ["aix", "masis", "online"]
    for number in range(count):
        add_event(
            title=f"Événement {number}",
            start=datetime.date(2000 + number % 25, 1 + number % 12, 1),
            start_precision="month",
            place=places[number % 3],
            themes=[themes[number % len(themes)], themes[(number + 1) % len(themes)]],
        )


def test_pagination_keeps_the_filters_and_links_pages(client, seeded):
    many = add_theme("many", "Nombreux")
    add_many_events(45, [many])
    first = client.get(INDEX["fr"])
    doc = html(first)
    assert len(listed_titles(first)) == 20
    assert count_text(first).startswith("51 événements")
    nav = doc.find("nav", class_="pagination")
    assert nav.find(attrs={"aria-current": "page"}).get_text() == "Page 1 sur 3"
    next_link = nav.find("a", rel="next")["href"]
    assert next_link == INDEX["fr"] + "?page=2"
    second = client.get(next_link)
    assert second.status_code == 200
    assert set(listed_titles(second)).isdisjoint(listed_titles(first))
    assert html(second).find("a", rel="prev")["href"] == INDEX["fr"]
    assert client.get(INDEX["fr"], {"page": "4"}).status_code == 404

    filtered = client.get(INDEX["fr"], {"theme": "many"})
    assert count_text(filtered).startswith("45 événements")
    assert html(filtered).find("a", rel="next")["href"] == INDEX["fr"] + "?theme=many&page=2"


def test_index_runs_the_same_queries_with_6_and_300_events(
    client, seeded, django_assert_num_queries
):
    urls = [
        INDEX["en"] + query
        for query in ("", "?year=2024", "?theme=culture", "?year=2024&theme=culture", "?year=abc")
    ] + [INDEX["hy"], INDEX["fr"] + "feed/", INDEX["fr"] + "calendar/"]
    for url in urls:
        client.get(url)  # what a process keeps for its lifetime (content types, site roots)

    def first_and_next_visit(url):
        """Queries of the first visit after a change (lists built) and of the next (kept)."""
        bump_version()
        return queries_for(client, url), queries_for(client, url)

    with_six = {url: first_and_next_visit(url) for url in urls}
    add_many_events(294, list(Theme.objects.all()))
    assert CooperationEventPage.objects.live().count() == 300
    for url in urls:
        assert first_and_next_visit(url) == with_six[url], url
    assert len(listed_titles(client.get(INDEX["en"]))) == 20
    assert first_and_next_visit(INDEX["en"] + "?page=15") == with_six[INDEX["en"]]


def test_a_page_of_events_is_read_in_order_from_the_index_not_sorted(seeded):
    """With 300 events, the first page and the latest events read a few rows of the
    event_newest_first index instead of sorting every event (PostgreSQL's plan)."""
    from timeline.models import TimelinePage

    if connection.vendor != "postgresql":
        pytest.skip("the plan is PostgreSQL's")
    add_many_events(294, list(Theme.objects.all()))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE timeline_cooperationeventpage, wagtailcore_page")
    timeline = TimelinePage.objects.get()
    for events in (
        timeline.events().for_listing()[:20],
        CooperationEventPage.objects.live().public().newest_first()[:3],
    ):
        sql, params = events.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert "event_newest_first" in plan, plan
        assert "Sort" not in plan.split("\n")[1], plan


def test_latest_events_tag_lists_the_newest_events(seeded):
    from django.template import engines

    template = engines["django"].from_string(
        "{% load timeline_tags %}{% latest_events 3 as events %}"
        "{% for event in events %}{{ event.start.isoformat }};{% endfor %}"
    )
    assert template.render({}) == "2025-07;2025-02;2024-11;"
    assert seed_object("event-call-for-projects").live


@pytest.mark.parametrize("language", ["fr", "en", "hy"])
def test_home_page_shows_the_three_latest_events_and_links_the_timeline(client, seeded, language):
    home = html(client.get(f"/{language}/"))
    block = home.find("section", class_="latest-events")
    dates = [time["datetime"] for time in block.select(".event-item time")]
    assert dates == ["2025-07", "2025-02", "2024-11"]
    assert block.find("p", class_="latest-events__all").a["href"] == INDEX[language]
    for link in block.select(".event-item h3 a"):
        assert client.get(link["href"]).status_code == 200


def test_latest_events_on_the_home_page_cost_two_queries(client, seeded):
    """The view restrictions (Wagtail's ``public()``) and the events."""
    from django.template import engines

    template = engines["django"].from_string(
        "{% load timeline_tags %}{% latest_events 3 themes=False as events %}"
        "{% include 'timeline/includes/event_items.html' with hide_themes=True %}"
    )
    template.render({})  # warm the site root paths Wagtail caches between requests
    with CaptureQueriesContext(connection) as queries:
        rendered = template.render({})
    assert len(queries) == 2
    assert rendered.count("<li") == 3


def filter_options(client, select_id):
    return [o["value"] for o in html(client.get(INDEX["en"])).select(f"#{select_id} option")]


def test_filters_follow_publishing_at_once(client, seeded):
    """The years and themes offered are kept between visits: a change must show at once."""
    assert "1999" not in filter_options(client, "timeline-year")
    theme = add_theme("archives", "Archives")
    event = add_event(start=datetime.date(1999, 5, 1), themes=[theme])
    assert "1999" in filter_options(client, "timeline-year")
    assert "archives" in filter_options(client, "timeline-theme")
    event.unpublish()
    assert "1999" not in filter_options(client, "timeline-year")
    assert "archives" not in filter_options(client, "timeline-theme")
    event.save_revision().publish()
    theme.name_en = "Records"
    theme.save()
    doc = html(client.get(INDEX["en"]))
    assert doc.select_one("#timeline-theme option[value=archives]").get_text() == "Records"
