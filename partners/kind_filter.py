"""The partner index's ``?kind=`` selection, checked against the kinds that exist.

Values are matched in Python against the kinds already loaded for the page, so whatever a visitor
types (unknown words, NUL bytes, thousands of characters) never reaches a database query.
Several ``kind`` keys select several kinds; an unknown value makes the page answer 404 with a
message and the list of kinds.
"""

PARAMETER = "kind"
MAX_SHOWN_LENGTH = 60


class KindFilter:
    def __init__(self, query, kinds):
        self.kinds = list(kinds)
        by_identifier = {kind.identifier: kind for kind in self.kinds}
        values = [value.strip() for value in query.getlist(PARAMETER)]
        values = [value for value in dict.fromkeys(values) if value]
        self.selected = [by_identifier[value] for value in values if value in by_identifier]
        self.unknown = [_shorten(value) for value in values if value not in by_identifier]

    @property
    def is_active(self):
        return bool(self.selected or self.unknown)

    def choices(self):
        """The kinds a visitor can pick: those with partners, and any already selected."""
        return [kind for kind in self.kinds if kind.partner_count or kind in self.selected]

    def is_selected(self, kind):
        return kind in self.selected


def _shorten(value):
    value = "".join(ch for ch in value if ch.isprintable())
    if len(value) > MAX_SHOWN_LENGTH:
        return value[: MAX_SHOWN_LENGTH - 1] + "…"
    return value
