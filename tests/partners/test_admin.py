"""Editing a partner in the Wagtail admin: a bad website, contact link or a logo without alternative
text is refused with a message that says what to do; valid values are saved."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

from masis.multilingual.languages import LANGUAGE_CODES
from pages.models import SeedRecord
from partners.models import PartnerKind, PartnerPage

from ..helpers import html
from ..partner_factories import make_logo

TRANSLATED = ("title", "slug", "short_name", "city", "country", "logo_alt_text")


@pytest.fixture
def admin_client(client, seeded):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "x" * 20)
    set_admin_language(user, "en")
    client.force_login(user)
    return client


def set_admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def partner(seeded):
    record = SeedRecord.objects.get(key="partner-ccas")
    return PartnerPage.objects.get(pk=record.object_id)


def edit_form_data(page, **changes):
    """What the admin's edit form posts for ``page``, with ``changes`` applied."""
    data = {
        f"{name}_{language}": getattr(page, f"{name}_{language}") or ""
        for name in TRANSLATED
        for language in LANGUAGE_CODES
    }
    data.update(
        {
            "kind": page.kind_id,
            "logo": page.logo_id or "",
            "website": page.website,
            "contact_link": page.contact_link,
            "comments": inline_formset([]),
        }
    )
    for name in ("description", "role"):
        for language in LANGUAGE_CODES:
            data[f"{name}_{language}"] = streamfield([])
    data.update(changes)
    return nested_form_data(data)


def page_text(response):
    return " ".join(html(response).get_text().split())


def assert_refused(response, field, message):
    """The form came back (nothing saved) with ``message`` on ``field`` alone."""
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert message in page_text(response)


def publish(client, page, **changes):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, {**edit_form_data(page, **changes), "action-publish": "publish"})


def test_a_valid_website_is_saved(admin_client, partner):
    response = publish(admin_client, partner, website="https://www.aixenprovence.fr/solidarite")
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
def test_an_invalid_website_is_refused_with_a_clear_message(admin_client, partner, website):
    assert_refused(
        publish(admin_client, partner, website=website),
        "website",
        "Enter the website's full address, starting with https:// "
        "(for example https://www.aixenprovence.fr/).",
    )
    partner.refresh_from_db()
    assert partner.website == ""


def test_the_website_message_is_in_the_editors_language(admin_client, partner):
    set_admin_language(get_user_model().objects.get(username="editor"), "fr")
    assert_refused(
        publish(admin_client, partner, website="pas une adresse"),
        "website",
        "Saisissez l’adresse complète du site, commençant par https://",
    )


def test_a_website_without_scheme_is_taken_as_https(admin_client, partner):
    response = publish(admin_client, partner, website="www.aixenprovence.fr")
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.website == "https://www.aixenprovence.fr"


@pytest.mark.parametrize("contact_link", ["ccas@", "mailto:not-an-address", "call us"])
def test_an_invalid_contact_link_is_refused(admin_client, partner, contact_link):
    assert_refused(
        publish(admin_client, partner, contact_link=contact_link),
        "contact_link",
        "Enter a web address starting with https:// or an e-mail address written "
        "mailto:name@example.org.",
    )


@pytest.mark.parametrize(
    "contact_link", ["mailto:contact@example.org", "https://www.aixenprovence.fr/contact"]
)
def test_a_contact_link_is_saved_and_shown(admin_client, partner, contact_link):
    assert publish(admin_client, partner, contact_link=contact_link).status_code == 302
    partner.refresh_from_db()
    assert partner.contact_link == contact_link
    facts = html(admin_client.get(partner.url)).find("dl", class_="partner__facts")
    assert facts.find("a", href=contact_link) is not None


def test_a_logo_needs_alternative_text(admin_client, partner):
    logo = make_logo("CCAS")
    assert_refused(
        publish(admin_client, partner, logo=logo.pk),
        "logo_alt_text_fr",
        "Describe the logo for people who cannot see it (at least in French).",
    )

    response = publish(admin_client, partner, logo=logo.pk, logo_alt_text_fr="Logo du CCAS")
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.logo_id == logo.pk


def test_kinds_are_managed_as_snippets(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_partners_partnerkind:list"))
    assert response.status_code == 200
    names = {kind.name_en for kind in PartnerKind.objects.all()}  # the editor reads English
    body = response.content.decode()
    assert all(name in body for name in names)
