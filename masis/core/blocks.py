"""StreamField blocks shared by every page type's body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from masis.core.content_rules import body_errors


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"))
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "blocks/figure.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"


class PageLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    text = blocks.CharBlock(
        required=False, label=_("Link text"), help_text=_("Defaults to the page's title.")
    )

    class Meta:
        icon = "link"
        template = "blocks/page_link.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    text = blocks.CharBlock(required=False, label=_("Link text"))

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link.html"


class KeyFigureBlock(blocks.StructBlock):
    """A number set apart from the text: "about 100,000 inhabitants"."""

    value = blocks.IntegerBlock(min_value=0, label=_("Value"))
    approximate = blocks.BooleanBlock(
        required=False,
        label=_("Approximate"),
        help_text=_('Shown as "about 100,000" rather than "100,000".'),
    )
    label = blocks.CharBlock(
        label=_("Unit or label"), help_text=_('What is counted: "inhabitants", "villages".')
    )
    status = blocks.CharBlock(
        required=False, label=_("Status"), help_text=_('For instance "under construction".')
    )
    note = blocks.CharBlock(required=False, label=_("Note"))

    class Meta:
        icon = "table"
        label = _("Key figure")
        template = "blocks/key_figure.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul", "lang-fr"],
        label=_("Paragraph"),
    )
    figure = FigureBlock()
    quote = QuoteBlock()
    page_link = PageLinkBlock()
    document_link = DocumentLinkBlock()
    key_figure = KeyFigureBlock()

    def clean(self, value):
        """Accessibility rules (institutional.content_rules): heading levels in order, link
        texts that say where they go, documents linked with their format and size."""
        value = super().clean(value)
        errors = body_errors(value)
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value
