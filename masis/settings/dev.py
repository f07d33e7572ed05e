"""Local development: the embedded default of the README's first command."""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DEBUG", "1").lower() in {"1", "true", "yes", "on"}
# A development key only; production.py refuses to start without a real one.
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-not-secret-masis"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
