"""The XLIFF round trip: export from the report or the command, translate with
translate-toolkit (the library of Pootle and Weblate), import in the admin or by command."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from translate.storage import xliff as toolkit
from wagtail.models import Revision, WorkflowState

from masis.core.seeding import stream
from masis.editorial.roles import MODERATORS, TRANSLATORS
from pages.models import StandardPage

from ..factories import staff_member, standard_page
from ..helpers import html, logged_in

REPORT = "/admin/reports/translation-status/"
IMPORT = "/admin/translations/import/"
RICH = '<p>Les <b>deux villes</b> et <a href="https://www.aixenprovence.fr">la Ville</a>.</p>'


@pytest.fixture
def page(seeded):
    return standard_page(
        seeded,
        "a-traduire",
        title={"fr": "À traduire", "en": "To translate"},
        slug={"fr": "a-traduire", "en": "to-translate"},
        introduction={"fr": "Une introduction.", "en": "An introduction."},
        body={
            "fr": stream(
                ("paragraph", RICH),
                ("heading", {"text": "Un titre", "level": "h2"}),
                ("quote", {"quote": "Une citation.", "attribution": ""}),
            )
        },
    )


def export(client, **filters):
    response = client.get(REPORT, {"kind": "pages.standardpage", **filters, "export": "xliff"})
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    return b"".join(response) if response.streaming else response.content


def translated_with_toolkit(content, prefix="ՀՅ "):
    """What a translator's tool gives back: every unit translated (markup kept)."""
    store = toolkit.xlifffile.parsestring(content)
    for unit in store.units:
        source = unit.source
        if source.startswith("<p>"):
            unit.target = source.replace("<p>", f"<p>{prefix}", 1)
        else:
            unit.target = prefix + source
    return bytes(store)


def upload(client, content, language="hy", **extra):
    return client.post(
        IMPORT,
        {
            "file": SimpleUploadedFile("t.xlf", content, "application/xml"),
            "language": language,
            **extra,
        },
    )


def units_of(content, page):
    store = toolkit.xlifffile.parsestring(content)
    return {
        unit.getid().split("\x04")[-1]: unit
        for unit in store.units
        if unit.getid().split("\x04")[-1].startswith(f"pages.standardpage/{page.pk}/")
    }


def test_the_export_holds_one_unit_per_field_with_source_target_and_note(translator, page):
    content = export(translator, language="en")
    units = units_of(content, page)
    assert set(units) == {
        f"pages.standardpage/{page.pk}/body#0",
        f"pages.standardpage/{page.pk}/body#1.text",
        f"pages.standardpage/{page.pk}/body#2.quote",
    }  # title and introduction are translated into English, the body is not
    assert units[f"pages.standardpage/{page.pk}/body#0"].source == RICH  # markup kept
    notes = units[f"pages.standardpage/{page.pk}/body#0"].getnotes()
    assert "À traduire" in notes and "Corps" in notes
    hy = units_of(export(translator, language="hy"), page)
    assert f"pages.standardpage/{page.pk}/title" in hy


def test_the_export_needs_a_language(translator, page):
    response = translator.get(REPORT, {"export": "xliff"})
    assert response.status_code == 302


def test_a_translator_round_trip_applies_every_unit_as_a_draft_in_moderation(translator, page):
    content = export(translator, language="hy")
    translated = translated_with_toolkit(content)
    count = len(toolkit.xlifffile.parsestring(translated).units)
    revisions = Revision.objects.count()
    response = upload(translator, translated)
    assert response.status_code == 200
    doc = html(response)
    assert doc.find(id="xliff-import-result") is not None, doc.find(id="xliff-errors")
    assert doc.find(id="xliff-refused") is None
    assert str(count) in doc.find(id="xliff-import-result").get_text()

    page.refresh_from_db()
    assert not page.title_hy  # the live page waits for moderation
    latest = page.get_latest_revision_as_object()
    assert latest.title_hy == "ՀՅ À traduire"
    assert latest.introduction_hy == "ՀՅ Une introduction."
    body = list(latest.body_hy)
    stored = re.sub(r' data-block-key="[^"]*"', "", body[0].value.source)
    assert stored == RICH.replace("<p>", "<p>ՀՅ ", 1)
    assert body[1].value["text"] == "ՀՅ Un titre" and body[1].value["level"] == "h2"
    assert body[2].value["quote"] == "ՀՅ Une citation."
    assert Revision.objects.count() > revisions
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    assert state.requested_by.username == "staff-traduction"


