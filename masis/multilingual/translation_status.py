"""How far each page and translatable snippet is translated, language by language.

Built on :mod:`multilingual.fields` — the single definition of "translated" — and on the
registries: Wagtail's page types and snippets, modeltranslation's translated models. A new page
type or snippet appears here without being named.

For an item and a language the status is *missing* when no field of text filled in French is
filled in that language, *outdated* when some translation was made from a French text that has
changed since (``multilingual.sources``), *partial* when some fields are still to translate, and
*complete* otherwise; the missing and outdated fields are named. Slugs are addresses, not text:
they follow the titles. The translated fields of an item's inline children (a town's key
figures…) count as the item's own. Items are read in their latest version: a draft, or changes
awaiting moderation, count as what staff have written.

Reading everything costs one query per page type (two with the pages' publication status), one
per snippet model and per inline relation with translated fields, and one for all the drafts,
and one for the recorded French sources, however many items there are.
"""

from dataclasses import dataclass

from django.contrib.admin.utils import quote
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import pgettext_lazy
from modelcluster.models import model_from_serializable_data
from modeltranslation.utils import build_localized_fieldname
from wagtail import hooks
from wagtail.models import Page, Revision, get_page_models
from wagtail.snippets.models import get_snippet_models

from .fields import (
    field_label,
    stored_value,
    translatable_field_names,
    translated_relations,
)
from .languages import LANGUAGE_CODES, SOURCE_LANGUAGE, TRANSLATION_LANGUAGES
from .sources import MISSING, OUTDATED, all_sources, field_states

__all__ = ["field_label", "translated_relations"]  # for the report and its tests


class Status(models.TextChoices):
    COMPLETE = "complete", pgettext_lazy("translation status", "Complete")
    OUTDATED = "outdated", pgettext_lazy("translation status", "Outdated")
    PARTIAL = "partial", pgettext_lazy("translation status", "Partial")
    MISSING = "missing", pgettext_lazy("translation status", "Missing")


@dataclass(frozen=True)
class ItemKind:
    """A translatable model: a page type or a snippet."""

    model: type

    @property
    def key(self):
        return self.model._meta.label_lower

    @property
    def name(self):
        return capfirst(self.model._meta.verbose_name)

    @property
    def is_page(self):
        return issubclass(self.model, Page)

    def items(self, publication_status=True):
        """Every item of exactly this kind (not of its subclasses), ready to be checked —
        and to tell its publication status (one more query for pages) if asked."""
        manager = self.model._default_manager
        if self.is_page:
            meta = self.model._meta
            queryset = manager.filter(
                content_type__app_label=meta.app_label, content_type__model=meta.model_name
            )
            if publication_status:
                queryset = queryset.annotate_approved_schedule().prefetch_workflow_states()
        else:
            queryset = manager.all()
        relations = [relation.get_accessor_name() for relation in translated_relations(self.model)]
        return list(queryset.prefetch_related(*relations))


def page_kinds():
    return [
        ItemKind(model)
        for model in get_page_models()
        if model is not Page and translatable_field_names(model)
    ]


def snippet_kinds():
    hooks.search_for_hooks()  # snippets may be registered in wagtail_hooks modules
    return [
        ItemKind(model)
        for model in get_snippet_models()
        if not issubclass(model, Page) and translatable_field_names(model)
    ]


def translatable_kinds():
    return page_kinds() + snippet_kinds()


def classify(instance, language, sources=None):
    """(status, labels of the missing fields, labels of the outdated ones) of ``instance`` in
    ``language`` (``sources``: the recorded French sources, read for it when not given)."""
    states = field_states(instance, language, sources)
    missing = [state.label for state in states if state.state == MISSING]
    outdated = [state.label for state in states if state.state == OUTDATED]
    if states and len(missing) == len(states):
        return Status.MISSING, missing, outdated
    if outdated:
        return Status.OUTDATED, missing, outdated
    if missing:
        return Status.PARTIAL, missing, outdated
    return Status.COMPLETE, missing, outdated


