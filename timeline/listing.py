"""The timeline index: filters by year and theme from GET parameters, pagination, year groups.

Visitors and robots send anything: an unusable filter is dropped with a message saying so, and a
page number that is not one of the list's pages is a 404. Nothing here raises anything else.
"""

from dataclasses import dataclass, field
from itertools import groupby
from urllib.parse import urlencode

from django.utils.text import Truncator
from django.utils.translation import gettext as _

from masis.core.pagination import DIGITS, neighbour_queries, page_number, paginate


@dataclass
class TimelineFilters:
    year: int | None = None
    theme: object = None  # a timeline.Theme
    messages: list = field(default_factory=list)

    @property
    def active(self):
        return self.year is not None or self.theme is not None

    def query_string(self, page_number=1):
        params = {}
        if self.year is not None:
            params["year"] = self.year
        if self.theme is not None:
            params["theme"] = self.theme.slug
        if page_number > 1:
            params["page"] = page_number
        return f"?{urlencode(params)}" if params else ""

    def apply(self, events):
        if self.year is not None:
            events = events.in_year(self.year)
        if self.theme is not None:
            events = events.with_theme(self.theme)
        return events


def _shown(value):
    """A visitor's value, short and printable, to quote in a message."""
    return Truncator("".join(c for c in value if c.isprintable())).chars(40)


def _single(params, name, repeated_message):
    """The one value of ``name``, "" when absent, None (and a message) when repeated."""
    values = params.getlist(name)
    if len(values) > 1:
        return None, repeated_message
    return (values[0].strip() if values else ""), None


def parse_filters(params, years, themes):
    """Filters from a QueryDict; ``years`` and ``themes`` are the values that exist."""
    filters = TimelineFilters()

    year, message = _single(params, "year", _("Several years were given: showing every year."))
    if message:
        filters.messages.append(message)
    elif year:
        if DIGITS.fullmatch(year) and int(year) in years:
            filters.year = int(year)
        else:
            filters.messages.append(
                _("“%(value)s” is not a year of this timeline: showing every year.")
                % {"value": _shown(year)}
            )

    slug, message = _single(params, "theme", _("Several themes were given: showing every theme."))
    if message:
        filters.messages.append(message)
    elif slug:
        by_slug = {theme.slug: theme for theme in themes}
        if slug in by_slug:
            filters.theme = by_slug[slug]
        else:
            filters.messages.append(
                _("There is no theme “%(value)s” in this timeline: showing every theme.")
                % {"value": _shown(slug)}
            )
    return filters


def years_covered(date_pairs):
    """Every calendar year touched by (start_date, end_date or None) pairs, newest first."""
    years = set()
    for start, end in date_pairs:
        years.update(range(start.year, (end or start).year + 1))
    return sorted(years, reverse=True)


def group_by_year(events):
    """[(year, [events])] by the year each event starts, in the events' order."""
    return [(year, list(items)) for year, items in groupby(events, key=lambda e: e.start_year)]


def timeline_listing(timeline, years, themes, request):
    """Template context of ``timeline`` listing its events (newest first), with the ``years``
    they cover and the ``themes`` they use: a count, the page's events and their themes, the
    same number of queries however many events there are."""
    filters = parse_filters(request.GET, years, themes)
    events = filters.apply(timeline.events()).for_listing()
    page = paginate(events, page_number(request.GET), timeline.events_per_page)
    return {
        "filters": filters,
        "filter_years": years,
        "filter_themes": themes,
        "events_page": page,
        "event_count": page.paginator.count,
        # Called by the template inside a fragment kept until the next content change: the
        # page's events are read only when it is rendered.
        "year_groups": lambda: group_by_year(page.object_list),
        **neighbour_queries(page, filters.query_string),
    }
