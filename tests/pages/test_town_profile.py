"""The town profile tells a visitor who Masis is, in fr/en/hy, from the seed's facts."""

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation

from masis.multilingual.links import page_url
from pages.models import EconomicSector, KeyFigure, TownProfilePage

from ..factories import make_image
from ..helpers import json_ld
from ..helpers import page_in as get

NNBSP, NBSP = "\u202f", "\xa0"


@pytest.fixture
def profile(seeded):
    return TownProfilePage.objects.get()


def text(element):
    """The element's text with runs of ASCII white space collapsed (no-break spaces kept)."""
    return re.sub(r"[ \t\r\n]+", " ", element.get_text(" ", strip=True))


def figures_in(doc):
    return [text(li) for li in doc.select(".key-figures__list > li")]


# Each seed figure, as a visitor of each language must read it.
SEED_FIGURES = {
    "fr": [
        "26 villages",
        f"près de 100{NNBSP}000 habitants",
        "33 écoles publiques",
        "2 écoles d’art",
        "1 école TUMO en construction École gratuite en informatique et innovation.",
    ],
    "en": [
        "26 villages",
        "about 100,000 inhabitants",
        "33 public schools",
        "2 art schools",
        "1 TUMO school (TUMO Center for Creative Technologies) under construction "
        "A free school of computing and innovation.",
    ],
    "hy": [
        "26 գյուղ",
        f"մոտ 100{NBSP}000 բնակիչ",
        "33 հանրակրթական դպրոց",
        "2 արվեստի դպրոց",
        "1 «Թումո» ստեղծարար տեխնոլոգիաների կենտրոն կառուցման փուլում "
        "Անվճար դպրոց՝ ինֆորմատիկայի և նորարարության ոլորտում։",
    ],
}


@pytest.mark.parametrize("language", SEED_FIGURES)
def test_each_seed_figure_reads_with_its_wording_in_each_language(client, profile, language):
    doc = get(client, profile, language)
    assert figures_in(doc) == SEED_FIGURES[language]
    # The approximate figure is never shown as an exact one.
    band = text(doc.select_one(".key-figures"))
    number = {"fr": f"100{NNBSP}000", "en": "100,000", "hy": f"100{NBSP}000"}[language]
    about = {"fr": "près de", "en": "about", "hy": "մոտ"}[language]
    assert band.count(number) == band.count(f"{about} {number}") == 1


def test_schools_have_their_own_section_after_the_territory_figures(client, profile):
    doc = get(client, profile, "en")
    headings = [text(h) for h in doc.select("article h2")]
    assert headings.index("Key figures") < headings.index("Schools")
    schools = doc.select_one(".town-schools")
    assert "33 public schools" in text(schools)
    assert "26 villages" not in text(schools)
    assert "under construction" == text(schools.select_one(".key-figure__status"))


FACTS = {
    "fr": {
        "Nom officiel": "Communauté de communes de Masis",
        "Nom en arménien": "Մասիս",
        "Ville principale": "Masis",
        "Région": "province d’Ararat",
        "Pays": "Arménie",
        "Coordonnées": "40,0676° N, 44,4356° E",
        "Capitale": "Erevan",
        "Situation": "à 18 km au sud-est de la capitale",
        "Pays frontalier": "Turquie",
    },
    "en": {
        "Official name": "Masis Community",
        "Name in Armenian": "Մասիս",
        "Main town": "Masis",
        "Region": "Ararat Province",
        "Country": "Armenia",
        "Coordinates": "40.0676° N, 44.4356° E",
        "Capital": "Yerevan",
        "Location": "18 km south-east of the capital",
        "Bordering country": "Turkey (Türkiye)",
    },
    "hy": {
        "Պաշտոնական անվանում": "Մասիս համայնք",
        "Անվանումը հայերեն": "Մասիս",
        "Գլխավոր քաղաք": "Մասիս",
        "Մարզ": "Արարատի մարզ",
        "Երկիր": "Հայաստան",
        "Կոորդինատներ": "40,0676° հս. լ., 44,4356° արլ. երկ.",
        "Մայրաքաղաք": "Երևան",
        "Դիրք": "մայրաքաղաքից 18 կմ հարավ-արևելք",
        "Սահմանակից երկիր": "Թուրքիա",
    },
}


@pytest.mark.parametrize("language", FACTS)
def test_identity_and_geography_in_each_language(client, profile, language):
    facts = get(client, profile, language).select_one(".town-facts dl")
    pairs = {text(dt): text(dt.find_next_sibling("dd")) for dt in facts.find_all("dt")}
    assert pairs == FACTS[language]
    local_name = facts.find("dd", string="Մասիս", lang=True)
    assert local_name["lang"] == "hy"


