"""A small rate limit per visitor address, on Django's cache (Redis in production).

Usage in a form view (the contact form, say), before sending anything::

    CONTACT_LIMIT = RateLimit("contact", limit=5, period=3600)

    if request.method == "POST" and not CONTACT_LIMIT.hit(request):
        form.add_error(None, _("Too many messages from your connection. Please try later."))
        return render(request, template, {"form": form}, status=429)

Re-rendering the bound form keeps what the visitor typed: a legitimate sender loses nothing.
Counting happens in fixed windows of ``period`` seconds shared by every app process. When the
cache cannot count (Redis down: ``incr`` gives None), the attempt is allowed: a visitor's message
is never refused because a counter is out of reach.
"""

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import cache

from .client_ip import client_ip


@dataclass(frozen=True)
class RateLimit:
    scope: str
    limit: int
    period: int  # seconds

    def _key(self, request, now):
        address = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
        window = int(now // self.period)
        return f"ratelimit:{self.scope}:{address}:{window}"

    def hit(self, request, now=None):
        """Count one attempt from this visitor; True while they are within the limit."""
        key = self._key(request, time.time() if now is None else now)
        cache.add(key, 0, self.period + 60)
        try:
            count = cache.incr(key)
        except ValueError:  # evicted between add() and incr()
            cache.set(key, 1, self.period + 60)
            count = 1
        return count is None or count <= self.limit

    def retry_after(self, now=None):
        """Seconds until the current window ends."""
        now = time.time() if now is None else now
        return int(self.period - now % self.period) or self.period
