"""Spreadsheet exports that a spreadsheet program opens without running what visitors typed.

A CSV cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by Excel and LibreOffice (``=HYPERLINK(…)`` becomes a live link, ``=cmd|…`` worse):
such a cell gets a leading apostrophe, which both show as text. The XLSX export already stores
every cell as text (Wagtail's SpreadsheetExportMixin), but openpyxl refuses a cell holding a C0
control character, which a visitor may send: those are left out of XLSX cells.
"""

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wagtail.contrib.forms.views import SubmissionsListView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeSubmissionsListView(SubmissionsListView):
    """Wagtail's form submissions listing, whose CSV export holds no formula."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            value = neutralise_formula(value)
        elif export_format == self.FORMAT_XLSX and isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return value