def test_an_editor_may_publish_an_import(editor, page):
    translated = translated_with_toolkit(export(editor, language="hy"))
    response = upload(editor, translated, publish="on")
    assert html(response).find(id="xliff-import-result") is not None
    page.refresh_from_db()
    assert page.title_hy == "ՀՅ À traduire" and page.live


def test_a_unit_whose_french_changed_since_the_export_is_refused_and_listed(translator, page):
    translated = translated_with_toolkit(export(translator, language="hy"))
    page.introduction_fr = "Une autre introduction."
    page.save_revision().publish()

    response = upload(translator, translated)
    refused = html(response).find(id="xliff-refused")
    assert refused is not None
    assert f"pages.standardpage/{page.pk}/introduction" in refused.get_text()
    latest = StandardPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert not latest.introduction_hy  # refused
    assert latest.title_hy == "ՀՅ À traduire"  # the others landed


def replace_unit_id(content, old, new):
    return content.replace(old.encode(), new.encode())


@pytest.mark.parametrize(
    "breakage",
    [
        "malformed",
        "unknown_id",
        "unknown_object",
        "other_language_file",
        "unit_in_another_language",
        "entity",
        "not_xliff",
    ],
)
def test_a_broken_file_changes_nothing_and_says_why(translator, page, breakage):
    content = translated_with_toolkit(export(translator, language="hy"))
    if breakage == "malformed":
        content = content[: len(content) // 2]
    elif breakage == "unknown_id":
        content = replace_unit_id(
            content, f"pages.standardpage/{page.pk}/title", "pages.nothing/1/title"
        )
    elif breakage == "unknown_object":
        content = replace_unit_id(
            content, f"pages.standardpage/{page.pk}/title", "pages.standardpage/999999/title"
        )
    elif breakage == "other_language_file":
        content = content.replace(b'target-language="hy"', b'target-language="en"')
    elif breakage == "unit_in_another_language":
        content = content.replace(b'<target xml:lang="hy"', b'<target xml:lang="en"', 1)
        if b'xml:lang="en"' not in content:
            content = content.replace(b"<target", b'<target xml:lang="en"', 1)
    elif breakage == "entity":
        content = (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
            b'<file source-language="fr" target-language="hy" original="x" datatype="plaintext">'
            b"<body>"
            b'<trans-unit id="x"><source>&e;</source><target>&e;</target></trans-unit>'
            b"</body></file></xliff>"
        )
    elif breakage == "not_xliff":
        content = b"<html><body>Bonjour</body></html>"
    revisions = Revision.objects.count()
    response = upload(translator, content)
    assert response.status_code == 200
    errors = html(response).find(id="xliff-errors")
    assert errors is not None and errors.get_text(strip=True)
    assert "root:" not in errors.get_text()
    assert Revision.objects.count() == revisions
    assert not StandardPage.objects.get(pk=page.pk).get_latest_revision_as_object().title_hy


def test_a_page_the_user_may_not_edit_changes_nothing(page):
    # Moderators approve or reject: they edit no page.
    moderator = logged_in(staff_member(MODERATORS))
    translated = translated_with_toolkit(
        export(logged_in(staff_member(TRANSLATORS, "other-translator")), language="hy")
    )
    response = upload(moderator, translated)
    if response.status_code in (302, 403):
        return  # not even let in
    assert html(response).find(id="xliff-errors") is not None
    assert not StandardPage.objects.get(pk=page.pk).get_latest_revision_as_object().title_hy


def test_the_commands_round_trip(tmp_path, translator_user, page):
    exported = tmp_path / "hy.xlf"
    call_command(
        "export_translations",
        language="hy",
        status="missing,outdated",
        page=[page.pk],
        output=str(exported),
    )
    store = toolkit.xlifffile.parsefile(str(exported))
    assert {unit.getid().split("\x04")[-1].split("#")[0] for unit in store.units} == {
        f"pages.standardpage/{page.pk}/{name}" for name in ("title", "introduction", "body")
    }
    translated = tmp_path / "hy-translated.xlf"
    translated.write_bytes(translated_with_toolkit(exported.read_bytes()))
    call_command("import_translations", str(translated), user=translator_user.username)
    latest = StandardPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert latest.title_hy == "ՀՅ À traduire"

    from django.core.management.base import CommandError

    broken = tmp_path / "broken.xlf"
    broken.write_bytes(b"<xliff")
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_translations", str(broken))
