"""The page editor in three languages: help on every language field, preview in each language.

wagtail-modeltranslation shows one field per language (``title_fr``, ``title_en``, ``title_hy``),
French required where the field is, slugs synchronised from the title of the same language and
checked for uniqueness among siblings in every language. Two things are added here:

- every language field says, under the field's own help text, what that language's field is
  for (French the original, English and Armenian optional, an empty one showing the French text);
- the preview has one mode per language, and renders the page in the mode's language.
"""

from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from wagtail.models import Page

from multilingual.languages import AUTONYMS, LANGUAGE_CODES

LANGUAGE_NOTES = {
    "fr": _("In French: the original text, shown wherever a translation is missing."),
    "en": _("In English: leave empty to show the French text to English-speaking visitors."),
    "hy": _("In Armenian: leave empty to show the French text to Armenian-speaking visitors."),
}
SLUG_NOTE = _(
    "Filled in from the title in the same language while the page is not published; "
    "no other page in the same section may use it."
)


def _with_note(formfield, note):
    def formfield_with_note(**kwargs):
        field = formfield(**kwargs)
        if field is not None:
            field.help_text = (
                format_lazy("{} {}", field.help_text, note) if field.help_text else note
            )
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


def install():
    install_language_help()
    install_language_preview()
