"""Slugs for translators: French in ASCII with apostrophes as separators, translated slugs
following their titles, and a 301 from every old address in every language."""

from urllib.parse import quote

import pytest
from wagtail.contrib.redirects.models import Redirect

from masis.multilingual.languages import LANGUAGE_CODES
from masis.multilingual.links import page_url
from pages.models import StandardPage

from ..factories import standard_page
from ..helpers import edit_form_data


@pytest.fixture
def section(seeded):
    return standard_page(seeded, "rubrique-test")


def urls(page):
    page = StandardPage.objects.get(pk=page.pk)
    return {code: page_url(page, code) for code in LANGUAGE_CODES}


def assert_redirects(client, old_urls, new_urls):
    for code in LANGUAGE_CODES:
        if old_urls[code] == new_urls[code]:
            continue
        response = client.get(old_urls[code])
        assert response.status_code == 301, (code, old_urls[code])
        assert response["Location"] == new_urls[code], code
        assert client.get(new_urls[code]).status_code == 200


def test_a_new_pages_french_slug_is_ascii_with_apostrophes_as_separators(editor, section):
    title = "Forum numérique des jeunes d'Aix et de Masis"
    response = editor.post(
        f"/admin/pages/add/pages/standardpage/{section.pk}/",
        {
            "title_fr": title,
            # What the admin's live sync writes with Unicode slugs allowed.
            "slug_fr": "forum-numérique-des-jeunes-daix-et-de-masis",
            "title_hy": "Աքսի և Մասիսի երիտասարդների թվային ֆորում",
            "title_en": "Aix and Masis youth’s digital forum",
            "body_fr-count": "0",
            "body_en-count": "0",
            "body_hy-count": "0",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302
    page = StandardPage.objects.get(title_fr=title)
    assert page.slug_fr == "forum-numerique-des-jeunes-d-aix-et-de-masis"
    assert page.slug_hy == "աքսի-եւ-մասիսի-երիտասարդների-թվային-ֆորում"  # և is եւ (NFKC)
    assert page.slug_en == "aix-and-masis-youth-s-digital-forum"
    assert editor.get(page_url(page, "hy")).status_code == 200


def test_a_slug_typed_by_staff_is_kept_in_ascii(editor, section):
    response = editor.post(
        f"/admin/pages/add/pages/standardpage/{section.pk}/",
        {
            "title_fr": "Été à Masis",
            "slug_fr": "séjour-d’été",
            "body_fr-count": "0",
            "body_en-count": "0",
            "body_hy-count": "0",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302
    assert StandardPage.objects.get(title_fr="Été à Masis").slug_fr == "sejour-d-ete"


def test_the_admin_slug_field_syncs_in_ascii(editor, section):
    from bs4 import BeautifulSoup

    doc = BeautifulSoup(editor.get(f"/admin/pages/{section.pk}/edit/").content, "html.parser")
    french = doc.find("input", attrs={"name": "slug_fr"})
    assert not french.has_attr("data-w-slug-allow-unicode-value")
    assert "formatters" in " ".join(french.attrs)
    armenian = doc.find("input", attrs={"name": "slug_hy"})
    assert armenian.has_attr("data-w-slug-allow-unicode-value")


def test_a_translated_slug_follows_its_title_on_a_published_page_and_the_old_url_redirects(
    client, editor, translator, section
):
    page = standard_page(section, "atelier")
    before = urls(page)
    assert before["en"] == "/en/rubrique-test/atelier/"  # the French slug stands in

    data = edit_form_data(translator, page, title_en="Workshop", title_hy="Արհեստանոց")
    assert translator.post(f"/admin/pages/{page.pk}/edit/", data).status_code == 302
    data = edit_form_data(editor, page)
    assert (
        editor.post(f"/admin/pages/{page.pk}/edit/", {**data, "action-publish": "1"}).status_code
        == 302
    )

    after = urls(page)
    assert after["en"] == "/en/rubrique-test/workshop/"
    assert after["hy"] == quote("/hy/rubrique-test/արհեստանոց/")
    assert after["fr"] == before["fr"]
    assert_redirects(client, before, after)

    # The title changes again: the slug made from it follows, and both old URLs lead here.
    first = after
    data = edit_form_data(editor, page, title_en="Workshops")
    assert (
        editor.post(f"/admin/pages/{page.pk}/edit/", {**data, "action-publish": "1"}).status_code
        == 302
    )
    after = urls(page)
    assert after["en"] == "/en/rubrique-test/workshops/"
    assert_redirects(client, first, after)
    assert client.get(before["en"])["Location"] == after["en"]  # no chain of redirects


def test_a_slug_set_by_the_translator_stays_when_the_title_changes(editor, section):
    page = standard_page(
        section,
        "atelier",
        title={"fr": "Atelier", "en": "Workshop"},
        slug={"fr": "atelier", "en": "our-workshop"},
    )
    data = edit_form_data(editor, page, title_en="Workshops")
    assert (
        editor.post(f"/admin/pages/{page.pk}/edit/", {**data, "action-publish": "1"}).status_code
        == 302
    )
    page.refresh_from_db()
    assert page.slug_en == "our-workshop"


def test_a_french_slug_edit_redirects_the_page_and_its_children_in_every_language(
    client, editor, section
):
    child = standard_page(
        section,
        "enfant",
        title={"fr": "Enfant", "en": "Child"},
        slug={"fr": "enfant", "en": "child"},
    )
    before_section, before_child = urls(section), urls(child)
    data = edit_form_data(editor, section, slug_fr="nouvelle-rubrique")
    assert (
        editor.post(f"/admin/pages/{section.pk}/edit/", {**data, "action-publish": "1"}).status_code
        == 302
    )
    after_section, after_child = urls(section), urls(child)
    assert after_child["en"] == "/en/nouvelle-rubrique/child/"
    assert_redirects(client, before_section, after_section)
    assert_redirects(client, before_child, after_child)
    assert Redirect.objects.filter(old_path="/hy/rubrique-test/enfant").exists()


def test_a_moved_page_redirects_in_every_language(client, editor, seeded, section):
    page = standard_page(
        section,
        "deplacee",
        title={"fr": "Déplacée", "en": "Moved", "hy": "Տեղափոխված"},
        slug={"fr": "deplacee", "en": "moved", "hy": "տեղափոխված"},
    )
    target = standard_page(seeded, "destination")
    before = urls(page)
    response = editor.post(f"/admin/pages/{page.pk}/move/{target.pk}/confirm/")
    assert response.status_code == 302
    after = urls(page)
    assert after == {
        "fr": "/fr/destination/deplacee/",
        "en": "/en/destination/moved/",
        "hy": quote("/hy/destination/տեղափոխված/"),
    }
    assert_redirects(client, before, after)


def test_slugs_are_not_text_to_translate(seeded):
    from masis.multilingual.sources import field_states

    page = standard_page(
        seeded,
        "sans-slug",
        title={"fr": "Sans slug", "en": "No slug"},
        introduction={"fr": "Intro", "en": "Intro"},
        body={},
    )
    assert "slug" not in {state.name for state in field_states(page, "en")}
