"""A French edit turns the translations made from the old French outdated — in the report, the
dashboard and the editor — until a translator updates them or marks them still valid."""

import re

import pytest
from django.utils import translation

from masis.core.seeding import paragraphs
from masis.multilingual.diff import html_diff
from masis.multilingual.languages import LANGUAGE_CODES
from masis.multilingual.models import TranslationSource
from masis.multilingual.recording import record_existing_translations
from masis.multilingual.sources import MISSING, OUTDATED, UP_TO_DATE, field_states
from masis.multilingual.translation_status import Status

from ..factories import standard_page
from ..helpers import edit_form_data, html

REPORT = "/admin/reports/translation-status/"
TRANSLATED = {
    "title": {"fr": "Jumelage", "en": "Twinning", "hy": "Քույր քաղաքներ"},
    "slug": {"fr": "jumelage-test", "en": "twinning-test", "hy": "քույր-քաղաքներ-թեստ"},
    "introduction": {
        "fr": "Les deux villes échangent depuis 2010.",
        "en": "The two towns have exchanged since 2010.",
        "hy": "Երկու քաղաքները փոխանակում են 2010 թվականից։",
    },
    "body": {code: paragraphs(f"Texte {code}.") for code in LANGUAGE_CODES},
}


@pytest.fixture
def page(seeded):
    return standard_page(seeded, "jumelage-test", **TRANSLATED)


def states(page, language):
    return {state.name: state.state for state in field_states(page, language)}


def report_row(client, page, language):
    response = client.get(REPORT, {"kind": "pages.standardpage", "language": language})
    assert response.status_code == 200
    for tr in html(response).select("#listing-results table.listing tbody tr"):
        link = tr.find("a")
        if link and link["href"] == f"/admin/pages/{page.pk}/edit/":
            cells = [td.get_text(" ", strip=True) for td in tr.find_all("td")]
            return {"status": cells[3], "missing": cells[4], "outdated": cells[5]}
    raise AssertionError("no row for the page")


def outdated_counts(client):
    panel = html(client.get("/admin/")).find(id="translation-progress-section")
    return {
        link["data-outdated-language"]: int(re.search(r"\d+", link.get_text()).group())
        for link in panel.select("a[data-outdated-language]")
    }


def label(status):
    with translation.override("fr"):
        return str(status.label)


def edit_french_introduction(editor, page, text):
    data = edit_form_data(editor, page, introduction_fr=text)
    response = editor.post(f"/admin/pages/{page.pk}/edit/", {**data, "action-publish": "1"})
    assert response.status_code == 302, response.content[:2000]


def test_a_french_edit_outdates_the_translations_and_a_translators_update_restores_them(
    editor, translator, page
):
    assert states(page, "en")["introduction"] == UP_TO_DATE
    assert report_row(translator, page, "en")["status"] == label(Status.COMPLETE)
    counts_before = outdated_counts(translator)

    edit_french_introduction(editor, page, "Les deux villes échangent depuis 2012.")

    page.refresh_from_db()
    assert states(page, "en") == {"title": UP_TO_DATE, "introduction": OUTDATED, "body": UP_TO_DATE}
    assert states(page, "hy")["introduction"] == OUTDATED
    for language in ("en", "hy"):
        row = report_row(translator, page, language)
        assert row["status"] == label(Status.OUTDATED)
        assert row["outdated"] == "Introduction"
    assert outdated_counts(translator) == {code: count + 1 for code, count in counts_before.items()}

    # The editor shows, beside each outdated field, what changed in French.
    doc = html(translator.get(f"/admin/pages/{page.pk}/edit/"))
    for language in ("en", "hy"):
        note = doc.find(attrs={"data-outdated-field": f"introduction_{language}"})
        assert note is not None
        diff = note.select_one(".translation-diff")
        assert diff.find("del").get_text() == "2010." and diff.find("ins").get_text() == "2012."
    assert doc.find(attrs={"data-outdated-field": "title_en"}) is None

    # The translator updates the English: a draft, up to date; the Armenian stays outdated.
    data = edit_form_data(
        translator, page, introduction_en="The two towns have exchanged since 2012."
    )
    assert translator.post(f"/admin/pages/{page.pk}/edit/", data).status_code == 302
    assert report_row(translator, page, "en")["status"] == label(Status.COMPLETE)
    assert report_row(translator, page, "hy")["status"] == label(Status.OUTDATED)
    doc = html(translator.get(f"/admin/pages/{page.pk}/edit/"))
    assert doc.find(attrs={"data-outdated-field": "introduction_en"}) is None
    assert doc.find(attrs={"data-outdated-field": "introduction_hy"}) is not None
    assert outdated_counts(translator) == {"en": counts_before["en"], "hy": counts_before["hy"] + 1}