@pytest.mark.parametrize(
    ("language", "sectors"),
    [
        ("fr", ["Agriculture", "Pisciculture", "Industrie minière"]),
        ("en", ["Agriculture", "Fish farming", "Mining"]),
        ("hy", ["Գյուղատնտեսություն", "Ձկնաբուծություն", "Հանքարդյունաբերություն"]),
    ],
)
def test_economic_sectors_in_their_order(client, profile, language, sectors):
    doc = get(client, profile, language)
    assert [text(li) for li in doc.select(".town-economy li")] == sectors


def test_sectors_follow_the_order_staff_gave(client, profile):
    mining = profile.economic_sectors.get(name_fr="Industrie minière")
    mining.sort_order = -1
    mining.save()
    first = get(client, profile, "en").select_one(".town-economy li")
    assert text(first) == "Mining"


@pytest.mark.parametrize(
    ("language", "shown", "shared"),
    [
        ("fr", "septembre 2024", "Aix et Masis partagent une grande richesse historique"),
        ("en", "September 2024", "Aix and Masis share a great wealth of history and culture."),
        ("hy", "2024 թ. սեպտեմբեր", "Էքսը և Մասիսն ունեն հարուստ պատմական"),
    ],
)
def test_twinning_date_keeps_its_month_precision(client, profile, language, shown, shared):
    section = get(client, profile, language).select_one(".town-twinning")
    time = section.find("time")
    assert time["datetime"] == "2024-09"
    assert text(time) == shown
    assert shared in text(section)


def test_no_year_or_identifier_is_grouped_like_a_quantity(client, profile):
    profile.twinning_date_precision = "year"
    profile.save_revision().publish()
    for language in ("fr", "en", "hy"):
        doc = get(client, profile, language)
        assert doc.select_one(".town-twinning time")["datetime"] == "2024"
        assert text(doc.select_one(".town-twinning time")) == "2024"
        page_text = text(doc.body)
        assert not re.search(r"\b20[\u202f\xa0, ]\d{2}\b", page_text), language


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", f"1{NNBSP}234{NNBSP}567"), ("en", "1,234,567"), ("hy", f"1{NBSP}234{NBSP}567")],
)
def test_large_numbers_are_grouped_by_the_page_language(client, profile, language, expected):
    KeyFigure.objects.create(page=profile, value=1234567, label_fr="arbres fruitiers")
    values = [text(v) for v in get(client, profile, language).select(".key-figure__value")]
    assert expected in values


def test_inline_rows_left_untranslated_show_french_marked_lang_fr(client, profile):
    villages = profile.key_figures.get(value=26)
    villages.label_en = ""
    villages.save()
    fish = profile.economic_sectors.get(name_fr="Pisciculture")
    fish.name_hy = ""
    fish.save()

    doc = get(client, profile, "en")
    label = doc.select(".key-figures__list .key-figure__label")[0]
    assert (text(label), label.get("lang")) == ("villages", "fr")
    others = doc.select(".key-figure__label")[1:]
    assert all(element.get("lang") is None for element in others)

    sectors = get(client, profile, "hy").select(".town-economy li")
    assert [(text(li), li.get("lang")) for li in sectors] == [
        ("Գյուղատնտեսություն", None),
        ("Pisciculture", "fr"),
        ("Հանքարդյունաբերություն", None),
    ]


def test_page_fields_left_untranslated_show_french_marked_lang_fr(client, profile):
    profile.official_name_hy = ""
    profile.shared_heritage_en = ""
    profile.save_revision().publish()
    official = get(client, profile, "hy").select_one(".town-facts dd")
    assert (text(official), official.get("lang")) == ("Communauté de communes de Masis", "fr")
    shared = get(client, profile, "en").select_one(".town-twinning p")
    assert shared["lang"] == "fr"
    assert get(client, profile, "fr").select_one(".town-twinning p").get("lang") is None


# --- Locator map ---------------------------------------------------------------------------


def marker_position(doc):
    circle = doc.select_one(".locator-map svg circle")
    return float(circle["cx"]), float(circle["cy"])


@pytest.mark.parametrize("language", ["fr", "en", "hy"])
def test_locator_map_is_drawn_in_the_page_with_a_text_alternative(client, profile, language):
    doc = get(client, profile, language)
    figure = doc.select_one("figure.locator-map__figure")
    svg = figure.find("svg")
    assert svg["role"] == "img"
    caption = figure.find("figcaption")
    assert svg["aria-labelledby"] == caption["id"]
    with translation.override(language):
        town, capital, border = profile.main_town, profile.capital, profile.border_country
    labels = [text(t) for t in svg.find_all("text")]
    assert {town, capital, border} <= set(labels)
    for name in (town, capital, border):
        assert name in text(caption)
    schematic = {"fr": "schématique", "en": "schematic", "hy": "սխեմատիկ"}[language]
    assert schematic in text(caption)
    # Coordinates are written for SVG (decimal point), whatever the page's language.
    assert all("," not in value for value in (svg.find("circle")["cx"], svg["viewbox"]))


