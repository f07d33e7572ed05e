"""The seed content is data: a TOML file per section beside each app's loader, every text in
fr/en/hy, every object under the key the loader records it by; loading it again creates nothing."""

import json
import re
import tomllib
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.fields import RichTextField, StreamField

from masis.core.seeding import Loader, body_stream, is_translated, rich_text
from masis.multilingual.languages import LANGUAGE_CODES
from pages.models import SeedRecord

from ..helpers import live_pages

SEED_FILES = sorted(
    path for app in apps.get_app_configs() for path in Path(app.path).glob("seed/*.toml")
)

# Texts the seed gives in French only, on purpose: the page shows the French, marked lang="fr".
FRENCH_ONLY = {
    ("partner-dctciv", "short_name"),
    ("partner-ccas", "short_name"),
    ("accessibility-statement", "feedback_postal_address"),
    # The legal notice's [settings] (a setting, not an object under a key): a French address.
    (None, "publisher_address"),
}


def read(path):
    with path.open("rb") as file:
        return tomllib.load(file)


def keyed_tables(value):
    """Every table with a ``key`` (an object the loader creates), however deep."""
    if isinstance(value, dict):
        if "key" in value:
            yield value
        for item in value.values():
            yield from keyed_tables(item)
    elif isinstance(value, list):
        for item in value:
            yield from keyed_tables(item)


def translated_fields(value, owner=None):
    """(key of the object it belongs to, field name, {language: value}) for every text."""
    if isinstance(value, list):
        for item in value:
            yield from translated_fields(item, owner)
    elif isinstance(value, dict):
        owner = value.get("key", owner)
        for name, item in value.items():
            if is_translated(item):
                yield owner, name, item
            else:
                yield from translated_fields(item, owner)


def seed_keys():
    return [table["key"] for path in SEED_FILES for table in keyed_tables(read(path))]


def shape(value):
    """What must be alike in every language: paragraphs, lists, headings, links, lines."""
    if isinstance(value, str):
        return ("text", value.count("\n"))
    if isinstance(value, list):
        return [shape(item) for item in value]
    if isinstance(value, dict):
        return {
            name: item if name in ("type", "page", "level") else shape(item)
            for name, item in value.items()
        }
    return type(value).__name__


def texts(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | dict):
        for item in value.values() if isinstance(value, dict) else value:
            yield from texts(item)


def test_every_app_with_a_loader_has_its_seed_files():
    assert {path.parent.parent.name for path in SEED_FILES} == {
        "pages",
        "timeline",
        "partners",
        "institutional",
    }


@pytest.mark.parametrize(
    "path", SEED_FILES, ids=lambda path: f"{path.parent.parent.name}/{path.name}"
)
def test_each_seed_file_parses_and_says_how_to_edit_it(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert "How to edit this file" in text and "never overwrites" in text
    assert read(path)


@pytest.mark.parametrize(
    "path", SEED_FILES, ids=lambda path: f"{path.parent.parent.name}/{path.name}"
)
def test_every_text_is_given_in_french_english_and_armenian(path):
    fields = list(translated_fields(read(path)))
    assert fields
    for owner, name, by_language in fields:
        where = f"{owner}: {name}"
        if (owner, name) in FRENCH_ONLY:
            assert set(by_language) == {"fr"}, where
        else:
            assert set(by_language) == set(LANGUAGE_CODES), where
        for language, value in by_language.items():
            assert all(text.strip() for text in texts(value)), f"{where}.{language} is empty"
            assert shape(value) == shape(by_language["fr"]), f"{where}.{language} ≠ fr"


def test_each_key_names_one_object(db):
    keys = seed_keys()
    assert len(keys) == len(set(keys))


def test_every_seeded_object_comes_from_the_seed_files_under_its_key(seeded):
    assert set(SeedRecord.objects.values_list("key", flat=True)) == set(seed_keys())


def test_loading_the_seed_again_creates_nothing(seeded):
    output = StringIO()
    call_command("load_masis_content", stdout=output)
    assert f"Seed content: 0 created, {len(seed_keys())} already there." in output.getvalue()


def test_every_seeded_rich_text_is_paragraphs_and_lists(seeded):
    """No text outside a <p> or <ul> (an Armenian paragraph of the "Armenia 2025" event once
    was, because it began with a <span>)."""
    well_formed = re.compile(r"(<(p|ul)>.*?</\2>)+", re.S)
    checked = 0
    for page in live_pages():
        for field in page._meta.get_fields():
            value = getattr(page, field.name, None) if field.concrete else None
            if isinstance(field, StreamField):
                html = [
                    str(block.value.source) for block in value if block.block_type == "paragraph"
                ]
            elif isinstance(field, RichTextField):
                html = [value] if value else []
            else:
                continue
            for source in html:
                checked += 1
                assert well_formed.fullmatch(source), f"{page.slug}.{field.name}: {source[:80]}"
    assert checked > 100


def test_the_seed_rich_text_vocabulary(seeded):
    find_page = Loader(SeedRecord).existing
    personal_data = find_page("personal-data")
    link = {"type": "page_link", "page": "personal-data", "text": "Données personnelles"}
    parts = [
        "Un paragraphe.",
        {"type": "list", "items": ["un", "deux"]},
        ["Voir la page ", link, "."],
    ]
    assert rich_text(parts, find_page) == (
        "<p>Un paragraphe.</p><ul><li>un</li><li>deux</li></ul>"
        f'<p>Voir la page <a linktype="page" id="{personal_data.pk}">Données personnelles</a>.</p>'
    )
    # A link to a page that no longer exists (staff deleted it) leaves its text.
    personal_data.delete()
    assert rich_text([["Voir ", link]], find_page) == "<p>Voir Données personnelles</p>"
    blocks = [
        {"type": "heading", "text": "Éditeur"},
        '<span lang="fr">DCTCIV</span> : un paragraphe.',
        {"type": "paragraph", "content": ["Un.", "Deux."]},
    ]
    assert json.loads(body_stream(blocks)) == [
        {"type": "heading", "value": {"text": "Éditeur", "level": "h2"}},
        {"type": "paragraph", "value": '<p><span lang="fr">DCTCIV</span> : un paragraphe.</p>'},
        {"type": "paragraph", "value": "<p>Un.</p><p>Deux.</p>"},
    ]
    with pytest.raises(ValueError):
        rich_text([{"type": "heading", "text": "Not in a rich text field"}])
