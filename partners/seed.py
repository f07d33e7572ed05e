"""The partner organisations named in the seed text."""

from .models import PartnerIndexPage

PARTNER_INDEX = {
    "title": {"fr": "Partenaires", "en": "Partners", "hy": "Գործընկերներ"},
    "slug": {"fr": "partenaires", "en": "partners", "hy": "գործընկերներ"},
    "introduction": {
        "fr": "Les organisations qui font vivre la coopération entre Aix-en-Provence et Masis.",
        "en": "The organisations that bring the cooperation between Aix-en-Provence and Masis "
        "to life.",
        "hy": "Կազմակերպություններ, որոնց շնորհիվ կենդանի է Էքս-ան-Պրովանսի և Մասիսի "
        "համագործակցությունը։",
    },
}


def load(loader):
    home = loader.existing("home")
    if home is None:
        return
    loader.page("partner-index", home, PartnerIndexPage, show_in_menus=True, **PARTNER_INDEX)
