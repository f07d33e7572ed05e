"""Numbers and coordinates of the town profile, in the page's language."""

from django import template
from django.template.defaultfilters import floatformat
from django.utils import formats
from django.utils.translation import pgettext, pgettext_lazy

register = template.Library()


@register.simple_tag
def quantity(value, approximate=False):
    """A count grouped by the active locale (fr "100 000", en "100,000"), "about" if approximate."""
    if value is None or value == "":
        return ""
    number = formats.localize(value)
    if approximate:
        return pgettext("approximate quantity", "about %(number)s") % {"number": number}
    return number


# Hemisphere letters by axis and sign; translated with the axis as context (hy "հս. լ.").
HEMISPHERES = {
    "latitude": (
        pgettext_lazy("latitude", "%(degrees)s° N"),
        pgettext_lazy("latitude", "%(degrees)s° S"),
    ),
    "longitude": (
        pgettext_lazy("longitude", "%(degrees)s° E"),
        pgettext_lazy("longitude", "%(degrees)s° W"),
    ),
}


def _coordinate(value, axis):
    """40.0676 → "40.0676° N" (fr "40,0676° N"), to four decimals (about ten metres)."""
    if value is None:
        return ""
    positive, negative = HEMISPHERES[axis]
    template = str(positive if value >= 0 else negative)
    return template % {"degrees": floatformat(abs(value), 4)}


@register.filter
def latitude(value):
    return _coordinate(value, "latitude")


@register.filter
def longitude(value):
    return _coordinate(value, "longitude")
