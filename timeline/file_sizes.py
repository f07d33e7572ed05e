"""Django's file size units, re-translated where our languages need it.

Documents are listed with their format and size ("PDF, 1,2 Mo"). Django's French catalogue says
"Mio"; French readers expect "Mo". Our catalogues (LOCALE_PATHS) take precedence over Django's;
these markers keep the entries in them when ``makemessages`` runs. Used by ``filesizeformat``.
"""

from django.utils.translation import gettext_noop

UNITS = (
    gettext_noop("%s KB"),
    gettext_noop("%s MB"),
    gettext_noop("%s GB"),
)
