"""Editing a partner in the Wagtail admin: a bad website, contact link or a logo without alternative
text is refused with a message that says what to do; valid values are saved."""

import pytest
from django.urls import reverse

from partners.models import PartnerKind

from ..factories import make_logo, seeded_partner
from ..helpers import edit_form_data, html, set_admin_language

pytestmark = pytest.mark.usefixtures("media_in_tmp")


@pytest.fixture
def partner(seeded):
    return seeded_partner("partner-ccas")


def page_text(response):
    return " ".join(html(response).get_text().split())


def assert_refused(response, field, message):
    """The form came back (nothing saved) with ``message`` on ``field`` alone."""
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert message in page_text(response)


def publish(client, page, **changes):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = edit_form_data(client, page, **changes)
    return client.post(url, {**data, "action-publish": "publish"})


def test_a_valid_website_is_saved(english_admin_client, partner):
    response = publish(
        english_admin_client, partner, website="https://www.aixenprovence.fr/solidarite"
    )
    assert response.status_code == 302, html(response).find(class_="error-message")
    partner.refresh_from_db()
    assert partner.website == "https://www.aixenprovence.fr/solidarite"


@pytest.mark.parametrize(
    "website",
    [
        "not a website",
        "javascript:alert(1)",
        "ftp://files.example.org/",
        "https://exa mple.org/",
        "mailto:ccas@example.org",
    ],
)
def test_an_invalid_website_is_refused_with_a_clear_message(english_admin_client, partner, website):
    assert_refused(
        publish(english_admin_client, partner, website=website),
        "website",
        "Enter the website’s full address, starting with https:// "
        "(for example https://www.aixenprovence.fr/).",
    )
    partner.refresh_from_db()
    assert partner.website == ""


def test_the_website_message_is_in_the_editors_language(english_admin_client, admin_user, partner):
    set_admin_language(admin_user, "fr")
    assert_refused(
        publish(english_admin_client, partner, website="pas une adresse"),
        "website",
        "Saisissez l’adresse complète du site, commençant par https://",
    )


def test_a_website_without_scheme_is_taken_as_https(english_admin_client, partner):
    response = publish(english_admin_client, partner, website="www.aixenprovence.fr")
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.website == "https://www.aixenprovence.fr"


@pytest.mark.parametrize("contact_link", ["ccas@", "mailto:not-an-address", "call us"])
def test_an_invalid_contact_link_is_refused(english_admin_client, partner, contact_link):
    assert_refused(
        publish(english_admin_client, partner, contact_link=contact_link),
        "contact_link",
        "Enter a web address starting with https:// or an e-mail address written "
        "mailto:name@example.org.",
    )


@pytest.mark.parametrize(
    "contact_link", ["mailto:contact@example.org", "https://www.aixenprovence.fr/contact"]
)
def test_a_contact_link_is_saved_and_shown(english_admin_client, partner, contact_link):
    assert publish(english_admin_client, partner, contact_link=contact_link).status_code == 302
    partner.refresh_from_db()
    assert partner.contact_link == contact_link
    facts = html(english_admin_client.get(partner.url)).find("dl", class_="partner__facts")
    assert facts.find("a", href=contact_link) is not None


def test_a_logo_needs_alternative_text(english_admin_client, partner):
    logo = make_logo("CCAS")
    assert_refused(
        publish(english_admin_client, partner, logo=logo.pk),
        "logo_alt_text_fr",
        "Describe the logo for people who cannot see it (at least in French).",
    )

    response = publish(english_admin_client, partner, logo=logo.pk, logo_alt_text_fr="Logo du CCAS")
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.logo_id == logo.pk


def test_kinds_are_managed_as_snippets(english_admin_client):
    response = english_admin_client.get(reverse("wagtailsnippets_partners_partnerkind:list"))
    assert response.status_code == 200
    names = {kind.name_en for kind in PartnerKind.objects.all()}  # the editor reads English
    body = response.content.decode()
    assert all(name in body for name in names)
