"""Admin forms of content translated per field: what each language field is for, and the slug
checks wagtail-modeltranslation leaves out.

wagtail-modeltranslation shows one field per language (``title_fr``, ``title_en``, ``title_hy``),
French required where the field is, slugs synchronised from the title of the same language and
checked for uniqueness among siblings in every language. Added here:

- every language field says, under the field's own help text, what that language's field is
  for (French the original, English and Armenian optional, an empty one showing the French text);
- a new page whose English or Armenian slug is left empty (so the French slug stands in) may not
  collide with a sibling's slug in that language.
"""

from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from masis.multilingual.fields import stored_value
from masis.multilingual.languages import SOURCE_LANGUAGE, TRANSLATION_LANGUAGES

LANGUAGE_NOTES = {
    "fr": _("In French: the original text, shown wherever a translation is missing."),
    "en": _("In English: leave empty to show the French text to English-speaking visitors."),
    "hy": _("In Armenian: leave empty to show the French text to Armenian-speaking visitors."),
}
SLUG_NOTE = _(
    "Filled in from the title in the same language while the page is not published; "
    "no other page in the same section may use it."
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
    """Add to each translation field of ``form`` the note of its language."""
    for field_name, (name, language) in translation_fields(type(form.instance)).items():
        field = form.fields.get(field_name)
        note = LANGUAGE_NOTES.get(language)
        if field is None or note is None:
            continue
        if name == "slug":
            note = format_lazy("{} {}", note, SLUG_NOTE)
        field.help_text = join_help(field.help_text, note)


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


def _sibling_slug(sibling, language):
    return stored_value(sibling, "slug", language) or stored_value(sibling, "slug", SOURCE_LANGUAGE)


class BasePageForm(LanguageNotesMixin, WagtailAdminPageForm):
    """The admin form of every page type (``BasePage.base_form_class``).

    An empty English or Armenian slug means the French one in that language's URLs.
    wagtail-modeltranslation checks every slug that is filled in against the siblings' slugs
    (their fallbacks included), and checks a page's fallbacks when it is saved again; a new
    page's fallback is checked here.
    """

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
