"""Whether a translatable field is filled in a language, and what text it holds.

The single definition of "translated" used by templates (to mark French fallbacks with
lang="fr"), by the translation-status report and by the record of translations' French sources.
"""

import html
import json
import re
from collections.abc import Mapping

from django.utils.html import strip_tags
from django.utils.text import capfirst
from django.utils.translation import gettext
from modelcluster.models import get_all_child_relations
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField, StreamField
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


# A slug is an address, not text: it follows the title of its language (editorial.forms).
NOT_TEXT = {"slug"}


def text_field_names(model):
    """The translated fields of ``model`` that hold text to translate (not the slug)."""
    return [name for name in translatable_field_names(model) if name not in NOT_TEXT]


def translated_relations(model):
    """The inline child relations of ``model`` whose models have translated fields."""
    return [
        relation
        for relation in get_all_child_relations(model)
        if translatable_field_names(relation.related_model)
    ]


def field_label(model, name):
    return str(capfirst(model._meta.get_field(name).verbose_name))


def text_fields(instance):
    """(label, object, field name, relation) for each field of text to translate of
    ``instance`` and of its inline children (``relation`` names the children's relation)."""
    model = type(instance)
    for name in text_field_names(model):
        yield field_label(model, name), instance, name, None
    for relation in translated_relations(model):
        child_model = relation.related_model
        names = text_field_names(child_model)
        accessor = relation.get_accessor_name()
        for position, child in enumerate(getattr(instance, accessor).all(), start=1):
            for name in names:
                label = gettext("%(item)s %(position)s: %(field)s") % {
                    "item": capfirst(child_model._meta.verbose_name),
                    "position": position,
                    "field": field_label(child_model, name).lower(),
                }
                yield label, child, name, accessor


# --- The text a field holds ------------------------------------------------------------------

_TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)
_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|div)>|<br\s*/?>", re.IGNORECASE)


def stream_data(value):
    """A stream's stored (JSON) form: a list of {"type", "value", "id"}."""
    if isinstance(value, StreamValue):
        return value.get_prep_value()
    if isinstance(value, str):
        return json.loads(value or "[]")
    return list(value or [])


def text_leaves(block, data, path=""):
    """(path, block, value) of every piece of text in a stream's stored ``data``, in order.

    Paths are positions and names (``"3"``, ``"2.quote"``): the same for the same stream
    however often it is read. Choices, numbers and chosen objects are not text.
    """
    if isinstance(block, blocks.StreamBlock):
        for position, item in enumerate(data or []):
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                yield from text_leaves(child, item.get("value"), _join(path, position))
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from text_leaves(child, (data or {}).get(name), _join(path, name))
    elif isinstance(block, blocks.ListBlock):
        for position, item in enumerate(data or []):
            value = item.get("value") if isinstance(item, Mapping) else item
            yield from text_leaves(block.child_block, value, _join(path, position))
    elif isinstance(block, _TEXT_BLOCKS) and isinstance(data, str) and data.strip():
        yield path, block, data


def _join(path, part):
    return f"{path}.{part}" if path else str(part)


def html_text(value):
    """Readable text of an HTML fragment: one line per paragraph, no tags, no entities."""
    text = html.unescape(strip_tags(_BLOCK_END.sub("\n", str(value))))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def leaf_text(block, value):
    return html_text(value) if isinstance(block, blocks.RichTextBlock) else value.strip()


def field_text(instance, field_name, language):
    """The text a reader reads in ``field_name`` in ``language`` (no fallback): rich text and
    streams as lines of plain text, what is not text (images, choices) left out."""
    value = stored_value(instance, field_name, language)
    if value is None:
        return ""
    field = type(instance)._meta.get_field(field_name)
    if isinstance(field, StreamField):
        leaves = text_leaves(field.stream_block, stream_data(value))
        return "\n".join(leaf_text(block, text) for _path, block, text in leaves)
    if isinstance(value, RichText):
        return html_text(value.source)
    if isinstance(field, RichTextField):
        return html_text(value)
    return str(value).strip()


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
