"""Every content image is a <picture>: AVIF and WebP sources, a JPEG (or PNG) fallback, several
widths with `sizes`, width and height set, lazy unless it is the first thing on screen."""

import json

import pytest
from django.core.files.storage import default_storage
from PIL import Image as PillowImage

from masis.multilingual.links import page_url
from pages.models import StandardPage, TownProfilePage
from timeline.models import CooperationEventImage

from ..factories import SEEDED_EVENT_KEYS, make_logo, make_partner, seeded_event
from ..helpers import html

FORMATS = {"image/avif": "AVIF", "image/webp": "WEBP", "image/jpeg": "JPEG", "image/png": "PNG"}


def candidates(srcset):
    """[(url, width)] of a srcset with width descriptors."""
    found = []
    for candidate in srcset.split(","):
        url, descriptor = candidate.split()
        assert descriptor.endswith("w"), srcset
        found.append((url, int(descriptor[:-1])))
    return found


def stored_format(url):
    """The format of the file behind a media URL, as Pillow reads it."""
    with default_storage.open(url.removeprefix("/media/")) as stored:
        return PillowImage.open(stored).format


def assert_responsive_picture(picture, widths, fallback="image/jpeg"):
    """The <picture>'s sources and fallback: each format at every width, each file real."""
    sources = picture.find_all("source")
    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
    img = picture.find("img")
    assert img["sizes"] and all(source["sizes"] == img["sizes"] for source in sources)
    srcsets = [*((source["type"], source["srcset"]) for source in sources)]
    for mime_type, srcset in [*srcsets, (fallback, img["srcset"])]:
        found = candidates(srcset)
        assert [width for _url, width in found] == widths, mime_type
        for url, _width in found:
            assert stored_format(url) == FORMATS[mime_type], url
    assert img["src"] == candidates(img["srcset"])[0][0]
    assert int(img["width"]) == widths[0] and int(img["height"]) > 0
    return img


@pytest.fixture
def profile(seeded):
    return TownProfilePage.objects.get()


def test_the_town_profile_hero_is_responsive_and_loads_first(client, profile, photo):
    profile.hero_image = photo
    profile.hero_image_alt_fr = "La place centrale de Masis"
    profile.save_revision().publish()

    doc = html(client.get(page_url(profile, "fr")))
    picture = doc.select_one("picture:has(img.town-profile__hero)")
    img = assert_responsive_picture(picture, [480, 800, 1200, 1600])
    # 5:2, as the layout crops it, at every width.
    assert (int(img["width"]), int(img["height"])) == (480, 192)
    assert img.get("loading") is None and img["fetchpriority"] == "high"
    assert img["alt"] == "La place centrale de Masis" and img.get("lang") is None
    # The English page shows the French alternative text, marked as French.
    img_en = html(client.get(page_url(profile, "en"))).select_one("img.town-profile__hero")
    assert (img_en["alt"], img_en["lang"]) == ("La place centrale de Masis", "fr")


def test_an_event_gallery_is_responsive_and_lazy(client, seeded, photo):
    event = seeded_event(SEEDED_EVENT_KEYS[0])
    event.images.add(CooperationEventImage(image=photo, alt_text_fr="Les deux délégations"))
    event.save_revision().publish()

    doc = html(client.get(page_url(event, "hy")))
    picture = doc.select_one(".event-section picture")
    img = assert_responsive_picture(picture, [400, 700, 1000, 1400])
    assert img["loading"] == "lazy"
    assert (img["alt"], img["lang"]) == ("Les deux délégations", "fr")


def test_a_body_figure_is_responsive_and_lazy_below_the_first_block(client, seeded, photo):
    page = StandardPage.objects.live().first()
    figure = {"type": "figure", "value": {"image": photo.pk, "alt_text": "La rotonde"}}
    page.body_fr = json.dumps([figure, {"type": "paragraph", "value": "<p>Texte.</p>"}, figure])
    page.save_revision().publish()

    pictures = html(client.get(page_url(page, "fr"))).select(".prose figure picture")
    assert len(pictures) == 2
    first, second = (assert_responsive_picture(p, [400, 700, 1000, 1400]) for p in pictures)
    assert first.get("loading") is None, "the first block is on screen at once"
    assert second["loading"] == "lazy"
    assert first["alt"] == second["alt"] == "La rotonde"


def test_a_partner_logo_keeps_its_transparency_and_loads_first_on_its_page(
    client, seeded, media_in_tmp
):

    partner = make_partner("Maison des essais", logo=make_logo("Essais", size=(600, 300)))
    doc = html(client.get(page_url(partner, "fr")))
    picture = doc.select_one(".partner__header picture")
    img = assert_responsive_picture(picture, [112, 224], fallback="image/png")
    assert img.get("loading") == "eager"
