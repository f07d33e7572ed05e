"""Cooperation events store dates as precise as their source, refuse inconsistent ones with clear
messages, and give other sections an efficient, filterable list."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from masis.core.dates import DatePrecision, DateSpan
from timeline.models import CooperationEventPage
from timeline.places import Place

from ..factories import SEEDED_EVENT_KEYS, add_event, seeded_event, timeline_page

D = datetime.date


def unsaved_event(start, start_precision, end=None, end_precision="day"):
    return CooperationEventPage(
        title="Test",
        slug="test",
        start_date=start,
        start_precision=start_precision,
        end_date=end,
        end_precision=end_precision,
        place=Place.AIX,
        summary="Résumé.",
    )


def clean_errors(event, language="fr"):
    """The messages of ``event.clean()``, as the admin shows them in ``language``."""
    with translation.override(language):
        with pytest.raises(ValidationError) as caught:
            event.clean()
        return {
            field: [str(message) for message in messages]
            for field, messages in caught.value.message_dict.items()
        }


@pytest.mark.parametrize(
    ("start", "start_precision", "end", "end_precision"),
    [
        (D(2024, 6, 15), "day", None, "day"),
        (D(2024, 6, 1), "month", None, "day"),
        (D(2023, 1, 1), "year", D(2024, 1, 1), "year"),
        (D(2024, 6, 1), "month", D(2025, 2, 1), "month"),
        (D(2024, 9, 1), "month", D(2024, 10, 15), "day"),
        (D(2024, 9, 14), "day", D(2024, 9, 28), "day"),
        (D(2024, 1, 1), "year", D(2025, 3, 1), "month"),
    ],
)
def test_consistent_dates_are_accepted(db, start, start_precision, end, end_precision):
    unsaved_event(start, start_precision, end, end_precision).clean()


def test_end_before_start_is_refused_with_a_translated_message(db):
    event = unsaved_event(D(2024, 9, 15), "day", D(2024, 6, 1), "month")
    errors = clean_errors(event, "fr")
    assert errors == {"end_date": ["La fin (juin 2024) précède le début (15 septembre 2024)."]}
    errors = clean_errors(event, "en")
    assert errors == {"end_date": ["The end (June 2024) is before the start (15 September 2024)."]}


@pytest.mark.parametrize(
    ("start", "start_precision", "end", "end_precision"),
    [
        # "juin 2024 – 2024": the end year began before the start month.
        (D(2024, 6, 1), "month", D(2024, 1, 1), "year"),
        # "2024 – 15 mars 2024": the end falls inside the start year.
        (D(2024, 1, 1), "year", D(2024, 3, 15), "day"),
        # "septembre 2024 – 15 septembre 2024": the end falls inside the start month.
        (D(2024, 9, 1), "month", D(2024, 9, 15), "day"),
    ],
)
def test_overlapping_precisions_are_refused(db, start, start_precision, end, end_precision):
    errors = clean_errors(unsaved_event(start, start_precision, end, end_precision))
    assert list(errors) == ["end_date"]
    assert "se chevauchent" in errors["end_date"][0]


def test_an_end_equal_to_the_start_is_refused(db):
    errors = clean_errors(unsaved_event(D(2024, 6, 1), "month", D(2024, 6, 1), "month"))
    assert errors == {
        "end_date": ["La fin est identique au début\u00a0: laissez la date de fin vide."]
    }


@pytest.mark.parametrize(
    ("precision", "value", "fix"),
    [("month", D(2024, 6, 15), "01/06/2024"), ("year", D(2024, 6, 15), "01/01/2024")],
)
def test_a_day_hidden_by_the_precision_is_refused_not_silently_dropped(db, precision, value, fix):
    errors = clean_errors(unsaved_event(value, precision))
    assert list(errors) == ["start_date"]
    assert fix in errors["start_date"][0]
    errors = clean_errors(unsaved_event(D(2023, 1, 1), "year", value, precision))
    assert list(errors) == ["end_date"]


def test_without_an_end_the_end_precision_follows_the_start(db):
    event = unsaved_event(D(2024, 6, 1), "month", None, "year")
    event.clean()
    assert event.end_precision == "month"
    assert event.span.end is None


def test_span_keeps_each_dates_precision(seeded):
    span = seeded_event("event-cross-visits").span
    assert isinstance(span, DateSpan)
    assert span.isoformat() == "2023/2024"
    assert span.format("fr") == "2023\u202f–\u202f2024"
    assert seeded_event("event-youth-centre").span.isoformat() == "2024-06"
    assert seeded_event("event-youth-centre").span.start.precision == DatePrecision.MONTH


def test_newest_first_orders_by_start_then_end(seeded):
    same_start_short = add_event(start=D(2030, 5, 1), start_precision="month")
    same_start_long = add_event(
        start=D(2030, 5, 1), start_precision="month", end=D(2030, 8, 1), end_precision="month"
    )
    later = add_event(start=D(2031, 1, 1), start_precision="year")
    ordered = list(CooperationEventPage.objects.live().newest_first())
    assert ordered[:3] == [later, same_start_long, same_start_short]
    starts = [event.start_date for event in ordered]
    assert starts == sorted(starts, reverse=True)


def test_newest_first_lists_events_with_a_constant_number_of_queries(
    seeded, django_assert_num_queries
):
    for _ in range(5):
        add_event()
    with django_assert_num_queries(2):
        events = list(CooperationEventPage.objects.live().newest_first().for_listing())
        names = [theme.name for event in events for theme in event.themes_by_name]
    assert len(events) == 11
    assert names


def test_place_filter_for_masis_includes_events_in_both_towns(seeded):
    in_masis = set(
        CooperationEventPage.objects.live().at_place("masis").values_list("pk", flat=True)
    )
    expected = {
        seeded_event(key).pk
        for key in ("event-youth-centre", "event-cross-visits", "event-book-exchange")
    }
    assert in_masis == expected
    only_masis = CooperationEventPage.objects.live().filter(place="masis")
    assert list(only_masis) == [seeded_event("event-youth-centre")]


def test_year_filter_keeps_events_that_overlap_the_year(seeded):
    def keys_in(year):
        pks = set(CooperationEventPage.objects.live().in_year(year).values_list("pk", flat=True))
        return {key for key in SEEDED_EVENT_KEYS if seeded_event(key).pk in pks}

    assert keys_in(2023) == {"event-cross-visits"}
    assert keys_in(2024) == {
        "event-cross-visits",
        "event-youth-centre",
        "event-armenia-fortnight",
        "event-book-exchange",
    }
    assert keys_in(2025) == {"event-undp-mission", "event-call-for-projects"}
    assert keys_in(2022) == set()


def test_events_can_only_live_under_the_timeline(seeded):
    assert CooperationEventPage.allowed_parent_page_models() == [type(timeline_page())]
    assert CooperationEventPage.allowed_subpage_models() == []
