"""The partner index: grouped by kind, filterable with ?kind=, logos as responsive renditions or
monograms, and a constant number of SQL queries however many partners there are."""

from urllib.parse import unquote

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masis.multilingual.links import page_url
from partners.models import PartnerIndexPage, PartnerKind, PartnerPage

from ..factories import make_logo, make_partner
from ..helpers import html


@pytest.fixture
def index(seeded):
    return PartnerIndexPage.objects.get()


pytestmark = pytest.mark.usefixtures("media_in_tmp")


def url_of(index, language="fr", query=""):
    return page_url(index, language) + query


def text_of(element):
    return " ".join(element.get_text().split())


def groups(response):
    """{kind heading: [partner names]} in page order."""
    return {
        text_of(section.h2): [
            text_of(h3) for h3 in section.find_all("h3", class_="partner-card__name")
        ]
        for section in html(response).find_all("section", class_="partner-group")
    }


def card_of(response, name):
    for card in html(response).find_all("li", class_="partner-card"):
        if text_of(card.h3) == name:
            return card
    raise AssertionError(f"no card for {name}")


def test_partners_are_grouped_by_kind_in_the_kinds_order(client, index):
    found = groups(client.get(url_of(index, "en")))
    kinds = [kind for kind in PartnerKind.objects.all() if kind.partners.exists()]
    with_partners = [kind.name_plural_en for kind in kinds]
    assert list(found) == with_partners
    assert found["Local authorities"] == ["City of Aix-en-Provence", "Masis Community"]
    assert found["NGOs"] == ["Médecins du Monde (Doctors of the World)"]
    assert sum(len(names) for names in found.values()) == PartnerPage.objects.live().count()


def test_kind_filter_shows_only_that_kind(client, index):
    response = client.get(url_of(index, "fr", "?kind=hospital"))
    assert response.status_code == 200
    assert groups(response) == {"Établissements de santé": ["Centre hospitalier Montperrin"]}
    nav = html(response).find("nav", class_="partner-filter")
    current = nav.find("a", attrs={"aria-current": "page"})
    assert current["href"].endswith("?kind=hospital")


def test_repeated_kind_keys_select_several_kinds(client, index):
    response = client.get(url_of(index, "en", "?kind=ngo&kind=hospital&kind=ngo"))
    assert response.status_code == 200
    assert groups(response) == {
        "NGOs": ["Médecins du Monde (Doctors of the World)"],
        "Hospitals": ["Montperrin Hospital"],
    }


def test_filter_links_list_only_kinds_with_partners_and_keep_the_language(client, index):
    nav = html(client.get(url_of(index, "hy"))).find("nav", class_="partner-filter")
    hrefs = [unquote(a["href"]) for a in nav.find_all("a")]
    assert hrefs[0] == unquote(url_of(index, "hy"))
    assert all(href.startswith("/hy/գործընկերներ/") for href in hrefs)
    assert "/hy/գործընկերներ/?kind=cultural-venue" not in hrefs  # seeded, but no partner yet
    for href in hrefs[1:]:
        assert client.get(href).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "?kind=unicorn",
        "?kind=ngo&kind=unicorn",
        "?kind=%00",
        "?kind=" + "x" * 5000,
        "?kind=%E2%80%AE%3Cscript%3E",
        "?kind=NGO",
        "?kind[]=ngo&kind=1%27%20OR%201=1",
    ],
)
def test_unknown_kind_is_a_404_with_a_message_never_a_500(client, index, query):
    response = client.get(url_of(index, "en", query))
    assert response.status_code == 404
    doc = html(response)
    notice = doc.find(class_="partner-notice")
    assert "There is no kind of partner called" in notice.get_text()
    assert "<script>" not in response.content.decode()
    assert len(notice.get_text()) < 300
    # The page still offers every kind, and the directory.
    assert doc.find("nav", class_="partner-filter") is not None
    assert groups(response)


