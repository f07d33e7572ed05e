"""Images made by the tests with Pillow, stored under a temporary MEDIA_ROOT."""

import io
import secrets

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model


def photo_like_jpeg(size=(1800, 1200)):
    """A JPEG that compresses like a photograph: gradients, shapes and fine noise."""
    width, height = size
    image = PillowImage.merge(
        "RGB",
        (
            PillowImage.linear_gradient("L").resize(size),
            PillowImage.linear_gradient("L").rotate(90).resize(size),
            PillowImage.effect_noise(size, 40),
        ),
    )
    draw = ImageDraw.Draw(image)
    # A pixel of its own: no two images share a file hash.
    draw.point((0, 0), fill=tuple(secrets.token_bytes(3)))
    for index in range(14):
        x, y = (index * 137) % width, (index * 211) % height
        colour = (200 - index * 9, 80 + index * 8, 40 + index * 11)
        draw.ellipse((x, y, x + width // 6, y + height // 5), fill=colour)
    output = io.BytesIO()
    image.save(output, "JPEG", quality=88)
    return output


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def photo(media):
    image = get_image_model().objects.create(
        title="Vue de Masis", file=ImageFile(photo_like_jpeg(), name="vue-de-masis.jpg")
    )
    # Wagtail keeps renditions in the shared cache by image id and file hash, and ids come back
    # in each test's rolled-back database: the hash tells this test's image apart.
    image.get_file_hash()
    return image
