"""A partner page lists the cooperation events it took part in, newest first, dated as the
timeline dates them; the seed links each partner to the events the seed text names it in."""

import datetime
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from masis.core.dates import DatePrecision
from masis.core.templatetags.dates_tags import time_element
from masis.multilingual.languages import LANGUAGE_CODES
from masis.multilingual.links import page_url
from partners import seed as partners_seed
from partners.models import PartnerPage
from timeline import seed as timeline_seed
from timeline.models import CooperationEventPage, TimelinePage

from ..factories import make_partner, seeded_event, seeded_partner
from ..helpers import html

DATE_CLASS = "partner-events__date"
PARTNERS = partners_seed.data("partners")["partners"]
EVENTS = timeline_seed.data("events")["events"]


def events_section(response):
    return html(response).find("section", attrs={"aria-labelledby": "partner-events"})


def linked_paths(element):
    return [unquote(a["href"]) for a in element.find_all("a", href=True)]


def expected_events(partner_key):
    """The seed events that name this partner, newest first."""
    events = [seeded_event(event["key"]) for event in EVENTS if partner_key in event["partners"]]
    return sorted(events, key=lambda e: (e.start_date, e.end_date or e.start_date), reverse=True)


@pytest.mark.parametrize("key", [partner["key"] for partner in PARTNERS])
def test_each_partner_is_linked_to_the_events_the_seed_names_it_in(client, seeded, key):
    partner = seeded_partner(key)
    expected = expected_events(key)
    assert list(partner.cooperation_events.all().order_by("-start_date")) == sorted(
        expected, key=lambda e: e.start_date, reverse=True
    )
    for language in LANGUAGE_CODES:
        section = events_section(client.get(page_url(partner, language)))
        assert linked_paths(section) == [unquote(page_url(e, language)) for e in expected]
        # …and each event's page links back to the partner.
        for event in expected:
            assert event.partners.filter(pk=partner.pk).exists()
            event_page = html(client.get(page_url(event, language)))
            assert unquote(page_url(partner, language)) in linked_paths(event_page.main)


def test_seed_links_reach_the_partners_of_the_mental_health_project(seeded):
    """Sanity check of the seed data itself: the July 2025 event names its five partners."""
    keys = {key for event in EVENTS for key in event["partners"]}
    assert {"partner-aix", "partner-masis", "partner-undp", "partner-dctciv"} <= keys
    assert {"partner-mdm", "partner-montperrin", "partner-ccas"} <= keys


def test_events_are_newest_first_with_the_timelines_dates(client, seeded):
    aix = seeded_partner("partner-aix")
    expected = expected_events("partner-aix")
    assert len(expected) >= 5
    for language in LANGUAGE_CODES:
        section = events_section(client.get(page_url(aix, language)))
        items = section.find_all("li")
        assert len(items) == len(expected)
        with translation.override(language):
            # The timeline's own tag, which formats dates by precision and language.
            rendered = [str(time_element(event.span, DATE_CLASS)) for event in expected]
        for item, date_html in zip(items, rendered, strict=True):
            assert str(item.find(class_=DATE_CLASS)) == str(BeautifulSoup(date_html, "html.parser"))
        first_dates = [item.find("time")["datetime"] for item in items]
        assert first_dates == sorted(first_dates, reverse=True)
    # The 2023/2024 cross visits are a span of two years, rendered as two <time> elements.
    oldest = items[-1].find_all("time")
    assert [t["datetime"] for t in oldest] == ["2023", "2024"]


def test_an_unpublished_event_is_not_listed(client, seeded):
    masis = seeded_partner("partner-masis")
    event = expected_events("partner-masis")[0]
    event.unpublish()
    section = events_section(client.get(page_url(masis, "fr")))
    assert unquote(page_url(event, "fr")) not in linked_paths(section)


def test_a_partner_with_no_event_says_so(client, seeded):
    newcomer = make_partner("Nouveau partenaire")
    assert not newcomer.cooperation_events.exists()
    section = events_section(client.get(page_url(newcomer, "en")))
    assert section.find("ol") is None
    assert "No cooperation event" in section.get_text()


def add_events(partner, count, start=0):
    timeline = TimelinePage.objects.get()
    for number in range(start, start + count):
        event = CooperationEventPage(
            title_fr=f"Rencontre {number}",
            slug_fr=f"rencontre-{number}",
            start_date=datetime.date(2000 + number % 25, 1 + number % 12, 1),
            start_precision=DatePrecision.MONTH,
            place="aix",
            summary_fr="Une rencontre.",
        )
        event.partners = [partner]
        timeline.add_child(instance=event)


def test_partner_page_queries_do_not_grow_with_its_events(
    client, seeded, django_assert_num_queries
):
    partner = make_partner("Association des essais")
    add_events(partner, 8)
    url = page_url(partner, "fr")
    client.get(url)  # warm-up: site root paths and other per-process caches
    with CaptureQueriesContext(connection) as with_8:
        response = client.get(url)
    queries_with_8 = [query["sql"] for query in with_8.captured_queries]
    assert len(event_items(response)) == 8

    add_events(partner, 192, start=8)
    with django_assert_num_queries(len(queries_with_8)):
        response = client.get(url)
    assert len(event_items(response)) == PartnerPage.events_per_page
    assert len(queries_with_8) <= 30, queries_with_8


def event_items(response):
    return events_section(response).select("li.partner-events__item")


def test_a_partner_with_many_events_shows_them_a_page_at_a_time(client, seeded):
    partner = make_partner("Association des essais")
    add_events(partner, 23)
    url = page_url(partner, "fr")
    first = client.get(url)
    titles = [item.a.get_text(strip=True) for item in event_items(first)]
    assert len(titles) == 10
    nav = events_section(first).find("nav", class_="pagination")
    assert nav.find(attrs={"aria-current": "page"}).get_text(strip=True) == "Page 1 sur 3"
    assert nav.find("a", rel="prev") is None
    assert titles[0] == "Rencontre 22"  # newest first
    next_href = nav.find("a", rel="next")["href"]
    assert next_href.endswith("?page=2")
    second = client.get(next_href)
    more = [item.a.get_text(strip=True) for item in event_items(second)]
    assert len(more) == 10 and not set(more) & set(titles)
    last = client.get(f"{url}?page=3")
    assert len(event_items(last)) == 3
    assert events_section(last).find("a", rel="next") is None
    shown = titles + more + [item.a.get_text(strip=True) for item in event_items(last)]
    assert sorted(shown) == sorted(f"Rencontre {number}" for number in range(23))
    for bad in ("4", "0", "x", "1&page=2"):
        assert client.get(f"{url}?page={bad}").status_code == 404, bad
