"""The `lang` of a page is the language its text is in: the admin, which speaks French and
English only, never declares Armenian."""

import pytest

from ..helpers import html

# What each page's heading says in each language the admin speaks.
ADMIN_PAGES = {
    "/admin/login/": {"fr": "S'identifier", "en": "Sign in to Wagtail"},
    "/admin/password_reset/": {
        "fr": "Réinitialisez votre mot de passe",
        "en": "Reset your password",
    },
}


@pytest.mark.parametrize("url", ADMIN_PAGES)
@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("hy", "fr"), ("hy, en;q=0.8", "en"), ("en-GB", "en"), ("fr-FR", "fr"), ("", "fr")],
)
def test_the_admin_declares_the_language_it_shows(client, db, url, accept_language, expected):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=accept_language)
    doc = html(response)
    assert doc.html["lang"] == expected
    assert response["Content-Language"] == expected
    assert ADMIN_PAGES[url][expected] in doc.h1.get_text(" ", strip=True)
