"""What templates need to keep a costly fragment until the next content change:

    {% cache fragments.seconds "lists" fragments.version page.pk using="fragments" %}

``fragments.version`` is the shared content version that ``caching.invalidation`` increments
on every change, so a fragment kept under it is never served after a change, in any process.
When the version is unknown (Redis out of reach), ``fragments.seconds`` is 0: Django's cache
then keeps nothing, and the fragment is rendered for every visit.
"""

from functools import cached_property

from django.conf import settings

from .invalidation import known_version


class FragmentCache:
    def __init__(self, request):
        self.request = request

    @cached_property
    def version(self):
        # The page cache read it with the page (one round trip); otherwise ask once, and only
        # when a template uses it.
        version = getattr(self.request, "content_version", None)
        return version if version is not None else known_version()

    @cached_property
    def seconds(self):
        # A preview shows a draft, whose lists may differ from the published page's.
        if self.version is None or getattr(self.request, "is_preview", False):
            return 0
        return getattr(settings, "PAGE_CACHE_SECONDS", 600)


def fragment_cache(request):
    return {"fragments": FragmentCache(request)}
