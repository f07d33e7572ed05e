"""Login throttling with django-axes, adapted to the Wagtail admin."""

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off, get_failure_limit
from django.shortcuts import render


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' backend, except that it lets ``authenticate()`` without a request through.

    Every login form (Wagtail's, password reset…) passes the request, so attempts from the web
    are always counted. Calls without one (management commands, the test client's ``login()``)
    have no address to throttle; axes would raise an error for them.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """The page shown instead of the login form while an account is locked (HTTP 429)."""
    cool_off = get_cool_off(request)
    minutes = int(cool_off.total_seconds() // 60) if cool_off else None
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "cool_off_minutes": minutes,
    }
    response = render(request, "operations/lockout.html", context, status=429)
    if minutes:
        response["Retry-After"] = str(minutes * 60)
    return response
