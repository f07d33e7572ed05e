from django import template
from django.utils import translation
from django.utils.encoding import escape_uri_path
from django.utils.safestring import mark_safe

from masis.core.site_address import absolute_url
from masis.multilingual import links
from masis.multilingual.fields import falls_back, stored_value
from masis.multilingual.languages import LOCALES, SOURCE_LANGUAGE
from masis.multilingual.names import mark_languages

register = template.Library()


@register.simple_tag(takes_context=True)
def alternate_urls(context, page=None):
    """Absolute URLs of the current page (or view) in every language."""
    request = context.get("request")
    if page is not None and getattr(page, "pk", None):
        return links.page_urls(page, request, full=True)
    if request is None:
        return {}
    # The address asked for, percent-encoded: a 404 repeats it, and a browser reads a raw
    # backslash as a slash (/\evil.example/ is //evil.example/, another site).
    paths = links.path_urls(escape_uri_path(request.path))
    return {code: absolute_url(path) for code, path in paths.items()}


@register.simple_tag(takes_context=True)
def language_links(context, urls):
    request = context.get("request")
    params = request.GET if request is not None else None
    return links.language_links(urls, translation.get_language(), params)


@register.filter
def x_default(urls):
    return links.x_default(urls)


@register.filter
def in_language(urls, language):
    return urls.get(language, "")


@register.simple_tag
def fallback_lang(instance, field_name):
    """` lang="fr"` when this field shows its French value on a page in another language."""
    if instance is not None and falls_back(instance, field_name, translation.get_language()):
        return mark_safe(f' lang="{SOURCE_LANGUAGE}"')
    return ""


@register.simple_tag
def fallback_language(instance, field_name):
    """ "fr" when this field shows its French value, else None: a ``lang=`` value for image tags,
    which leave out an attribute whose value is None."""
    if instance is not None and falls_back(instance, field_name, translation.get_language()):
        return SOURCE_LANGUAGE
    return None


@register.simple_tag
def page_title(page):
    """A page's title for an element in the active language, its words in another language in
    <span lang> (``BasePage.marked_title``). A title that falls back to French is left as it
    is: its element carries lang="fr" (``{% fallback_lang page "title" %}``)."""
    if page is None:
        return ""
    if falls_back(page, "title", translation.get_language()):
        return page.title
    marked_title = getattr(page, "marked_title", None)
    if marked_title is None:  # a page that is not of its specific type
        source = stored_value(page, "title", SOURCE_LANGUAGE)
        return mark_languages(page.title, translation.get_language(), source)
    return marked_title()


@register.simple_tag
def og_locale(language=None):
    return LOCALES.get(language or translation.get_language(), LOCALES[SOURCE_LANGUAGE])
