"""The public read-only API: Wagtail's API v2 pages endpoint, in the language asked for.

``?locale=fr|en|hy`` (French when absent) activates that language while the request is
handled, so modeltranslation returns each translated field (title, slug, html_url, API fields)
in it, with the French fallback of the site itself. Wagtail's own ``locale`` filter is for
Wagtail's per-tree translations (WAGTAIL_I18N_ENABLED), which this site does not use: it would
filter every page out.
"""

import logging
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DataError
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404
from django.utils import translation
from rest_framework import status
from rest_framework.filters import BaseFilterBackend
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    OrderingFilter,
)
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Site
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from masis.multilingual.languages import LANGUAGE_CODES, SOURCE_LANGUAGE
from masis.search.engine import clean_query, search_pages

LANGUAGE_PARAMETER = "locale"
# PostgreSQL's OFFSET is a bigint: a larger one is a database error, not an empty page.
MAX_OFFSET = 1_000_000
# A page id is a database integer.
MAX_ID = 2**63 - 1

logger = logging.getLogger(__name__)


def requested_language(request):
    return request.GET.get(LANGUAGE_PARAMETER, SOURCE_LANGUAGE).strip().lower()


class LanguageSearchFilter(BaseFilterBackend):
    """``?search=``: the site search (search.engine), in the requested language only."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            raise BadRequestError("search is disabled")
        query = clean_query(request.GET["search"])
        try:
            ids = search_pages(query, translation.get_language(), queryset)
        except (FilterFieldError, OrderByFieldError) as error:
            raise BadRequestError(
                f"cannot filter or order by '{error.field_name}' while searching"
            ) from error
        queryset = queryset.filter(pk__in=ids)
        if ids and "order" not in request.GET:
            best_first = [When(pk=pk, then=Value(rank)) for rank, pk in enumerate(ids)]
            queryset = queryset.order_by(Case(*best_first, output_field=IntegerField()))
        return queryset


def positive_integer(request, name, maximum):
    """The query parameter ``name`` as an integer in 0..maximum, or a 400 saying what is wrong."""
    value = request.GET[name].strip()
    if not value.isascii() or not value.isdigit() or int(value) > maximum:
        raise BadRequestError(f"{name} must be a whole number from 0 to {maximum}")
    return int(value)


class BoundedPagination(WagtailPagination):
    """Wagtail's offset/limit pagination, with an offset the database can take."""

    def paginate_queryset(self, queryset, request, view=None):
        if "offset" in request.GET:
            positive_integer(request, "offset", MAX_OFFSET)
        return super().paginate_queryset(queryset, request, view)


class LocalizedPagesAPIViewSet(PagesAPIViewSet):
    # JSON only: the browsable HTML version would share its URL with the JSON one in the
    # page cache (caching.middleware keys by URL).
    renderer_classes = [JSONRenderer]
    pagination_class = BoundedPagination
    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        LanguageSearchFilter,  # last: it orders by relevance
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters - {"translation_of"}
    # Wagtail's Locale of every page is French here: the language is the request's.
    meta_fields = [name for name in PagesAPIViewSet.meta_fields if name != "locale"]

    @classmethod
    def get_detail_default_fields(cls, model):
        # Wagtail's own removes "locale" from the fields, which here are without it.
        return cls.get_available_fields(model)

    def dispatch(self, request, *args, **kwargs):
        language = requested_language(request)
        with translation.override(language if language in LANGUAGE_CODES else SOURCE_LANGUAGE):
            response = super().dispatch(request, *args, **kwargs)
        if response.status_code < 400:
            response["Content-Language"] = language
        return response

    def find_object(self, queryset, request):
        """``?id=`` or ``?html_path=``: the ``html_url`` (or its path) that the API gives for a
        page, in any language (``/hy/կապ/``, percent-encoded or not)."""
        if "id" in request.GET:
            return queryset.filter(id=positive_integer(request, "id", MAX_ID)).first()
        if "html_path" not in request.GET:
            return None
        raw = request.GET["html_path"]
        path = unquote(urlsplit(raw).path)  # a slug never holds "%"
        if "\x00" in raw or "\x00" in path:
            raise BadRequestError("html_path: null characters are not allowed")
        site = Site.find_for_request(request)
        if site is None:
            return None
        components = [component for component in path.split("/") if component]
        language = translation.get_language()
        if components and components[0] in LANGUAGE_CODES:
            language = components.pop(0)
            self.language_of_path = language
        with translation.override(language):
            try:
                page, _args, _kwargs = site.root_page.specific.route(request, components)
            except Http404:
                return None
        return page if queryset.filter(id=page.id).exists() else None

    def find_view(self, request):
        response = super().find_view(request)
        language = getattr(self, "language_of_path", None)
        if response.status_code == 302 and language and LANGUAGE_PARAMETER not in request.GET:
            # The page in the language of the path asked for.
            separator = "" if response["Location"].endswith("?") else "&"
            response["Location"] += f"{separator}{LANGUAGE_PARAMETER}={language}"
        return response

    def handle_exception(self, exc):
        # Whatever a parameter the checks above missed makes the database or a converter
        # refuse is still the client's error: a 400 with a message, never a 500.
        if isinstance(exc, Http404) and not str(exc):  # e.g. ?format= of no renderer
            return Response({"message": "not found"}, status=status.HTTP_404_NOT_FOUND)
        if isinstance(exc, (ValidationError, DataError, ValueError, OverflowError)):
            logger.warning("API: malformed request refused: %r", exc)
            return Response(
                {"message": "malformed query parameter"}, status=status.HTTP_400_BAD_REQUEST
            )
        return super().handle_exception(exc)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if requested_language(request) not in LANGUAGE_CODES:
            raise BadRequestError(
                f"{LANGUAGE_PARAMETER}: unknown language; use one of " + ", ".join(LANGUAGE_CODES)
            )


api_router = WagtailAPIRouter("wagtailapi")
# Events and partners are pages: ?type=timeline.CooperationEventPage, ?type=partners.PartnerPage
api_router.register_endpoint("pages", LocalizedPagesAPIViewSet)
