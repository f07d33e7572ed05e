"""Uploads through the real Wagtail admin views: size and pixel limits, decompression bombs,
allowed document types, and documents served so that they cannot run script on our origin."""

import json
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from ..factories import png
from ..helpers import html

Image = get_image_model()
Document = get_document_model()

pytestmark = pytest.mark.usefixtures("media_in_tmp")


def upload_image(client, name, content):
    return client.post(
        "/admin/images/add/",
        {
            "title": name,
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content, content_type="image/png"),
        },
    )


def form_errors(response):
    return " ".join(e.get_text(" ", strip=True) for e in html(response).select(".error-message"))


def test_pixel_limit_is_at_or_below_pillows_bomb_warning():
    assert 0 < settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS <= PILImage.MAX_IMAGE_PIXELS
    assert 0 < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
    assert 0 < settings.WAGTAILDOCS_MAX_UPLOAD_SIZE <= 50 * 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024 * 1024


def test_an_ordinary_image_is_accepted(admin_client):
    response = upload_image(admin_client, "masis.png", png(640, 480, colour_type=2, bit_depth=8))
    assert response.status_code == 302, form_errors(response)
    assert Image.objects.filter(title="masis.png").exists()


@pytest.mark.parametrize(
    ("width", "height"),
    [
        (6000, 6000),  # 36 Mpx: over our limit, under Pillow's warning
        (10000, 10000),  # 100 Mpx: over Pillow's warning
        (30000, 30000),  # 900 Mpx: Pillow refuses to open it at all
    ],
    ids=["over-our-limit", "over-pillow-warning", "over-pillow-error"],
)
def test_decompression_bomb_is_refused_with_a_form_error(admin_client, width, height):
    bomb = png(width, height)
    assert len(bomb) < 2 * 1024 * 1024  # small on the wire
    response = upload_image(admin_client, "bomb.png", bomb)
    assert response.status_code == 200
    errors = form_errors(response)
    assert errors, "no form error shown"
    assert "pixels" in errors or "valid image" in errors, errors
    assert not Image.objects.filter(title="bomb.png").exists()


def test_the_multiple_upload_view_refuses_a_bomb_too(admin_client):
    response = admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("bomb.png", png(10000, 10000), content_type="image/png")},
    )
    assert response.status_code == 200
    result = json.loads(response.content)
    assert result["success"] is False
    assert not Image.objects.filter(title="bomb").exists()


MEMORY_PROBE = """
import io, sys
import django
django.setup()
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images.fields import WagtailImageField
import willow
from tests.factories import png

field = WagtailImageField()
for width, height in ((30000, 30000), (10000, 10000)):
    try:
        field.clean(SimpleUploadedFile("bomb.png", png(width, height)))
        sys.exit("bomb accepted")
    except ValidationError:
        pass
# The largest image we accept, decoded and resized as a rendition is.
side = int(field.max_image_pixels ** 0.5)
upload = SimpleUploadedFile("big.png", png(side, side, colour_type=2, bit_depth=8))
field.clean(upload)
upload.seek(0)
rendition = io.BytesIO()
willow.Image.open(upload).resize((800, 800)).save_as_webp(rendition)
# VmHWM, not getrusage's ru_maxrss: Linux carries ru_maxrss over from the parent across exec,
# so in a large test run it reports the pytest process's own peak.
with open("/proc/self/status") as status:
    print(next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) // 1024)
"""


def test_a_worker_validating_bombs_and_the_largest_image_stays_under_300_mb():
    result = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE],
        cwd=settings.BASE_DIR,
        env={"DJANGO_SETTINGS_MODULE": "masis.settings.test", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    peak_mb = int(result.stdout.strip().splitlines()[-1])
    assert peak_mb < 300, f"peak RSS {peak_mb} MB"


def upload_document(client, name, content, content_type="application/octet-stream"):
    return client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
        },
    )


@pytest.mark.parametrize(
    "name",
    ["page.html", "page.htm", "logo.svg", "feed.xml", "script.js", "page.xhtml", "run.exe"],
)
def test_documents_that_a_browser_could_run_are_refused(admin_client, name):
    response = upload_document(admin_client, name, b"<script>alert(document.domain)</script>")
    assert response.status_code == 200
    assert "extension" in form_errors(response).lower()
    assert not Document.objects.filter(title=name).exists()


def serve(client, document):
    return client.get(document.url)


def test_a_pdf_is_served_inline_but_sandboxed(admin_client, client):
    assert upload_document(admin_client, "charte.pdf", b"%PDF-1.4\n%%EOF\n").status_code == 302
    document = Document.objects.get(title="charte.pdf")
    client.logout()
    response = serve(client, document)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("notes.txt", b"<html><script>alert(document.cookie)</script></html>"),
        ("budget.csv", b"<svg onload=alert(1)>,1"),
        ("rapport.docx", b"PK\x03\x04 not really a docx"),
    ],
)
def test_other_documents_are_downloaded_never_rendered(admin_client, client, name, body):
    assert upload_document(admin_client, name, body).status_code == 302
    document = Document.objects.get(title=name)
    client.logout()
    response = serve(client, document)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not response["Content-Type"].startswith(("text/html", "image/svg", "application/xhtml"))
    assert b"".join(response.streaming_content) == body


def test_request_bodies_over_the_limit_are_refused(client, seeded, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    body = "q=" + "x" * 4096
    response = client.post("/admin/login/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