def _translation_data(model, data):
    """The part of a revision's content that holds translations (per-language values only:
    setting ``title`` would write the language active at the time)."""
    keys = {"pk"}
    for name in translatable_field_names(model):
        keys.update(build_localized_fieldname(name, code) for code in LANGUAGE_CODES)
    relations = {}
    for relation in translated_relations(model):
        accessor = relation.get_accessor_name()
        relations[accessor] = [
            _translation_data(relation.related_model, child) for child in data.get(accessor) or []
        ]
    return {key: value for key, value in data.items() if key in keys} | relations


def latest_versions(items):
    """{item: its latest version} — the draft for items with unpublished changes, one query."""
    pending = {
        item.latest_revision_id: item
        for item in items
        if getattr(item, "has_unpublished_changes", False) and item.latest_revision_id
    }
    latest = {item: item for item in items}
    for revision in Revision.objects.filter(pk__in=list(pending)).only("pk", "content"):
        item = pending[revision.pk]
        model = type(item)
        latest[item] = model_from_serializable_data(
            model, _translation_data(model, revision.content), check_fks=False
        )
    return latest


@dataclass
class TranslationStatus:
    """One row of the report: one item in one language."""

    item: models.Model
    latest: models.Model
    kind: ItemKind
    language: str
    status: str
    missing_fields: list
    outdated_fields: list

    @cached_property
    def title(self):
        if self.kind.is_page:
            return stored_value(self.latest, "title", SOURCE_LANGUAGE) or self.item.draft_title
        with translation.override(SOURCE_LANGUAGE):
            return str(self.item)

    @property
    def language_name(self):
        return LANGUAGE_NAMES[self.language]

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def missing_fields_text(self):
        return ", ".join(self.missing_fields)

    @property
    def outdated_fields_text(self):
        return ", ".join(self.outdated_fields)

    @property
    def publication_status(self):
        return getattr(self.item, "status_string", "") if self.kind.is_page else ""

    @property
    def edit_url(self):
        if self.kind.is_page:
            return reverse("wagtailadmin_pages:edit", args=[self.item.pk])
        url_name = self.kind.model.snippet_viewset.get_url_name("edit")
        return reverse(url_name, args=[quote(self.item.pk)])


def _language_names():
    from django.conf import settings

    return {code: name for code, name in settings.LANGUAGES}


LANGUAGE_NAMES = _language_names()


def translation_statuses(kinds=None, languages=None, publication_status=True):
    """Every item of ``kinds`` (all translatable ones by default) in every language, in order:
    pages in tree order, then snippets by kind."""
    kinds = translatable_kinds() if kinds is None else kinds
    languages = TRANSLATION_LANGUAGES if languages is None else languages
    entries = []
    for kind in kinds:
        entries.extend((kind, item) for item in kind.items(publication_status))
    latest = latest_versions([item for _kind, item in entries])
    sources = all_sources()
    rows = [
        TranslationStatus(
            item, latest[item], kind, language, *classify(latest[item], language, sources)
        )
        for kind, item in entries
        for language in languages
    ]
    order = {kind: position for position, kind in enumerate(kinds)}

    def position(row):
        if row.kind.is_page:
            return (0, row.item.path)
        return (1, order[row.kind], row.title.casefold())

    return sorted(rows, key=position)  # stable: languages stay in order within an item


def pages_to_translate(languages=None):
    """{language: number of pages not completely translated into it}."""
    return pages_by_status(languages)["to_translate"]


def pages_by_status(languages=None):
    """{"to_translate": {language: pages with missing fields}, "outdated": {language: pages
    with outdated translations}} — a page may be in both."""
    languages = TRANSLATION_LANGUAGES if languages is None else languages
    counts = {"to_translate": dict.fromkeys(languages, 0), "outdated": dict.fromkeys(languages, 0)}
    for row in translation_statuses(page_kinds(), languages, publication_status=False):
        if row.missing_fields:
            counts["to_translate"][row.language] += 1
        if row.outdated_fields:
            counts["outdated"][row.language] += 1
    return counts
