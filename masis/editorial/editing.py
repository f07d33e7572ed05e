"""The page editor in three languages: help on every language field, preview in each language.

wagtail-modeltranslation shows one field per language (``title_fr``, ``title_en``, ``title_hy``),
French required where the field is, slugs synchronised from the title of the same language and
checked for uniqueness among siblings in every language. Added here:

- every language field says, under the field's own help text, what that language's field is
  for (French the original, English and Armenian optional, an empty one showing the French text);
- the preview has one mode per language, and renders the page in the mode's language;
- a new page whose English or Armenian slug is left empty (so the French slug stands in) may not
  collide with a sibling's slug in that language.
"""

from django.utils import translation
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from wagtail.models import Page, get_page_models

from masis.multilingual.fields import stored_value
from masis.multilingual.languages import (
    AUTONYMS,
    LANGUAGE_CODES,
    SOURCE_LANGUAGE,
    TRANSLATION_LANGUAGES,
)

LANGUAGE_NOTES = {
    "fr": _("In French: the original text, shown wherever a translation is missing."),
    "en": _("In English: leave empty to show the French text to English-speaking visitors."),
    "hy": _("In Armenian: leave empty to show the French text to Armenian-speaking visitors."),
}
SLUG_NOTE = _(
    "Filled in from the title in the same language while the page is not published; "
    "no other page in the same section may use it."
)


def _join_help(text, note):
    text = str(text or "").strip()
    if text and text[-1] not in ".!?…":
        text += "."  # Wagtail's own help texts end without a full stop
    return f"{text} {note}" if text else str(note)


join_help = lazy(_join_help, str)


def _with_note(formfield, note):
    def formfield_with_note(**kwargs):
        field = formfield(**kwargs)
        if field is not None:
            field.help_text = join_help(field.help_text, note)
        return field

    return formfield_with_note


def install_language_help():
    """Add the language note to the form field of every translation field.

    Only the form field changes: the model fields (and so the migrations) stay as they are.
    """
    for model in translator.get_registered_models():
        for name, fields in translator.get_options_for_model(model).all_fields.items():
            for field in fields:
                note = LANGUAGE_NOTES.get(field.language)
                if note is None or getattr(field, "has_language_note", False):
                    continue
                if name == "slug":
                    note = format_lazy("{} {}", note, SLUG_NOTE)
                field.formfield = _with_note(field.formfield, note)
                field.has_language_note = True


def _language_preview_modes(page):
    return [(code, AUTONYMS[code]) for code in LANGUAGE_CODES]


_make_preview_request = Page.make_preview_request


def _make_preview_request_in_language(
    page, original_request=None, preview_mode=None, extra_request_attrs=None
):
    """Render the preview in the language of its mode.

    The simulated request goes to the page's URL in that language, and the page is served with
    the language active (after the locale middleware, which reads an unsaved page's URL "/"
    as the visitor's language), rendered before the language is restored. Wrapping the page's
    own ``serve_preview`` keeps routable pages' previews working.
    """
    if preview_mode not in LANGUAGE_CODES:  # a page type with preview modes of its own
        return _make_preview_request(page, original_request, preview_mode, extra_request_attrs)
    language = preview_mode
    serve_preview = page.serve_preview

    def serve_preview_in_language(request, mode_name):
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = serve_preview(request, mode_name)
        if callable(getattr(response, "render", None)):
            response = response.render()
        return response

    page.serve_preview = serve_preview_in_language
    try:
        with translation.override(language):
            return _make_preview_request(page, original_request, preview_mode, extra_request_attrs)
    finally:
        del page.serve_preview


def install_language_preview():
    """One preview mode per language on every page type (unless a type defines its own)."""
    Page.preview_modes = property(_language_preview_modes)
    Page.make_preview_request = _make_preview_request_in_language


def _sibling_slug(sibling, language):
    return stored_value(sibling, "slug", language) or stored_value(sibling, "slug", SOURCE_LANGUAGE)


def _with_fallback_slug_check(form_class):
    class FallbackSlugCheckForm(form_class):
        """An empty English or Armenian slug means the French one in that language's URLs.

        wagtail-modeltranslation checks every slug that is filled in against the siblings'
        slugs (their fallbacks included), and checks a page's fallbacks when it is saved again;
        a new page's fallback is checked here.
        """

        checks_fallback_slugs = True

        def clean(self):
            cleaned_data = super().clean()
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
                if any(_sibling_slug(sibling, code) == source_slug for sibling in siblings):
                    self.add_error(f"slug_{code}", FALLBACK_SLUG_TAKEN % {"slug": source_slug})
            return cleaned_data

    return FallbackSlugCheckForm


FALLBACK_SLUG_TAKEN = _(
    "Left empty, this slug is the French one, “%(slug)s”, which another page of this section "
    "already uses in this language: give this page its own slug here."
)


def install_fallback_slug_check():
    for model in get_page_models():
        if not getattr(model.base_form_class, "checks_fallback_slugs", False):
            model.base_form_class = _with_fallback_slug_check(model.base_form_class)
    Page.get_edit_handler.cache_clear()


def install():
    install_language_help()
    install_language_preview()
    install_fallback_slug_check()
