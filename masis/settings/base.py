"""Settings shared by every environment; environment variables decide the rest."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # wagtail_modeltranslation must come before the apps whose models it translates.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "masis.core",
    "masis.multilingual",
    "masis.caching",
    "masis.search",
    "masis.editorial",
    "pages",
    "partners",
    "timeline",
    "institutional",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "masis.operations",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Security headers on every response, cached pages and static files included.
    "masis.operations.csp.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag on every page, 304 to a browser revalidating an unchanged one (cached or not).
    "django.middleware.http.ConditionalGetMiddleware",
    # Before sessions and auth: a cache hit for an anonymous visitor skips all of them.
    "masis.caching.middleware.PageCacheMiddleware",
    # French spacing in French pages' text, before the page cache keeps them.
    "masis.multilingual.typography.FrenchTypographyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "masis.multilingual.middleware.SiteLocaleMiddleware",
    # Before anything reads a body: a public post larger than a form needs is refused (413).
    "masis.operations.request_size.PublicPostSizeMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a login refused by django-axes into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "masis.urls"
WSGI_APPLICATION = "masis.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "masis.caching.context_processors.fragment_cache",
            ],
        },
    },
]

# SQLite is the embedded default for a first run; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that is down or hung: a request gives up connecting after this many seconds.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "3"))
    )
    # A query that runs away is stopped by PostgreSQL. Set for the web processes (masis/wsgi.py
    # sets a default), not for manage.py commands (migrations, backups) unless set here.
    if os.environ.get("DATABASE_STATEMENT_TIMEOUT", "0") not in ("", "0"):
        DATABASES["default"]["OPTIONS"]["options"] = (
            f"-c statement_timeout={os.environ['DATABASE_STATEMENT_TIMEOUT']}"
        )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# operations.auth.LoginThrottleBackend (django-axes) refuses logins while locked out; it must
# come first.
AUTHENTICATION_BACKENDS = [
    "masis.operations.auth.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # The site's own words and the user's e-mail address are no password either.
    {"NAME": "masis.operations.passwords.SiteVocabularyValidator"},
]

# --- Languages -------------------------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("hy", _("Armenian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Paris"
# Django ships no Armenian format module; ours lives in masis/formats/hy.
FORMAT_MODULE_PATH = ["masis.formats"]
# Quantities are grouped by locale (fr "100 000", en "100,000"). Every integer in a template is
# then grouped: render ids, years and other non-quantities with |unlocalize.
USE_THOUSAND_SEPARATOR = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_LANGUAGES = ("fr", "en", "hy")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fr",)
MODELTRANSLATION_PREPOPULATE_LANGUAGE = None
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = True
# The editor keeps showing the languages a translator chose to see (Français, English, Հայերեն).
WAGTAILMODELTRANSLATION_LOCALE_PICKER_RESTORE = True

# --- Static and media ------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Several app machines share media on S3-compatible object storage (pip install ".[s3]").
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
# Hashed static files are cached for a year by browsers and CDNs (whitenoise's default for
# them); others for an hour.
WHITENOISE_MAX_AGE = 3600

# --- Wagtail ---------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Aix-en-Provence – Masis"
# The site's public address (scheme, host, port): every absolute link and e-mail uses it
# (masis.core.site_address), and the default Site follows it. Required in production.
SITE_URL = (os.environ.get("SITE_URL") or "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or SITE_URL
WAGTAILAPI_BASE_URL = SITE_URL  # the API's detail_url; html_url follows the Site record
WAGTAIL_I18N_ENABLED = False  # one page tree, translated per field by modeltranslation
# Old addresses redirect in every language (multilingual.redirects); Wagtail's own automatic
# redirects only see the language active when a page is saved.
WAGTAILREDIRECTS_AUTO_CREATE = False
# Moderators approve without publish permission: their approval publishes (editorial.workflows).
WAGTAIL_FINISH_WORKFLOW_ACTION = "masis.editorial.workflows.publish_approved"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Public API (masis/api.py, /api/v2/): a listing returns at most this many items per request.
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The password form of restricted pages and documents, in the site's design and languages.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "operations/password_required.html"
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "operations/password_required.html"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français"), ("en", "English")]

# --- Cache -----------------------------------------------------------------------------------
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")
# A Redis that is down or hung must cost little: short timeouts, and a circuit breaker
# (caching.backends) that stops calling it for CACHE_CIRCUIT_BREAKER_SECONDS after a failure.
# Cache calls then miss; /healthz reports the cache down.
REDIS_CACHE_OPTIONS = {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25}
CACHE_CIRCUIT_BREAKER_SECONDS = float(os.environ.get("CACHE_CIRCUIT_BREAKER_SECONDS", "5"))
# One warning when the breaker opens and one when it closes, not a traceback per call.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
if CACHE_URL:
    CACHES = {
        "default": {
            # django-redis rather than Django's own backend, which builds a new client object
            # for every cache call (about a third of a cached page's time, measured).
            "BACKEND": "masis.caching.backends.CircuitBreakerRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "masis"),
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Costly lists rendered once per content version ({% cache … using="fragments" %}, keyed on the
# shared version: caching.context_processors). In each process's memory: a fragment costs no
# Redis command, and a new version leaves the old ones unused (LRU, bounded).
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "OPTIONS": {"MAX_ENTRIES": 2000},
}

# Full-page cache of anonymous visits (caching.middleware), dropped on every content change.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/documents/", "/healthz", "/django-admin/"]

# A CDN or reverse proxy in front: Wagtail's frontend-cache purge, switched on by environment.
# FRONTEND_CACHE_PURGE_URL names an HTTP purge endpoint (Varnish, nginx); Cloudflare needs
# CLOUDFLARE_ZONE_ID and CLOUDFLARE_BEARER_TOKEN.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
    }
FRONTEND_CACHE_SECONDS = int(os.environ.get("FRONTEND_CACHE_SECONDS", "300"))

# --- E-mail (the contact form) ---------------------------------------------------------------
# Django's SMTP backend, configured by the environment; dev prints mails, tests keep them.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Where the contact form's messages go when its page names no address (comma-separated).
CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", "")
# Messages sent through the contact form are deleted this many days after they arrive
# (`manage.py purge_contact_messages`, run daily); the personal data page states it.
CONTACT_MESSAGE_RETENTION_DAYS = int(os.environ.get("CONTACT_MESSAGE_RETENTION_DAYS", "365"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}


# --- Security (operations app) ---------------------------------------------------------------
# Headers on every response. production.py adds HTTPS-only cookies, HSTS and the SSL redirect.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp). Public pages run no inline script and load nothing from
# another host; the Wagtail admin gets ADMIN_CONTENT_SECURITY_POLICY (operations.csp).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail's admin still relies on inline scripts and styles; it stays same-origin only.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
ADMIN_URL_PREFIX = "/admin/"
# Media on object storage (STORAGES above) come from its host: images may load from there.
MEDIA_ORIGIN = os.environ.get("MEDIA_ORIGIN") or (
    f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}"
    if os.environ.get("AWS_S3_CUSTOM_DOMAIN")
    else os.environ.get("AWS_S3_ENDPOINT_URL", "")
)
if MEDIA_ORIGIN:
    for _policy in (CONTENT_SECURITY_POLICY, ADMIN_CONTENT_SECURITY_POLICY):
        for _directive in ("img-src", "media-src"):
            _policy["DIRECTIVES"].setdefault(_directive, ["'self'"]).append(MEDIA_ORIGIN)

# Permissions-Policy (django-permissions-policy): no device or tracking feature for anyone.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Cookies: none for anonymous visitors (no form on public pages sets the CSRF cookie unless it
# renders a token); staff sessions last a working day.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Client address for login throttling and rate limits: REMOTE_ADDR, or the address the given
# number of trusted reverse proxies appended to X-Forwarded-For.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Login throttling (django-axes): an account is locked for one address after 5 failures, for
# 15 minutes; `manage.py axes_reset_username NAME` or Settings > Login lockouts unlocks it.
AXES_FAILURE_LIMIT = 5
# …and an address, whatever the usernames it tries, after 20 failures (password spraying);
# operations.auth.LoginThrottleHandler.
LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("LOGIN_ADDRESS_FAILURE_LIMIT", "20"))
AXES_HANDLER = "masis.operations.auth.LoginThrottleHandler"
AXES_COOLOFF_TIME = 0.25  # hours
# "Forgotten password": at most 5 reset e-mails an hour per address and per account.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "masis.operations.password_reset.ThrottledPasswordResetForm"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "masis.operations.auth.lockout_response"
AXES_CLIENT_IP_CALLABLE = "masis.operations.client_ip.client_ip"
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False

# Uploads: request bodies, images and documents. Images: at most 25 megapixels (a 24 Mpx camera
# photo passes), far under Pillow's decompression-bomb warning of 89 Mpx: a worker decoding the
# largest accepted image for its renditions peaks around 250 MB (tests/security/test_uploads.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Outside the admin, visitors post at most this (operations.request_size): the contact form's
# 5,000-character message in Armenian, percent-encoded, is about 30 KB.
PUBLIC_POST_MAX_SIZE = 128 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000  # page forms: 3 languages x StreamField blocks
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 25_000_000
# A damaged (truncated) image is a form error naming the file (operations.images).
WAGTAILIMAGES_IMAGE_FORM_BASE = "masis.operations.images.ImageForm"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Office documents only: no HTML, SVG, XML or script a browser could run on our origin. Every
# document but a PDF is served as an attachment, with "default-src 'none'" and nosniff.
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "odt", "ods", "odp", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "rtf", "csv",
    "txt", "zip",
]  # fmt: skip
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True

# No request from the admin to another host: no Gravatar, no update check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
