"""The site's frame from the seed text: home page, the Aix–Armenia page and the three sections.

Section content (figures, events, partners) is seeded by each section's own app.
"""

import datetime

from wagtail.models import Page, Site

from masis.core.dates import DatePrecision
from masis.core.seeding import localized, localized_paragraphs

from .models import (
    EconomicSector,
    ExternalLinks,
    HomePage,
    KeyFigure,
    StandardPage,
    TownProfilePage,
)

HOME = {
    "title": {
        "fr": "Jumelage Aix-en-Provence – Masis",
        "en": "Aix-en-Provence – Masis twinning",
        "hy": "Էքս-ան-Պրովանս – Մասիս. քույր քաղաքներ",
    },
    "slug": {"fr": "accueil", "en": "home", "hy": "գլխավոր"},
    "introduction": {
        "fr": "Depuis septembre 2024, la Ville d’Aix-en-Provence et la Communauté de communes "
        "de Masis, en Arménie, sont jumelées. Découvrez notre ville jumelle, les étapes de "
        "notre coopération et les partenaires qui la font vivre.",
        "en": "Since September 2024, the City of Aix-en-Provence and the Masis Community in "
        "Armenia have been twin towns. Discover our twin town, the milestones of our "
        "cooperation and the partners who bring it to life.",
        "hy": "2024 թ. սեպտեմբերից Էքս-ան-Պրովանս քաղաքը և Հայաստանի Մասիս համայնքը քույր "
        "քաղաքներ են։ Ծանոթացեք մեր քույր համայնքին, մեր համագործակցության փուլերին և այն "
        "գործընկերներին, որոնց շնորհիվ այն կենդանի է։",
    },
}

AIX_AND_ARMENIA = {
    "title": {
        "fr": "Aix-en-Provence et l’Arménie",
        "en": "Aix-en-Provence and Armenia",
        "hy": "Էքս-ան-Պրովանսը և Հայաստանը",
    },
    "slug": {"fr": "aix-et-l-armenie", "en": "aix-and-armenia", "hy": "էքսը-և-հայաստանը"},
    "introduction": {
        "fr": "Une amitié ancienne, que le jumelage avec Masis prolonge.",
        "en": "A long-standing friendship, which the twinning with Masis carries forward.",
        "hy": "Վաղեմի բարեկամություն, որը շարունակվում է Մասիսի հետ քույր քաղաքների համաձայնագրով։",
    },
    "body": localized_paragraphs(
        {
            "fr": [
                "Dans le cadre de sa politique à l’international, la Ville a souhaité nouer un "
                "nouveau partenariat en Arménie, pays auquel elle a déjà exprimé plusieurs fois "
                "son amitié.",
                "Elle est d’ailleurs une des premières à avoir reconnu le génocide arménien de "
                "1915 et à y dédier un monument réalisé par le sculpteur Toros, installé à la "
                "Rotonde.",
                "Elle a ainsi formalisé en septembre 2024 un accord de jumelage avec la "
                "Communauté de communes de Masis. Aix et Masis partagent par ailleurs une grande "
                "richesse historique et culturelle.",
            ],
            "en": [
                "As part of its international policy, the City wished to forge a new partnership "
                "in Armenia, a country to which it has already expressed its friendship on "
                "several occasions.",
                "Aix-en-Provence was indeed one of the first cities to recognise the Armenian "
                "Genocide of 1915 and to dedicate a monument to it, made by the sculptor Toros "
                "and installed at La Rotonde, the city’s fountain square.",
                "In September 2024 the City formalised a twinning agreement with the Masis "
                "Community. Aix and Masis also share a great wealth of history and culture.",
            ],
            "hy": [
                "Իր միջազգային քաղաքականության շրջանակում Էքս-ան-Պրովանս քաղաքը ցանկացել է նոր "
                "գործընկերություն հաստատել Հայաստանում՝ մի երկրում, որի հանդեպ արդեն բազմիցս "
                "արտահայտել է իր բարեկամությունը։",
                "Էքս-ան-Պրովանսն առաջին քաղաքներից մեկն է, որ ճանաչել է 1915 թ. Հայոց "
                "ցեղասպանությունը և դրան նվիրել հուշարձան՝ քանդակագործ Թորոսի աշխատանքը, որը "
                "տեղադրված է Ռոտոնդա հրապարակում։",
                "2024 թ. սեպտեմբերին քաղաքը Մասիս համայնքի հետ կնքեց քույր քաղաքների "
                "համաձայնագիր։ Էքսը և Մասիսը ունեն նաև հարուստ պատմական և մշակութային "
                "ժառանգություն։",
            ],
        }
    ),
}

