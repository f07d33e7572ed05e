"""schema.org/Event for an event page, with dates exactly as precise as they are known.

A month-precise event says ``"startDate": "2024-06"`` (ISO 8601 reduced precision), never
``"2024-06-01"``.
"""

from django.utils import translation

from masis.core.site_address import absolute_url
from masis.multilingual.links import page_url

from .places import ADDRESSES, Place

IMAGE_RENDITION = "width-800|format-webp"
ATTENDANCE = "https://schema.org/{}EventAttendanceMode"


def _location(event, url):
    if event.place == Place.ONLINE:
        return {"@type": "VirtualLocation", "url": url}
    places = []
    for name, country, is_town in ADDRESSES.get(event.place, []):
        address = {"@type": "PostalAddress", "addressCountry": country}
        if is_town:
            address["addressLocality"] = str(name)
        places.append({"@type": "Place", "name": str(name), "address": address})
    return places[0] if len(places) == 1 else places


def event_json_ld(event, request, themes=(), partners=(), images=()):
    """The JSON-LD of ``event`` as a dict (in the active language).

    ``themes``, ``partners`` (live ones) and ``images`` (CooperationEventImage) are the lists the
    page shows, so that no query is repeated.
    """
    language = translation.get_language()
    url = page_url(event, language, request, full=True) if event.pk else ""
    span = event.span
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": span.start.isoformat(),
        "inLanguage": language,
        "url": url,
    }
    # Where the sources do not say where an event took place, neither does its JSON-LD.
    if event.place:
        data["eventAttendanceMode"] = ATTENDANCE.format(
            "Online" if event.place == Place.ONLINE else "Offline"
        )
        data["location"] = _location(event, url)
    if span.end is not None:
        data["endDate"] = span.end.isoformat()
    if themes:
        data["keywords"] = ", ".join(theme.name for theme in themes)
    if images:
        data["image"] = [
            absolute_url(item.image.get_rendition(IMAGE_RENDITION).url) for item in images
        ]
    # Partners took part; the sources rarely say who organised what.
    if partners:
        data["contributor"] = [
            {
                "@type": "Organization",
                "name": partner.title,
                "url": page_url(partner, language, request, full=True),
            }
            for partner in partners
        ]
    return data