def test_locator_map_places_the_town_from_its_stored_coordinates(client, profile):
    x, y = marker_position(get(client, profile, "fr"))
    capital = get(client, profile, "fr").select_one(".locator-map svg rect[transform]")
    # Yerevan is north of Masis: its marker is drawn higher.
    assert float(capital["y"]) < y
    profile.capital_latitude = 39.9
    profile.save_revision().publish()
    capital = get(client, profile, "fr").select_one(".locator-map svg rect[transform]")
    assert float(capital["y"]) > marker_position(get(client, profile, "fr"))[1]
    profile.latitude, profile.longitude = None, None
    profile.save_revision().publish()
    assert get(client, profile, "fr").select_one(".locator-map") is None


def test_border_is_drawn_between_the_town_and_the_neighbouring_country(client, profile):
    svg = get(client, profile, "en").select_one(".locator-map svg")
    _x, town_y = marker_position(svg)
    border = svg.find("polyline")
    assert border["stroke-dasharray"]
    label = next(t for t in svg.find_all("text") if text(t) == "Turkey (Türkiye)")
    points = [tuple(map(float, p.split(","))) for p in border["points"].split()]
    assert len(points) >= 5
    # The country's name sits beyond the line, seen from the town.
    lx, ly = float(label["x"]), float(label["y"])
    line_y = next(
        a[1] + (b[1] - a[1]) * (lx - a[0]) / (b[0] - a[0])
        for a, b in zip(points, points[1:], strict=False)
        if a[0] <= lx <= b[0]
    )
    assert town_y < line_y < ly


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("fr", "Voir sur OpenStreetMap"),
        ("en", "View on OpenStreetMap"),
        ("hy", "Դիտել OpenStreetMap-ում"),  # the name marked lang="en" (checked below)
    ],
)
def test_openstreetmap_link_opens_the_stored_coordinates(client, profile, language, label):
    link = get(client, profile, language).select_one(".locator-map__link a")
    assert link.get_text() == label
    assert link.find("span", lang="en").get_text() == "OpenStreetMap"
    url = urlsplit(link["href"])
    assert (url.scheme, url.hostname) == ("https", "www.openstreetmap.org")
    query = parse_qs(url.query)
    assert query == {"mlat": ["40.0676"], "mlon": ["44.4356"]}
    assert url.fragment == "map=12/40.0676/44.4356"


def test_the_page_requests_nothing_from_another_host(client, profile):
    doc = get(client, profile, "fr")
    for tag, attribute in (("img", "src"), ("script", "src"), ("link", "href"), ("iframe", "src")):
        for element in doc.find_all(tag, attrs={attribute: True}):
            if tag == "link" and set(element.get("rel", [])) & {"alternate", "canonical"}:
                continue
            host = urlsplit(element[attribute]).hostname
            assert host in (None, "testserver"), element


