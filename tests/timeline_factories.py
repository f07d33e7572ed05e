"""Cooperation events for the timeline tests, created in the real database under the seeded
timeline (the seed key "timeline")."""

import datetime
import itertools

from django.utils import translation
from django.utils.text import slugify

from pages.models import SeedRecord
from timeline.models import CooperationEventPage, Theme, TimelinePage

_numbers = itertools.count(1)

# The six events of the seed text, oldest first.
SEEDED_EVENT_KEYS = [
    "event-cross-visits",
    "event-youth-centre",
    "event-armenia-fortnight",
    "event-book-exchange",
    "event-undp-mission",
    "event-call-for-projects",
]


def seed_object(key):
    record = SeedRecord.objects.get(key=key)
    return record.content_type.get_object_for_this_type(pk=record.object_id)


def timeline_page():
    return TimelinePage.objects.get(pk=SeedRecord.objects.get(key="timeline").object_id)


def seeded_event(key):
    return CooperationEventPage.objects.get(pk=SeedRecord.objects.get(key=key).object_id)


def add_event(
    title=None,
    start=datetime.date(2022, 3, 14),
    start_precision="day",
    end=None,
    end_precision="day",
    place="aix",
    themes=(),
    partners=(),
    parent=None,
    publish=True,
    **fields,
):
    """A published event (unless ``publish`` is false) with French texts."""
    number = next(_numbers)
    title = title or f"Événement de test {number}"
    with translation.override("fr"):
        event = CooperationEventPage(
            title=title,
            slug=f"{slugify(title)}-{number}",
            start_date=start,
            start_precision=start_precision,
            end_date=end,
            end_precision=end_precision,
            place=place,
            summary=fields.pop("summary", f"Résumé de l’événement {number}."),
            themes=list(themes),
            partners=list(partners),
            live=publish,
            **fields,
        )
        (parent or timeline_page()).add_child(instance=event)
    return event


def add_theme(slug, fr, en="", hy=""):
    return Theme.objects.create(slug=slug, name_fr=fr, name_en=en, name_hy=hy)
