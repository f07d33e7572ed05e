"""Whether a translatable field is filled in a language.

The single definition of "translated" used by templates (to mark French fallbacks with
lang="fr") and by the translation-status report.
"""

import html
from collections.abc import Mapping

from django.utils.html import strip_tags
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText

from .languages import SOURCE_LANGUAGE

# The keys of one item of a stream or list in its stored (JSON) form.
_STREAM_ITEM_KEYS = {"type", "value", "id"}


def translatable_field_names(model):
    """Names of the fields of ``model`` that modeltranslation translates and staff edit.

    A model that is not registered itself inherits the translated fields of its nearest
    registered ancestor (a page type that adds no field of its own still has a translated
    title and slug). Derived fields nobody edits (``url_path``) are left out. In model order.
    """
    registered = set(translator.get_registered_models())
    ancestor = next((klass for klass in model.__mro__ if klass in registered), None)
    if ancestor is None:
        return []
    names = translator.get_options_for_model(ancestor).all_fields
    return [
        field.name
        for field in model._meta.get_fields()
        if field.name in names and getattr(field, "editable", False)
    ]


def _text_is_empty(text):
    """No readable character once tags and entities (``&nbsp;``…) are gone."""
    return not html.unescape(strip_tags(str(text or ""))).strip()


def value_is_empty(value):
    """True when ``value`` carries nothing a reader could read.

    Rich text made of empty paragraphs, and streams whose blocks are all empty, are empty. Streams
    are read in their stored form, so that checking a page never loads the pages, images or
    documents its blocks point to; a chosen object (an id) counts as content, a switch does not.
    """
    if value is None:
        return True
    if isinstance(value, str):
        return _text_is_empty(value)
    if isinstance(value, RichText):
        return _text_is_empty(value.source)
    if isinstance(value, StreamValue):
        return all(value_is_empty(item.get("value")) for item in value.raw_data)
    if isinstance(value, Mapping):
        if "value" in value and set(value) <= _STREAM_ITEM_KEYS:  # a stored stream or list item
            return value_is_empty(value["value"])
        return all(value_is_empty(child) for child in value.values())
    if isinstance(value, bool):
        return True
    if isinstance(value, int | float):
        return False
    if hasattr(value, "bound_blocks"):  # ListValue
        return all(value_is_empty(child.get_prep_value()) for child in value.bound_blocks)
    if isinstance(value, list | tuple):
        return all(value_is_empty(child) for child in value)
    return not value


def stored_value(instance, field_name, language):
    """The value stored for ``language``, without modeltranslation's fallback."""
    return getattr(instance, build_localized_fieldname(field_name, language))


def is_translated(instance, field_name, language):
    """The field is filled in ``language``, or has nothing to translate in French."""
    if value_is_empty(stored_value(instance, field_name, SOURCE_LANGUAGE)):
        return True
    return not value_is_empty(stored_value(instance, field_name, language))


def falls_back(instance, field_name, language):
    """The visitor of ``language`` is shown the French value of this field."""
    return language != SOURCE_LANGUAGE and not is_translated(instance, field_name, language)
