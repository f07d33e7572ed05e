"""RSS 2.0 and Atom feeds of the timeline, one per language (the URL's language prefix)."""

import re

from django.contrib.syndication.views import Feed
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from masis.core.site_address import absolute_url
from masis.multilingual.links import page_url

FEED_LENGTH = 50
# What XML 1.0 cannot carry (Django's feed writer raises on it), and text pasted from a word
# processor or a PDF brings along: form feeds, vertical tabs…
XML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_text(value):
    return XML_FORBIDDEN.sub("", str(value))


def event_line(event):
    """ "juin 2024 · Masis": when and, where known, where, in the active language."""
    if not event.place:
        return event.span.format()
    return f"{event.span.format()} · {event.get_place_display()}"


class TimelineRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, timeline):
        super().__init__()
        self.timeline = timeline
        self.request = None

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.timeline

    def title(self, timeline):
        return xml_text(timeline.title)

    def link(self, timeline):
        return page_url(timeline, translation.get_language(), self.request, full=True)

    def feed_url(self, timeline):
        # Django would build it on the request's Host.
        return absolute_url(self.request.path)

    def description(self, timeline):
        return xml_text(timeline.introduction or timeline.title)

    subtitle = description

    def items(self, timeline):
        return timeline.events().for_listing()[:FEED_LENGTH]

    def item_title(self, event):
        return xml_text(event.title)

    def item_description(self, event):
        return xml_text(f"{event_line(event)} — {event.summary}")

    def item_link(self, event):
        return page_url(event, translation.get_language(), self.request, full=True)

    def item_pubdate(self, event):
        return event.first_published_at

    def item_updateddate(self, event):
        return event.last_published_at or event.first_published_at

    def item_categories(self, event):
        return [xml_text(theme.name) for theme in event.themes_by_name]


class TimelineAtomFeed(TimelineRssFeed):
    feed_type = Atom1Feed
