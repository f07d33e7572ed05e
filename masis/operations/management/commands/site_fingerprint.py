"""Print a fingerprint of what the site shows: every live page in every language, hashed.

Take one before a backup and one after restoring it: identical output means the restored site
shows the same content at the same addresses.
"""

import hashlib
import json
import re

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.test import Client
from wagtail.models import Page

from masis.multilingual.languages import LANGUAGE_CODES
from masis.multilingual.links import page_url

# Values that differ on every request by design.
VOLATILE = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*|(nonce=")[^"]*')


def fingerprint_pages(client):
    pages = {}
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        for language in LANGUAGE_CODES:
            url = page_url(page, language)
            if not url:
                continue
            response = client.get(url, secure=True)
            body = VOLATILE.sub(lambda m: m.group(1) or m.group(2), response.content)
            pages[url] = f"{response.status_code} {hashlib.sha256(body).hexdigest()}"
    return pages


def row_counts():
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
    }


class Command(BaseCommand):
    help = "Print a JSON fingerprint of every page in every language and of every table."

    def handle(self, *args, **options):
        hosts = [
            host for host in settings.ALLOWED_HOSTS if host not in ("*", "") and host[0] != "."
        ]
        client = Client(HTTP_HOST=hosts[0] if hosts else "testserver")
        result = {"pages": fingerprint_pages(client), "rows": row_counts()}
        self.stdout.write(json.dumps(result, indent=1, sort_keys=True))
