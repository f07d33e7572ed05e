from dataclasses import dataclass

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_safe
from wagtail.models import Page, Site

from masis.core.site_address import absolute_url
from masis.multilingual.languages import LANGUAGE_CODES

from .engine import clean_query, search_pages, specific_pages
from .metadata import Snippet, Text, page_name, page_snippet
from .sitemaps import PageSitemap

RESULTS_PER_PAGE = 10


@dataclass(frozen=True)
class SearchResult:
    page: Page
    url: str
    title: Text
    kind: str
    description: Snippet | None

    @property
    def span(self):
        """The dates of an event (timeline.CooperationEventPage), None for other pages."""
        return getattr(self.page, "span", None)


def _result(page, request):
    return SearchResult(
        page=page,
        url=page.get_url(request),
        title=page_name(page),
        kind=page.specific_class._meta.verbose_name,
        description=page_snippet(page),
    )


def site_pages(request):
    """The live, public pages of the site the request is for."""
    site = Site.find_for_request(request)
    if site is None:
        return Page.objects.none()
    return Page.objects.live().public().descendant_of(site.root_page, inclusive=True)


@require_safe
def search(request):
    query = clean_query(request.GET.get("q", ""))
    context = {
        "search_query": query,
        "meta_title": pgettext_lazy("page title", "Search"),
        "meta_description": _("Search the pages of the twinning’s website."),
    }
    if query:
        found = search_pages(query, translation.get_language(), site_pages(request))
        paginator = Paginator(found, RESULTS_PER_PAGE)
        results_page = paginator.get_page(request.GET.get("page"))
        context.update(
            results_page=results_page,
            page_numbers=[
                None if number == paginator.ELLIPSIS else number
                for number in paginator.get_elided_page_range(results_page.number)
            ],
            results=[_result(page, request) for page in specific_pages(list(results_page))],
            result_count=len(found),
        )
    response = TemplateResponse(request, "search/search.html", context)
    if query:
        # One visitor's query: never kept by a shared cache (caching.middleware, a CDN).
        add_never_cache_headers(response)
    return response


@require_safe
def sitemap(request):
    return django_sitemap(request, {"pages": lambda: PageSitemap(request)})


@require_safe
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/"]
    # Search results are endless and thin: crawlers follow the sitemap instead.
    for code in LANGUAGE_CODES:
        with translation.override(code):
            lines.append(f"Disallow: {reverse('search')}")
    lines.append(f"Sitemap: {absolute_url(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
