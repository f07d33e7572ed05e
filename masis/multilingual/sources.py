"""The French text each translation was made from, and whether it still reads the same.

For every field of text of a translatable object (a page, a snippet, a page's inline child) and
every translation language, :class:`~masis.multilingual.models.TranslationSource` keeps the
French text as it was when that language's text was last written. Recording happens whenever
translated content is saved (a model saved, a page's draft revision saved):

- a translation written for the first time records the French text of the moment;
- a translation that changed (the translator updated it) records the French text again;
- a French text changed alone leaves the record as it was: the translation is then *outdated*.

Texts are compared as a reader reads them (``fields.field_text``): a changed image, heading
level or link address outdates nothing. A translator who finds the translation still right marks
it still valid, which records the French text of now (:func:`confirm`).
"""

import hashlib
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from .fields import field_text, stored_value, text_fields, value_is_empty
from .languages import SOURCE_LANGUAGE, TRANSLATION_LANGUAGES
from .models import TranslationSource

MISSING = "missing"
OUTDATED = "outdated"
UP_TO_DATE = "up_to_date"


def text_hash(text):
    return hashlib.sha256(text.encode()).hexdigest()


def source_key(obj, field_name, language):
    content_type = ContentType.objects.get_for_model(type(obj))
    return (content_type.pk, str(obj.pk), field_name, language)


def sources_for(objects):
    """{key: TranslationSource} of the given objects (one query)."""
    by_type = {}
    for obj in objects:
        if obj.pk is not None:
            content_type = ContentType.objects.get_for_model(type(obj))
            by_type.setdefault(content_type.pk, set()).add(str(obj.pk))
    if not by_type:
        return {}
    condition = Q()
    for content_type_id, object_ids in by_type.items():
        condition |= Q(content_type_id=content_type_id, object_id__in=object_ids)
    return {_key(source): source for source in TranslationSource.objects.filter(condition)}


def all_sources():
    """{key: TranslationSource} of everything (one query): for reports over all content."""
    return {_key(source): source for source in TranslationSource.objects.all()}


def _key(source):
    return (source.content_type_id, source.object_id, source.field, source.language)


@dataclass(frozen=True)
class FieldState:
    """One field of text of an item (or of one of its inline children) in one language."""

    label: str
    obj: object
    name: str
    relation: str | None
    language: str
    state: str
    source: TranslationSource | None

    @property
    def french_then(self):
        return self.source.source_text if self.source else ""

    @property
    def french_now(self):
        return field_text(self.obj, self.name, SOURCE_LANGUAGE)


def state_of(obj, name, language, sources):
    """(state, record) of one field: None when there is nothing to translate in French."""
    if value_is_empty(stored_value(obj, name, SOURCE_LANGUAGE)):
        return None, None
    if value_is_empty(stored_value(obj, name, language)):
        return MISSING, None
    source = sources.get(source_key(obj, name, language)) if obj.pk is not None else None
    if source and source.source_hash != text_hash(field_text(obj, name, SOURCE_LANGUAGE)):
        return OUTDATED, source
    return UP_TO_DATE, source


def field_states(instance, language, sources=None, own_fields_only=False):
    """The state of each field of text of ``instance`` (and its inline children) in
    ``language``, fields with nothing to translate left out."""
    fields = list(text_fields(instance))
    if own_fields_only:
        fields = [field for field in fields if field[3] is None]
    if sources is None:
        sources = sources_for({obj for _label, obj, _name, _relation in fields})
    states = []
    for label, obj, name, relation in fields:
        state, source = state_of(obj, name, language, sources)
        if state is not None:
            states.append(FieldState(label, obj, name, relation, language, state, source))
    return states


def record(instance, include_children=True):
    """Record the French source of every translation of ``instance`` written or changed since
    the last record (see the module's docstring). Objects without a primary key (inline
    children new in a draft) are recorded once saved."""
    fields = [
        (obj, name)
        for _label, obj, name, relation in text_fields(instance)
        if obj.pk is not None and (include_children or relation is None)
    ]
    if not fields:
        return
    known = sources_for({obj for obj, _name in fields})
    created, changed = [], []
    for obj, name in fields:
        french = field_text(obj, name, SOURCE_LANGUAGE)
        if not french:
            continue
        for language in TRANSLATION_LANGUAGES:
            translation = field_text(obj, name, language)
            if not translation:
                continue
            key = source_key(obj, name, language)
            target_hash = text_hash(translation)
            source = known.get(key)
            if source is None:
                content_type_id, object_id, field, language = key
                created.append(
                    TranslationSource(
                        content_type_id=content_type_id,
                        object_id=object_id,
                        field=field,
                        language=language,
                        source_hash=text_hash(french),
                        source_text=french,
                        target_hash=target_hash,
                    )
                )
            elif source.target_hash != target_hash:
                source.source_hash, source.source_text = text_hash(french), french
                source.target_hash = target_hash
                changed.append(source)
    if created:
        TranslationSource.objects.bulk_create(created, ignore_conflicts=True)
    for source in changed:
        source.save(update_fields=["source_hash", "source_text", "target_hash", "updated_at"])


def confirm(obj, name, language):
    """Mark the translation of ``name`` in ``language`` still valid for the French of now."""
    french = field_text(obj, name, SOURCE_LANGUAGE)
    content_type_id, object_id, field, language = source_key(obj, name, language)
    TranslationSource.objects.update_or_create(
        content_type_id=content_type_id,
        object_id=object_id,
        field=field,
        language=language,
        defaults={
            "source_hash": text_hash(french),
            "source_text": french,
            "target_hash": text_hash(field_text(obj, name, language)),
        },
    )
