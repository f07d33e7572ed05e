"""sitemap.xml: every live page in every language, with its translations as hreflang links.

Wagtail's own sitemap (wagtail.contrib.sitemaps) lists one URL per page and no alternates.
Django's ``Sitemap`` with ``i18n`` and ``alternates`` does the rest: it calls ``location`` once
per language with that language active, which is exactly how multilingual.links builds a
page's translated URL. Its ``x_default`` cannot be used: it strips "/fr/" from the French URL,
and "/masis/" is not a page of this site. The x-default link is the French URL, as in the
pages' own <head>.
"""

from django.contrib.sitemaps import Sitemap
from django.utils import translation
from wagtail.models import Site

from masis.core.site_address import site_netloc, site_scheme
from masis.multilingual import links
from masis.multilingual.languages import LANGUAGE_CODES


class PageSitemap(Sitemap):
    i18n = True
    alternates = True
    languages = LANGUAGE_CODES

    def __init__(self, request):
        self.request = request
        self.pages = None
        self.urls = None

    def items(self):
        if self.pages is None:
            site = Site.find_for_request(self.request)
            if site is None:
                return []
            self.pages = list(
                site.root_page.get_descendants(inclusive=True)
                .live()
                .public()
                .order_by("path")
                .defer_streamfields()
                .specific()
            )
        return self.pages

    def location(self, page):
        # Relative: Django adds the domain and protocol below.
        if self.urls is None:
            self.urls = self.urls_by_language()
        return self.urls[page.pk, translation.get_language()]

    def urls_by_language(self):
        """{(page id, language): URL}, one language after the other: Django asks for each
        page's URL in every language in turn, and each change of language would fetch the
        site's root paths from the cache again (``links.page_url``)."""
        urls = {}
        for language in LANGUAGE_CODES:
            with translation.override(language):
                for page in self.items():
                    urls[page.pk, language] = page.get_url(self.request)
        return urls

    # The site's address (SITE_URL), not the request's Host: the sitemap is cached.
    def get_domain(self, site=None):
        return site_netloc()

    def get_protocol(self, protocol=None):
        return site_scheme()

    def lastmod(self, page):
        return page.last_published_at or page.latest_revision_created_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            by_language = {alt["lang_code"]: alt["location"] for alt in url["alternates"]}
            default = links.x_default(by_language)
            if default:
                url["alternates"].append({"lang_code": "x-default", "location": default})
        return urls
