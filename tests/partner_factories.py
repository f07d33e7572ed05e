"""Real partner pages and logos for tests and local experiments (no mocks: database rows)."""

from io import BytesIO

import PIL.Image
from django.core.files.images import ImageFile
from django.utils.text import slugify
from wagtail.images import get_image_model

from partners.models import PartnerIndexPage, PartnerKind, PartnerPage


def make_logo(title="Logo", colour="#7a2e1d", size=(240, 120)):
    """A PNG image in Wagtail's image library."""
    buffer = BytesIO()
    PIL.Image.new("RGB", size, colour).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{slugify(title) or 'logo'}.png")
    )


def make_partner(title, kind=None, index=None, logo=None, **fields):
    """A published partner page under the partner index, in French (en/hy fall back)."""
    index = index or PartnerIndexPage.objects.get()
    kind = kind or PartnerKind.objects.get(identifier="ngo")
    if logo is not None:
        fields.setdefault("logo_alt_text_fr", f"Logo de {title}")
    partner = PartnerPage(title_fr=title, slug_fr=slugify(title), kind=kind, logo=logo, **fields)
    index.add_child(instance=partner)
    return partner
