"""Django's own strings that our catalogues translate again, kept there by these markers.

Our catalogues (LOCALE_PATHS) take precedence over Django's; ``makemessages`` keeps an entry only
while some code marks its string. Nothing imports this module: it exists for ``makemessages``.

Month names. Django's Armenian catalogue capitalises month names ("Հունիս") and has no
genitive forms, but Armenian writes months in lowercase in running text ("հունիս 2024") and
uses the genitive after a day ("15 սեպտեմբերի 2024 թ."). Used by Django's date formats: "F"
(month name) and "E" (alternative, here genitive, month name).

File sizes. ``filesizeformat`` (a document link states its format and size, "PDF, 1,2 Mo") says
"Mio" in Django's French catalogue; French readers expect "Mo".
"""

from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy

MONTHS = (
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
)

MONTHS_ALT = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)

FILE_SIZE_BYTES = ngettext_lazy("%(size)d byte", "%(size)d bytes")
FILE_SIZE_UNITS = (
    gettext_noop("%s KB"),
    gettext_noop("%s MB"),
    gettext_noop("%s GB"),
    gettext_noop("%s TB"),
    gettext_noop("%s PB"),
)
