"""Passwords of restricted pages and documents, throttled like the admin's sign-in.

Wagtail checks the password an editor set on a page or a collection of documents as often as
it is posted. These wrappers of its two views count the wrong ones per restriction and visitor
address: after AXES_FAILURE_LIMIT failures the form is refused (429) for AXES_COOLOFF_TIME,
whatever is typed, as the admin's sign-in is. The form keeps the visitor's language and the
site's design (PASSWORD_REQUIRED_TEMPLATE below). Like the contact form, the form posts without
Django's CSRF token (no cookie before the password is right): only posts from the site's own
pages pass (``same_origin_post``).
"""

import copy
import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from wagtail import views as page_views
from wagtail.documents.views import serve as document_views

from .client_ip import client_ip
from .csrf import same_origin_post

PASSWORD_REQUIRED_TEMPLATE = "operations/password_required.html"


def cool_off_seconds():
    return int(settings.AXES_COOLOFF_TIME * 3600)


def _failures_key(kind, restriction_id, request):
    address = hashlib.sha256(client_ip(request).encode()).hexdigest()[:32]
    return f"restriction-failures:{kind}:{restriction_id}:{address}"


def throttled(kind, view, restriction_argument):
    """``view`` (Wagtail's password check of a ``kind`` of restriction, which it names by its
    ``restriction_argument``), throttled."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        key = _failures_key(kind, kwargs[restriction_argument], request)
        if (cache.get(key) or 0) >= settings.AXES_FAILURE_LIMIT:
            return _refused(view, request, *args, **kwargs)
        response = view(request, *args, **kwargs)
        if response.status_code == 302:  # the right password
            cache.delete(key)
            return response
        if response.status_code == 200:  # the form again: a wrong password
            cache.add(key, 0, cool_off_seconds())
            try:
                failures = cache.incr(key)
            except ValueError:  # evicted meanwhile
                cache.set(key, 1, cool_off_seconds())
                failures = 1
            cache.touch(key, cool_off_seconds())  # locked for the cool-off after the last one
            if failures >= settings.AXES_FAILURE_LIMIT:
                return _refused(view, request, *args, **kwargs)
        return response

    return wrapper


def _refused(view, request, *args, **kwargs):
    """The password form, empty, saying why it cannot be used now; the password posted is
    never checked."""
    unposted = copy.copy(request)
    unposted.method = "GET"
    response = view(unposted, *args, **kwargs)
    # Where the visitor was going, for their next try once the cool-off is over.
    response.context_data["form"].initial["return_url"] = request.POST.get("return_url", "")
    response.context_data["too_many_attempts"] = True
    response.context_data["cool_off_minutes"] = cool_off_seconds() // 60
    response.status_code = 429
    response["Retry-After"] = str(cool_off_seconds())
    return response


authenticate_page_password = same_origin_post(
    throttled("page", page_views.authenticate_with_password, "page_view_restriction_id")
)
authenticate_document_password = same_origin_post(
    throttled("document", document_views.authenticate_with_password, "restriction_id")
)
