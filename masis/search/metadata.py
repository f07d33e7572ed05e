"""What a page says about itself in the current language: title, description, sharing image.

Used by the <head> (meta description, Open Graph, Twitter card) and by the search results'
snippets, so that a page is summed up the same way everywhere.
"""

import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

from django.utils import translation
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import mark_safe
from wagtail.fields import RichTextField
from wagtail.images import get_image_model

from masis.core.site_address import absolute_url
from masis.multilingual.fields import (
    falls_back,
    stored_value,
    translatable_field_names,
    value_is_empty,
)
from masis.multilingual.languages import SOURCE_LANGUAGE

# The fields that sum a page up, best first; a page type has some of them (a partner's
# description and role, an event's summary). Stream fields give the text of their blocks.
DESCRIPTION_FIELDS = (
    "search_description",
    "introduction",
    "summary",
    "description",
    "role",
    "body",
)
TITLE_FIELDS = ("seo_title", "title")
ASCII_WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")
DESCRIPTION_LENGTH = 300
SOCIAL_IMAGE_FILTER = "max-1200x630"


@dataclass(frozen=True)
class Text:
    """A text and the language it is in, when that is not the page's language."""

    text: str
    lang: str = ""

    def __str__(self):
        return self.text


def _as_text(value):
    stream_block = getattr(value, "stream_block", None)
    if stream_block is not None:  # a StreamField: its blocks' text, without rendering them
        return " ".join(str(text) for text in stream_block.get_searchable_content(value))
    return str(value or "")


def _plain(value, length=None):
    """Text without markup, cut after a whole word when longer than ``length`` characters."""
    # Runs of ASCII whitespace only: no-break spaces belong to the text (French typography).
    text = " ".join(ASCII_WHITESPACE.split(unescape(strip_tags(_as_text(value))))).strip()
    if length is None or len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0] or text[: length - 1]
    return cut.rstrip(",;:") + "…"


def _first_value(page, field_names):
    """(field name, value, lang) of the first of ``field_names`` filled in the current
    language, else of the first French fallback (``lang`` "fr"); None when all are empty.

    A translated field is read without modeltranslation's fallback first, so that an English
    introduction wins over a French search description.
    """
    names = [name for name in field_names if hasattr(page, name)]
    translated = set(translatable_field_names(type(page)))
    language = translation.get_language()
    for name in names:
        value = stored_value(page, name, language) if name in translated else getattr(page, name)
        if not value_is_empty(value):
            return name, value, ""
    for name in names:
        value = getattr(page, name)
        if not value_is_empty(value):
            return name, value, SOURCE_LANGUAGE if falls_back(page, name, language) else ""
    return None


def _first_text(page, field_names, length=None):
    """The first of ``field_names`` filled (``_first_value``) as plain text; references to the
    page's values (``{villages}``, ``BasePage.fill_in``) are filled in."""
    found = _first_value(page, field_names)
    if found is None:
        return None
    _name, value, lang = found
    return Text(_plain(_filled_in(page, value), length), lang)


def _filled_in(page, value):
    fill_in = getattr(page, "fill_in", None)
    return fill_in(value) if fill_in and isinstance(value, str) else value


def page_title(page):
    """The title for the <title> element and sharing: the SEO title if any, else the title."""
    return _first_text(page, TITLE_FIELDS)


def page_name(page):
    """The page's own title, as its heading and links show it."""
    return _first_text(page, ("title",))


def page_description(page, length=DESCRIPTION_LENGTH):
    return _first_text(page, DESCRIPTION_FIELDS, length)


@dataclass(frozen=True)
class Snippet:
    """A page's description as HTML: the words its text marks in another language keep their
    <span lang> (a meta description, an attribute, cannot)."""

    html: str
    lang: str = ""

    def __str__(self):
        return self.html


def page_snippet(page, length=DESCRIPTION_LENGTH):
    """The description of ``page_description`` for the search results, as a ``Snippet``."""
    found = _first_value(page, DESCRIPTION_FIELDS)
    if found is None:
        return None
    name, value, lang = found
    return Snippet(marked_text(_as_html(page, name, value), length), lang)


