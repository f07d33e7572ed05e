"""Whether a translatable field is filled in a language.

The single definition of "translated" used by templates (to mark French fallbacks with
lang="fr") and by the translation-status report.
"""

from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.rich_text import RichText

from .languages import SOURCE_LANGUAGE


def translatable_field_names(model):
    """Names of the fields of ``model`` that modeltranslation translates."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    return list(options.all_fields.keys())


def _text_is_empty(text):
    from django.utils.html import strip_tags

    return not strip_tags(str(text or "")).replace("\xa0", " ").strip()


def value_is_empty(value):
    """True when ``value`` carries nothing a reader could read.

    Rich text made of empty paragraphs, and streams whose blocks are all empty, are empty.
    """
    if value is None:
        return True
    if isinstance(value, str):
        return _text_is_empty(value)
    if isinstance(value, RichText):
        return _text_is_empty(value.source)
    if hasattr(value, "raw_data") or isinstance(value, list | tuple):  # StreamValue / ListValue
        return all(value_is_empty(getattr(child, "value", child)) for child in value)
    if isinstance(value, dict):  # StructValue
        return all(value_is_empty(child) for child in value.values())
    if isinstance(value, bool | int | float):
        return False
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
