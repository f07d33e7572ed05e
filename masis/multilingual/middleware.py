import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from .languages import LANGUAGE_CODES

LANGUAGE_LIKE_PREFIX = re.compile(r"^/([a-z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?)(?:/|$)")


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that /de/… answers 404 instead of a redirect, and that
    a page's preview is in the language of its preview mode.

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

    def process_response(self, request, response):
        if response.status_code == 404:
            match = LANGUAGE_LIKE_PREFIX.match(request.path_info)
            if match and match.group(1).lower() not in LANGUAGE_CODES:
                response.setdefault("Content-Language", settings.LANGUAGE_CODE)
                return response
        return super().process_response(request, response)
