"""The seeded site's objects, found by their seed key, and new real objects for tests: pages,
events, partners, images and staff members, saved in the real database (no mocks)."""

import datetime
import itertools
import secrets
import struct
import zlib
from io import BytesIO

import PIL.Image
import PIL.ImageDraw
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.utils import translation
from django.utils.text import slugify
from wagtail.images import get_image_model

from masis.core.seeding import localized, paragraphs
from pages.models import SeedRecord, StandardPage
from partners.models import PartnerIndexPage, PartnerKind, PartnerPage
from timeline.models import CooperationEventPage, Theme, TimelinePage

_numbers = itertools.count(1)

# The six events of the seed text, oldest first.
SEEDED_EVENT_KEYS = [
    "event-cross-visits",
    "event-youth-centre",
    "event-armenia-fortnight",
    "event-book-exchange",
    "event-undp-mission",
    "event-call-for-projects",
]


# --- The seeded site ---------------------------------------------------------------------------


def seed_object(key, model=None):
    """What the seed loader created under ``key`` (as ``model`` if given)."""
    record = SeedRecord.objects.get(key=key)
    if model is not None:
        return model.objects.get(pk=record.object_id)
    return record.content_type.get_object_for_this_type(pk=record.object_id)


def timeline_page():
    return seed_object("timeline", TimelinePage)


def seeded_event(key):
    return seed_object(key, CooperationEventPage)


def seeded_partner(key):
    return seed_object(key, PartnerPage)


def aix_and_armenia():
    """The seeded standard page "Aix et l'Arménie", translated in every language."""
    return StandardPage.objects.live().get(slug_fr="aix-et-l-armenie")


# --- New pages ---------------------------------------------------------------------------------


def standard_page(parent, key, live=True, **fields):
    """A standard page under ``parent``, in French unless ``fields`` say otherwise
    (values as the seed gives them: ``{"fr": …, "en": …}``)."""
    values = {
        "title": {"fr": f"Page {key}"},
        "slug": {"fr": key},
        "introduction": {"fr": "Une introduction en français."},
        "body": {"fr": paragraphs("Un paragraphe en français.")},
        **fields,
    }
    page = StandardPage(**localized(**values))
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    else:
        page.live = False
        page.save(update_fields=["live"])
    return StandardPage.objects.get(pk=page.pk)


def add_event(
    title=None,
    start=datetime.date(2022, 3, 14),
    start_precision="day",
    end=None,
    end_precision="day",
    place="aix",
    themes=(),
    partners=(),
    parent=None,
    publish=True,
    **fields,
):
    """A cooperation event under the seeded timeline, published unless ``publish`` is false,
    with French texts."""
    number = next(_numbers)
    title = title or f"Événement de test {number}"
    with translation.override("fr"):
        event = CooperationEventPage(
            title=title,
            slug=f"{slugify(title)}-{number}",
            start_date=start,
            start_precision=start_precision,
            end_date=end,
            end_precision=end_precision,
            place=place,
            summary=fields.pop("summary", f"Résumé de l’événement {number}."),
            themes=list(themes),
            partners=list(partners),
            live=publish,
            **fields,
        )
        (parent or timeline_page()).add_child(instance=event)
    return event


def add_theme(slug, fr, en="", hy=""):
    return Theme.objects.create(slug=slug, name_fr=fr, name_en=en, name_hy=hy)


def make_partner(title, kind=None, index=None, logo=None, **fields):
    """A published partner page under the partner index, in French (en/hy fall back)."""
    index = index or PartnerIndexPage.objects.get()
    kind = kind or PartnerKind.objects.get(identifier="ngo")
    if logo is not None:
        fields.setdefault("logo_alt_text_fr", f"Logo de {title}")
    partner = PartnerPage(title_fr=title, slug_fr=slugify(title), kind=kind, logo=logo, **fields)
    index.add_child(instance=partner)
    return partner


# --- Images ------------------------------------------------------------------------------------


def make_image(title="Masis", colour="white", size=(640, 480), **fields):
    """A PNG image in Wagtail's image library (store it under the ``media_in_tmp`` fixture)."""
    buffer = BytesIO()
    PIL.Image.new("RGB", size, colour).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=title, file=ImageFile(buffer, name=f"{slugify(title) or 'image'}.png"), **fields
    )


def photo_like_jpeg(size=(1800, 1200)):
    """A JPEG that compresses like a photograph: gradients, shapes and fine noise."""
    width, height = size
    image = PIL.Image.merge(
        "RGB",
        (
            PIL.Image.linear_gradient("L").resize(size),
            PIL.Image.linear_gradient("L").rotate(90).resize(size),
            PIL.Image.effect_noise(size, 40),
        ),
    )
    draw = PIL.ImageDraw.Draw(image)
    # A pixel of its own: no two images share a file hash.
    draw.point((0, 0), fill=tuple(secrets.token_bytes(3)))
    for index in range(14):
        x, y = (index * 137) % width, (index * 211) % height
        colour = (200 - index * 9, 80 + index * 8, 40 + index * 11)
        draw.ellipse((x, y, x + width // 6, y + height // 5), fill=colour)
    output = BytesIO()
    image.save(output, "JPEG", quality=88)
    return output


def make_logo(title="Logo", colour="#7a2e1d", size=(240, 120)):
    """A partner's logo: a wide image."""
    return make_image(title, colour=colour, size=size)


def png(width, height, colour_type=0, bit_depth=1):
    """A valid PNG of any dimensions whose pixels are all zero: tiny on disk, huge in memory."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    channels = {0: 1, 2: 3}[colour_type]
    row = b"\x00" + bytes((width * channels * bit_depth + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


# --- Staff -------------------------------------------------------------------------------------


def staff_member(role, username=None):
    """A user in the group ``role`` (None: no group at all)."""
    username = username or f"staff-{(role or 'nobody').lower()}"
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="not-a-secret"
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user
