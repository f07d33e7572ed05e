"""The seed's seven partners: present in fr/en/hy, named as the glossary names them (the TUMO
school being built in Masis is one of the town profile's figures, not a partner)."""

import pytest
from django.utils import translation

from masis.multilingual.languages import LANGUAGE_CODES
from masis.multilingual.links import page_url
from partners import seed as partners_seed

from ..factories import seeded_partner
from ..helpers import html

PARTNER_KEYS = [partner["key"] for partner in partners_seed.data("partners")["partners"]]

# The glossary's names (glossary.md), as each language's page must show them.
GLOSSARY_NAMES = {
    "partner-aix": {"fr": "Ville d’Aix-en-Provence", "en": "City of Aix-en-Provence"},
    "partner-masis": {
        "fr": "Communauté de communes de Masis",
        "en": "Masis Community",
        "hy": "Մասիս համայնք",
    },
    "partner-undp": {
        "fr": "Programme des Nations unies pour le développement",
        "en": "United Nations Development Programme",
        "hy": "ՄԱԿ-ի զարգացման ծրագիր",
    },
    "partner-dctciv": {
        "fr": "Délégation pour les collectivités territoriales et la société civile",
    },
    "partner-mdm": {
        "fr": "Médecins du Monde",
        "en": "Médecins du Monde (Doctors of the World)",
        "hy": "Médecins du Monde («Աշխարհի բժիշկներ»)",
    },
    "partner-montperrin": {"fr": "Centre hospitalier Montperrin"},
    "partner-ccas": {"fr": "CCAS d’Aix-en-Provence"},
}


def test_the_seed_creates_the_seven_partners_of_the_brief(seeded):
    assert set(PARTNER_KEYS) == set(GLOSSARY_NAMES)
    partners = [seeded_partner(key) for key in PARTNER_KEYS]
    assert all(partner.live for partner in partners)
    assert {partner.get_parent().specific.slug_fr for partner in partners} == {"partenaires"}


@pytest.mark.parametrize("key", PARTNER_KEYS)
@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_each_partner_page_answers_in_each_language(client, seeded, key, language):
    partner = seeded_partner(key)
    url = page_url(partner, language)
    assert url.startswith(f"/{language}/")
    response = client.get(url)
    assert response.status_code == 200
    doc = html(response)
    with translation.override(language):
        title = partner.title
    assert doc.h1.get_text() == title
    expected = GLOSSARY_NAMES[key].get(language)
    if expected:
        assert title == expected
    # The partner is on the index in the same language, linking to this URL.
    index = html(client.get(page_url(partner.get_parent(), language)))
    assert index.find("a", href=url) is not None


def test_short_names_follow_the_glossary(client, seeded):
    undp = seeded_partner("partner-undp")
    for language, acronym in {"fr": "PNUD", "en": "UNDP", "hy": "ՄԱԶԾ"}.items():
        facts = html(client.get(page_url(undp, language))).find("dl", class_="partner__facts")
        short_name = facts.find("dd")
        assert short_name.get_text() == acronym
        assert short_name.get("lang") is None


@pytest.mark.parametrize("key", ["partner-dctciv", "partner-ccas"])
@pytest.mark.parametrize("language", ["en", "hy"])
def test_french_acronym_without_translation_is_marked_french(client, seeded, key, language):
    partner = seeded_partner(key)
    facts = html(client.get(page_url(partner, language))).find("dl", class_="partner__facts")
    short_name = facts.find("dd")
    assert short_name.get_text() == partner.short_name_fr
    assert short_name["lang"] == "fr"


def test_latin_names_inside_armenian_are_marked_french(client, seeded):
    doc = html(client.get(page_url(seeded_partner("partner-mdm"), "hy")))
    assert doc.h1.get("lang") is None  # the heading is Armenian…
    latin = doc.h1.find("span", lang="fr")  # …quoting the French name
    assert latin.get_text() == "Médecins du Monde"
    assert "Աշխարհի բժիշկներ" in doc.h1.get_text()

    doc = html(client.get(page_url(seeded_partner("partner-montperrin"), "hy")))
    assert doc.h1.find("span", lang="fr").get_text() == "Montperrin"

    doc = html(client.get(page_url(seeded_partner("partner-mdm"), "en")))
    assert doc.h1.find("span", lang="fr").get_text() == "Médecins du Monde"

    # And inside the rich text of an Armenian role.
    role = html(client.get(page_url(seeded_partner("partner-dctciv"), "hy"))).find(
        "section", attrs={"aria-labelledby": "partner-role"}
    )
    assert {span.get_text() for span in role.find_all("span", lang="fr")} >= {
        "Médecins du Monde",
        "Montperrin",
        "CCAS",
    }


def test_only_the_websites_the_glossary_gives_are_set(seeded):
    websites = {key: seeded_partner(key).website for key in PARTNER_KEYS}
    assert websites.pop("partner-aix") == "https://www.aixenprovence.fr/"
    assert websites.pop("partner-masis") == "https://masiscity.am/"
    assert set(websites.values()) == {""}


def test_every_seeded_text_is_filled_in_three_languages_or_falls_back_on_purpose(seeded):
    for key in PARTNER_KEYS:
        partner = seeded_partner(key)
        for field in ("title", "description", "role", "city", "country"):
            if field != "title" and not getattr(partner, f"{field}_fr"):
                continue
            for language in LANGUAGE_CODES:
                assert getattr(partner, f"{field}_{language}"), (key, field, language)


def test_partners_are_grouped_under_the_kinds_of_the_brief(seeded):
    kinds = {key: seeded_partner(key).kind.identifier for key in PARTNER_KEYS}
    assert kinds == {
        "partner-aix": "local-authority",
        "partner-masis": "local-authority",
        "partner-undp": "un-agency",
        "partner-dctciv": "state-body",
        "partner-mdm": "ngo",
        "partner-montperrin": "hospital",
        "partner-ccas": "social-services",
    }
