"""The machinery behind ``load_masis_content``: create each seed object once, under a stable key.

The seed content is data: TOML files in each app's ``seed`` package (``pages/seed/home.toml``…),
each text with its ``fr``/``en``/``hy`` values. The loader spreads them over modeltranslation's
``field_fr`` / ``field_en`` / ``field_hy`` columns, and writes rich text and StreamField values
from their data form (``rich_text``, ``body_stream``).
"""

import json
import tomllib
from importlib import resources

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageLogEntry

from masis.multilingual.languages import LANGUAGE_CODES


def read_data(package, section):
    """The seed file ``<section>.toml`` inside ``package`` (a dotted name), parsed."""
    text = resources.files(package).joinpath(f"{section}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def is_translated(value):
    """A per-language value: ``{"fr": …, "en": …, "hy": …}`` (some languages may be left out)."""
    return isinstance(value, dict) and bool(value) and set(value) <= set(LANGUAGE_CODES)


def localized(**fields):
    """Spread ``{"fr": …, "en": …}`` values over per-language field names."""
    result = {}
    for name, value in fields.items():
        if is_translated(value):
            for code, text in value.items():
                result[f"{name}_{code}"] = text
        else:
            result[name] = value
    return result


def stream(*blocks):
    """A StreamField value from (block_type, value) pairs, as JSON Wagtail accepts."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def paragraphs(*texts):
    """A StreamField value of one paragraph block per text."""
    return body_stream(texts)


# --- Rich text as data ---------------------------------------------------------------------------
# The one form the seed files give rich text in, for RichTextFields and StreamField bodies alike:
#   "text"                                  a paragraph (<p>), simple inline HTML allowed
#   ["text ", {type="page_link", …}, "."]   a paragraph holding a link to a seeded page
#                                           ({type="page_link", page="<key>", text="…"})
#   {type="list", items=["…", "…"]}         a bulleted list (<ul>)
# and, in a StreamField body only:
#   {type="heading", text="…"}              a heading block (level h2 unless level="h3"…)
#   {type="paragraph", content=[…]}         one paragraph block holding several of the above;
#                                           every other item is a paragraph block of its own.


def rich_text(parts, find_page=None):
    """The HTML of a rich text given as a list of paragraphs and lists.

    ``find_page(key)`` returns the seeded page a page link points to (None: the link's text
    only, as for a page staff deleted)."""
    return "".join(_rich_text_part(part, find_page) for part in parts)


def body_stream(blocks, find_page=None):
    """The StreamField JSON of a body given as a list of paragraphs, headings and lists."""
    return stream(*(_body_block(block, find_page) for block in blocks))


def _body_block(block, find_page):
    kind = block.get("type") if isinstance(block, dict) else None
    if kind == "heading":
        return ("heading", {"text": block["text"], "level": block.get("level", "h2")})
    if kind == "paragraph":
        return ("paragraph", rich_text(block["content"], find_page))
    return ("paragraph", rich_text([block], find_page))


def _rich_text_part(part, find_page):
    if isinstance(part, dict):
        if part.get("type") != "list":
            raise ValueError(f"Not a paragraph or a list in seed rich text: {part!r}")
        items = "".join(f"<li>{_inline(item, find_page)}</li>" for item in part["items"])
        return f"<ul>{items}</ul>"
    return f"<p>{_inline(part, find_page)}</p>"


def _inline(text, find_page):
    if isinstance(text, str):
        return text
    return "".join(_inline_piece(piece, find_page) for piece in text)


def _inline_piece(piece, find_page):
    if isinstance(piece, str):
        return piece
    if piece.get("type") != "page_link":
        raise ValueError(f"Not text or a page link in a seed paragraph: {piece!r}")
    page = find_page(piece["page"]) if find_page else None
    return f'<a linktype="page" id="{page.pk}">{piece["text"]}</a>' if page else piece["text"]


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

    def _values(self, model, fields):
        """``fields`` as ``model`` takes them: languages spread, rich text written as HTML/JSON."""
        values = {}
        for name, value in fields.items():
            field = model._meta.get_field(name)
            write = self._writer(field)
            if is_translated(value):
                values.update({f"{name}_{code}": write(text) for code, text in value.items()})
            else:
                values[name] = write(value)
        return values

    def _writer(self, field):
        if isinstance(field, StreamField):
            return lambda blocks: body_stream(blocks, self.existing)
        if isinstance(field, RichTextField):
            return lambda parts: rich_text(parts, self.existing)
        return lambda value: value

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
        page = model(**self._values(model, fields))
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
        obj = model.objects.create(**self._values(model, fields))
        self._remember(key, obj)
        self.created.append(key)
        self._log("created", key)
        return obj

    def untouched(self, page):
        """True when staff never touched ``page`` since the loader published it: it is live
        with its one revision, saved by no user, no draft and no child, and the audit log holds
        nothing done by a user (a move, a reordering, a lock…)."""
        return (
            page.live
            and not page.has_unpublished_changes
            and not page.locked
            and page.numchild == 0
            and list(page.revisions.values_list("user_id", flat=True)[:2]) == [None]
            and not PageLogEntry.objects.filter(page=page, user__isnull=False).exists()
        )

    @transaction.atomic
    def retire(self, key):
        """Delete the page the seed created under ``key``, and forget the key, if staff never
        touched it (``untouched``); the seed may then create something else under the key.

        Returns the retired page's id, or None when nothing was retired: no such key, a page
        staff touched, moved or deleted (their decision stands, and the key stays taken).
        """
        page = self.existing(key)
        if not isinstance(page, Page) or not self.untouched(page):
            return None
        page_id = page.pk
        page.delete()
        self.records.objects.filter(key=key).delete()
        self._log("retired", key)
        return page_id

    @transaction.atomic
    def replace(self, key, parent, model, **fields):
        """``page()``, but a page of another type the seed created under ``key`` before is
        replaced by a ``model`` page when staff never touched it (``retire``). The new page
        takes the old one's id, so that links to it (rich text, the API) still lead to it."""
        existing = self.existing(key)
        if existing is not None and not isinstance(existing, model):
            retired_id = self.retire(key)
            if retired_id is not None:
                # Through the parent link: Wagtail and wagtail-modeltranslation take a page
                # whose ``id`` is set for one already in the database; Django gives the new
                # wagtailcore_page row this id when it saves the parent.
                fields["page_ptr_id"] = retired_id
        return self.page(key, parent, model, **fields)
