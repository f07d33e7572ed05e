"""Text in another language is marked as such, and document links state their format and size in
the reader's language."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from institutional.models import LegalNoticePage
from masis.core.seeding import stream
from masis.multilingual.links import page_url
from pages.models import StandardPage

from ..helpers import every_page_in_every_language, html

ARMENIAN = re.compile("[\u0531-\u058f]")


def language_of(node):
    """The language of a text node: the lang attribute of its nearest ancestor that has one."""
    for parent in node.parents:
        if parent.has_attr("lang"):
            return parent["lang"]
    return None


def unmarked_armenian(doc):
    """Armenian text on the page that is not inside a lang="hy" element."""
    found = []
    for node in doc.find_all(string=ARMENIAN):
        if node.parent.name in ("script", "style", "title"):
            continue
        if language_of(node) != "hy":
            found.append(f"<{node.parent.name}> {node.strip()[:60]!r} in lang={language_of(node)}")
    return found


def test_armenian_words_on_french_and_english_pages_are_marked_lang_hy(client, seeded):
    failures, checked = [], 0
    for _page, language, url in every_page_in_every_language():
        if language == "hy":
            continue
        doc = html(client.get(url))
        failures += [f"{url}: {problem}" for problem in unmarked_armenian(doc)]
        checked += 1
    assert checked >= 20
    assert not failures, "\n".join(failures)


def test_the_home_page_names_masis_in_armenian_script_marked(client, seeded):
    masis = html(client.get("/fr/")).find(string="Մասիս")
    assert masis is not None and masis.parent["lang"] == "hy"


def test_armenian_pages_mark_the_french_names_they_quote(client, seeded):
    page = LegalNoticePage.objects.get()
    doc = html(client.get(page_url(page, "hy")))
    address = doc.find(string=re.compile("13100 Aix-en-Provence"))
    assert language_of(address) == "fr"
    assert language_of(doc.find(string=re.compile("Wagtail"))) == "en"


# --- Documents ------------------------------------------------------------------------------


@pytest.fixture
def report(db, media_in_tmp):
    size = 1_258_291  # 1.2 MiB
    return Document.objects.create(
        title="Rapport 2025", file=ContentFile(b"%PDF-1.4\n" + b"0" * (size - 9), "rapport.pdf")
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "(PDF, 1,2 Mo)"), ("en", "(PDF, 1.2 MB)"), ("hy", "(PDF, 1,2 ՄԲ)")],
)
def test_a_document_link_states_format_and_size_in_the_readers_language(
    client, seeded, report, language, expected
):
    page = StandardPage.objects.get(slug_fr="aix-et-l-armenie")
    body = stream(("document_link", {"document": report.pk, "text": "Le rapport 2025"}))
    for code in ("fr", "en", "hy"):
        setattr(page, f"body_{code}", body)
    page.save_revision().publish()
    link = html(client.get(page_url(page, language))).find("p", class_="document-link").a
    meta = link.find(class_="document-link__meta").get_text().replace("\xa0", " ")
    assert meta == expected
    assert link["href"] == report.url
