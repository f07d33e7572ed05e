"""An image cut short in transit (a truncated PNG or JPEG) gets a form error naming the file,
never a server error."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.models import Collection

from ..factories import photo_like_jpeg, png
from ..helpers import html

Image = get_image_model()

pytestmark = pytest.mark.usefixtures("media_in_tmp")


def truncated(content):
    return content[: len(content) // 2]


TRUNCATED = {
    "coupee.png": ("image/png", lambda: truncated(png(640, 480, colour_type=2, bit_depth=8))),
    "coupee.jpg": ("image/jpeg", lambda: truncated(photo_like_jpeg((640, 480)).getvalue())),
}


@pytest.mark.parametrize("name", TRUNCATED)
def test_a_truncated_image_gets_a_form_error_naming_it(admin_client, name):
    content_type, content = TRUNCATED[name]
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "Masis",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content(), content_type=content_type),
        },
    )
    assert response.status_code == 200
    errors = " ".join(e.get_text(" ", strip=True) for e in html(response).select(".error-message"))
    assert name in errors
    assert not Image.objects.exists()


@pytest.mark.parametrize("name", TRUNCATED)
def test_the_multiple_upload_view_refuses_a_truncated_image(admin_client, name):
    content_type, content = TRUNCATED[name]
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content(), content_type=content_type)},
    )
    assert response.status_code == 200
    result = json.loads(response.content)
    assert result["success"] is False and name in json.dumps(result, ensure_ascii=False)
    assert not Image.objects.exists()
