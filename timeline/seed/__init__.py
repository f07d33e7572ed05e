"""The cooperation timeline from the seed text: the index, its themes and the six dated events.

The content is in ``timeline.toml`` and ``events.toml`` beside this module. Dates are stored
exactly as precise as the seed gives them ("juin 2024" is a month, "2023/2024" two years).
"""

from masis.core.seeding import read_data

from ..models import CooperationEventPage, Theme, TimelinePage


def data(section):
    """The seed file ``<section>.toml`` of this package, parsed."""
    return read_data(__name__, section)


def load_index(loader):
    home = loader.existing("home")
    if home is None:
        return
    page = data("timeline")["page"]
    loader.page(page.pop("key"), home, TimelinePage, **page)


def load_themes(loader):
    for theme in data("timeline")["themes"]:
        loader.object(theme.pop("key"), Theme, **theme)


def load_events(loader):
    """The themes and the six dated events of the seed, linked to the partners that exist."""
    timeline = loader.existing("timeline")
    if timeline is None:
        return
    load_themes(loader)
    for event in data("events")["events"]:
        themes = [loader.existing(key) for key in event.pop("themes")]
        partners = [loader.existing(key) for key in event.pop("partners")]
        loader.page(
            event.pop("key"),
            timeline,
            CooperationEventPage,
            themes=[theme for theme in themes if theme is not None],
            partners=[partner for partner in partners if partner is not None],
            **event,
        )