# --- Structured data -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "name", "region", "country"),
    [
        ("fr", "Communauté de communes de Masis", "province d’Ararat", "Arménie"),
        ("en", "Masis Community", "Ararat Province", "Armenia"),
        ("hy", "Մասիս համայնք", "Արարատի մարզ", "Հայաստան"),
    ],
)
def test_json_ld_describes_the_town_in_the_page_language(
    client, profile, language, name, region, country
):
    data = json_ld(get(client, profile, language), of_type=("City", "Place"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "City"
    assert data["name"] == name
    assert "Մասիս" in data["alternateName"]
    assert name not in data["alternateName"]
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 40.0676, "longitude": 44.4356}
    assert data["containedInPlace"]["name"] == region
    assert data["containedInPlace"]["containedInPlace"] == {"@type": "Country", "name": country}
    assert urlsplit(data["url"]).path == page_url(profile, language)


def test_json_ld_cannot_be_broken_out_of_by_page_text(client, profile):
    profile.introduction_fr = 'Masis </script><script>alert("x")</script>'
    profile.save_revision().publish()
    doc = get(client, profile, "fr")
    assert not doc.find(
        "script", string=re.compile("alert"), type=lambda t: t != "application/ld+json"
    )
    assert json_ld(doc, of_type=("City", "Place"))["description"] == profile.introduction_fr


def test_api_gives_the_figures_in_the_requested_language(client, profile):
    data = client.get(f"/api/v2/pages/{profile.pk}/?locale=hy").json()
    assert (data["official_name"], data["latitude"], data["longitude"]) == (
        "Մասիս համայնք",
        40.0676,
        44.4356,
    )
    tumo = data["key_figures"][-1]
    assert (tumo["value"], tumo["status"]) == (1, "կառուցման փուլում")
    assert [f["approximate"] for f in data["key_figures"]] == [False, True, False, False, False]
    assert [s["name"] for s in data["economic_sectors"]][1] == "Ձկնաբուծություն"
    assert (data["twinning_date"], data["twinning_date_precision"]) == ("2024-09-01", "month")


# --- Body ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", f"près de 12{NNBSP}000 élèves"), ("en", "about 12,000 pupils")],
)
def test_key_figure_callout_in_the_body(client, profile, language, expected):
    label = {"fr": "élèves", "en": "pupils"}[language]
    setattr(
        profile,
        f"body_{language}",
        json.dumps(
            [
                {"type": "paragraph", "value": "<p>Les écoles.</p>"},
                {
                    "type": "key_figure",
                    "value": {"value": 12000, "approximate": True, "label": label},
                },
            ]
        ),
    )
    profile.save_revision().publish()
    callout = get(client, profile, language).select_one(".prose .key-figure")
    assert text(callout) == expected


def test_hero_image_is_shown_with_its_alternative_text(client, profile, media_in_tmp):
    profile.hero_image = make_image()
    profile.hero_image_alt_fr = "La place centrale de Masis"
    profile.save_revision().publish()

    hero = get(client, profile, "fr").select_one("img.town-profile__hero")
    assert hero["alt"] == "La place centrale de Masis"
    assert hero.get("lang") is None
    assert hero["width"].isdigit() and hero["height"].isdigit()
    hero_en = get(client, profile, "en").select_one("img.town-profile__hero")
    assert (hero_en["alt"], hero_en["lang"]) == ("La place centrale de Masis", "fr")


# --- Seed --------------------------------------------------------------------------------------


def test_seed_creates_the_rows_once_and_keeps_staff_edits(profile):
    from django.core.management import call_command

    figures = list(profile.key_figures.values_list("pk", flat=True))
    sectors = EconomicSector.objects.filter(page=profile).count()
    assert len(figures) == 5 and sectors == 3
    # In the seed's order, explicitly: unordered rows would sort differently by database.
    assert list(profile.key_figures.values_list("sort_order", flat=True)) == [0, 1, 2, 3, 4]
    assert list(profile.economic_sectors.values_list("sort_order", flat=True)) == [0, 1, 2]
    inhabitants = profile.key_figures.get(approximate=True)
    inhabitants.value = 101000
    inhabitants.save()

    call_command("load_masis_content", verbosity=0)

    assert list(TownProfilePage.objects.get().key_figures.values_list("pk", flat=True)) == figures
    assert EconomicSector.objects.count() == sectors
    assert KeyFigure.objects.get(pk=inhabitants.pk).value == 101000


def test_the_cooperation_lists_follow_each_publication_at_once(client, profile):
    """The lists' rankings are kept until the next content change: each change shows at once."""
    import datetime

    from partners.models import PartnerIndexPage, PartnerKind, PartnerPage
    from timeline.models import CooperationEventPage, TimelinePage
    from timeline.places import Place

    get(client, profile, "fr")  # the rankings are now computed and kept
    partner = PartnerPage(
        title_fr="Association des jardins de Masis",
        slug_fr="jardins-de-masis",
        kind=PartnerKind.objects.first(),
    )
    PartnerIndexPage.objects.get().add_child(instance=partner)
    event = CooperationEventPage(
        title_fr="Plantation du verger de l’amitié",
        slug_fr="verger-amitie",
        start_date=datetime.date.today(),
        place=Place.MASIS,
        summary_fr="Des arbres fruitiers plantés par les deux villes.",
    )
    TimelinePage.objects.get().add_child(instance=event)
    event.partners.set([partner])
    event.save_revision().publish()

    doc = get(client, profile, "fr")
    assert text(doc.select_one(".town-events__list li")).endswith(
        "Plantation du verger de l’amitié"
    )
    assert text(doc.select_one(".town-partners__list li")).startswith(
        "Association des jardins de Masis"
    )

    partner.unpublish()
    doc = get(client, profile, "fr")
    assert "Association des jardins de Masis" not in text(doc.select_one(".town-partners__list"))
    event.unpublish()
    assert "verger" not in text(get(client, profile, "fr").select_one(".town-events__list"))
