"""Django's file size units, re-translated for our readers.

``filesizeformat`` (used by the "Document" block to state a link's format and size) says "Mio"
in French; French readers expect "1,2 Mo". Our catalogues (LOCALE_PATHS) take precedence over
Django's; these markers keep the entries in them when ``makemessages`` runs.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

BYTES = ngettext_lazy("%(size)d byte", "%(size)d bytes")
UNITS = (
    gettext_noop("%s KB"),
    gettext_noop("%s MB"),
    gettext_noop("%s GB"),
    gettext_noop("%s TB"),
    gettext_noop("%s PB"),
)
