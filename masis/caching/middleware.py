"""Full-page cache for anonymous visitors, per URL (hence per language), in Django's cache.

Django's own per-site cache middleware keys pages by request headers and cannot drop every
page at once when an editor publishes; this one keys by a shared version number that
``caching.invalidation`` increments on every content change, so all app processes sharing the
cache (Redis) serve fresh content as soon as the publish returns.
"""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, set_response_etag

from .invalidation import VERSION_KEY, current_version, page_cache

CACHEABLE_CONTENT_TYPES = (
    "text/html",
    "application/xml",
    "text/xml",
    "application/rss+xml",
    "application/atom+xml",
    "text/calendar",
    "text/plain",
    "application/json",
)
UNCACHEABLE_CACHE_CONTROL = ("private", "no-cache", "no-store")
MAX_QUERY_LENGTH = 256
# The query parameters public pages read: the timeline's filters and pages (timeline.listing),
# the partner directory's kind (partners.models), the search's query and pages (search.views),
# the sitemap's pages (Django's sitemap view).
PAGE_QUERY_PARAMETERS = ("kind", "p", "page", "q", "theme", "year")
API_PREFIX = "/api/"


def _excluded_prefixes():
    return tuple(getattr(settings, "PAGE_CACHE_EXCLUDED_PATHS", ()))


def _cache_key(request):
    """The path and the query parameters the page reads, in a canonical order.

    No host: every link a page prints is built on SITE_URL, so a page is the same whatever Host
    header it was asked with. Parameters no page reads (``utm_source``…) are left out: the
    page they come with is the page without them.
    """
    params = request.GET
    if request.path.startswith(API_PREFIX):
        # Every parameter means something to the API; it answers 400 (not kept) to unknown ones.
        names = sorted(params)
    else:
        names = [name for name in PAGE_QUERY_PARAMETERS if name in params]
    query = urlencode([(name, value) for name in names for value in params.getlist(name)])
    raw = f"{request.path}?{query}"
    digest = hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()
    return f"page-cache:page:{digest}"


def _stored(version, response):
    """What the cache keeps of a page: plain values, cheap to unpickle on every hit."""
    return (version, response.status_code, list(response.headers.items()), response.content)


def _from_stored(entry):
    _version, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response.headers[name] = value
    return response


def _hit(entry):
    response = _from_stored(entry)
    response["X-Page-Cache"] = "hit"
    return response


def request_is_cacheable(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(_excluded_prefixes()):
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
        return False
    # Anyone with a session (staff, previews) or pending messages gets a fresh page.
    cookies = request.COOKIES
    return not (settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies)


def response_is_cacheable(response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Vary") and "cookie" in response["Vary"].lower():
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in UNCACHEABLE_CACHE_CONTROL):
        return False
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    return content_type in CACHEABLE_CONTENT_TYPES


class PageCacheMiddleware:
    """Place right after SecurityMiddleware/WhiteNoise: a hit skips sessions, auth and views."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not getattr(settings, "PAGE_CACHE_ENABLED", True) or not request_is_cacheable(request):
            return self.get_response(request)
        key = _cache_key(request)
        cache = page_cache()
        # One round trip: the shared version and the page, kept with the version it was built
        # at. A page built before the last change has an older version: it is a miss.
        found = cache.get_many([VERSION_KEY, key])
        # Known to the fragment cache (caching.context_processors) without asking Redis again.
        request.content_version = found.get(VERSION_KEY)
        version = request.content_version or current_version()
        entry = found.get(key)
        if entry is not None and entry[0] == version:
            return _hit(entry)
        response = self.get_response(request)
        if response_is_cacheable(response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            timeout = getattr(settings, "PAGE_CACHE_SECONDS", 600)
            # Browsers revalidate (invalidation cannot reach them); a CDN, when one is
            # configured, may keep the page: Wagtail's frontend-cache purge reaches it.
            if getattr(settings, "WAGTAILFRONTENDCACHE", None):
                patch_cache_control(response, max_age=0, s_maxage=settings.FRONTEND_CACHE_SECONDS)
            else:
                patch_cache_control(response, max_age=0)
            # Kept with the page, so that a hit is not hashed again: browsers revalidate with
            # it and get a 304 (ConditionalGetMiddleware) while the page is unchanged.
            set_response_etag(response)
            entry = _stored(version, response)
            cache.set(key, entry, timeout)
            response["X-Page-Cache"] = "miss"
        return response
