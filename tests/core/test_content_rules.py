"""Content rules enforced where staff write: heading levels, link texts, documents, alt texts."""

import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from wagtail.blocks import StreamBlockValidationError
from wagtail.documents.models import Document
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.test.utils.form_data import rich_text

from masis.core.blocks import BodyBlock
from pages.models import StandardPage

from ..factories import make_image
from ..helpers import edit_form_data, live_pages


@pytest.fixture(autouse=True)
def english():
    """Messages are read in English (the site's default language is French)."""
    with translation.override("en"):
        yield


def clean(*blocks):
    """BodyBlock.clean on a stream given as (type, value) pairs, as stored in the database."""
    body = BodyBlock()
    value = body.to_python([{"type": kind, "value": value} for kind, value in blocks])
    return body.clean(value)


def errors_of(*blocks):
    with pytest.raises(StreamBlockValidationError) as caught:
        clean(*blocks)
    return caught.value.block_errors


def heading(level, text="Un titre"):
    return ("heading", {"text": text, "level": f"h{level}"})


def paragraph(html_source):
    return ("paragraph", html_source)


def messages(error):
    """Every message of a block's error, its fields' included."""
    if hasattr(error, "block_errors"):
        return [m for child in error.block_errors.values() for m in child.messages]
    return error.messages


# --- Headings -------------------------------------------------------------------------------


def test_headings_in_order_are_accepted():
    clean(heading(2), heading(3), heading(4), heading(2), heading(3), heading(2))


@pytest.mark.parametrize(
    ("levels", "faulty_index", "previous", "level"),
    [((3,), 0, 1, 3), ((2, 4), 1, 2, 4), ((2, 3, 2, 4), 3, 2, 4)],
)
def test_a_heading_that_skips_a_level_is_refused_on_its_level(
    levels, faulty_index, previous, level
):
    errors = errors_of(*(heading(n) for n in levels))
    assert list(errors) == [faulty_index]
    (message,) = errors[faulty_index].block_errors["level"].messages
    assert f"after a level-{previous} heading" in message
    assert f"level {previous + 1} at most, not {level}" in message


def test_headings_inside_rich_text_count_in_the_sequence():
    errors = errors_of(heading(2), paragraph("<h4>Détail</h4><p>Texte</p>"))
    assert list(errors) == [1]
    clean(heading(2), paragraph("<h3>Détail</h3><p>Texte</p>"))


# --- Link texts -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["cliquez ici", "Cliquez ici !", "ici", "click here", "Click here to read the report", "here",
     "Read more…", "այստեղ", "սեղմեք այստեղ"],
)  # fmt: skip
def test_a_vague_link_text_in_a_paragraph_is_refused(text):
    errors = errors_of(
        paragraph(f'<p>Le programme : <a href="https://example.org/">{text}</a>.</p>')
    )
    (message,) = errors[0].messages
    assert "does not say where the link goes" in message
    assert text.strip() in message


def test_a_vague_link_text_on_a_page_link_is_refused_on_its_text(seeded):
    errors = errors_of(("page_link", {"page": seeded.pk, "text": "Click here"}))
    assert set(errors[0].block_errors) == {"text"}


@pytest.mark.parametrize(
    "text",
    ["Le programme de la Quinzaine de l’Arménie", "Here and there: Masis in 2025", "Ici Masis"],
)
def test_descriptive_link_texts_are_accepted(text, seeded):
    clean(
        paragraph(f'<p>Voir <a href="https://example.org/">{text}</a>.</p>'),
        ("page_link", {"page": seeded.pk, "text": text}),
        ("page_link", {"page": seeded.pk, "text": ""}),  # the page's title is used
    )


# --- Documents and images -------------------------------------------------------------------


def test_a_document_linked_from_a_paragraph_is_refused(db, media_in_tmp):
    document = Document.objects.create(title="Rapport", file=ContentFile(b"%PDF-1.4", "r.pdf"))
    errors = errors_of(
        paragraph(f'<p>Le <a linktype="document" id="{document.pk}">rapport</a>.</p>')
    )
    assert "“Document” block" in errors[0].messages[0]
    clean(("document_link", {"document": document.pk, "text": "Le rapport 2025"}))


@pytest.fixture
def image(db, media_in_tmp):
    return make_image()


def test_an_image_without_alternative_text_is_refused(image):
    errors = errors_of(("figure", {"image": image.pk, "alt_text": "", "caption": ""}))
    assert set(errors[0].block_errors) == {"alt_text"}


@pytest.mark.parametrize("alt", ["IMG_2024.jpg", "photo", "DSC-0042", "Image", "masis.png"])
def test_an_alternative_text_that_describes_nothing_is_refused(image, alt):
    errors = errors_of(("figure", {"image": image.pk, "alt_text": alt, "caption": ""}))
    assert "does not describe the image" in messages(errors[0])[0]


def test_a_descriptive_alternative_text_is_accepted(image):
    alt = "Young people at the opening of the Aix-en-Provence Youth Centre in Masis"
    clean(("figure", {"image": image.pk, "alt_text": alt, "caption": ""}))


# --- The rules hold for the seed, and the admin enforces them ---------------------------------


def body_fields(page):
    return [
        field
        for field in page._meta.get_fields()
        if isinstance(field, StreamField) and isinstance(field.stream_block, BodyBlock)
    ]


def test_every_seeded_body_follows_the_rules_in_every_language(seeded):
    checked = 0
    for page in live_pages():
        for field in body_fields(page):
            value = getattr(page, field.attname)
            if value:
                field.stream_block.clean(value)
                checked += 1
    assert checked >= 6  # at least the legal notice and personal data page, in 3 languages


def post_body(admin_client, page, blocks):
    """The French body made of ``blocks``, the others empty."""
    data = edit_form_data(admin_client, page, body_fr=blocks, body_en=[], body_hy=[])
    return admin_client.post(f"/admin/pages/{page.pk}/edit/", data)


@pytest.fixture
def standard_page(seeded):
    return StandardPage.objects.get(slug_fr="aix-et-l-armenie")


def block_errors(response, field="body_fr"):
    (error,) = response.context["form"].errors[field].as_data()
    return error.block_errors


def test_the_admin_refuses_a_body_that_skips_a_heading_level(english_admin_client, standard_page):
    before = Page.objects.get(pk=standard_page.pk).latest_revision_id
    response = post_body(english_admin_client, standard_page, [heading(2), heading(4, "Trop bas")])
    assert response.status_code == 200
    assert "The page could not be saved due to validation errors" in response.content.decode()
    errors = block_errors(response)
    assert list(errors) == [1]
    assert "Heading levels cannot be skipped" in errors[1].block_errors["level"].messages[0]
    assert Page.objects.get(pk=standard_page.pk).latest_revision_id == before


def test_the_admin_refuses_a_click_here_link(english_admin_client, standard_page):
    link = rich_text('<p>Le programme : <a href="https://example.org/">cliquez ici</a></p>')
    response = post_body(english_admin_client, standard_page, [heading(2), paragraph(link)])
    assert response.status_code == 200
    assert "does not say where the link goes" in block_errors(response)[1].messages[0]


def test_the_admin_saves_a_body_that_follows_the_rules(english_admin_client, standard_page):
    link = rich_text('<p>Voir <a href="https://example.org/">le programme 2025</a></p>')
    response = post_body(
        english_admin_client, standard_page, [heading(2), heading(3), paragraph(link)]
    )
    assert response.status_code == 302
    saved = StandardPage.objects.get(pk=standard_page.pk).get_latest_revision_as_object()
    assert [block.block_type for block in saved.body_fr] == ["heading", "heading", "paragraph"]
