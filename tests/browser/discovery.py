"""Every live public page of the served site, in every language, as JSON on stdout.

Run in the served site's environment (``python -m tests.browser.discovery``): the browser tests
read the page tree the server reads, so that page types added later are tested without a list.
"""

import json
import sys
from urllib.parse import urlsplit


def main():
    import django

    django.setup()
    from wagtail.models import Site

    from masis.multilingual.languages import LANGUAGE_CODES
    from masis.multilingual.links import page_url

    root = Site.objects.get(is_default_site=True).root_page
    pages = root.get_descendants(inclusive=True).live().public().specific().order_by("path")
    listing = [
        {
            "page_type": page._meta.model_name,
            "page_id": page.pk,
            "language": language,
            "path": urlsplit(page_url(page, language)).path,
        }
        for page in pages
        for language in LANGUAGE_CODES
    ]
    json.dump(listing, sys.stdout)


if __name__ == "__main__":
    main()
