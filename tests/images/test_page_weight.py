"""The home page stays light with a photograph in it: under 300 KB for everything a visitor
downloads, counted generously (no compression, the widest image candidate, every font whose
characters the page uses)."""

import json
import posixpath
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage

from masis.multilingual.languages import LANGUAGE_CODES
from masis.multilingual.links import page_url

from ..helpers import html

BUDGET = 300 * 1024
FONT_FACE = re.compile(r"@font-face\s*{([^}]*)}")


def static_file(url):
    path = finders.find(url.removeprefix("/static/").split("?")[0])
    assert path, url
    return Path(path)


def unicode_ranges(block):
    """[(first, last)] code points of an @font-face's unicode-range."""
    match = re.search(r"unicode-range:\s*([^;]+);", block)
    ranges = []
    for part in match.group(1).split(",") if match else ["U+0-10FFFF"]:
        first, _dash, last = part.strip().removeprefix("U+").partition("-")
        ranges.append((int(first, 16), int(last or first, 16)))
    return ranges


def fonts_used(css, text):
    """The font files a browser fetches for this text: each face whose range it touches."""
    used = set()
    code_points = {ord(character) for character in text}
    for block in FONT_FACE.findall(css):
        ranges = unicode_ranges(block)
        if any(first <= point <= last for point in code_points for first, last in ranges):
            used.update(re.findall(r"url\(['\"]?([^'\")]+)", block))
    return used


def widest_candidate(srcset):
    candidates = [part.split() for part in srcset.split(",")]
    return max(candidates, key=lambda candidate: int(candidate[1][:-1]))[0]


def downloads(response):
    """{url: bytes} of the page and of what it makes a browser fetch."""
    doc = html(response)
    files = {"page": len(response.content)}
    for link in doc.select('link[rel=stylesheet], link[rel=preload], link[rel="icon"]'):
        files[link["href"]] = static_file(link["href"]).stat().st_size
    for link in doc.select("link[rel=stylesheet]"):
        css = static_file(link["href"]).read_text()
        for font in fonts_used(css, doc.body.get_text()):
            font_url = posixpath.normpath(posixpath.join(posixpath.dirname(link["href"]), font))
            files[font_url] = static_file(font_url).stat().st_size
    for picture in doc.select("picture"):
        url = widest_candidate(picture.find("source")["srcset"])
        files[url] = default_storage.size(url.removeprefix("/media/"))
    for img in doc.select("img:not(picture img)"):
        files[img["src"]] = default_storage.size(img["src"].removeprefix("/media/"))
    return files


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_the_home_page_with_a_photograph_weighs_under_300_kb(client, seeded, photo, language):
    home = seeded
    figure = {"type": "figure", "value": {"image": photo.pk, "alt_text": "Vue de Masis"}}
    home.body_fr = json.dumps([figure])
    home.save_revision().publish()

    files = downloads(client.get(page_url(home, language)))
    assert any(url.endswith(".avif") for url in files), files
    detail = ", ".join(f"{url}: {size // 1024} KB" for url, size in files.items())
    assert sum(files.values()) < BUDGET, detail
