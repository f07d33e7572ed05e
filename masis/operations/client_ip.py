"""The address of the visitor, the one definition used by login throttling and rate limits."""

from django.conf import settings


def client_ip(request, credentials=None):
    """REMOTE_ADDR, or the address appended by the outermost of TRUSTED_PROXY_COUNT proxies.

    Each trusted proxy appends the address it received the request from to X-Forwarded-For, so
    only the last TRUSTED_PROXY_COUNT entries can be believed: anything left of them was sent by
    the client and may be forged.
    """
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    remote = request.META.get("REMOTE_ADDR", "")
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote
    return forwarded[-proxies]
