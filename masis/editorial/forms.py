"""Admin forms of content translated per field: what each language field is for, what changed
in French since a translation was written, and the slug rules wagtail-modeltranslation leaves out.

wagtail-modeltranslation shows one field per language (``title_fr``, ``title_en``, ``title_hy``),
French required where the field is, slugs synchronised from the title of the same language and
checked for uniqueness among siblings in every language. Added here:

- every language field says, under the field's own help text, what that language's field is
  for (French the original, English and Armenian optional, an empty one showing the French text);
- every English and Armenian field shows the French text it translates (folded), and, when that
  French text changed since the translation was written, the change, word by word, with a link
  to mark the translation still valid;
- optional fields' placeholders carry no required-field asterisk;
- French slugs are ASCII, apostrophes separating words (``d-aix``); an English or Armenian slug
  follows its title while the translator leaves it empty (or as it was made from the title),
  published pages included: the old address then redirects (``multilingual.redirects``);
- a new page whose English or Armenian slug is left empty (so the French slug stands in) may not
  collide with a sibling's slug in that language.
"""

import re

from django import forms
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modeltranslation.translator import NotRegistered, translator
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.widgets import SlugInput

from masis.multilingual.diff import html_diff
from masis.multilingual.fields import field_text, stored_value
from masis.multilingual.languages import SOURCE_LANGUAGE, TRANSLATION_LANGUAGES
from masis.multilingual.sources import OUTDATED, field_states
from masis.multilingual.units import unit_id

from .links import still_valid_url

LANGUAGE_NOTES = {
    "fr": _("In French: the original text, shown wherever a translation is missing."),
    "en": _("In English: leave empty to show the French text to English-speaking visitors."),
    "hy": _("In Armenian: leave empty to show the French text to Armenian-speaking visitors."),
}
SLUG_NOTE = _(
    "Filled in from the title in the same language while the page is not published; "
    "no other page in the same section may use it."
)
OPTIONAL_TITLE_PLACEHOLDER = _("Page title")
TRANSLATED_SLUG_NOTE = _(
    "Left empty, it is made from the title in this language when the page is saved, and "
    "follows that title; the former address then leads to the new one."
)
FALLBACK_SLUG_TAKEN = _(
    "Left empty, this slug is the French one, “%(slug)s”, which another page of this section "
    "already uses in this language: give this page its own slug here."
)


def _join_help(text, note):
    text = str(text or "").strip()
    if text and text[-1] not in ".!?…":
        text += "."  # Wagtail's own help texts end without a full stop
    return f"{text} {note}" if text else str(note)


join_help = lazy(_join_help, str)


def translation_fields(model):
    """{field name: (translated field's name, language)} of every translation field of
    ``model`` (``title_en`` → ("title", "en"))."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return {}
    return {
        field.name: (name, field.language)
        for name, fields in options.all_fields.items()
        for field in fields
    }


def add_language_notes(form):
    """Add to each translation field of ``form`` the note of its language; to English and
    Armenian fields of text the French they translate and what changed in it since."""
    instance = form.instance
    outdated = _outdated_states(instance)
    for field_name, (name, language) in translation_fields(type(instance)).items():
        field = form.fields.get(field_name)
        note = LANGUAGE_NOTES.get(language)
        if field is None or note is None:
            continue
        if name == "slug":
            note = format_lazy(
                "{} {}", note, SLUG_NOTE if language == SOURCE_LANGUAGE else TRANSLATED_SLUG_NOTE
            )
        field.help_text = join_help(field.help_text, note)
        if language == SOURCE_LANGUAGE:
            continue
        if name == "title" and not field.required:
            # Wagtail's title panel would add "Page title*" at render: an optional field's
            # placeholder carries no required-field asterisk.
            field.widget.attrs["placeholder"] = OPTIONAL_TITLE_PLACEHOLDER
        if name == "slug":
            continue
        extra = []
        state = outdated.get((name, language))
        if state is not None:
            extra.append(_outdated_note(instance, state))
        french = field_text(instance, name, SOURCE_LANGUAGE)
        if french:
            extra.append(
                format_html(
                    '<details class="translation-source"><summary>{}</summary>'
                    '<div lang="{}">{}</div></details>',
                    gettext("French text"),
                    SOURCE_LANGUAGE,
                    mark_safe(linebreaks(french, autoescape=True)),  # noqa: S308 (escaped)
                )
            )
        if extra:
            field.help_text = format_html(
                "{}{}", field.help_text, format_html("".join(["{}"] * len(extra)), *extra)
            )


def _outdated_states(instance):
    """{(field name, language): state} of the outdated translations of ``instance``."""
    if instance.pk is None:
        return {}
    states = {}
    for language in TRANSLATION_LANGUAGES:
        for state in field_states(instance, language, own_fields_only=True):
            if state.state == OUTDATED:
                states[state.name, language] = state
    return states


def _item_of(instance):
    """(item, relation) that a form's instance belongs to: itself, or the page (or snippet)
    of an inline child."""
    for field in type(instance)._meta.fields:
        if isinstance(field, ParentalKey):
            parent = getattr(instance, field.name, None)
            if parent is not None:
                return parent, field.remote_field.get_accessor_name()
    return instance, None


def _outdated_note(instance, state):
    item, relation = _item_of(instance)
    next_url = reverse("wagtailadmin_pages:edit", args=[item.pk]) if hasattr(item, "path") else None
    return format_html(
        '<div class="translation-outdated" role="note" data-outdated-field="{}">'
        '<p><strong class="w-status w-status--label">{}</strong> {}</p>'
        '<div class="translation-diff" lang="fr">{}</div>'
        '<p><a href="{}">{}</a></p></div>',
        f"{state.name}_{state.language}",
        gettext("Outdated"),
        gettext(
            "The French text changed since this translation was written "
            "(removed words struck out, new ones underlined):"
        ),
        html_diff(state.french_then, state.french_now),
        still_valid_url(unit_id(item, instance, state.name, relation), state.language, next_url),
        gettext("The translation is still valid"),
    )


class LanguageNotesMixin:
    """Language notes on a form's translation fields and on those of its inline children."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        add_language_notes(self)
        for formset in getattr(self, "formsets", {}).values():
            # This form's own formsets: every child form they build (the empty one for new
            # rows included) gets the notes.
            formset.form = type(formset.form.__name__, (LanguageNotesMixin, formset.form), {})


