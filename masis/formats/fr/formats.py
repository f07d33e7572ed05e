# French typography groups thousands with a narrow no-break space (U+202F), not Django's
# default no-break space; everything else comes from Django's own French module.
from django.conf.locale.fr.formats import *  # noqa: F403

THOUSAND_SEPARATOR = "\u202f"
