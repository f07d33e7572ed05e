"""One formatter renders partial dates and spans by precision and language."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from masis.core.dates import DatePrecision, DateSpan, PartialDate

SEPT_15 = datetime.date(2024, 9, 15)
NNBSP = "\u202f"

CASES = [
    (DatePrecision.DAY, "fr", "15 septembre 2024"),
    (DatePrecision.MONTH, "fr", "septembre 2024"),
    (DatePrecision.YEAR, "fr", "2024"),
    (DatePrecision.DAY, "en", "15 September 2024"),
    (DatePrecision.MONTH, "en", "September 2024"),
    (DatePrecision.YEAR, "en", "2024"),
    # Eastern Armenian: the year with «թ.», then the month (genitive with a day) and the day.
    (DatePrecision.DAY, "hy", "2024 թ. սեպտեմբերի 15"),
    (DatePrecision.MONTH, "hy", "2024 թ. սեպտեմբեր"),
    (DatePrecision.YEAR, "hy", "2024"),
]


@pytest.mark.parametrize(("precision", "language", "expected"), CASES)
def test_partial_date_reads_as_precise_as_it_is(precision, language, expected):
    assert PartialDate(SEPT_15, precision).format(language) == expected


@pytest.mark.parametrize(
    ("precision", "iso", "last_day"),
    [
        (DatePrecision.DAY, "2024-09-15", datetime.date(2024, 9, 15)),
        (DatePrecision.MONTH, "2024-09", datetime.date(2024, 9, 30)),
        (DatePrecision.YEAR, "2024", datetime.date(2024, 12, 31)),
    ],
)
def test_partial_date_never_invents_a_day(precision, iso, last_day):
    date = PartialDate(SEPT_15, precision)
    assert date.isoformat() == iso
    assert date.last_day == last_day


@pytest.mark.parametrize("language", ["fr", "en", "hy"])
def test_year_span_as_in_the_seed(language):
    span = DateSpan(
        PartialDate(datetime.date(2023, 1, 1), DatePrecision.YEAR),
        PartialDate(datetime.date(2024, 1, 1), DatePrecision.YEAR),
    )
    assert span.format(language) == f"2023{NNBSP}–{NNBSP}2024"
    assert span.isoformat() == "2023/2024"
    assert span.last_day == datetime.date(2024, 12, 31)


def test_month_span_in_armenian_keeps_lowercase_months():
    span = DateSpan(
        PartialDate(datetime.date(2024, 6, 1), DatePrecision.MONTH),
        PartialDate(datetime.date(2025, 2, 1), DatePrecision.MONTH),
    )
    assert span.format("hy") == f"2024 թ. հունիս{NNBSP}–{NNBSP}2025 թ. փետրվար"
    assert span.format("fr") == f"juin 2024{NNBSP}–{NNBSP}février 2025"


def render_time_element(value, language):
    from django.template import engines

    template = engines["django"].from_string("{% load dates_tags %}{% time_element value %}")
    with translation.override(language):
        return template.render({"value": value})


@pytest.mark.parametrize(("precision", "language", "expected"), CASES)
def test_time_element_carries_the_iso_partial_date_and_the_localised_text(
    precision, language, expected
):
    date = PartialDate(SEPT_15, precision)
    doc = BeautifulSoup(render_time_element(date, language), "html.parser")
    assert doc.time["datetime"] == date.isoformat()
    assert doc.time.get_text() == expected
    single = BeautifulSoup(render_time_element(DateSpan(date), language), "html.parser")
    assert single.time["datetime"] == date.isoformat()
    assert single.time.get_text() == expected


@pytest.mark.parametrize("language", ["fr", "en", "hy"])
def test_time_element_gives_each_end_of_a_span_its_own_datetime(language):
    span = DateSpan(
        PartialDate(datetime.date(2024, 6, 1), DatePrecision.MONTH),
        PartialDate(datetime.date(2024, 9, 15), DatePrecision.DAY),
    )
    doc = BeautifulSoup(render_time_element(span, language), "html.parser")
    times = doc.find_all("time")
    assert [t["datetime"] for t in times] == ["2024-06", "2024-09-15"]
    assert [t.get_text() for t in times] == [span.start.format(language), span.end.format(language)]
    assert doc.get_text() == span.format(language)


def test_time_element_of_nothing_is_empty():
    assert render_time_element(None, "fr") == ""
