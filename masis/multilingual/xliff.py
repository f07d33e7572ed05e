"""XLIFF 1.2 files for translators' own tools (OmegaT, Trados, memoQ, Poedit, Weblate…).

**Export**: for one target language, one ``trans-unit`` per field of text to translate (per
piece of text in a stream: a paragraph, a heading, a caption), with the French text as its
``source``, the current translation (if any) as its ``target`` and a ``note`` naming the page
and the field. Rich text travels as escaped HTML (``&lt;p&gt;…``, ``datatype="html"``): the
markup stays exactly as written, and tools protect it as tags. Unit ids name the item, the
object and the field (``pages.standardpage/12/body#3``; an inline child:
``pages.townprofilepage/4/key_figures/7/label``).

**Import**: all or nothing. A file that is not well-formed XLIFF 1.2, names an unknown object
or field, holds units of another language, or touches an item the user may not edit changes
nothing and says why (:class:`XliffError`). Otherwise every translated unit is applied, except
those whose French source has changed since the export (or whose stream is not translated
entirely): they are refused and listed. Pages get a new draft revision (``apply``); the caller
decides on moderation or publication. Files are parsed with defusedxml: no DTD, no entity, no
external resource.
"""

import copy
import datetime
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.admin.rich_text import get_rich_text_editor_widget
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, RevisionMixin
from wagtail.permission_policies import ModelPermissionPolicy

from .fields import (
    stored_value,
    stream_data,
    text_field_names,
    text_leaves,
)
from .languages import SOURCE_LANGUAGE, TRANSLATION_LANGUAGES
from .units import find_object, parse_unit_id, unit_id

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ET.register_namespace("", NAMESPACE)


def _tag(name):
    return f"{{{NAMESPACE}}}{name}"


class XliffError(Exception):
    """The file cannot be imported; nothing was changed. ``messages`` says why."""

    def __init__(self, messages):
        self.messages = list(messages)
        super().__init__("; ".join(self.messages))


@dataclass
class Unit:
    id: str
    source: str
    target: str
    note: str = ""
    datatype: str = "plaintext"


def _is_rich(model, name):
    return isinstance(model._meta.get_field(name), RichTextField)


def field_units(item, obj, name, relation, language, label, title):
    """The units of one field: one, or one per piece of text for a stream."""
    model = type(obj)
    note = _("%(title)s — %(field)s") % {"title": title, "field": label}
    source = stored_value(obj, name, SOURCE_LANGUAGE)
    target = stored_value(obj, name, language)
    if isinstance(model._meta.get_field(name), StreamField):
        stream_block = model._meta.get_field(name).stream_block
        targets = {
            path: (type(block), text)
            for path, block, text in text_leaves(stream_block, stream_data(target))
        }
        units = []
        for path, block, text in text_leaves(stream_block, stream_data(source)):
            target_block, target_text = targets.get(path, (None, ""))
            rich = isinstance(block, blocks.RichTextBlock)
            units.append(
                Unit(
                    unit_id(item, obj, name, relation, path),
                    text,
                    target_text if target_block is type(block) else "",
                    f"{note} ({_('block %(position)s') % {'position': _position(path)}})",
                    "html" if rich else "plaintext",
                )
            )
        return units
    rich = _is_rich(model, name)
    return [
        Unit(
            unit_id(item, obj, name, relation),
            _text(source),
            _text(target),
            note,
            "html" if rich else "plaintext",
        )
    ]


def _position(path):
    return int(path.split(".")[0]) + 1


def _text(value):
    if value is None:
        return ""
    return getattr(value, "source", value) if not isinstance(value, str) else value


# --- Writing ----------------------------------------------------------------------------------


