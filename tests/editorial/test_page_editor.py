"""The page editor in three languages: help, slugs, preview per language, concurrent editing."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import translation
from django.utils.text import slugify
from wagtail.models import Page

from masis.core.seeding import paragraphs as stored_paragraphs
from masis.editorial.forms import LANGUAGE_NOTES, SLUG_NOTE, TRANSLATED_SLUG_NOTE
from masis.editorial.roles import EDITORS, TRANSLATORS
from masis.multilingual.languages import LANGUAGE_CODES
from masis.multilingual.links import page_url
from pages.models import StandardPage

from ..factories import seeded_event, staff_member, standard_page
from ..helpers import edit_form_data, html, logged_in, paragraphs, set_admin_language

PING_URL = re.compile(r"/admin/editing-sessions/ping/wagtailcore/page/\d+/\d+/")


@pytest.fixture
def page(seeded):
    return standard_page(
        seeded,
        "atelier",
        title={"fr": "Atelier", "en": "Workshop"},
        slug={"fr": "atelier", "en": "workshop"},
        introduction={"fr": "Une introduction."},
        body={"fr": stored_paragraphs("Un paragraphe.")},
    )


def help_text(doc, field_name):
    field = doc.find(attrs={"name": field_name})
    return doc.find(id=field["aria-describedby"]).get_text(" ", strip=True)


@pytest.mark.parametrize("admin_language", ["fr", "en"])
def test_every_language_field_says_what_it_is_for(editor_user, editor, page, admin_language):
    set_admin_language(editor_user, admin_language)
    doc = html(editor.get(f"/admin/pages/{page.pk}/edit/"))
    with translation.override(admin_language):
        notes = {code: str(note) for code, note in LANGUAGE_NOTES.items()}
        slug_notes = {
            code: str(SLUG_NOTE if code == "fr" else TRANSLATED_SLUG_NOTE)
            for code in LANGUAGE_CODES
        }
    with translation.override("en"):
        english = {code: str(note) for code, note in LANGUAGE_NOTES.items()}
    assert (notes == english) == (admin_language == "en")  # the French catalogue has them
    for code in LANGUAGE_CODES:
        assert notes[code] in help_text(doc, f"title_{code}")
        assert notes[code] in help_text(doc, f"introduction_{code}")
        assert slug_notes[code] in help_text(doc, f"slug_{code}")
    # The field's own help (Wagtail's, for the title) comes first.
    with translation.override(admin_language):
        title_help = str(Page._meta.get_field("title").help_text)
    assert help_text(doc, "title_hy").startswith(title_help)


def test_french_is_required_and_the_other_languages_are_optional(editor, seeded):
    add_url = f"/admin/pages/add/pages/standardpage/{seeded.pk}/"
    empty_streams = {f"body_{code}-count": "0" for code in LANGUAGE_CODES}
    response = editor.post(add_url, {"title_en": "Only English", **empty_streams})
    assert response.status_code == 200
    assert "title_fr" in response.context["form"].errors
    assert not StandardPage.objects.filter(title_en="Only English").exists()

    response = editor.post(add_url, {"title_fr": "Seulement en français", **empty_streams})
    assert response.status_code == 302
    created = StandardPage.objects.get(title_fr="Seulement en français")
    assert created.slug_fr == slugify("Seulement en français", allow_unicode=True)
    assert not created.title_en and not created.title_hy


def test_each_title_fills_the_slug_of_its_own_language(editor, page):
    doc = html(editor.get(f"/admin/pages/{page.pk}/edit/"))
    for code in LANGUAGE_CODES:
        title = doc.find(attrs={"name": f"title_{code}"})
        assert title["data-controller"] == "w-sync"
        assert title["data-w-sync-target-value"] == f"#id_slug_{code}"


def test_two_siblings_cannot_share_an_english_slug(editor, seeded, page):
    add_url = f"/admin/pages/add/pages/standardpage/{seeded.pk}/"
    data = {
        "title_fr": "Autre atelier",
        "slug_fr": "autre-atelier",
        "title_en": "Workshop",
        "slug_en": "workshop",  # already the English slug of its sibling
        **{f"body_{code}-count": "0" for code in LANGUAGE_CODES},
    }
    response = editor.post(add_url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["slug_en"]
    with translation.override("fr"):
        message = str(errors["slug_en"][0])
    assert message and "slug" in message.lower()
    assert not StandardPage.objects.filter(slug_fr="autre-atelier").exists()

    # The same slug in another language is no conflict: URLs differ by their language prefix.
    response = editor.post(add_url, {**data, "slug_en": "another-workshop", "slug_hy": "workshop"})
    assert response.status_code == 302
    assert StandardPage.objects.filter(slug_fr="autre-atelier").exists()


def test_an_english_slug_left_empty_may_not_fall_back_onto_a_sibling(editor, seeded, page):
    # Left empty, the English slug is the French one: "workshop" would then be taken twice.
    response = editor.post(
        f"/admin/pages/add/pages/standardpage/{seeded.pk}/",
        {
            "title_fr": "Workshop",
            "slug_fr": "workshop",
            **{f"body_{code}-count": "0" for code in LANGUAGE_CODES},
        },
    )
    assert response.status_code == 200
    assert "slug_en" in response.context["form"].errors


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_the_preview_shows_the_edited_page_in_the_chosen_language(editor, page, language):
    data = edit_form_data(
        editor,
        page,
        title_hy="Արհեստանոց",
        title_en="Workshop (draft)",
        body_hy=paragraphs("<p>Պարբերություն։</p>"),
    )
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    assert editor.post(preview_url, data).json()["is_valid"]
    response = editor.get(preview_url, {"mode": language})
    assert response.status_code == 200
    doc = html(response)
    assert doc.html["lang"] == language
    expected = {"fr": "Atelier", "en": "Workshop (draft)", "hy": "Արհեստանոց"}[language]
    assert doc.h1.get_text(strip=True) == expected
    page.refresh_from_db()
    assert not page.title_hy  # previewing saved nothing


def test_the_preview_is_never_the_cached_public_page(client, editor, page, settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    try:
        public_url = page_url(page, "en")
        assert client.get(public_url).status_code == 200  # an anonymous visit fills the cache
        data = edit_form_data(editor, page, title_en="Workshop (draft)")
        preview_url = f"/admin/pages/{page.pk}/edit/preview/"
        assert editor.post(preview_url, data).json()["is_valid"]
        preview = html(editor.get(preview_url, {"mode": "en"}))
        assert preview.h1.get_text(strip=True) == "Workshop (draft)"
        assert html(client.get(public_url)).h1.get_text(strip=True) == "Workshop"
    finally:
        cache.clear()


def test_the_editor_offers_one_preview_mode_per_language(editor, page):
    doc = html(editor.get(f"/admin/pages/{page.pk}/edit/"))
    modes = [
        option["value"] for option in doc.find("select", attrs={"name": "preview_mode"})("option")
    ]
    assert modes == LANGUAGE_CODES
    response = editor.get(f"/admin/pages/{page.pk}/edit/preview/", {"mode": "xx"})
    assert response.status_code == 200  # an unknown mode falls back to Wagtail's own preview


def test_every_page_type_previews_in_armenian(seeded):
    """Routable pages serve their preview themselves: the language must hold for them too."""
    request = RequestFactory().get("/admin/")
    request.user = staff_member(EDITORS)
    checked = 0
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        if not page.title_hy:
            continue
        response = page.make_preview_request(request, "hy")
        assert response.status_code == 200, page
        doc = html(response)
        assert doc.html["lang"] == "hy", page
        checked += 1
    assert checked >= 5


def test_two_people_editing_a_page_see_each_other(editor_user, editor, page):
    translator_user = staff_member(TRANSLATORS)
    translator = logged_in(translator_user)

    editor_page = editor.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    translator_page = translator.get(f"/admin/pages/{page.pk}/edit/")
    loaded = edit_form_data(translator, page)
    editor_ping = PING_URL.search(editor_page).group()
    translator_ping = PING_URL.search(translator_page.content.decode()).group()
    assert editor_ping != translator_ping

    editor.post(editor_ping, {"is_editing": "1"})
    seen = translator.post(translator_ping, {"revision_id": loaded["loaded_revision_id"]}).json()
    assert [session["user"] for session in seen["other_sessions"]] == [editor_user.get_username()]
    assert seen["other_sessions"][0]["is_editing"]

    # The editor saves: the translator is told a newer version exists…
    data = edit_form_data(editor, page, title_en="Workshop, revised")
    assert editor.post(f"/admin/pages/{page.pk}/edit/", data).status_code == 302
    seen = translator.post(
        translator_ping,
        {
            "revision_id": loaded["loaded_revision_id"],
            "revision_created_at": loaded["loaded_revision_created_at"],
        },
    ).json()
    assert seen["other_sessions"][0]["revision_id"] is not None

    # …and an automatic save of the translator's outdated form is refused, not applied.
    response = translator.post(
        f"/admin/pages/{page.pk}/edit/",
        {**loaded, "title_hy": "Արհեստանոց"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_revision"
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title_en == "Workshop, revised"


def french_names(html_source):
    return [
        span.get_text()
        for span in BeautifulSoup(html_source, "html.parser").select('span[lang="fr"]')
    ]


def test_saving_a_page_in_the_editor_keeps_the_names_marked_in_french(seeded, editor):
    """Draftail drops what it has no feature for: an unchanged save must keep every mark."""
    event = seeded_event("event-call-for-projects")
    before = {
        language: french_names(str(getattr(event, f"body_{language}"))) for language in ("en", "hy")
    }
    assert before["en"] and before["hy"], before
    data = edit_form_data(editor, event)
    response = editor.post(f"/admin/pages/{event.pk}/edit/", data)
    assert response.status_code == 302, response.content[:2000]
    saved = seeded_event("event-call-for-projects").get_latest_revision_as_object()
    after = {
        language: french_names(str(getattr(saved, f"body_{language}"))) for language in ("en", "hy")
    }
    assert after == before
