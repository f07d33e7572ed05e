"""schema.org data (JSON-LD) in a page's <head>: the one way the site embeds it.

Each page type builds its data as a dict, in the active language (``TownProfilePage``'s city,
``timeline.jsonld``'s event, ``partners.structured_data``'s organisation); this module writes it
into the page.
"""

import json

from django.utils.safestring import mark_safe

# Inside <script>, "</script>" or "<!--" in a text would end or confuse the element.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data):
    """``data`` as a <script type="application/ld+json"> element, safe inside HTML; "" when
    there is no data."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