TOWN_PROFILE = {
    "title": {
        "fr": "Masis, notre ville jumelle",
        "en": "Masis, our twin town",
        "hy": "Մասիս՝ մեր քույր համայնքը",
    },
    "slug": {"fr": "masis", "en": "masis", "hy": "մասիս"},
    "introduction": {
        "fr": "La Communauté de communes de Masis regroupe 26 villages et compte près de "
        "100 000 habitants, autour de la ville de Masis, à 18 km au sud-est d’Erevan.",
        "en": "The Masis Community brings together 26 villages and about 100,000 inhabitants "
        "around the town of Masis, 18 km south-east of Yerevan.",
        "hy": "Մասիս համայնքը միավորում է 26 գյուղ և ունի մոտ 100 000 բնակիչ՝ Մասիս քաղաքի "
        "շուրջ, Երևանից 18 կմ հարավ-արևելք։",
    },
    "official_name": {
        "fr": "Communauté de communes de Masis",
        "en": "Masis Community",
        "hy": "Մասիս համայնք",
    },
    "local_name": "Մասիս",
    "main_town": {"fr": "Masis", "en": "Masis", "hy": "Մասիս"},
    "region": {"fr": "province d’Ararat", "en": "Ararat Province", "hy": "Արարատի մարզ"},
    "country": {"fr": "Arménie", "en": "Armenia", "hy": "Հայաստան"},
    # Approximate coordinates of the town centres (to be checked against an official source).
    "latitude": 40.0676,
    "longitude": 44.4356,
    "capital": {"fr": "Erevan", "en": "Yerevan", "hy": "Երևան"},
    "capital_latitude": 40.1792,
    "capital_longitude": 44.4991,
    "distance_to_capital_km": 18,
    "direction_from_capital": "SE",
    "border_country": {"fr": "Turquie", "en": "Turkey (Türkiye)", "hy": "Թուրքիա"},
    "twinning_date": datetime.date(2024, 9, 1),
    "twinning_date_precision": DatePrecision.MONTH,
    "shared_heritage": {
        "fr": "Aix et Masis partagent une grande richesse historique et culturelle.",
        "en": "Aix and Masis share a great wealth of history and culture.",
        "hy": "Էքսը և Մասիսը ունեն հարուստ պատմական և մշակութային ժառանգություն։",
    },
    "key_figures": [
        {"value": 26, "label": {"fr": "villages", "en": "villages", "hy": "գյուղ"}},
        {
            "value": 100_000,
            "approximate": True,
            "label": {"fr": "habitants", "en": "inhabitants", "hy": "բնակիչ"},
        },
        {
            "category": "education",
            "value": 33,
            "label": {
                "fr": "écoles publiques",
                "en": "public schools",
                "hy": "հանրակրթական դպրոց",
            },
        },
        {
            "category": "education",
            "value": 2,
            "label": {"fr": "écoles d’art", "en": "art schools", "hy": "արվեստի դպրոց"},
        },
        {
            "category": "education",
            "value": 1,
            "label": {
                "fr": "école TUMO",
                "en": "TUMO school (TUMO Center for Creative Technologies)",
                "hy": "«Թումո» ստեղծարար տեխնոլոգիաների կենտրոն",
            },
            "status": {
                "fr": "en construction",
                "en": "under construction",
                "hy": "կառուցման փուլում",
            },
            "note": {
                "fr": "École gratuite en informatique et innovation.",
                "en": "A free school of computing and innovation.",
                "hy": "Անվճար դպրոց՝ ինֆորմատիկայի և նորարարության ոլորտում։",
            },
        },
    ],
    "economic_sectors": [
        {"name": {"fr": "Agriculture", "en": "Agriculture", "hy": "Գյուղատնտեսություն"}},
        {"name": {"fr": "Pisciculture", "en": "Fish farming", "hy": "Ձկնաբուծություն"}},
        {
            "name": {
                "fr": "Industrie minière",
                "en": "Mining",
                "hy": "Հանքարդյունաբերություն",
            }
        },
    ],
}


def town_profile_fields():
    """TOWN_PROFILE with its inline rows as fresh, unsaved modelcluster children."""
    fields = dict(TOWN_PROFILE)
    # sort_order as the admin's formsets set it: NULLs would sort first or last by database.
    fields["key_figures"] = [
        KeyFigure(sort_order=i, **localized(**row))
        for i, row in enumerate(TOWN_PROFILE["key_figures"])
    ]
    fields["economic_sectors"] = [
        EconomicSector(sort_order=i, **localized(**row))
        for i, row in enumerate(TOWN_PROFILE["economic_sectors"])
    ]
    return fields


def load(loader):
    root = Page.get_first_root_node()
    home = loader.page("home", root, HomePage, show_in_menus=False, **HOME)
    _make_home_the_site_root(home)
    loader.page("aix-and-armenia", home, StandardPage, show_in_menus=True, **AIX_AND_ARMENIA)
    loader.page("town-profile", home, TownProfilePage, show_in_menus=True, **town_profile_fields())
    links = ExternalLinks.load()
    if not (links.city_url or links.city_masis_url or links.masis_url):
        links.city_url = "https://www.aixenprovence.fr/"
        links.city_masis_url = "https://www.aixenprovence.fr/Masis-ARMENIE"
        links.masis_url = "https://masiscity.am/"
        links.save()
    return home


def _make_home_the_site_root(home):
    """Point the default site at our home page and drop Wagtail's untouched welcome page."""
    if home is None:
        return
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
        return
    if site.root_page_id != home.pk:
        previous = site.root_page
        site.root_page = home
        site.site_name = "Aix-en-Provence – Masis"
        site.save()
        if type(previous.specific) is Page and previous.depth == 2 and previous.is_leaf():
            previous.delete()