def write(units, language, original="masis"):
    """The XLIFF 1.2 document (bytes, UTF-8) of ``units`` for ``language``."""
    root = ET.Element(_tag("xliff"), {"version": "1.2"})
    file_element = ET.SubElement(
        root,
        _tag("file"),
        {
            "original": original,
            "source-language": SOURCE_LANGUAGE,
            "target-language": language,
            "datatype": "plaintext",
            "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
    )
    header = ET.SubElement(file_element, _tag("header"))
    ET.SubElement(header, _tag("tool"), {"tool-id": "masis", "tool-name": "Masis"})
    body = ET.SubElement(file_element, _tag("body"))
    for unit in units:
        element = ET.SubElement(
            body,
            _tag("trans-unit"),
            {
                "id": unit.id,
                "datatype": unit.datatype,
                "{http://www.w3.org/XML/1998/namespace}space": "preserve",
            },
        )
        ET.SubElement(element, _tag("source"), {XML_LANG: SOURCE_LANGUAGE}).text = unit.source
        if unit.target:
            target = ET.SubElement(
                element, _tag("target"), {XML_LANG: language, "state": "translated"}
            )
            target.text = unit.target
        ET.SubElement(element, _tag("note")).text = unit.note
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


# --- Reading ----------------------------------------------------------------------------------


def _inner_text(element):
    """The text of ``source`` or ``target``. Inline elements (``<g>``, ``<x/>``) a tool may add
    are not ours: their text is kept, the elements dropped."""
    if element is None:
        return ""
    return "".join(element.itertext())


def read(content):
    """(target language, [Unit]) of an XLIFF 1.2 document; XliffError when it is not one."""
    try:
        root = fromstring(content, forbid_dtd=True)
    except (ET.ParseError, DefusedXmlException, ValueError) as error:
        message = _("The file is not well-formed XML (%(error)s).") % {"error": error}
        raise XliffError([message]) from error
    if root.tag != _tag("xliff") or root.get("version") != "1.2":
        raise XliffError([_("The file is not an XLIFF 1.2 document.")])
    languages, units, errors = set(), [], []
    for file_element in root.iter(_tag("file")):
        source_language = (file_element.get("source-language") or "").lower()
        if source_language != SOURCE_LANGUAGE:
            errors.append(
                _("The file’s source language is “%(language)s”, not French.")
                % {"language": source_language}
            )
        file_language = (file_element.get("target-language") or "").lower()
        languages.add(file_language)
        for element in file_element.iter(_tag("trans-unit")):
            target = element.find(_tag("target"))
            unit_language = (target.get(XML_LANG) if target is not None else None) or file_language
            if unit_language.lower() != file_language:
                errors.append(
                    _("Unit %(id)s is in “%(language)s”, not in the file’s language.")
                    % {"id": element.get("id"), "language": unit_language}
                )
            units.append(
                Unit(
                    element.get("id") or "",
                    _inner_text(element.find(_tag("source"))),
                    _inner_text(target),
                )
            )
    if len(languages) != 1 or not languages <= set(TRANSLATION_LANGUAGES):
        errors.append(
            _("The file must be for one language among: %(languages)s.")
            % {"languages": ", ".join(TRANSLATION_LANGUAGES)}
        )
    if errors:
        raise XliffError(errors)
    return languages.pop(), units


# --- Importing --------------------------------------------------------------------------------


@dataclass
class Refusal:
    unit_id: str
    reason: str


@dataclass
class ImportResult:
    language: str
    applied: list = field(default_factory=list)  # unit ids
    refused: list = field(default_factory=list)  # Refusal
    skipped: list = field(default_factory=list)  # unit ids without a translation
    items: list = field(default_factory=list)  # the items changed (latest versions)
    revisions: list = field(default_factory=list)


@dataclass
class _Change:
    item: object  # the latest version of the page or snippet, changed in memory
    stored_item: object  # as stored: for permissions and saving
    streams: dict = field(default_factory=dict)  # (obj, name) -> {leaf: unit}


def user_may_edit(user, stored_item):
    if user is None:  # the management command, run by the site's operators
        return True
    if isinstance(stored_item, Page):
        return stored_item.permissions_for_user(user).can_edit()
    return ModelPermissionPolicy(type(stored_item)).user_has_permission(user, "change")


def item_change(stored_item):
    """The item's latest version, to change in memory."""
    return _Change(_latest(stored_item), stored_item)


def _latest(stored_item):
    if isinstance(stored_item, RevisionMixin):
        return stored_item.get_latest_revision_as_object()
    return stored_item


def _clean_rich_text(html, features=None):
    """Rich text as the editor would store it: only what its features allow."""
    converter = get_rich_text_editor_widget(features=features).converter
    return converter.to_database_format(converter.from_database_format(html))


def import_units(content, user=None, expected_language=None):
    """Check and apply an XLIFF file (see the module's docstring); returns an ImportResult with
    the changed items' latest versions, not yet saved: :func:`save` does that."""
    language, units = read(content)
    if expected_language and language != expected_language:
        raise XliffError(
            [
                _("This file is for “%(file)s”, not “%(expected)s”.")
                % {"file": language, "expected": expected_language}
            ]
        )
    result = ImportResult(language)
    changes, errors = {}, []
    seen = set()
    for unit in units:
        address = parse_unit_id(unit.id)
        if unit.id in seen:
            errors.append(_("Unit %(id)s appears twice.") % {"id": unit.id})
            continue
        seen.add(unit.id)
        if address is None:
            errors.append(_("Unknown unit id: %(id)s.") % {"id": unit.id})
            continue
        key = (address.model, address.item_pk)
        if key not in changes:
            stored = (
                address.model._default_manager.filter(pk=address.item_pk).first()
                if address.item_pk.isdigit()
                else None
            )
            if stored is None:
                errors.append(_("Unknown unit id: %(id)s.") % {"id": unit.id})
                continue
            if not user_may_edit(user, stored):
                errors.append(
                    _("You may not edit “%(item)s” (unit %(id)s).")
                    % {"item": stored, "id": unit.id}
                )
                continue
            changes[key] = _Change(_latest(stored), stored)
        change = changes[key]
        obj = find_object(change.item, address)
        if obj is None or address.name not in text_field_names(type(obj)):
            errors.append(_("Unknown unit id: %(id)s.") % {"id": unit.id})
            continue
        model_field = type(obj)._meta.get_field(address.name)
        is_stream = isinstance(model_field, StreamField)
        if is_stream != (address.leaf is not None):
            errors.append(_("Unknown unit id: %(id)s.") % {"id": unit.id})
            continue
        if not unit.target.strip():
            result.skipped.append(unit.id)
            continue
        if is_stream:
            change.streams.setdefault((obj, address.name), {})[address.leaf] = unit
            continue
        if unit.source != _text(stored_value(obj, address.name, SOURCE_LANGUAGE)):
            result.refused.append(
                Refusal(unit.id, _("The French text has changed since the export."))
            )
            continue
        value = unit.target
        if isinstance(model_field, RichTextField):
            value = _clean_rich_text(value, model_field.features)
        try:
            value = model_field.clean(value, obj)
        except ValidationError as error:
            errors.append(f"{unit.id}: {' '.join(error.messages)}")
            continue
        setattr(obj, f"{address.name}_{language}", value)
        result.applied.append(unit.id)
    for change in changes.values():
        for (obj, name), leaf_units in change.streams.items():
            _apply_stream(obj, name, language, leaf_units, result)
    if errors:
        raise XliffError(errors)
    result.items = [change for change in changes.values() if _touched(change, result)]
    return result


def _touched(change, result):
    prefix = f"{change.stored_item._meta.label_lower}/{change.stored_item.pk}/"
    return any(unit_id.startswith(prefix) for unit_id in result.applied)


def _apply_stream(obj, name, language, leaf_units, result):
    """A stream is translated whole: its French structure, every piece of text translated
    (by the file, or by the current translation at the same place)."""
    stream_block = type(obj)._meta.get_field(name).stream_block
    french = stream_data(stored_value(obj, name, SOURCE_LANGUAGE))
    current = {
        path: (type(block), text)
        for path, block, text in text_leaves(
            stream_block, stream_data(stored_value(obj, name, language))
        )
    }
    leaves = {path: (block, text) for path, block, text in text_leaves(stream_block, french)}
    refused = []
    for leaf, unit in leaf_units.items():
        if leaf not in leaves or leaves[leaf][1] != unit.source:
            refused.append(Refusal(unit.id, _("The French text has changed since the export.")))
    untranslated = [
        path
        for path, (block, _text_value) in leaves.items()
        if path not in leaf_units and current.get(path, (None,))[0] is not type(block)
    ]
    if refused or untranslated:
        reason = _("Another piece of text of this field is not translated.")
        result.refused.extend(refused)
        refused_ids = {refusal.unit_id for refusal in refused}
        result.refused.extend(
            Refusal(unit.id, reason) for unit in leaf_units.values() if unit.id not in refused_ids
        )
        return

    def translate(path, block, text):
        if path in leaf_units:
            value = leaf_units[path].target
            if isinstance(block, blocks.RichTextBlock):
                return _clean_rich_text(value, block.features)
            return value
        return current[path][1]

    setattr(obj, f"{name}_{language}", map_leaves(stream_block, copy.deepcopy(french), translate))
    result.applied.extend(unit.id for unit in leaf_units.values())


def map_leaves(block, data, function, path=""):
    """``data`` (a stream's stored form) with each piece of text replaced by
    ``function(path, block, text)`` — the same walk as ``fields.text_leaves``."""

    def join(part):
        return f"{path}.{part}" if path else str(part)

    if isinstance(block, blocks.StreamBlock):
        for position, item in enumerate(data or []):
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                item["value"] = map_leaves(child, item.get("value"), function, join(position))
        return data
    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            if isinstance(data, Mapping) and name in data:
                data[name] = map_leaves(child, data[name], function, join(name))
        return data
    if isinstance(block, blocks.ListBlock):
        for position, item in enumerate(data or []):
            if isinstance(item, Mapping) and "value" in item:
                item["value"] = map_leaves(
                    block.child_block, item["value"], function, join(position)
                )
            else:
                data[position] = map_leaves(block.child_block, item, function, join(position))
        return data
    if isinstance(block, blocks.CharBlock | blocks.TextBlock | blocks.RichTextBlock):
        if isinstance(data, str) and data.strip():
            return function(path, block, data)
    return data


@transaction.atomic
def save(result, user=None):
    """Save the imported translations: a new draft revision of each page (and of each snippet
    with revisions), other snippets saved. Returns the pages' new revisions."""
    revisions = []
    for change in result.items:
        item = change.item
        if isinstance(item, RevisionMixin):
            revision = item.save_revision(user=user, log_action=True)
            revisions.append(revision)
        else:
            item.save()
    result.revisions = revisions
    return revisions


def export_units(rows, states, title_of):
    """The units of ``rows`` (report rows of one language) whose fields are in ``states``."""
    from .sources import all_sources, field_states

    sources = all_sources()
    units = []
    for row in rows:
        for state in field_states(row.latest, row.language, sources):
            if state.state in states:
                units.extend(
                    field_units(
                        row.latest,
                        state.obj,
                        state.name,
                        state.relation,
                        row.language,
                        state.label,
                        title_of(row),
                    )
                )
    return units
