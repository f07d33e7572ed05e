"""Cross-site request protection without a cookie, for the public site's forms.

Visitors get no cookie at all (tests/security/test_headers.py), so a public form cannot use
Django's CSRF token, which lives in a cookie. Browsers say where a form post comes from in the
Origin header (Referer when they send no Origin): a post whose origin is not this site is
refused. Usage, on the view a public form posts to::

    @same_origin_post
    def contact_send(request): ...

Staff forms (the admin) keep Django's token.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.views.csrf import csrf_failure
from django.views.decorators.csrf import csrf_exempt

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


def _origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def is_same_origin(request):
    if request.method in SAFE_METHODS:
        return True
    claimed = request.headers.get("Origin")
    if not claimed or claimed == "null":
        claimed = _origin_of(request.headers.get("Referer", ""))
    if not claimed:
        return False
    allowed = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
    return claimed in allowed


def same_origin_post(view):
    """csrf_exempt (no token, no cookie), but only posts from this site's own pages pass."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_same_origin(request):
            return csrf_failure(request, reason="Origin checking failed.")
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapper)
