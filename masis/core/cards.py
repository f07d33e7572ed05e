"""Lists of pages built from the columns they show, not from page objects.

Twenty events built as Wagtail page objects cost about as much as the rest of the timeline:
each object carries every column of the page tables in three languages, and every translated
attribute a template reads asks modeltranslation for the active language again. A card holds
only what a list shows. Its translated values are read once, by modeltranslation's own
descriptors (the same fallback to French as on the page), and its URL comes from Wagtail's own
code, so a card shows exactly what the page object would.

A card keeps the stored values it was read from (``title_fr``, ``title_en``…), so the
``fallback_lang`` template tag marks a French fallback on a card as on a page.
"""

from types import SimpleNamespace

from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname, get_language, resolution_order
from wagtail.models import Page, Site

from masis.caching.invalidation import until_next_change


class Card(SimpleNamespace):
    """What a list shows of one object."""


class PageCard(Card):
    """What a list shows of a page, with its URL in the active language."""

    # Wagtail's URL code reads nothing of a page but its url_path and the sites' root paths.
    get_url = Page.get_url
    get_url_parts = Page.get_url_parts
    _get_relevant_site_root_paths = Page._get_relevant_site_root_paths

    def _get_site_root_paths(self, cache_object=None):
        # Looked up at call time: wagtail-modeltranslation replaces it at start-up.
        return Page._get_site_root_paths(self, cache_object)


def _translated_fields(model):
    """Fields modeltranslation translates on ``model`` or on its nearest registered ancestor."""
    registered = set(translator.get_registered_models())
    ancestor = next((klass for klass in model.__mro__ if klass in registered), None)
    return set(translator.get_options_for_model(ancestor).all_fields) if ancestor else set()


def _columns(model, names, languages):
    """The columns that hold ``names``: a translated field's column in each of ``languages``."""
    translated = _translated_fields(model)
    columns = []
    for name in names:
        if name in translated:
            columns += [build_localized_fieldname(name, language) for language in languages]
        else:
            columns.append(name)
    return list(dict.fromkeys(columns)), [name for name in names if name in translated]


def cards(queryset, fields, card_class=Card):
    """A card of each object of ``queryset`` with ``fields`` ("pk" is always read).

    Translated fields hold their value in the active language, as the model's attribute would.
    """
    model = queryset.model
    languages = resolution_order(get_language())
    columns, translated = _columns(model, ["pk", *fields], languages)
    descriptors = [(name, getattr(model, name)) for name in translated]
    result = []
    if hasattr(queryset, "rewrite"):
        # The columns are named in full: modeltranslation has nothing to rewrite, and its
        # per-row pass over the values would only copy each row.
        queryset = queryset.rewrite(False)
    for row in queryset.values(*columns):
        card = card_class(**row)
        for name, descriptor in descriptors:
            setattr(card, name, descriptor.__get__(card, model))
        result.append(card)
    return result


def page_cards(queryset, fields, request, card_class=PageCard):
    """Cards of the pages of ``queryset``, each with ``title`` and ``url`` in the active
    language, plus ``fields``."""
    result = cards(queryset, ["title", "url_path", *fields], card_class)
    for card in result:
        card.url = card.get_url(request)
    return result


def cards_of_pages(pages, fields, request):
    """Cards of page objects, for a list that mixes page types (which one query cannot read):
    ``title``, ``url``, ``specific_class`` and ``fields``, None where a type has no such field."""
    languages = resolution_order(get_language())
    result = []
    for page in pages:
        card = PageCard(pk=page.pk, specific_class=page.specific_class, url=page.get_url(request))
        for name in ["title", *fields]:
            setattr(card, name, getattr(page, name, None))
            for language in languages:  # the stored values, for fallback_lang
                localized = build_localized_fieldname(name, language)
                setattr(card, localized, getattr(page, localized, None))
        result.append(card)
    return result


def cards_until_next_change(key, request, build):
    """``build()``, a list of cards, kept until the next content change (like the timeline's
    facets): per language, as cards hold their texts in it, and per site, as their URLs are
    relative to the request's site."""
    site = Site.find_for_request(request) if request is not None else None
    key = f"cards:{key}:{get_language()}:{site.pk if site else ''}"
    return until_next_change(key, build)


def in_order(items, pks):
    """``items`` (with a ``pk``) in the order of ``pks``, leaving out the pks not found."""
    by_pk = {item.pk: item for item in items}
    return [by_pk[pk] for pk in pks if pk in by_pk]