class TranslatedModelForm(LanguageNotesMixin, WagtailAdminModelForm):
    """The admin form of a translated snippet (``base_form_class``)."""


APOSTROPHES = re.compile(r"['’ʼ‘`´]")
# Languages written in Latin script: their slugs are ASCII. Armenian keeps its own script.
ASCII_SLUG_LANGUAGES = {"fr", "en"}


def slug_for(text, language):
    """A slug made from ``text``: apostrophes separate words (``d'Aix`` → ``d-aix``); ASCII in
    French and English (accents dropped), Armenian letters kept in Armenian."""
    text = APOSTROPHES.sub(" ", text or "")
    return slugify(text, allow_unicode=language not in ASCII_SLUG_LANGUAGES)


class AsciiSlugField(forms.SlugField):
    """A French slug: whatever staff type becomes ASCII, apostrophes separating words."""

    def to_python(self, value):
        return slug_for(super().to_python(value), SOURCE_LANGUAGE)


def _sibling_slug(sibling, language):
    return stored_value(sibling, "slug", language) or stored_value(sibling, "slug", SOURCE_LANGUAGE)


class BasePageForm(LanguageNotesMixin, WagtailAdminPageForm):
    """The admin form of every page type (``BasePage.base_form_class``).

    An empty English or Armenian slug means the French one in that language's URLs.
    wagtail-modeltranslation checks every slug that is filled in against the siblings' slugs
    (their fallbacks included), and checks a page's fallbacks when it is saved again; a new
    page's fallback is checked here.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get(f"slug_{SOURCE_LANGUAGE}")
        if field is not None:
            # The title's live sync writes ASCII, apostrophes as separators, as the server does.
            widget = SlugInput(formatters=[(APOSTROPHES.pattern, "-", "g")], locale=SOURCE_LANGUAGE)
            widget.attrs["data-w-slug-allow-unicode-value"] = False
            self.fields[f"slug_{SOURCE_LANGUAGE}"] = AsciiSlugField(
                required=field.required,
                label=field.label,
                help_text=field.help_text,
                max_length=field.max_length,
                widget=widget,
            )

    def clean(self):
        cleaned_data = super().clean()
        self.clean_translated_slugs(cleaned_data)
        source_slug = cleaned_data.get(f"slug_{SOURCE_LANGUAGE}")
        empty = [
            code
            for code in TRANSLATION_LANGUAGES
            if f"slug_{code}" in self.fields
            and not cleaned_data.get(f"slug_{code}")
            and f"slug_{code}" not in self.errors
        ]
        if not (source_slug and empty and self.parent_page):
            return cleaned_data
        siblings = self.parent_page.get_children().exclude(pk=self.instance.pk)
        for code in empty:
            if cleaned_data.get(f"slug_{code}"):
                continue
            if any(_sibling_slug(sibling, code) == source_slug for sibling in siblings):
                self.add_error(f"slug_{code}", FALLBACK_SLUG_TAKEN % {"slug": source_slug})
        return cleaned_data

    def clean_translated_slugs(self, cleaned_data):
        """French slugs in ASCII; English and Armenian slugs following their titles."""
        for code in [SOURCE_LANGUAGE, *TRANSLATION_LANGUAGES]:
            slug_name, title_name = f"slug_{code}", f"title_{code}"
            if slug_name not in self.fields or slug_name in self.errors:
                continue
            slug = cleaned_data.get(slug_name) or ""
            title = cleaned_data.get(title_name) or ""
            if code == SOURCE_LANGUAGE:
                if slug_name not in self.changed_data and self.instance.pk:
                    continue  # a published address is kept as it is
                from_title = {slugify(title, allow_unicode=True), slugify(title)}
                cleaned_data[slug_name] = slug_for(title if slug in from_title else slug, code)
                continue
            if not title:
                continue
            initial_slug = self.initial.get(slug_name) or ""
            initial_title = self.initial.get(title_name) or ""
            follows_title = not slug or (
                slug == initial_slug and slug == slug_for(initial_title, code)
            )
            if follows_title:
                cleaned_data[slug_name] = slug_for(title, code)
