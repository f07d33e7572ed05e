from dataclasses import dataclass

from django import template
from django.utils import translation

from masis.multilingual.languages import LANGUAGE_CODES, LOCALES
from masis.search import metadata

register = template.Library()


@dataclass(frozen=True)
class PageMeta:
    title: metadata.Text | None
    description: metadata.Text | None
    image: metadata.SocialImage | None
    locale_alternates: list


@register.simple_tag(takes_context=True)
def page_meta(context, page=None):
    """Title, description, image and other locales of the page (or view) being rendered.

    A view without a page may set ``meta_title`` and ``meta_description`` in its context.
    """
    current = translation.get_language()
    alternates = [LOCALES[code] for code in LANGUAGE_CODES if code != current]
    if page is None or not getattr(page, "pk", None):
        title = context.get("meta_title")
        description = context.get("meta_description")
        return PageMeta(
            metadata.Text(str(title)) if title else None,
            metadata.Text(str(description)) if description else None,
            None,
            alternates,
        )
    return PageMeta(
        metadata.page_title(page),
        metadata.page_description(page),
        metadata.social_image_rendition(page, context.get("request")),
        alternates,
    )


@register.simple_tag
def page_description(page):
    return metadata.page_description(page)
