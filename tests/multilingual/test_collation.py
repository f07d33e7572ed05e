"""Alphabetical order in each language (issue #20): accents ignored in French, Armenian in its own
alphabet and before Latin names on Armenian pages."""

import pytest

from masis.multilingual.collation import collation_key, sorted_by_name

from ..helpers import html


def test_french_ignores_accents_and_case():
    themes = ["Santé", "Éducation", "culture", "Humanitaire", "Jeunesse"]
    assert sorted_by_name(themes, language="fr") == [
        "culture",
        "Éducation",
        "Humanitaire",
        "Jeunesse",
        "Santé",
    ]
    assert sorted_by_name(["cœur", "cote", "côte", "cotes"], language="fr")[-1] == "cotes"


def test_words_sort_before_longer_words():
    names = ["Aixois", "Aix-en-Provence", "Aix en Provence", "Aix"]
    assert sorted_by_name(names, language="en")[0] == "Aix"
    assert sorted_by_name(names, language="en")[-1] == "Aixois"


def test_quotes_before_the_first_letter_are_ignored():
    assert sorted_by_name(["«Zorba»", "Alpha"], language="fr") == ["Alpha", "«Zorba»"]


# The Eastern Armenian alphabet, in order: Unicode's order but for «և», encoded after «ֆ».
ARMENIAN_ALPHABET = "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքևօֆ"


def test_armenian_letters_follow_the_alphabet():
    letters = list(ARMENIAN_ALPHABET)
    shuffled = sorted(letters, key=ord)
    assert shuffled != letters  # code point order puts «և» last
    assert sorted_by_name(shuffled, language="hy") == letters
    assert sorted_by_name([c.upper() for c in "օքֆա"], language="hy") == ["Ա", "Ք", "Օ", "Ֆ"]


def test_armenian_comes_first_on_armenian_pages_and_last_elsewhere():
    names = ["Montperrin հիվանդանոցային կենտրոն", "Էքս-ան-Պրովանս քաղաք", "Médecins du Monde"]
    assert sorted_by_name(names, language="hy") == [
        "Էքս-ան-Պրովանս քաղաք",
        "Médecins du Monde",
        "Montperrin հիվանդանոցային կենտրոն",
    ]
    assert sorted_by_name(names, language="fr")[-1] == "Էքս-ան-Պրովանս քաղաք"


def test_equal_keys_keep_a_stable_order():
    assert collation_key("Cote", "fr") != collation_key("côte", "fr")
    assert collation_key("Cote", "fr")[0] == collation_key("côte", "fr")[0]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "/fr/cooperation/",
            ["Culture", "Éducation", "Humanitaire", "Jeunesse", "Relations institutionnelles"],
        ),
        ("/en/cooperation/", ["Culture", "Education", "Health", "Humanitarian"]),
    ],
)
def test_the_theme_filter_is_in_alphabetical_order(client, seeded, url, expected):
    doc = html(client.get(url))
    select = doc.find("select", attrs={"name": "theme"})
    options = [option.get_text(strip=True) for option in select.find_all("option")[1:]]
    assert options[: len(expected)] == expected
    assert options == sorted(options, key=lambda name: collation_key(name, url[1:3]))


def test_an_events_partners_are_in_the_alphabetical_order_of_the_page(client, seeded):
    url = "/en/cooperation/winner-armenia-2025-call-for-projects/"
    doc = html(client.get(url))
    names = [li.get_text(" ", strip=True) for li in doc.find(class_="event-partners")("li")]
    assert names.index("Médecins du Monde (Doctors of the World)") < names.index(
        "Montperrin Hospital"
    )
