"""Dates as precise as the source says: a day, a month or a year, never an invented day.

The one formatter of partial dates and date ranges, used by the timeline, the partner pages,
the town profile, feeds and calendar exports.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.db import models
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _

RANGE_SEPARATOR = "\u202f–\u202f"  # thin no-break spaces around an en dash


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


class DatePrecisionField(models.CharField):
    """The precision of a date field next to it: day, month or year (day by default).

    Migrations record it as the plain CharField it is, so that adopting it changes no schema.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 5)
        kwargs.setdefault("choices", DatePrecision.choices)
        kwargs.setdefault("default", DatePrecision.DAY)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs


@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to the day, the month or the year.

    ``value`` is stored as the first day of its period when the precision is month or year.
    """

    value: datetime.date
    precision: str = DatePrecision.DAY

    def __post_init__(self):
        object.__setattr__(self, "value", truncate(self.value, self.precision))

    @property
    def first_day(self):
        return self.value

    @property
    def last_day(self):
        """The last day of the period the date covers."""
        if self.precision == DatePrecision.YEAR:
            return self.value.replace(month=12, day=31)
        if self.precision == DatePrecision.MONTH:
            days = calendar.monthrange(self.value.year, self.value.month)[1]
            return self.value.replace(day=days)
        return self.value

    def isoformat(self):
        """ISO 8601 with only the known parts: 2024, 2024-06 or 2024-06-15."""
        if self.precision == DatePrecision.YEAR:
            return f"{self.value.year:04d}"
        if self.precision == DatePrecision.MONTH:
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()

    def format(self, language=None):
        if language and language != translation.get_language():
            with translation.override(language):
                return self.format()
        if self.precision == DatePrecision.YEAR:
            return str(self.value.year)
        if self.precision == DatePrecision.MONTH:
            return formats.date_format(self.value, "YEAR_MONTH_FORMAT")
        return formats.date_format(self.value, "DATE_FORMAT")

    def __str__(self):
        return self.format()


def truncate(value, precision):
    """The first day of the period of ``value`` at ``precision``."""
    if precision == DatePrecision.YEAR:
        return value.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return value.replace(day=1)
    return value


@dataclass(frozen=True)
class DateSpan:
    """A start and an optional end, each with its own precision (e.g. 2023/2024)."""

    start: PartialDate
    end: PartialDate | None = None

    @property
    def last_day(self):
        return (self.end or self.start).last_day

    def isoformat(self):
        """ISO 8601 interval, 2023/2024, or the single date."""
        if self.end is None:
            return self.start.isoformat()
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def format(self, language=None):
        if self.end is None or self.end == self.start:
            return self.start.format(language)
        return f"{self.start.format(language)}{RANGE_SEPARATOR}{self.end.format(language)}"

    def __str__(self):
        return self.format()
