"""A photograph in the image library, stored under a temporary MEDIA_ROOT."""

import pytest
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from ..factories import photo_like_jpeg


@pytest.fixture
def photo(media_in_tmp):
    image = get_image_model().objects.create(
        title="Vue de Masis", file=ImageFile(photo_like_jpeg(), name="vue-de-masis.jpg")
    )
    # Wagtail keeps renditions in the shared cache by image id and file hash, and ids come back
    # in each test's rolled-back database: the hash tells this test's image apart.
    image.get_file_hash()
    return image
