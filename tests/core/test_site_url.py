"""SITE_URL, the site's public address: required in production; the admin's e-mails, the API,
Wagtail's default Site and the contact e-mails follow it."""

import os
import secrets
import subprocess
import sys

from django.conf import settings
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from institutional.models import ContactPage
from masis.core.site_address import follow_site_url

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "masis.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "jumelage-masis.example.org",
    "DATABASE_URL": "postgres://masis@db.example.org:5432/masis",
}


def production_value(expression, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SITE_URL", "WAGTAILADMIN_BASE_URL", "DEBUG", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(PRODUCTION, **env)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); from django.conf import "
         f"settings; print({expression})"],
        cwd=settings.BASE_DIR, env=environment, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_production_refuses_to_start_without_the_site_url():
    for value in ("", "jumelage-masis.example.org", "https://"):
        result = production_value("settings.SITE_URL", SITE_URL=value)
        assert result.returncode != 0
        assert "Set SITE_URL to the site's public address" in result.stderr


def test_admin_and_api_addresses_follow_the_site_url_in_production():
    result = production_value(
        "settings.SITE_URL, settings.WAGTAILADMIN_BASE_URL, settings.WAGTAILAPI_BASE_URL",
        SITE_URL="https://jumelage-masis.example.org/",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["https://jumelage-masis.example.org"] * 3


def test_the_default_site_follows_the_site_url_after_migrate(db, settings):
    # The test database was migrated with SITE_URL http://testserver: Wagtail's own initial
    # Site says localhost.
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("testserver", 80)
    settings.SITE_URL = "https://jumelage-masis.example.org"
    follow_site_url()
    site.refresh_from_db()
    assert (site.hostname, site.port, site.root_url) == (
        "jumelage-masis.example.org",
        443,
        "https://jumelage-masis.example.org",
    )


def test_the_contact_e_mail_links_to_the_page_on_the_site_url(client, seeded, settings):
    settings.SITE_URL = "https://jumelage-masis.example.org"
    settings.CONTACT_EMAIL = "jumelage@example.org"
    contact = ContactPage.objects.get()
    with translation.override("fr"):
        url = reverse("contact_send", args=[contact.pk])
    data = {
        "nom": "Anahit Petrosyan",
        "adresse_e_mail": "anahit@example.org",
        "votre_demande": "Participer à un échange ou à un projet",
        "message": "Notre chorale aimerait chanter à Aix.",
    }
    response = client.post(url, data, HTTP_ORIGIN="http://testserver", HTTP_HOST="testserver")
    assert response.status_code == 200
    (email,) = mail.outbox
    assert "https://jumelage-masis.example.org/fr/contact/" in email.body
    assert "testserver" not in email.body


def test_following_the_site_url_reads_no_page(db, settings, django_capture_on_commit_callbacks):
    # post_migrate runs before wagtail-modeltranslation adds its columns to the page table: a
    # purge of the frontend cache there (it reads every page) broke `migrate`.
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:9",
        }
    }
    settings.SITE_URL = "https://jumelage-masis.example.org"
    with CaptureQueriesContext(connection) as queries:
        with django_capture_on_commit_callbacks(execute=True):
            follow_site_url()
    assert Site.objects.get(is_default_site=True).hostname == "jumelage-masis.example.org"
    assert not [query for query in queries if "wagtailcore_page" in query["sql"]]