def test_a_translator_marks_a_translation_still_valid(editor, translator, page):
    edit_french_introduction(editor, page, "Les deux villes échangent depuis 2010 !")
    doc = html(translator.get(f"/admin/pages/{page.pk}/edit/"))
    link = doc.find(attrs={"data-outdated-field": "introduction_hy"}).find("a")["href"]
    confirmation = translator.get(link)
    assert confirmation.status_code == 200
    assert "<ins>" in confirmation.content.decode()
    form = html(confirmation).find("form", method="post")
    data = {field["name"]: field.get("value", "") for field in form.find_all("input")}
    response = translator.post(link.split("?")[0], data)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert report_row(translator, page, "hy")["status"] == label(Status.COMPLETE)
    assert report_row(translator, page, "en")["status"] == label(Status.OUTDATED)


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"unit": "pages.standardpage/999999/introduction", "language": "en"},
        {"unit": "auth.user/1/password", "language": "en"},
        {"unit": "nothing", "language": "en"},
        {"unit": "pages.standardpage/abc/introduction", "language": "de"},
    ],
)
def test_marking_still_valid_with_bad_parameters_is_a_404(translator, page, query):
    response = translator.get("/admin/translations/still-valid/", query, follow=True)
    assert response.status_code == 404


def test_a_stream_body_is_outdated_as_a_whole_field(page):
    page.body_fr = paragraphs("Texte fr modifié.")
    page.save_revision().publish()
    page.refresh_from_db()
    assert states(page, "en")["body"] == OUTDATED
    # An image, a heading level or a link address changed is no new text to translate.
    assert states(page, "en")["introduction"] == UP_TO_DATE


def test_an_editor_writing_both_languages_at_once_keeps_them_up_to_date(editor, page):
    data = edit_form_data(
        editor, page, introduction_fr="Nouvelle introduction.", introduction_en="New introduction."
    )
    assert (
        editor.post(f"/admin/pages/{page.pk}/edit/", {**data, "action-publish": "1"}).status_code
        == 302
    )
    page.refresh_from_db()
    assert states(page, "en")["introduction"] == UP_TO_DATE
    assert states(page, "hy")["introduction"] == OUTDATED


def test_inline_children_and_snippets_are_recorded_too(seeded):
    from pages.models import KeyFigure, TownProfilePage

    town = TownProfilePage.objects.first()
    figure = next(
        (
            figure
            for figure in KeyFigure.objects.filter(page=town)
            if figure.label_fr and figure.label_en
        ),
        None,
    )
    if figure is None:
        pytest.skip("no translated key figure in the seed")
    figure.label_fr = figure.label_fr + " (modifié)"
    figure.save()
    fresh = TownProfilePage.objects.get(pk=town.pk)
    outdated = [state for state in field_states(fresh, "en") if state.state == OUTDATED]
    assert [(type(state.obj), state.name) for state in outdated] == [(KeyFigure, "label")]


def test_existing_translations_start_up_to_date(page):
    TranslationSource.objects.all().delete()
    page.introduction_fr = "Changée avant le premier enregistrement."
    page.save_revision().publish()  # a record from now: the French of now
    TranslationSource.objects.all().delete()
    record_existing_translations()
    page.refresh_from_db()
    assert set(states(page, "en").values()) == {UP_TO_DATE}
    assert TranslationSource.objects.filter(object_id=str(page.pk)).count() == 3 * 2


def test_a_missing_translation_is_missing_not_outdated(page):
    page.introduction_en = ""
    page.introduction_fr = "Autre chose."
    page.save_revision().publish()
    page.refresh_from_db()
    assert states(page, "en")["introduction"] == MISSING


def test_the_diff_marks_removed_and_added_words_and_escapes_html():
    diff = html_diff("Un <b>texte</b> ancien.", "Un <b>texte</b> nouveau.")
    assert diff == "Un &lt;b&gt;texte&lt;/b&gt; <del>ancien.</del><ins>nouveau.</ins>"