@pytest.mark.parametrize("query", ["?kind=", "?kind=%20", "?other=1", "?kind=&kind="])
def test_empty_kind_shows_everyone(client, index, query):
    response = client.get(url_of(index, "fr", query))
    assert response.status_code == 200
    assert sum(len(names) for names in groups(response).values()) == 7


def test_a_known_kind_with_no_partner_says_so(client, index):
    response = client.get(url_of(index, "en", "?kind=cultural-venue"))
    assert response.status_code == 200
    assert groups(response) == {}
    assert "No partner of this kind is listed yet." in response.content.decode()


def test_a_partner_without_logo_gets_a_monogram_not_an_image(client, index):
    card = card_of(
        client.get(url_of(index, "fr")), "Programme des Nations unies pour le développement"
    )
    assert card.find("img") is None
    monogram = card.find("svg", class_="monogram")
    assert monogram["aria-hidden"] == "true"
    assert monogram.get_text() == "PNUD"
    card = card_of(client.get(url_of(index, "en")), "United Nations Development Programme")
    assert card.find("svg", class_="monogram").get_text() == "UNDP"
    card = card_of(client.get(url_of(index, "fr")), "Ville d’Aix-en-Provence")
    assert card.find("svg", class_="monogram").get_text() == "VA"


def test_a_logo_is_a_picture_with_avif_webp_and_png_fallback(client, index):
    make_partner("Théâtre des essais", logo=make_logo("Théâtre", size=(600, 300)))
    card = card_of(client.get(url_of(index, "en")), "Théâtre des essais")
    assert card.find("svg") is None
    picture = card.find("picture")
    sources = picture.find_all("source")
    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
    source = sources[1]
    for each in sources:
        assert [part.split()[1] for part in each["srcset"].split(", ")] == ["112w", "224w"]
    img = picture.find("img")
    assert img["src"].endswith(".png")
    assert (img["width"], img["height"]) == ("112", "56")
    assert img["loading"] == "lazy"
    assert img["sizes"] == source["sizes"]
    # The alt text is French only: on the English page it is marked as French.
    assert img["alt"] == "Logo de Théâtre des essais"
    assert img["lang"] == "fr"
    for url in [img["src"], *(part.split()[0] for part in source["srcset"].split(", "))]:
        assert url.startswith("/media/images/")


def test_a_logo_whose_file_is_missing_falls_back_to_the_monogram(client, index):
    logo = make_logo("Perdu")
    make_partner("Logo perdu", logo=logo)
    logo.file.delete(save=False)
    card = card_of(client.get(url_of(index, "fr")), "Logo perdu")
    assert card.find("img") is None
    assert card.find("svg", class_="monogram").get_text() == "LP"


def add_partners(count, start=0):
    kinds = list(PartnerKind.objects.all())
    for number in range(start, start + count):
        make_partner(
            f"Partenaire {number:03d}",
            kind=kinds[number % len(kinds)],
            logo=make_logo(f"Logo {number:03d}", size=(160, 80)) if number % 2 else None,
            city_fr="Aix-en-Provence",
            short_name_fr=f"P{number}",
        )


def test_index_queries_do_not_grow_with_the_number_of_partners(
    client, index, django_assert_num_queries
):
    PartnerPage.objects.update(live=False)  # only the partners made here
    add_partners(8)
    url = url_of(index, "fr")
    client.get(url)  # generates the renditions once, as the first visitor would
    cache.clear()  # measured with a cold cache (the test cache may evict entries at random)
    with CaptureQueriesContext(connection) as with_8:
        response = client.get(url)
    queries_with_8 = [query["sql"] for query in with_8.captured_queries]
    assert len(html(response).find_all("li", class_="partner-card")) == 8

    add_partners(192, start=8)
    client.get(url)  # renditions of the new logos
    cache.clear()
    with django_assert_num_queries(len(queries_with_8)):
        response = client.get(url)
    doc = html(response)
    assert len(doc.find_all("li", class_="partner-card")) == 200
    assert len(doc.find_all("picture")) == 100
    assert len(queries_with_8) <= 30, queries_with_8
