"""iCalendar (RFC 5545) export of cooperation events, in the active language.

Every event is an all-day span covering its whole period: "juin 2024" runs from 1 June to
30 June inclusive (DTEND is exclusive, so 1 July), "2023 – 2024" from 1 January 2023 to
31 December 2024. No time of day is ever invented.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from icalendar import Calendar, Event

from masis.core.site_address import site_host
from masis.multilingual.links import page_url

PRODUCT_ID = "-//Aix-en-Provence – Masis//Cooperation timeline//EN"


def _uid(event, request):
    return f"cooperation-event-{event.pk}@{site_host()}"


def ical_event(event, request, language):
    span = event.span
    url = page_url(event, language, request, full=True)
    item = Event()
    item.add("uid", _uid(event, request))
    item.add("dtstamp", event.last_published_at or timezone.now())
    item.add("dtstart", span.start.first_day)
    item.add("dtend", span.last_day + datetime.timedelta(days=1))
    item.add("summary", event.title, parameters={"LANGUAGE": language})
    item.add("description", f"{event.summary}\n\n{url}", parameters={"LANGUAGE": language})
    if event.place:
        item.add("location", event.get_place_display(), parameters={"LANGUAGE": language})
    item.add("url", url)
    themes = [theme.name for theme in event.themes_by_name]
    if themes:
        item.add("categories", themes, parameters={"LANGUAGE": language})
    item.add("transp", "TRANSPARENT")
    if event.last_published_at:
        item.add("last-modified", event.last_published_at)
    return item


def build_calendar(events, request, title):
    language = translation.get_language()
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", title)
    for event in events:
        calendar.add_component(ical_event(event, request, language))
    return calendar


def calendar_response(request, events, filename, title):
    response = HttpResponse(
        build_calendar(events, request, title).to_ical(),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.ics")
    return response
