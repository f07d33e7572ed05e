"""Accessibility rules for the content staff write in a page's body (RGAA 9.1, 6.1, 1.2, 10.2).

``BodyBlock.clean`` (pages.blocks) calls :func:`body_errors`; the admin then shows each message on
the block at fault, and the page cannot be saved until it is fixed:

- heading levels follow each other without a gap (the page's title is the level-1 heading);
- a link's text says where it goes ("cliquez ici", "click here", "ici"… do not);
- a document is linked with the "Document" block, which states its format and size, not from a
  paragraph's text;
- an image's alternative text describes it (a file name or "photo" does not).
"""

import re
from html.parser import HTMLParser

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import StructBlockValidationError, StructValue
from wagtail.rich_text import RichText

# Link texts that do not say where a link goes, once lowercased and stripped of punctuation.
VAGUE_LINK_TEXTS = {
    # French
    "cliquez ici",
    "cliquer ici",
    "clique ici",
    "ici",
    "lien",
    "ce lien",
    "en savoir plus",
    "lire la suite",
    "la suite",
    "plus",
    "voir",
    "voir plus",
    # English
    "click here",
    "here",
    "link",
    "this link",
    "read more",
    "more",
    "learn more",
    "more info",
    "see more",
    # Armenian
    "սեղմեք այստեղ",
    "սեղմել այստեղ",
    "այստեղ",
    "հղում",
    "ավելին",
    "կարդալ ավելին",
    "մանրամասն",
}
# Phrases that make a link text vague wherever they appear in it.
VAGUE_LINK_PHRASES = ("cliquez ici", "cliquer ici", "click here", "սեղմեք այստեղ")

UNDESCRIPTIVE_ALT_TEXTS = {
    "image",
    "photo",
    "photographie",
    "picture",
    "img",
    "illustration",
    "logo",
    "նկար",
    "լուսանկար",
}
FILE_NAME = re.compile(
    r"(\.(jpe?g|png|gif|webp|avif|svg|tiff?|heic)$)|(^(img|dsc|pxl|image|photo)[-_ ]?\d+)",
    re.IGNORECASE,
)
PUNCTUATION = re.compile(r"[\s.,:;!?…«»“”\"'’()\[\]→›>-]+")
HEADING_LEVEL = re.compile(r"^h([1-6])$")


def normalise(text):
    return PUNCTUATION.sub(" ", str(text or "").lower()).strip()


def is_vague_link_text(text):
    words = normalise(text)
    return words in VAGUE_LINK_TEXTS or any(phrase in words for phrase in VAGUE_LINK_PHRASES)


def is_undescriptive_alt_text(text):
    text = str(text or "").strip()
    return normalise(text) in UNDESCRIPTIVE_ALT_TEXTS or bool(FILE_NAME.search(text))


class _RichTextOutline(HTMLParser):
    """The headings and links of a rich text's source, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.headings = []
        self.links = []  # (attributes, text)
        self._link = None

    def handle_starttag(self, tag, attrs):
        match = HEADING_LEVEL.match(tag)
        if match:
            self.headings.append(int(match.group(1)))
        elif tag == "a":
            self._link = (dict(attrs), [])

    def handle_data(self, data):
        if self._link is not None:
            self._link[1].append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            attrs, text = self._link
            self.links.append((attrs, "".join(text)))
            self._link = None


def _outline(rich_text):
    parser = _RichTextOutline()
    parser.feed(rich_text.source or "")
    parser.close()
    return parser


def _vague_link_error(text):
    return ValidationError(
        _(
            "“%(text)s” does not say where the link goes: describe its destination "
            "(for example “The 2025 action plan”)."
        )
        % {"text": text.strip()},
        code="vague_link_text",
    )


def _heading_error(level, previous):
    return ValidationError(
        _(
            "Heading levels cannot be skipped: after a level-%(previous)d heading (the page’s "
            "title is level 1) this heading can be level %(allowed)d at most, not %(level)d."
        )
        % {"previous": previous, "allowed": previous + 1, "level": level},
        code="skipped_heading_level",
    )


def _rich_text_errors(value, previous_level):
    """(error or None, level of the last heading) for a paragraph."""
    outline = _outline(value)
    error = None
    for level in outline.headings:
        if error is None and level > previous_level + 1:
            error = _heading_error(level, previous_level)
        previous_level = level
    for attrs, text in outline.links:
        if error is not None:
            break
        if attrs.get("linktype") == "document":
            error = ValidationError(
                _(
                    "Link documents with a “Document” block, which states their format and "
                    "size, rather than from a paragraph."
                ),
                code="document_link_in_text",
            )
        elif is_vague_link_text(text):
            error = _vague_link_error(text)
    return error, previous_level


def _struct_errors(value, previous_level):
    """(error or None, level of the last heading) for a structured block."""
    field_errors = {}
    level = HEADING_LEVEL.match(str(value.get("level", "")))
    if level:
        level = int(level.group(1))
        if level > previous_level + 1:
            field_errors["level"] = _heading_error(level, previous_level)
        previous_level = level
    if ("page" in value or "document" in value) and value.get("text"):
        if is_vague_link_text(value["text"]):
            field_errors["text"] = _vague_link_error(value["text"])
    if "alt_text" in value and value.get("alt_text"):
        if is_undescriptive_alt_text(value["alt_text"]):
            field_errors["alt_text"] = ValidationError(
                _(
                    "“%(text)s” does not describe the image: say what it shows, for someone "
                    "who cannot see it."
                )
                % {"text": value["alt_text"]},
                code="undescriptive_alt_text",
            )
    error = StructBlockValidationError(block_errors=field_errors) if field_errors else None
    return error, previous_level


def body_errors(stream_value, first_level=1):
    """{index of the block: ValidationError} for the blocks of a body that break a rule.

    ``first_level`` is the level of the heading the body follows (the page's h1).
    """
    errors = {}
    previous_level = first_level
    for index, child in enumerate(stream_value):
        value = child.value
        if isinstance(value, RichText):
            error, previous_level = _rich_text_errors(value, previous_level)
        elif isinstance(value, StructValue):
            error, previous_level = _struct_errors(value, previous_level)
        else:
            error = None
        if error is not None:
            errors[index] = error
    return errors
