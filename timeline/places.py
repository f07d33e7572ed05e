"""Where a cooperation event took place: stable stored values, translated labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Place(models.TextChoices):
    AIX = "aix", _("Aix-en-Provence")
    MASIS = "masis", _("Masis")
    AIX_AND_MASIS = "aix-and-masis", _("Aix-en-Provence and Masis")
    # Elsewhere in the country: the place is the country itself, as the sources say it.
    ARMENIA = "armenia", _("Armenia")
    FRANCE = "france", _("France")
    ONLINE = "online", _("Online")


# An event "in Aix-en-Provence and Masis" also took place in each town.
PLACES_INCLUDING = {
    Place.AIX: [Place.AIX, Place.AIX_AND_MASIS],
    Place.MASIS: [Place.MASIS, Place.AIX_AND_MASIS],
}

# For schema.org: each place as (name, ISO 3166 country code, the name is a town).
_AIX = (_("Aix-en-Provence"), "FR", True)
_MASIS = (_("Masis"), "AM", True)
ADDRESSES = {
    Place.AIX: [_AIX],
    Place.MASIS: [_MASIS],
    Place.AIX_AND_MASIS: [_AIX, _MASIS],
    Place.ARMENIA: [(_("Armenia"), "AM", False)],
    Place.FRANCE: [(_("France"), "FR", False)],
    Place.ONLINE: [],
}
