"""Names of the pieces of text to translate, as XLIFF unit ids and in admin links.

``pages.standardpage/12/body#3``: a page's field (``#3``: the fourth piece of text of a
stream); ``pages.townprofilepage/4/key_figures/7/label``: a field of one of its inline children.
"""

from dataclasses import dataclass

from django.apps import apps

from .fields import text_field_names, translated_relations


def unit_id(item, obj, name, relation, leaf=None):
    parts = [item._meta.label_lower, str(item.pk)]
    if relation:
        parts += [relation, str(obj.pk)]
    return "/".join(parts + [name]) + (f"#{leaf}" if leaf is not None else "")


@dataclass
class Address:
    """A parsed unit id."""

    model: type
    item_pk: str
    relation: str | None
    object_pk: str | None
    name: str
    leaf: str | None


def parse_unit_id(value):
    """The unit id's parts, or None when it does not name a translated field."""
    path, _hash, leaf = value.partition("#")
    parts = path.split("/")
    if len(parts) not in (3, 5):
        return None
    try:
        model = apps.get_model(parts[0])
    except (LookupError, ValueError):
        return None
    if not text_field_names(model):
        return None
    relation, object_pk = (parts[2], parts[3]) if len(parts) == 5 else (None, None)
    return Address(model, parts[1], relation, object_pk, parts[-1], leaf or None)


def find_object(item, address):
    """The object a unit addresses in ``item`` (the item or an inline child), or None."""
    if address.relation is None:
        return item
    if address.relation not in {r.get_accessor_name() for r in translated_relations(type(item))}:
        return None
    return next(
        (
            child
            for child in getattr(item, address.relation).all()
            if str(child.pk) == address.object_pk
        ),
        None,
    )
