"""The site's public address, ``settings.SITE_URL``: every absolute link the site prints
(canonical, hreflang, Open Graph, sitemap, robots.txt, feeds, JSON-LD, iCalendar, e-mails) starts
with it, never with the Host header of the request that happened to build a cached page.

Wagtail's default ``Site`` follows it after every ``migrate`` (hostname and port), so that what
Wagtail builds itself (the API's ``html_url``, ``Page.full_url``) names the same address.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_url():
    """``SITE_URL`` without its trailing slash: ``https://www.example.org``."""
    return settings.SITE_URL.rstrip("/")


def absolute_url(url):
    """``url`` on the site's address when it is a path ("/fr/"), as it is otherwise (a media
    URL on object storage, an address that already names its host, "" or None)."""
    if url and url.startswith("/") and not url.startswith("//"):
        return site_url() + url
    return url


def site_relative_url(url):
    """``url`` without the site's address when it has it ("https://www.example.org/fr/" →
    "/fr/"): a link within the site keeps the visitor on the host they came through."""
    prefix = site_url()
    if url and url.startswith(prefix + "/"):
        return url[len(prefix) :]
    return url


def site_host():
    """The host name of ``SITE_URL``: ``www.example.org``."""
    return urlsplit(site_url()).hostname or ""


def site_netloc():
    """Host and port of ``SITE_URL``, as it is written: ``www.example.org``, ``host:8443``."""
    return urlsplit(site_url()).netloc


def site_scheme():
    return urlsplit(site_url()).scheme or "http"


def site_hostname_and_port():
    """(hostname, port) for Wagtail's ``Site`` record: the port the scheme implies if none."""
    parts = urlsplit(site_url())
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)


def follow_site_url(**kwargs):
    """post_migrate: the default Site takes the host and port of ``SITE_URL``."""
    from wagtail.models import Site

    hostname, port = site_hostname_and_port()
    # An update, not a save: post_migrate runs before wagtail-modeltranslation adds its page
    # columns, and a saved Site would have the page cache purge every page (a query on them).
    # Pages print their links from SITE_URL: only Wagtail's own root paths need forgetting.
    changed = (
        Site.objects.filter(is_default_site=True)
        .exclude(hostname=hostname, port=port)
        .update(hostname=hostname, port=port)
    )
    if changed:
        Site.clear_site_root_paths_cache()
