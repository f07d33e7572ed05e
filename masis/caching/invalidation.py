"""Invalidate every cached page whenever content that any page may show changes.

Pages show each other (menus, the home's sections, an event's partners, a partner's events, the
town profile's latest events), so a change is rarely local. The site is small: the whole page
cache goes with one increment of a shared version number, and a CDN in front, when configured,
is asked to purge every page URL in every language.
"""

import logging
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from wagtail.signals import page_published, page_slug_changed, page_unpublished

logger = logging.getLogger(__name__)

VERSION_KEY = "page-cache:version"

# Content shown on public pages: every model of these apps, plus the Wagtail models listed.
# The view restrictions decide whether a page (and the lists naming it) is public at all: the
# admin sets them without saving the page.
CONTENT_APPS = {"pages", "partners", "timeline", "institutional"}
CONTENT_MODELS = {
    "wagtailcore.page",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
    "wagtailcore.site",
    "wagtailimages.image",
    "wagtaildocs.document",
    "wagtailredirects.redirect",
}
# Bookkeeping of those apps that no visitor sees.
IGNORED_MODELS = {"pages.seedrecord"}


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def fresh_version():
    """The version a cache that lost it starts again from: the time in microseconds, above any
    version used before (one per change), so that no process takes the pages or lists it kept
    under an old number for current ones."""
    return time.time_ns() // 1000


def current_version():
    cache = page_cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        fresh = fresh_version()
        cache.add(VERSION_KEY, fresh, timeout=None)
        version = cache.get(VERSION_KEY, fresh)
    return version


def known_version():
    """The shared content version, or None when the cache does not have it (never set, evicted,
    or out of reach): then nothing may be kept under it."""
    return page_cache().get(VERSION_KEY)


def bump_version():
    cache = page_cache()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # key absent (evicted, or a fresh cache)
        cache.add(VERSION_KEY, fresh_version(), timeout=None)


def invalidate_everything():
    """Forget every cached page now, and purge the CDN if one is configured."""
    bump_version()
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        purge_frontend_cache()


def page_addresses(pages):
    """Every address of ``pages`` in every language, as a proxy in front keeps them."""
    from masis.multilingual.links import page_urls

    return sorted({url for page in pages for url in page_urls(page, full=True).values() if url})


def purge_frontend_cache():
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
    from wagtail.models import Page

    # Every page, not only the public ones: one just unpublished or made private is still in
    # the proxy as it was while public.
    purge_urls_from_cache(page_addresses(Page.objects.filter(depth__gt=1).specific()))


def _purge_addresses_of_deleted_page(sender, instance, **kwargs):
    """A deleted page is in no list of pages when the purge runs after the commit: its
    addresses are taken now, while it still has them."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = page_addresses([instance])
    transaction.on_commit(lambda: purge_urls_from_cache(urls))


def _schedule_invalidation(**kwargs):
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        invalidate_everything()
        return
    bump_version()
    # Once more after the commit (and the CDN then): a visitor's request that read the old
    # content before the commit may have stored it under the version bumped above. Once per
    # transaction, identified by its outermost atomic block (a rollback discards the callback).
    transaction_marker = id(connection.atomic_blocks[0])
    if getattr(connection, "_page_cache_scheduled_for", None) != transaction_marker:
        connection._page_cache_scheduled_for = transaction_marker
        transaction.on_commit(invalidate_everything)


def is_content_model(model):
    label = model._meta.label_lower
    if label in IGNORED_MODELS:
        return False
    # A migration's historical model (Wagtail's initial data saves a Page and a Site): the
    # schema may not be complete yet, and there is nothing cached to forget.
    try:
        if apps.get_model(label) is not model:
            return False
    except LookupError:
        return False
    if model._meta.app_label in CONTENT_APPS or label in CONTENT_MODELS:
        return True
    page_model = apps.get_model("wagtailcore", "Page")
    return issubclass(model, page_model)


def _on_model_change(sender, **kwargs):
    if is_content_model(sender):
        _schedule_invalidation()


def _on_cache_recovered(sender, **kwargs):
    # A change made while the cache was unreachable could not bump the version: pages kept
    # from before it would be served again.
    bump_version()


def connect_signals():
    from .backends import cache_recovered

    cache_recovered.connect(_on_cache_recovered, dispatch_uid="page-cache-recovered")
    post_save.connect(_on_model_change, dispatch_uid="page-cache-save")
    post_delete.connect(_on_model_change, dispatch_uid="page-cache-delete")
    # Every deleted page, whatever its type, is deleted as a wagtailcore Page too.
    pre_delete.connect(
        _purge_addresses_of_deleted_page,
        sender=apps.get_model("wagtailcore", "Page"),
        dispatch_uid="page-cache-deleted-page",
    )
    m2m_changed.connect(_on_model_change, dispatch_uid="page-cache-m2m")
    for signal in (page_published, page_unpublished, page_slug_changed):
        signal.connect(_schedule_invalidation, dispatch_uid=f"page-cache-{signal!r}")
