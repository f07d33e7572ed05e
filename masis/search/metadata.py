"""What a page says about itself in the current language: title, description, sharing image.

Used by the <head> (meta description, Open Graph, Twitter card) and by the search results'
snippets, so that a page is summed up the same way everywhere.
"""

from dataclasses import dataclass
from html import unescape

from django.utils import translation
from django.utils.html import strip_tags
from wagtail.images import get_image_model

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
    text = " ".join(unescape(strip_tags(_as_text(value))).replace("\xa0", " ").split())
    if length is None or len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0] or text[: length - 1]
    return cut.rstrip(",;:") + "…"


def _first_text(page, field_names, length=None):
    """The first of ``field_names`` filled in the current language, else a French fallback.

    A translated field is read without modeltranslation's fallback first, so that an English
    introduction wins over a French search description.
    """
    names = [name for name in field_names if hasattr(page, name)]
    translated = set(translatable_field_names(type(page)))
    language = translation.get_language()
    for name in names:
        value = stored_value(page, name, language) if name in translated else getattr(page, name)
        if not value_is_empty(value):
            return Text(_plain(value, length))
    for name in names:
        value = getattr(page, name)
        if not value_is_empty(value):
            lang = SOURCE_LANGUAGE if falls_back(page, name, language) else ""
            return Text(_plain(value, length), lang)
    return None


def page_title(page):
    """The title for the <title> element and sharing: the SEO title if any, else the title."""
    return _first_text(page, TITLE_FIELDS)


def page_name(page):
    """The page's own title, as its heading and links show it."""
    return _first_text(page, ("title",))


def page_description(page, length=DESCRIPTION_LENGTH):
    return _first_text(page, DESCRIPTION_FIELDS, length)


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
    url = rendition.url
    if request is not None and url.startswith("/"):
        url = request.build_absolute_uri(url)
    return SocialImage(url, rendition.width, rendition.height, _alt_text(page, image))
