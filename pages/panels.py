"""A warning in the town profile's editor when the distance and direction typed for the town
disagree with its coordinates: the map is drawn from the coordinates, the text from the
distance and direction, and only the City's editors can say which is right."""

from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from .locator_map import angle_between, bearing_degrees, distance_km

# Beyond these, the stated position and the coordinates disagree: a distance off by more than
# 2 km and 15 %, a direction more than 10° outside the stated compass point's 45° sector.
DISTANCE_TOLERANCE_KM = 2
DISTANCE_TOLERANCE_SHARE = 0.15
DIRECTION_TOLERANCE_DEGREES = 22.5 + 10
COMPASS_BEARINGS = {"N": 0, "NE": 45, "E": 90, "SE": 135, "S": 180, "SW": 225, "W": 270, "NW": 315}


@dataclass(frozen=True)
class PositionCheck:
    stated_distance: int
    stated_direction: str
    distance: float
    bearing: float

    @property
    def distance_disagrees(self):
        gap = abs(self.distance - self.stated_distance)
        return gap > DISTANCE_TOLERANCE_KM and gap > DISTANCE_TOLERANCE_SHARE * self.distance

    @property
    def direction_disagrees(self):
        stated = COMPASS_BEARINGS[self.stated_direction]
        return angle_between(stated, self.bearing) > DIRECTION_TOLERANCE_DEGREES

    @property
    def nearest_direction(self):
        return min(COMPASS_BEARINGS, key=lambda p: angle_between(COMPASS_BEARINGS[p], self.bearing))

    def __bool__(self):
        """True when the two disagree."""
        return self.distance_disagrees or self.direction_disagrees


def position_check(page):
    """How the page's stated distance and direction compare with its coordinates (None when
    something is missing)."""
    values = (
        page.latitude,
        page.longitude,
        page.capital_latitude,
        page.capital_longitude,
        page.distance_to_capital_km,
    )
    if None in values or page.direction_from_capital not in COMPASS_BEARINGS:
        return None
    capital = (page.capital_latitude, page.capital_longitude)
    town = (page.latitude, page.longitude)
    return PositionCheck(
        stated_distance=page.distance_to_capital_km,
        stated_direction=page.direction_from_capital,
        distance=distance_km(*capital, *town),
        bearing=bearing_degrees(*capital, *town),
    )


class CapitalPositionCheckPanel(Panel):
    """Shown (as a warning, never an error) only while the page's saved values disagree."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "pages/admin/capital_position_check.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.check = position_check(self.instance)

        def is_shown(self):
            return bool(self.check)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            check = self.check
            directions = dict(self.instance._meta.get_field("direction_from_capital").choices)
            context["message"] = _(
                "The coordinates put the town %(distance)s km from the capital, towards the "
                "%(direction)s (bearing %(bearing)s°), but the page says %(stated_distance)s km "
                "%(stated_direction)s. Visitors see both: the map is drawn from the coordinates, "
                "the text from the distance and direction. Check which is right and correct the "
                "other."
            ) % {
                "distance": formats.localize(round(check.distance, 1)),
                "direction": directions[check.nearest_direction],
                "bearing": formats.localize(round(check.bearing)),
                "stated_distance": formats.localize(check.stated_distance),
                "stated_direction": directions[check.stated_direction],
            }
            return context
