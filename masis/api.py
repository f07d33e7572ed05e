"""The public read-only API: Wagtail's API v2 pages endpoint, in the language asked for.

``?locale=fr|en|hy`` (French when absent) activates that language while the request is
handled, so modeltranslation returns each translated field (title, slug, html_url, API fields)
in it, with the French fallback of the site itself. Wagtail's own ``locale`` filter is for
Wagtail's per-tree translations (WAGTAIL_I18N_ENABLED), which this site does not use: it would
filter every page out.
"""

from django.conf import settings
from django.db.models import Case, IntegerField, Value, When
from django.utils import translation
from rest_framework.filters import BaseFilterBackend
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    OrderingFilter,
)
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from masis.multilingual.languages import LANGUAGE_CODES, SOURCE_LANGUAGE
from masis.search.engine import clean_query, search_pages

LANGUAGE_PARAMETER = "locale"


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
        ids = search_pages(query, translation.get_language(), queryset)
        queryset = queryset.filter(pk__in=ids)
        if ids and "order" not in request.GET:
            best_first = [When(pk=pk, then=Value(rank)) for rank, pk in enumerate(ids)]
            queryset = queryset.order_by(Case(*best_first, output_field=IntegerField()))
        return queryset


class LocalizedPagesAPIViewSet(PagesAPIViewSet):
    # JSON only: the browsable HTML version would share its URL with the JSON one in the
    # page cache (caching.middleware keys by URL).
    renderer_classes = [JSONRenderer]
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

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if requested_language(request) not in LANGUAGE_CODES:
            raise BadRequestError(
                f"{LANGUAGE_PARAMETER}: unknown language; use one of " + ", ".join(LANGUAGE_CODES)
            )


api_router = WagtailAPIRouter("wagtailapi")
# Events and partners are pages: ?type=timeline.CooperationEventPage, ?type=partners.PartnerPage
api_router.register_endpoint("pages", LocalizedPagesAPIViewSet)
