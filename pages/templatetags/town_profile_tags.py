"""Numbers, coordinates and structured data of the town profile, in the page's language."""

import json

from django import template
from django.template.defaultfilters import floatformat
from django.utils import formats
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext, pgettext_lazy

register = template.Library()

# Keep "</script>" and friends out of the JSON-LD block.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


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


@register.simple_tag
def json_ld(data):
    """<script type="application/ld+json"> with ``data``, safe to embed in HTML."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False, indent=None).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
