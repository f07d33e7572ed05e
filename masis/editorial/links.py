"""Admin addresses other modules link to (without importing the views)."""

from django.urls import reverse
from django.utils.http import urlencode

STILL_VALID_URL_NAME = "editorial_translation_still_valid"


def still_valid_url(unit, language, next_url=None):
    """Where to mark the translation of ``unit`` (a unit id) in ``language`` still valid."""
    query = {"unit": unit, "language": language}
    if next_url:
        query["next"] = next_url
    return f"{reverse(STILL_VALID_URL_NAME)}?{urlencode(query)}"
