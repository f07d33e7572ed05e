"""Events as lists show them: title, link, dates, place, summary and themes (pages.cards)."""

from masis.core.cards import PageCard, page_cards

from .models import CooperationEventPage, Theme, sorted_themes
from .places import Place

# The columns behind the dates a card shows (EventCard.span).
DATE_FIELDS = ["start_date", "start_precision", "end_date", "end_precision"]


class EventCard(PageCard):
    # The event page's own definitions of its dates.
    start = CooperationEventPage.start
    end = CooperationEventPage.end
    span = CooperationEventPage.span
    start_year = CooperationEventPage.start_year

    def get_place_display(self):
        return Place(self.place).label


def event_cards(events, request, *, summary=True, themes=True):
    """Cards of ``events`` (a queryset, sliced or not), in its order, in one query.

    With ``themes``, each card's ``themes_by_name`` in the alphabetical order of the active
    language, in one more query when ``themes`` holds the Theme objects the events use, by pk
    (the timeline has them at hand), in two when it is True.
    """
    fields = [*DATE_FIELDS, "place", *(["summary"] if summary else [])]
    result = page_cards(events, fields, request, EventCard)
    if themes:
        links = list(
            CooperationEventPage.themes.through.objects.filter(
                cooperationeventpage__in=[card.pk for card in result]
            ).values_list("cooperationeventpage", "theme")
        )
        given = {} if themes is True else themes
        # Any theme not given (all of them, or one added since ``themes`` was read).
        missing = {theme for _event, theme in links} - given.keys()
        themes = {**given, **Theme.objects.in_bulk(missing)}
        by_event = {}
        for event, theme in links:
            by_event.setdefault(event, []).append(themes[theme])
        for card in result:
            card.themes_by_name = sorted_themes(by_event.get(card.pk, []))
    return result
