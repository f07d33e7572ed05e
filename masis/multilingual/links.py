"""One builder of a page's URL in every language.

Slugs are translated, so a page's English URL is not its French URL with another prefix: each
language's URL is built with that language active. The language switcher, the hreflang tags and
the sitemap all use this module.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import translate_url
from django.utils import translation

from masis.core.site_address import absolute_url, site_relative_url

from .languages import AUTONYMS, LANGUAGE_CODES, SOURCE_LANGUAGE


@dataclass(frozen=True)
class LanguageLink:
    code: str
    autonym: str
    url: str
    is_current: bool


def page_url(page, language, request=None, full=False):
    # Wagtail (with modeltranslation) keeps the site's root paths on the request for one
    # language at a time: another language through the request would fetch them from the cache
    # again, and once more back in the request's language. Single site: the URL is the same.
    if request is not None and language != translation.get_language():
        request = None
    with translation.override(language):
        url = page.get_url(request)
    # Absolute on the site's address, whatever Host the request came with: the page may be
    # cached and served to everyone.
    return absolute_url(url) if full else url


def page_urls(page, request=None, full=False):
    """{language: URL of ``page`` in that language}."""
    return {code: page_url(page, code, request, full) for code in LANGUAGE_CODES}


def path_urls(path):
    """{language: path} for a non-page view mounted under i18n_patterns."""
    return {code: translate_url(path, code) for code in LANGUAGE_CODES}


# The query parameters that mean the same in every language: the timeline's year and theme,
# the partner directory's kind (slugs and identifiers are not translated), the search's words.
# A page number is not one of them: another language may have fewer results.
SWITCHER_QUERY_PARAMETERS = ("kind", "q", "theme", "year")


def language_links(urls, current, params=None):
    """The language switcher's links: ``urls`` (absolute, as hreflang wants them) as paths,
    with the visitor's filters or search words among ``params`` (a QueryDict) kept, so that
    the other language shows the same selection."""
    query = ""
    if params is not None:
        kept = [
            (name, value)
            for name in SWITCHER_QUERY_PARAMETERS
            for value in params.getlist(name)
            if value
        ]
        query = f"?{urlencode(kept)}" if kept else ""
    return [
        LanguageLink(code, AUTONYMS[code], site_relative_url(urls[code]) + query, code == current)
        for code in LANGUAGE_CODES
        if urls.get(code)
    ]


def x_default(urls):
    return urls.get(SOURCE_LANGUAGE)
