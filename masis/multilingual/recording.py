"""When translations' French sources are recorded (``sources.record``): on saving."""

from modeltranslation.utils import build_localized_fieldname

from .fields import text_field_names
from .languages import LANGUAGE_CODES
from .sources import record


def _saves_text(model, update_fields):
    names = text_field_names(model)
    if not names:
        return False
    if update_fields is None:
        return True
    columns = {build_localized_fieldname(name, code) for name in names for code in LANGUAGE_CODES}
    return bool(columns & set(update_fields))


def record_saved_object(sender, instance, raw=False, update_fields=None, **kwargs):
    """A translated object saved with its text (a page published or created, a snippet, an
    inline child). Saves of a page's metadata only (its draft pointers…) record nothing."""
    if raw or not _saves_text(sender, update_fields):
        return
    record(instance, include_children=False)


def record_saved_revision(sender, instance, created=False, raw=False, **kwargs):
    """A draft revision: what the translator or editor has just written, children included."""
    if raw or not created:
        return
    obj = instance.as_object()
    if text_field_names(type(obj)):
        record(obj)


def record_existing_translations():
    """Translations written before the record existed (or loaded without signals) start up to
    date with the French of now (``manage.py record_translation_sources``, after migrate)."""
    from .translation_status import latest_versions, translatable_kinds

    items = [item for kind in translatable_kinds() for item in kind.items(False)]
    for latest in latest_versions(items).values():
        record(latest)
