"""A partner's page: the organisation, its role, and schema.org data for search engines."""

import pytest

from masis.multilingual.links import page_url
from partners.models import PartnerKind, monogram_letters

from ..factories import make_logo, make_partner, seeded_partner
from ..helpers import html, json_ld

pytestmark = pytest.mark.usefixtures("media_in_tmp")


@pytest.mark.parametrize(
    ("key", "schema_type"),
    [
        ("partner-aix", "GovernmentOrganization"),
        ("partner-masis", "GovernmentOrganization"),
        ("partner-dctciv", "GovernmentOrganization"),
        ("partner-ccas", "GovernmentOrganization"),
        ("partner-mdm", "NGO"),
        ("partner-montperrin", "Hospital"),
        ("partner-undp", "Organization"),
    ],
)
def test_json_ld_gives_the_organisation_type_of_its_kind(client, seeded, key, schema_type):
    data = json_ld(client.get(page_url(seeded_partner(key), "fr")), id_ending="#organization")
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == schema_type


def test_json_ld_describes_the_partner_in_the_page_language(client, seeded):
    masis = seeded_partner("partner-masis")
    data = json_ld(client.get(page_url(masis, "hy")), id_ending="#organization")
    assert data["name"] == "Մասիս համայնք"
    assert data["url"] == "https://masiscity.am/"
    assert data["mainEntityOfPage"].endswith(page_url(masis, "hy"))
    assert data["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Մասիս",
        "addressCountry": "Հայաստան",
    }
    assert data["description"].startswith("Մասիս համայնքը սահմանակից է Թուրքիային")

    undp = json_ld(
        client.get(page_url(seeded_partner("partner-undp"), "en")), id_ending="#organization"
    )
    assert undp["alternateName"] == "UNDP"
    assert "address" not in undp  # the seed gives no address: none is invented
    assert undp["url"].endswith(page_url(seeded_partner("partner-undp"), "en"))


def test_json_ld_cannot_be_broken_out_of_by_a_title(client, seeded):
    partner = make_partner("Les </script><script>alert(1)</script> & co")
    response = client.get(page_url(partner, "fr"))
    body = response.content.decode()
    assert "<script>alert(1)" not in body
    assert json_ld(response, id_ending="#organization")["name"] == partner.title


def test_page_shows_description_role_and_facts(client, seeded):
    doc = html(client.get(page_url(seeded_partner("partner-masis"), "en")))
    assert doc.find(class_="partner__kind").get_text() == "Local authority"
    about = doc.find("section", attrs={"aria-labelledby": "partner-about"})
    # The figures are the town profile's: the description links there rather than copy them.
    assert about.find("a", href="/en/masis/").get_text() == "Masis, our twin town"
    assert "26" not in about.get_text()
    role = doc.find("section", attrs={"aria-labelledby": "partner-role"})
    assert "Twinned with Aix-en-Provence since September 2024" in role.get_text()
    facts = doc.find("dl", class_="partner__facts")
    assert facts.find("a", href="https://masiscity.am/").get_text() == "masiscity.am"
    assert " ".join(facts.find("dd").get_text().split()) == "Masis, Armenia"
    headings = [h.name for h in doc.main.find_all(["h1", "h2", "h3"])]
    assert headings[0] == "h1" and "h3" not in headings


def test_a_field_left_in_french_is_marked_on_the_english_page(client, seeded):
    partner = make_partner("Association des Arméniens", city_fr="Marseille", country_fr="France")
    partner.title_en = "Armenians' Association"
    partner.save_revision().publish()
    doc = html(client.get(page_url(partner, "en")))
    assert doc.h1.get("lang") is None
    place = doc.find("dl", class_="partner__facts").find("dd")
    assert [span["lang"] for span in place.find_all("span")] == ["fr", "fr"]


def test_partner_page_without_logo_shows_its_monogram(client, seeded):
    doc = html(client.get(page_url(seeded_partner("partner-montperrin"), "fr")))
    header = doc.find("header", class_="partner__header")
    assert header.find("img") is None
    assert header.find("svg", class_="monogram").get_text() == "CHM"


def test_partner_page_with_logo_shows_the_picture_and_gives_it_to_search_engines(client, seeded):
    partner = make_partner(
        "Musée des essais",
        kind=PartnerKind.objects.get(identifier="cultural-venue"),
        logo=make_logo("Musée", size=(400, 400)),
        logo_alt_text_en="Logo of the museum",
    )
    response = client.get(page_url(partner, "en"))
    header = html(response).find("header", class_="partner__header")
    img = header.find("picture").find("img")
    assert img["alt"] == "Logo of the museum"
    assert img.get("lang") is None
    assert (img["width"], img["height"]) == ("112", "112")
    logo_url = json_ld(response, id_ending="#organization")["logo"]
    assert logo_url.startswith("http://testserver/media/images/")
    assert logo_url.endswith(".png")


@pytest.mark.parametrize(
    ("short_name", "name", "letters"),
    [
        ("PNUD", "Programme des Nations unies pour le développement", "PNUD"),
        ("", "Ville d’Aix-en-Provence", "VA"),
        ("", "Communauté de communes de Masis", "CCM"),
        ("", "Médecins du Monde (Doctors of the World)", "MM"),
        ("Թումո", "«Թումո» ստեղծարար տեխնոլոգիաների կենտրոն", "ԹՈՒՄՈ"),
        ("", "Մասիս համայնք", "ՄՀ"),
        ("A very long short name", "The Organisation of Things and Stuff", "OTS"),
        ("", "", "?"),
    ],
)
def test_monogram_letters(short_name, name, letters):
    assert monogram_letters(short_name, name) == letters


def test_the_api_gives_partners_with_their_kind_and_logo(client, seeded):
    make_partner("Musée de l’API", logo=make_logo("API", size=(300, 300)))
    response = client.get("/api/v2/pages/?type=partners.PartnerPage&fields=*&limit=50")
    assert response.status_code == 200
    items = {item["title"]: item for item in response.json()["items"]}
    assert items["Médecins du Monde"]["kind"] == "ngo"
    assert items["Communauté de communes de Masis"]["website"] == "https://masiscity.am/"
    logo = items["Musée de l’API"]["logo"]
    assert logo["url"].endswith(".png") and (logo["width"], logo["height"]) == (224, 224)
