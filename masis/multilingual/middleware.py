import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

from .languages import LANGUAGE_CODES

LANGUAGE_LIKE_PREFIX = re.compile(r"^/([a-z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?)(?:/|$)")


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that /de/… answers 404 instead of a redirect, and that
    a page's preview is in the language of its preview mode, and that the admin speaks one of
    its own languages.

    Wagtail's catch-all route makes every path "valid" under /fr/, so Django would redirect an
    unknown language prefix to /fr/de/… and only then answer 404.
    """

    def process_request(self, request):
        super().process_request(request)
        # Set by BasePage.make_preview_request on the request it simulates.
        language = getattr(request, "preview_language", None)
        if language in LANGUAGE_CODES:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        if request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            language = admin_language(request)
            translation.activate(language)
            request.LANGUAGE_CODE = language

    def process_response(self, request, response):
        if response.status_code == 404:
            match = LANGUAGE_LIKE_PREFIX.match(request.path_info)
            if match and match.group(1).lower() not in LANGUAGE_CODES:
                response.setdefault("Content-Language", settings.LANGUAGE_CODE)
                return response
        return super().process_response(request, response)


def admin_language(request):
    """The visitor's language if the admin speaks it (WAGTAILADMIN_PERMITTED_LANGUAGES), else
    the first of theirs it speaks, else the site's own.

    Wagtail's admin has no Armenian: a sign-in page asked for in Armenian would show French
    text marked lang="hy". (Signed-in staff get their profile's language from Wagtail.)
    """
    permitted = [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES]
    current = translation.get_language()
    if current in permitted:
        return current
    accepted = parse_accept_lang_header(request.headers.get("Accept-Language", ""))
    for code, _quality in accepted:
        base = code.split("-")[0].lower()
        if base in permitted:
            return base
    return settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in permitted else permitted[0]
