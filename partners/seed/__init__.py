"""The partner organisations named in the seed text, with the glossary's names.

The content is in ``partners.toml`` (the index page and the partners) and ``kinds.toml`` beside
this module.
"""

from masis.core.seeding import read_data

from ..models import PartnerIndexPage, PartnerKind, PartnerPage


def data(section):
    """The seed file ``<section>.toml`` of this package, parsed."""
    return read_data(__name__, section)


def load_kinds(loader):
    for kind in data("kinds")["kinds"]:
        loader.object(kind.pop("key"), PartnerKind, **kind)


# Partners an earlier seed created that the seed text does not name as partners: the TUMO school
# being built in Masis is one of the town profile's figures, not a partner of the cooperation.
# A site seeded before loses them where staff never touched them (``Loader.retire``).
RETIRED_KEYS = ["partner-tumo"]


def load(loader):
    for key in RETIRED_KEYS:
        loader.retire(key)
    home = loader.existing("home")
    if home is None:
        return
    partners = data("partners")
    page = partners["page"]
    index = loader.page(page.pop("key"), home, PartnerIndexPage, **page)
    if index is None:  # deleted by staff: its partners go with it
        return
    load_kinds(loader)
    for partner in partners["partners"]:
        kind = loader.existing(partner.pop("kind"))
        if kind is None:  # staff deleted the kind: a partner cannot be created without one
            continue
        loader.page(partner.pop("key"), index, PartnerPage, kind=kind, **partner)
