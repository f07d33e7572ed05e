"""Login throttling with django-axes, adapted to the Wagtail admin."""

from axes.attempts import get_cool_off_threshold
from axes.backends import AxesStandaloneBackend
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
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


def address_failures(request):
    """Failed sign-ins from the request's address within the cool-off time, whatever the
    username: one address trying many accounts (password spraying) is stopped too."""
    failures = AccessAttempt.objects.filter(
        ip_address=request.axes_ip_address,
        attempt_time__gte=get_cool_off_threshold(request),
    ).aggregate(total=Sum("failures_since_start"))["total"]
    return failures or 0


def address_is_locked(request):
    return address_failures(request) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT


class LoginThrottleHandler(AxesDatabaseHandler):
    """axes' lockout of an account from an address (AXES_FAILURE_LIMIT), plus a lockout of the
    address itself after LOGIN_ADDRESS_FAILURE_LIMIT failures on any accounts.

    axes has one failure limit for all its lockout parameters; an address may fairly fail more
    often than one account (a shared office connection), hence a limit of its own.
    """

    def is_locked(self, request, credentials=None):
        return super().is_locked(request, credentials) or address_is_locked(request)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if request is not None and not request.axes_locked_out and address_is_locked(request):
            request.axes_locked_out = True
            request.axes_credentials = credentials


def lockout_response(request, original_response=None, credentials=None):
    """The page shown instead of the login form while an account is locked (HTTP 429)."""
    cool_off = get_cool_off(request)
    minutes = int(cool_off.total_seconds() // 60) if cool_off else None
    whole_address = hasattr(request, "axes_ip_address") and address_is_locked(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "address_failure_limit": settings.LOGIN_ADDRESS_FAILURE_LIMIT,
        "whole_address": whole_address,
        "cool_off_minutes": minutes,
    }
    response = render(request, "operations/lockout.html", context, status=429)
    if minutes:
        response["Retry-After"] = str(minutes * 60)
    return response
