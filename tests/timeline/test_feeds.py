"""RSS/Atom feeds per language and iCalendar exports of the timeline."""

import datetime
from urllib.parse import quote, urlsplit
from xml.etree import ElementTree

import icalendar
import pytest
from django.utils import translation

from masis.multilingual.links import page_url

from ..factories import add_event, add_theme, seeded_event
from ..helpers import html

# As Wagtail writes them (percent-encoded), so that they compare equal to links in pages.
INDEX = {
    "fr": "/fr/cooperation/",
    "en": "/en/cooperation/",
    "hy": quote("/hy/համագործակցություն/"),
}
ATOM = "{http://www.w3.org/2005/Atom}"


def parse_xml(response):
    return ElementTree.fromstring(response.content)


def absolute(url):
    parts = urlsplit(url)
    return parts.scheme == "http" and parts.netloc == "testserver"


@pytest.mark.parametrize("language", ["fr", "en", "hy"])
def test_rss_feed_is_xml_in_the_page_language_with_absolute_links(client, seeded, language):
    response = client.get(INDEX[language] + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = parse_xml(response).find("channel")
    assert channel.findtext("language") == language
    assert absolute(channel.findtext("link"))
    assert urlsplit(channel.findtext("link")).path == INDEX[language]
    self_link = channel.find(f"{ATOM}link")
    assert self_link.get("href") == f"http://testserver{INDEX[language]}feed/"
    items = channel.findall("item")
    assert len(items) == 6
    newest = seeded_event("event-call-for-projects")
    with translation.override(language):
        assert items[0].findtext("title") == newest.title
        assert newest.summary in items[0].findtext("description")
        assert newest.span.format() in items[0].findtext("description")
    for item in items:
        assert absolute(item.findtext("link"))
        assert client.get(urlsplit(item.findtext("link")).path).status_code == 200
        assert item.findall("category")


def test_atom_feed_is_xml_with_absolute_entry_links(client, seeded):
    response = client.get(INDEX["en"] + "feed/atom/")
    assert response.status_code == 200
    feed = parse_xml(response)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 6
    for entry in entries:
        assert absolute(entry.find(f"{ATOM}link").get("href"))
        assert entry.findtext(f"{ATOM}updated")
    assert entries[-1].findtext(f"{ATOM}title") == "Official visits in both directions"


def test_index_links_to_its_feeds_and_calendar_in_its_language(client, seeded):
    doc = html(client.get(INDEX["hy"]))
    links = doc.find("aside", class_="timeline-subscribe")
    rss = links.find("a", type="application/rss+xml")
    assert rss["href"] == "http://testserver" + INDEX["hy"] + "feed/"
    assert rss.get_text() == "RSS հոսք"
    atom = links.find("a", type="application/atom+xml")
    assert atom["href"] == "http://testserver" + INDEX["hy"] + "feed/atom/"
    assert links.find("a", type="text/calendar")["href"] == INDEX["hy"] + "calendar/"
    for link in links.find_all("a"):
        assert client.get(link["href"]).status_code == 200


def calendar_events(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar.get("PRODID")
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def all_day(event, name):
    value = event.decoded(name)
    assert type(value) is datetime.date, f"{name} must be an all-day DATE"
    return value


@pytest.mark.parametrize(
    ("key", "first_day", "after_last_day"),
    [
        ("event-cross-visits", datetime.date(2023, 1, 1), datetime.date(2025, 1, 1)),
        ("event-youth-centre", datetime.date(2024, 6, 1), datetime.date(2024, 7, 1)),
        ("event-armenia-fortnight", datetime.date(2024, 9, 1), datetime.date(2024, 10, 1)),
        ("event-undp-mission", datetime.date(2025, 2, 1), datetime.date(2025, 3, 1)),
    ],
)
def test_calendar_covers_each_period_as_an_all_day_span(
    client, seeded, key, first_day, after_last_day
):
    event = seeded_event(key)
    exported = calendar_events(client.get(INDEX["fr"] + "calendar/"))
    assert len(exported) == 6
    item = next(
        e for e in exported.values() if str(e["URL"]) == "http://testserver" + page_url(event, "fr")
    )
    assert all_day(item, "DTSTART") == first_day == event.span.start.first_day
    assert all_day(item, "DTEND") == after_last_day
    assert all_day(item, "DTEND") - datetime.timedelta(days=1) == event.span.last_day


def test_a_day_precise_event_is_one_all_day_date(client, seeded):
    event = add_event(title="Concert", start=datetime.date(2024, 9, 15), start_precision="day")
    item = next(iter(calendar_events(client.get(page_url(event, "fr") + "calendar/")).values()))
    assert all_day(item, "DTSTART") == datetime.date(2024, 9, 15)
    assert all_day(item, "DTEND") == datetime.date(2024, 9, 16)


@pytest.mark.parametrize("language", ["fr", "en", "hy"])
def test_one_event_calendar_is_in_the_page_language(client, seeded, language):
    event = seeded_event("event-undp-mission")
    response = client.get(page_url(event, language) + "calendar/")
    assert response["Content-Disposition"].startswith("attachment;")
    assert ".ics" in response["Content-Disposition"]
    (item,) = calendar_events(response).values()
    with translation.override(language):
        assert str(item["SUMMARY"]) == event.title
        assert item["SUMMARY"].params["LANGUAGE"] == language
        assert event.summary in str(item["DESCRIPTION"])
        assert str(item["LOCATION"]) == event.get_place_display()
    assert str(item["URL"]) == "http://testserver" + page_url(event, language)
    categories = [str(c) for c in item["CATEGORIES"].cats]
    assert len(categories) == 1


def test_calendar_uids_are_stable_and_unique(client, seeded):
    first = calendar_events(client.get(INDEX["fr"] + "calendar/"))
    again = calendar_events(client.get(INDEX["en"] + "calendar/"))
    assert len(first) == 6
    assert set(first) == set(again)


def test_event_page_links_to_its_calendar_file(client, seeded):
    event = seeded_event("event-book-exchange")
    link = html(client.get(page_url(event, "en"))).find("a", type="text/calendar")
    assert link["href"] == page_url(event, "en") + "calendar/"
    assert client.get(link["href"]).status_code == 200


def test_unpublished_events_are_in_no_feed_or_calendar(client, seeded):
    draft = add_event(title="Brouillon secret", publish=False)
    assert b"Brouillon secret" not in client.get(INDEX["fr"] + "feed/").content
    assert b"Brouillon secret" not in client.get(INDEX["fr"] + "calendar/").content
    assert b"Brouillon secret" not in client.get(INDEX["fr"]).content
    assert client.get(f"{INDEX['fr']}{draft.slug}/calendar/").status_code == 404


@pytest.mark.parametrize("feed", ["feed/", "feed/atom/"])
def test_control_characters_pasted_by_an_editor_do_not_break_the_feeds(client, seeded, feed):
    """A form feed or vertical tab comes with text pasted from a word processor or a PDF; XML 1.0
    cannot carry them, and Django's feed writer raised (500) instead of writing the feed."""
    add_event(
        title="Mission\x0b en Arménie",
        summary="Un résumé collé\x0cd’un PDF\x1f.",
        themes=[add_theme("eau", "Eau\x08potable")],
    )
    response = client.get(INDEX["fr"] + feed)
    assert response.status_code == 200
    text = response.content.decode()
    assert "Mission en Arménie" in text and "Un résumé colléd’un PDF." in text
    assert "Eaupotable" in text
    parse_xml(response)  # well-formed
