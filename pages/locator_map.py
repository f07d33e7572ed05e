"""A small locator map drawn on the server from stored coordinates: no tiles, no third party.

An equirectangular projection is accurate enough at the scale of a few tens of kilometres. The
frame always holds the town, the capital (when known) and the nearest stretch of the border.
"""

import math
from dataclasses import dataclass

KM_PER_DEGREE = 111.32

# Schematic course of the Armenia–Turkey border along the Aras river across the Ararat plain,
# west to east, as (latitude, longitude): a handful of approximate points (Margara crossing,
# Khor Virap…), good for placing the border on a locator map, not a surveyed boundary.
ARMENIA_TURKEY_BORDER = (
    (40.10, 43.70),
    (40.03, 44.18),
    (39.99, 44.32),
    (39.95, 44.43),
    (39.90, 44.52),
    (39.87, 44.57),
    (39.80, 44.66),
    (39.72, 44.78),
)


@dataclass(frozen=True)
class Place:
    name: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Point:
    x: float
    y: float

    @property
    def svg(self):
        return f"{self.x:.1f},{self.y:.1f}"


@dataclass(frozen=True)
class Marker:
    name: str
    point: Point
    label: Point
    anchor: str  # SVG text-anchor: "start" or "end"


def _y_at(points, x):
    """The y of the polyline ``points`` at abscissa ``x`` (None outside its extent)."""
    for a, b in zip(points, points[1:], strict=False):
        if min(a.x, b.x) <= x <= max(a.x, b.x) and a.x != b.x:
            return a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)
    return None


def distance_km(a_lat, a_lon, b_lat, b_lon):
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(a_lat), math.radians(b_lat)
    dphi, dlmb = phi2 - phi1, math.radians(b_lon - a_lon)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def bearing_degrees(a_lat, a_lon, b_lat, b_lon):
    """The initial bearing from a to b, in degrees clockwise from north (0–360)."""
    phi1, phi2 = math.radians(a_lat), math.radians(b_lat)
    dlmb = math.radians(b_lon - a_lon)
    x = math.sin(dlmb) * math.cos(phi2)
    y = math.cos(phi1) * math.sin(phi2) - math.sin(phi1) * math.cos(phi2) * math.cos(dlmb)
    return math.degrees(math.atan2(x, y)) % 360


def angle_between(a, b):
    """The smaller angle between two bearings, in degrees (0–180)."""
    difference = abs(a - b) % 360
    return min(difference, 360 - difference)


class LocatorMap:
    width = 480
    height = 360
    margin = 0.35  # of the span of what must be shown, on each side

    def __init__(self, town, capital=None, border=None, border_name="", country_name=""):
        self.town_place = town
        self.capital_place = capital
        self.border_coordinates = border or ()
        self.border_name = border_name
        self.country_name = country_name
        self._frame()

    # Projection -----------------------------------------------------------------------------
    def _frame(self):
        self.cos_lat = math.cos(math.radians(self.town_place.latitude))
        must_show = [(self.town_place.latitude, self.town_place.longitude)]
        if self.capital_place:
            must_show.append((self.capital_place.latitude, self.capital_place.longitude))
        nearest = self._nearest_border_point()
        if nearest:
            must_show.append(nearest)
        lats = [lat for lat, _lon in must_show]
        lons = [lon for _lat, lon in must_show]
        # Work in kilometres east (x) and north (y) of the frame's centre.
        centre_lat = (min(lats) + max(lats)) / 2
        centre_lon = (min(lons) + max(lons)) / 2
        span_x = (max(lons) - min(lons)) * KM_PER_DEGREE * self.cos_lat
        span_y = (max(lats) - min(lats)) * KM_PER_DEGREE
        span_x = max(span_x, 10.0) * (1 + 2 * self.margin)
        span_y = max(span_y, 10.0) * (1 + 2 * self.margin)
        # Keep the aspect ratio of the drawing.
        self.km_per_px = max(span_x / self.width, span_y / self.height)
        self.centre = (centre_lat, centre_lon)

    def project(self, latitude, longitude):
        east = (longitude - self.centre[1]) * KM_PER_DEGREE * self.cos_lat
        north = (latitude - self.centre[0]) * KM_PER_DEGREE
        return Point(
            self.width / 2 + east / self.km_per_px, self.height / 2 - north / self.km_per_px
        )

    def _nearest_border_point(self):
        """The point of the border line closest to the town, as (latitude, longitude)."""
        if len(self.border_coordinates) < 2:
            return None
        town = (self.town_place.latitude, self.town_place.longitude)
        k = math.cos(math.radians(town[0]))
        best, best_distance = None, math.inf
        for (a_lat, a_lon), (b_lat, b_lon) in zip(
            self.border_coordinates, self.border_coordinates[1:], strict=False
        ):
            ax, ay, bx, by = a_lon * k, a_lat, b_lon * k, b_lat
            px, py = town[1] * k, town[0]
            dx, dy = bx - ax, by - ay
            t = ((px - ax) * dx + (py - ay) * dy) / ((dx * dx + dy * dy) or 1)
            t = min(1.0, max(0.0, t))
            cx, cy = ax + t * dx, ay + t * dy
            d = math.hypot(px - cx, py - cy)
            if d < best_distance:
                best, best_distance = (cy, cx / k), d
        return best

    # What the template draws -----------------------------------------------------------------
    def _marker(self, place):
        point = self.project(place.latitude, place.longitude)
        if point.x > self.width * 0.7:
            return Marker(place.name, point, Point(point.x - 12, point.y + 5), "end")
        return Marker(place.name, point, Point(point.x + 12, point.y + 5), "start")

    @property
    def town(self):
        return self._marker(self.town_place)

    @property
    def capital(self):
        return self._marker(self.capital_place) if self.capital_place else None

    @property
    def border_points(self):
        return " ".join(self.project(lat, lon).svg for lat, lon in self.border_coordinates)

    @property
    def foreign_area_points(self):
        """The border line closed on the side away from the town: the neighbouring country."""
        points = [self.project(lat, lon) for lat, lon in self.border_coordinates]
        if len(points) < 2:
            return ""
        town = self.town.point
        line_y = _y_at(points, town.x)
        far = 10 * (self.width + self.height)
        # The town lies above the line (north of it) → the other country is below, and vice versa.
        edge_y = far if line_y is None or town.y < line_y else -far
        closing = [Point(points[-1].x, edge_y), Point(points[0].x, edge_y)]
        return " ".join(point.svg for point in points + closing)

    @property
    def border_label(self):
        """Where to name the neighbouring country: beyond the border, away from the town."""
        nearest = self._nearest_border_point()
        if nearest is None:
            return None
        town, edge = self.town.point, self.project(*nearest)
        dx, dy = edge.x - town.x, edge.y - town.y
        length = math.hypot(dx, dy) or 1
        x = edge.x + dx / length * 36
        y = edge.y + dy / length * 36 + 5
        x = min(max(x, 60), self.width - 60)
        y = min(max(y, 20), self.height - 12)
        return Point(x, y)

    @property
    def scale(self):
        """A scale bar of a round number of kilometres, about a fifth of the map wide."""
        target = self.width / 5 * self.km_per_px
        km = next((n for n in (1, 2, 5, 10, 20, 50, 100, 200, 500) if n >= target), 1000)
        return {"km": km, "x1": 16, "x2": round(16 + km / self.km_per_px, 1), "y": 24}

    @property
    def capital_distance_km(self):
        if not self.capital_place:
            return None
        return distance_km(
            self.town_place.latitude,
            self.town_place.longitude,
            self.capital_place.latitude,
            self.capital_place.longitude,
        )