def _as_html(page, name, value):
    """The HTML of a field's value: rich text as it is, plain text escaped, a stream's blocks
    one after the other (their rich text's HTML, the other blocks' text)."""
    if getattr(value, "stream_block", None) is not None:
        parts = []
        for block in value:
            source = getattr(block.value, "source", None)
            if source is not None:
                parts.append(source)
            else:
                texts = block.block.get_searchable_content(block.value)
                parts.append(escape(" ".join(str(text) for text in texts)))
        return " ".join(parts)
    if isinstance(page._meta.get_field(name), RichTextField):
        return str(value)
    return escape(_filled_in(page, str(value)))


class _LanguageRuns(HTMLParser):
    """The text of an HTML fragment as [(text, lang)]: the ``lang`` of the element each piece
    of text sits in ("" where none says)."""

    VOID = {"br", "img", "hr", "wbr", "input"}
    # Elements inside a line of text: their start and end separate no words ("installed at
    # <span lang="fr">La Rotonde</span>, the…" keeps its comma next to the name).
    INLINE = {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark",
        "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
    }  # fmt: skip

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.runs = []
        self.stack = [("", "")]

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            self.runs.append((" ", self.stack[-1][1]))
            return
        lang = dict(attrs).get("lang")
        self.stack.append((tag, self.stack[-1][1] if lang is None else lang))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break
        if tag not in self.INLINE:
            self.runs.append((" ", self.stack[-1][1]))  # block ends ("</p><p>") separate words

    def handle_data(self, data):
        self.runs.append((data, self.stack[-1][1]))


def marked_text(html, length=None):
    """Plain text of ``html`` as HTML, each run of text in an element with a ``lang`` kept in
    <span lang>, cut after a whole word when longer than ``length`` characters."""
    parser = _LanguageRuns()
    parser.feed(html)
    parser.close()
    runs, previous_space = [], True
    for text, lang in parser.runs:
        text = ASCII_WHITESPACE.sub(" ", text)
        if previous_space:
            text = text.lstrip(" ")
        if text:
            runs.append([text, lang])
            previous_space = text.endswith(" ")
    if runs:
        runs[-1][0] = runs[-1][0].rstrip(" ")
    total = sum(len(text) for text, _lang in runs)
    if length is not None and total > length:
        runs = _cut(runs, length)
    parts = []
    for text, lang in runs:
        if lang:
            parts.append(format_html('<span lang="{}">{}</span>', lang, text))
        else:
            parts.append(escape(text))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped


def _cut(runs, length):
    """``runs`` cut after the last whole word that fits in ``length - 1`` characters, "…"."""
    text = "".join(text for text, _lang in runs)
    cut = text[: length - 1].rsplit(" ", 1)[0] or text[: length - 1]
    cut = cut.rstrip(",;:")
    result, used = [], 0
    for text, lang in runs:
        if used >= len(cut):
            break
        piece = text[: len(cut) - used]
        result.append([piece, lang])
        used += len(piece)
    result.append(["…", ""])
    return result


def social_image(page):
    """The image shared with the page: ``page.get_social_image()`` if the type defines it,
    else the first image the page links to (a partner's logo…), else None."""
    getter = getattr(page, "get_social_image", None)
    if callable(getter):
        return getter()
    image_model = get_image_model()
    for field in page._meta.concrete_fields:
        if field.many_to_one and field.related_model is image_model:
            image = getattr(page, field.name)
            if image is not None:
                return image
    return None


def _alt_text(page, image):
    """The page's own alternative text for the image (``logo_alt_text``, ``hero_image_alt``)."""
    for field in page._meta.concrete_fields:
        if field.many_to_one and getattr(page, field.attname) == image.pk:
            for name in (f"{field.name}_alt_text", f"{field.name}_alt"):
                alt = getattr(page, name, "")
                if alt:
                    return alt
    return image.default_alt_text


@dataclass(frozen=True)
class SocialImage:
    url: str
    width: int
    height: int
    alt: str


def social_image_rendition(page, request):
    image = social_image(page)
    if image is None:
        return None
    rendition = image.get_rendition(SOCIAL_IMAGE_FILTER)
    return SocialImage(
        absolute_url(rendition.url), rendition.width, rendition.height, _alt_text(page, image)
    )
