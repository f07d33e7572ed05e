"""The page editor in the translator's language: the switcher, the French beside each field,
no required-field asterisk on optional fields."""

import json

import pytest

from masis.multilingual.languages import AUTONYMS

from ..factories import standard_page
from ..helpers import html


@pytest.fixture
def page(seeded):
    return standard_page(seeded, "editeur", introduction={"fr": "Le texte français à traduire."})


def test_the_switcher_is_named_in_the_admins_language(translator, page):
    doc = html(translator.get(f"/admin/pages/{page.pk}/edit/"))
    switcher = json.loads(doc.find(id="masis-language-switcher").string)
    assert switcher == {"heading": "Afficher les champs en", "names": AUTONYMS}
    assert doc.find("script", src=lambda src: src and "editorial/translations" in src)


def test_the_french_text_is_shown_beside_each_field_to_translate(translator, page):
    doc = html(translator.get(f"/admin/pages/{page.pk}/edit/"))
    for code in ("en", "hy"):
        field = doc.find("textarea", attrs={"name": f"introduction_{code}"})
        wrapper = field.find_parent(attrs={"data-field-wrapper": True}) or field.parent.parent
        source = wrapper.find_next("details", class_="translation-source")
        assert source.find(attrs={"lang": "fr"}).get_text(strip=True) == (
            "Le texte français à traduire."
        )


def test_optional_translated_fields_have_no_required_asterisk(translator, page):
    doc = html(translator.get(f"/admin/pages/{page.pk}/edit/"))
    assert doc.find("input", attrs={"name": "title_fr"})["placeholder"].endswith("*")
    for code in ("en", "hy"):
        placeholder = doc.find("input", attrs={"name": f"title_{code}"}).get("placeholder", "")
        assert placeholder and not placeholder.endswith("*")
