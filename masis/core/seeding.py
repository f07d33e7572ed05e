"""The machinery behind ``load_masis_content``: create each seed object once, under a stable key.

Content modules (``pages.seed``, ``partners.seed``, ``timeline.seed``) describe objects with
per-language values ``{"fr": …, "en": …, "hy": …}``; the loader spreads them over
modeltranslation's ``field_fr`` / ``field_en`` / ``field_hy`` columns.
"""

import json

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page

from masis.multilingual.languages import LANGUAGE_CODES


def localized(**fields):
    """Spread ``{"fr": …, "en": …}`` values over per-language field names."""
    result = {}
    for name, value in fields.items():
        if isinstance(value, dict) and set(value) <= set(LANGUAGE_CODES):
            for code, text in value.items():
                result[f"{name}_{code}"] = text
        else:
            result[name] = value
    return result


def stream(*blocks):
    """A StreamField value from (block_type, value) pairs, as JSON Wagtail accepts."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def paragraphs(*texts):
    return stream(*(("paragraph", f"<p>{text}</p>") for text in texts))


def localized_paragraphs(by_language):
    """{"fr": [p, p], …} → {"fr": stream, …}."""
    return {code: paragraphs(*texts) for code, texts in by_language.items()}


class Loader:
    """Creates seed objects once each. ``records`` is the model that remembers, per key, what
    was created (``pages.SeedRecord``: a key, a content type and an object id)."""

    def __init__(self, records, stdout=None):
        self.records = records
        self.stdout = stdout
        self.created = []
        self.kept = []

    def _record(self, key):
        return self.records.objects.filter(key=key).first()

    def _log(self, verb, key):
        if self.stdout is not None:
            self.stdout.write(f"  {verb:8} {key}")

    def existing(self, key):
        """The object created under ``key``, or None if never created or since deleted."""
        record = self._record(key)
        if record is None:
            return None
        model = record.content_type.model_class()
        manager = model.objects
        obj = manager.filter(pk=record.object_id).first()
        return obj.specific if isinstance(obj, Page) else obj

    def _remember(self, key, obj):
        self.records.objects.create(
            key=key,
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=obj.pk,
        )

    @transaction.atomic
    def page(self, key, parent, model, **fields):
        """Create and publish a page under ``parent`` unless ``key`` was created before."""
        if self._record(key):
            self.kept.append(key)
            self._log("kept", key)
            return self.existing(key)
        page = model(**localized(**fields))
        parent.add_child(instance=page)
        page.save_revision().publish()
        self._remember(key, page)
        self.created.append(key)
        self._log("created", key)
        return page

    @transaction.atomic
    def object(self, key, model, **fields):
        """Create a snippet or other model instance unless ``key`` was created before."""
        if self._record(key):
            self.kept.append(key)
            self._log("kept", key)
            return self.existing(key)
        obj = model.objects.create(**localized(**fields))
        self._remember(key, obj)
        self.created.append(key)
        self._log("created", key)
        return obj
