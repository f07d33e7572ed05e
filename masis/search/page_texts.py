"""Keep search.PageText up to date: each page's words per language, as text search vectors.

A page's row holds its live content (drafts live in revisions), so whenever a page is saved
its vectors are rebuilt from the row, like Wagtail's own index. Being live and public is
checked when searching, so publishing, unpublishing and moving need nothing here. PostgreSQL
only: on SQLite, search.engine searches Wagtail's index instead.
"""

from django.contrib.postgres.search import SearchVector
from django.db import transaction
from django.db.models import TextField, Value
from django.db.models.signals import post_save
from django.utils import translation
from wagtail.fields import StreamField
from wagtail.models import Page

from masis.multilingual.languages import LANGUAGE_CODES

from .backends import TEXT_SEARCH_CONFIGS, uses_postgresql
from .engine import json_leaves, language_search_fields
from .models import PageText

# Text search weights: a page's title counts most (Wagtail boosts it), the rest alike.
TITLE_WEIGHT, TEXT_WEIGHT = "A", "B"


def field_text(page, name):
    """The words a visitor reads in one column of ``page``.

    For a StreamField, the text of its blocks' values: block type names and ids are not words
    of the page.
    """
    field = page._meta.get_field(name)
    value = getattr(page, name)
    if value is None:
        return ""
    if isinstance(field, StreamField):
        blocks = field.get_prep_value(value) or []
        leaves = (leaf for block in blocks for leaf in json_leaves(block.get("value")))
        return " ".join(leaf for leaf in leaves if isinstance(leaf, str))
    return str(value)


def filled_in(page, text):
    """``text`` with the page's ``{name}`` references filled in (``BasePage.fill_in``)."""
    fill_in = getattr(page, "fill_in", None)
    return fill_in(text) if fill_in else text


def page_vectors(page):
    """{language: SearchVector expression} of a specific page."""
    model = type(page)
    boosts = {field.field_name: field.boost for field in model.get_searchable_search_fields()}
    vectors = {}
    for language in LANGUAGE_CODES:
        config = TEXT_SEARCH_CONFIGS[language]
        weighted = {TITLE_WEIGHT: [], TEXT_WEIGHT: []}
        for name in language_search_fields(model, language):
            # wagtail-modeltranslation's per-language copies may not carry the boost.
            boost = boosts.get(name) or boosts.get(name.rsplit("_", 1)[0]) or 1
            with translation.override(language):  # the words visitors read: {villages} filled
                text = filled_in(page, field_text(page, name))
            weighted[TITLE_WEIGHT if boost > 1 else TEXT_WEIGHT].append(text)
        parts = [
            SearchVector(Value(" ".join(texts), output_field=TextField()), config=config, weight=w)
            for w, texts in weighted.items()
        ]
        vectors[language] = parts[0] + parts[1]
    return vectors


def index_page(page):
    if not uses_postgresql():
        return
    with transaction.atomic():
        for language, vector in page_vectors(page).items():
            PageText.objects.update_or_create(
                page_id=page.pk, language=language, defaults={"vector": vector}
            )


def index_all_pages(pages=None):
    """(Re)build the vectors of ``pages`` (every page by default); returns how many."""
    count = 0
    pages = Page.objects.all() if pages is None else pages
    for page in pages.specific().iterator(chunk_size=200):
        index_page(page)
        count += 1
    return count


def pages_without_texts():
    return Page.objects.exclude(pk__in=PageText.objects.values("page_id"))


def _searched_columns(model):
    return {name for language in LANGUAGE_CODES for name in language_search_fields(model, language)}


def _on_page_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not isinstance(instance, Page):
        return
    if update_fields is not None:
        # Only these columns were written: saving a draft, for one, writes bookkeeping and
        # leaves the live text in the row, while the instance holds the draft's text.
        if not set(update_fields) & _searched_columns(type(instance)):
            return
        instance = type(instance).objects.get(pk=instance.pk)
    index_page(instance)


def connect_signals():
    post_save.connect(_on_page_saved, dispatch_uid="search-page-texts")
