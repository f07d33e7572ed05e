"""Production: everything secret or host-specific comes from the environment.

Served over HTTPS behind a reverse proxy that sets X-Forwarded-Proto; `manage.py check --deploy`
reports nothing with these settings (tests/security/test_settings.py).
"""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("dev-", "test-", "django-insecure")):
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a random string of at least 50 characters "
        '(python -c "import secrets; print(secrets.token_urlsafe(64))").'
    )
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")  # noqa: F405
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the site's host names, comma-separated.")

# The public address every absolute link and e-mail is built from (never the Host header).
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/")
if not SITE_URL.startswith(("https://", "http://")) or not urlsplit(SITE_URL).hostname:
    raise ImproperlyConfigured(
        "Set SITE_URL to the site's public address, e.g. https://jumelage-masis.example.org."
    )
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or SITE_URL
WAGTAILAPI_BASE_URL = SITE_URL

# HTTPS only. The proxy terminates TLS and says so in X-Forwarded-Proto (it must overwrite any
# value the client sent).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],  # noqa: F405
        "upgrade-insecure-requests": True,
    }
}

LOGGING = {
    **LOGGING,  # noqa: F405
    "loggers": {
        # Errors (with their traceback) go to the log, never to the visitor.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.security": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
