"""A public post larger than any form of the site needs is refused from its Content-Length,
before a byte of its body is read; the admin keeps Django's larger limits for uploads."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test.client import FakePayload
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.forms.models import FormSubmission

from institutional.models import ContactPage

HUNDRED_MB = str(100 * 1024 * 1024)


@pytest.fixture
def contact_url(seeded):
    cache.clear()  # the contact form's rate limit counts in the shared cache
    with translation.override("fr"):
        yield reverse("contact_send", args=[ContactPage.objects.get().pk])
    cache.clear()


class UnreadablePayload(FakePayload):
    """A body that must not be read: reading it is a test failure."""

    def read(self, *args, **kwargs):
        raise AssertionError("the body of an oversized post was read")


def oversized_post(client, url, content_type="multipart/form-data; boundary=BoUnDaRy"):
    return client.generic(
        "POST",
        url,
        b"--BoUnDaRy\r\n",
        content_type=content_type,
        CONTENT_LENGTH=HUNDRED_MB,
        HTTP_ORIGIN="http://testserver",
        **{"wsgi.input": UnreadablePayload(b"")},
    )


@pytest.mark.parametrize("content_type", ["multipart/form-data; boundary=BoUnDaRy",
                                          "application/x-www-form-urlencoded"])  # fmt: skip
def test_a_huge_anonymous_post_is_refused_unread(client, contact_url, content_type):
    response = oversized_post(client, contact_url, content_type)
    assert response.status_code == 413
    limit_kb = settings.PUBLIC_POST_MAX_SIZE // 1024
    assert f"{limit_kb} Ko" in response.content.decode()  # the visitor's language (fr)
    assert not FormSubmission.objects.exists()


def test_a_post_just_over_the_limit_is_refused_and_a_full_message_passes(client, contact_url):
    too_big = {"message": "x" * (settings.PUBLIC_POST_MAX_SIZE + 1)}
    assert client.post(contact_url, too_big, HTTP_ORIGIN="http://testserver").status_code == 413
    # The longest message the form takes, in Armenian, fits.
    full = {
        "nom": "Անահիտ Պետրոսյան",
        "adresse_e_mail": "anahit@example.org",
        "votre_demande": "Participer à un échange ou à un projet",
        "message": "Մ" * 5000,
    }
    response = client.post(contact_url, full, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 200
    assert FormSubmission.objects.count() == 1


def test_the_admin_keeps_djangos_larger_limit(client, seeded):
    body = "username=admin&password=" + "x" * (settings.PUBLIC_POST_MAX_SIZE * 2)
    response = client.post("/admin/login/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200  # read and answered: a failed sign-in
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE > settings.PUBLIC_POST_MAX_SIZE
