"""Passwords of restricted pages and documents: throttled like the admin's sign-in, and asked
for in the visitor's language."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from masis.multilingual.links import page_url

from ..factories import standard_page
from ..helpers import html

PASSWORD = "Ararat-sous-la-neige"
ATTACKER, VISITOR = "203.0.113.7", "198.51.100.20"
SITE_ORIGIN = "http://testserver"


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()  # the failures are counted in the shared cache, which outlives each test
    yield
    cache.clear()


@pytest.fixture
def restricted_page(seeded):
    page = standard_page(seeded, "reserve")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password=PASSWORD)
    return page


@pytest.fixture
def restricted_document(db, media_in_tmp):
    collection = Collection.get_first_root_node().add_child(name="Conventions")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type="password", password=PASSWORD
    )
    document = get_document_model().objects.create(
        title="Convention", collection=collection, file=ContentFile(b"%PDF-1.7", "convention.pdf")
    )
    return document


def password_form(client, url, language="fr"):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    form = html(response).find("form", class_="password-form")
    return response, form["action"], form.find(attrs={"name": "return_url"})["value"]


def guess(
    client, action, return_url, password, address=ATTACKER, language="fr", origin=SITE_ORIGIN
):
    data = {"password": password, "return_url": return_url}
    headers = {"HTTP_ORIGIN": origin} if origin else {}
    return client.post(action, data, REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE=language, **headers)


def locks_after_the_limit(client, url, language):
    _response, action, return_url = password_form(client, url, language)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert guess(client, action, return_url, "wrong", language=language).status_code == 200
    locked = guess(client, action, return_url, "wrong", language=language)
    assert locked.status_code == 429
    # The form keeps where the visitor was going, for a try after the cool-off.
    assert html(locked).find(attrs={"name": "return_url"})["value"] == return_url
    # The right password is refused too while locked, from that address only.
    assert guess(client, action, return_url, PASSWORD, language=language).status_code == 429
    assert guess(client, action, return_url, PASSWORD, address=VISITOR).status_code == 302
    return locked


def test_a_restricted_pages_password_is_throttled(client, restricted_page):
    locked = locks_after_the_limit(client, page_url(restricted_page, "fr"), "fr")
    message = html(locked).find(id="form-errors").get_text(" ", strip=True)
    assert "Trop de mots de passe erronés" in message and "15 minutes" in message


def test_a_restricted_documents_password_is_throttled(client, restricted_document):
    locked = locks_after_the_limit(client, restricted_document.url, "hy")
    assert html(locked).html["lang"] == "hy"
    assert "Չափազանց շատ" in html(locked).find(id="form-errors").get_text()


@pytest.mark.parametrize(
    ("language", "heading", "wrong"),
    [
        ("fr", "Mot de passe requis", "Ce mot de passe n’est pas le bon"),
        ("en", "Password required", "This password is not the right one"),
        ("hy", "Անհրաժեշտ է գաղտնաբառ", "Այս գաղտնաբառը ճիշտ չէ"),
    ],
)
def test_the_password_form_speaks_the_visitors_language(
    client, restricted_page, language, heading, wrong
):
    response, action, return_url = password_form(client, page_url(restricted_page, language))
    doc = html(response)
    assert doc.html["lang"] == language and doc.h1.get_text(strip=True) == heading
    refused = html(guess(client, action, return_url, "wrong", language=language))
    assert wrong in refused.find(class_="form-field__error").get_text()


def test_the_password_form_tells_nothing_of_the_restricted_page(client, seeded):
    """The form stands in front of the page: neither its title nor its text (description,
    sharing metadata, image) may reach a visitor without the password."""
    page = standard_page(
        seeded,
        "dossier",
        title={"fr": "Dossier confidentiel"},
        introduction={"fr": "Le budget secret de la coopération."},
        search_description={"fr": "Résumé réservé aux partenaires."},
    )
    PageViewRestriction.objects.create(page=page, restriction_type="password", password=PASSWORD)
    response, _action, _return_url = password_form(client, page_url(page, "fr"))
    text = response.content.decode()
    for secret in ("Dossier confidentiel", "budget secret", "Résumé réservé"):
        assert secret not in text


@pytest.mark.parametrize("kind", ["page", "document"])
def test_the_password_form_sets_no_cookie_until_the_password_is_right(
    kind, client, restricted_page, restricted_document
):
    """No CSRF token, so no cookie: the form posts like the contact form, from the site's own
    pages only. The right password is kept in a session (the one cookie the personal data page
    names for it)."""
    url = page_url(restricted_page, "fr") if kind == "page" else restricted_document.url
    response, action, return_url = password_form(client, url)
    assert not response.cookies
    assert not html(response).find(attrs={"name": "csrfmiddlewaretoken"})
    wrong = guess(client, action, return_url, "wrong")
    assert wrong.status_code == 200 and not wrong.cookies
    for elsewhere in (None, "https://evil.example"):
        refused = guess(client, action, return_url, PASSWORD, origin=elsewhere)
        assert refused.status_code == 403 and not refused.cookies
    right = guess(client, action, return_url, PASSWORD)
    assert right.status_code == 302
    assert set(right.cookies) == {settings.SESSION_COOKIE_NAME}
    assert client.get(url).status_code == 200
