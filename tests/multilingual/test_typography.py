"""French typography applied once, at output (issue #20): a narrow no-break space before ; ! ?,
a no-break space before : and inside « », in the text of French pages only."""

import re
import time

import pytest
from bs4 import BeautifulSoup, Comment, Doctype
from django.http import HttpResponse

from masis.multilingual.typography import FrenchTypographyMiddleware, french_html, french_text

from ..helpers import every_page_in_every_language

NBSP, NNBSP = "\u00a0", "\u202f"


def show(text):
    return text.replace(NBSP, "[NBSP]").replace(NNBSP, "[NNBSP]")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (
            "Une question ? Écrivez-nous : oui !",
            "Une question[NNBSP]? Écrivez-nous[NBSP]: oui[NNBSP]!",
        ),
        ("Masis? Oui; non!", "Masis[NNBSP]? Oui[NNBSP]; non[NNBSP]!"),
        ("la page « Contact »", "la page «[NBSP]Contact[NBSP]»"),
        ("la page «Contact»", "la page «[NBSP]Contact[NBSP]»"),
        ("Quoi ?!", "Quoi[NNBSP]?!"),
        ("Caractères\u00a0: Noto", "Caractères[NBSP]: Noto"),
        ("PNUD\u00a0; en juillet", "PNUD[NNBSP]; en juillet"),
        # Not punctuation: times, URLs, parameters.
        ("à 10:30 précises", "à 10:30 précises"),
        ("voir https://example.org/?q=a:b pour", "voir https://example.org/?q=a:b pour"),
        ("par exemple ?kind=ngo.", "par exemple ?kind=ngo."),
        ("R&amp;D; suite", "R&amp;D[NNBSP]; suite"),
        ("Masis&nbsp;?", "Masis[NNBSP]?"),
    ],
)
def test_french_spacing_in_text(typed, expected):
    assert show(french_text(typed)) == expected
    assert french_text(french_text(typed)) == french_text(
        typed
    )  # applying it again changes nothing


def test_only_the_text_of_the_french_parts_changes():
    page = (
        '<!DOCTYPE html><html lang="fr"><head><title>Masis : la ville</title>'
        '<script type="application/ld+json">{"a": "b : c ?"}</script>'
        "<style>a:hover { x: y }</style></head><body>"
        '<a href="/x?y=1 :" title="a : b">lien ?</a>'
        '<p lang="en">Hello: world? <span>still English: yes</span></p>'
        "<p>retour : oui</p>"
        '<p><time datetime="2024">10 : 30</time> <code>a : b</code> <pre>c ; d</pre></p>'
        "<textarea>Mon message : ici ?</textarea><!-- note : ici -->"
        "</body></html>"
    )
    out = french_html(page)
    assert "<title>Masis\u00a0: la ville</title>" in out
    assert '{"a": "b : c ?"}' in out and "a:hover { x: y }" in out
    assert 'href="/x?y=1 :" title="a : b">lien\u202f?</a>' in out
    assert '<p lang="en">Hello: world? <span>still English: yes</span></p>' in out
    assert "<p>retour\u00a0: oui</p>" in out
    assert "10 : 30" in out and "<code>a : b</code>" in out and "<pre>c ; d</pre>" in out
    assert "<textarea>Mon message : ici ?</textarea>" in out and "<!-- note : ici -->" in out


def french_text_nodes(doc):
    """The text nodes of a French page that typography applies to."""
    skipped = {"script", "style", "code", "pre", "kbd", "samp", "var", "time", "textarea"}
    for node in doc.find_all(string=True):
        if isinstance(node, Comment | Doctype):
            continue
        parents = list(node.parents)
        if any(parent.name in skipped for parent in parents):
            continue
        lang = next((p.get("lang") for p in parents if p.name and p.get("lang")), "fr")
        if lang.split("-")[0] == "fr":
            yield str(node)


# An ordinary space (or none after a letter) before ; ! ? or :, or inside « »: what no French
# page may show.
MISSING_SPACE = re.compile(
    r"[ \t\n][;!?:](?=[\s»)\].,;:!?…]|$)"  # an ordinary space before the punctuation
    r"|[^\W_][;!?](?=\s|$)"  # none after a letter
    r"|[^\W_\d]:(?=\s|$)"
    r"|«(?!\u00a0)|(?<!\u00a0)»"  # guillemets without their no-break space
)


def test_every_seeded_french_page_is_spaced_the_french_way(client, seeded):
    checked = 0
    for _page, language, url in every_page_in_every_language():
        if language != "fr":
            continue
        doc = BeautifulSoup(client.get(url).content, "html.parser")
        for text in french_text_nodes(doc):
            match = MISSING_SPACE.search(text)
            assert match is None, (url, show(text[max(0, match.start() - 40) : match.end() + 10]))
        checked += 1
    assert checked >= 20


@pytest.mark.parametrize(
    ("path", "language", "corrected"),
    [
        ("/fr/contact/", "fr", True),
        ("/en/contact/", "en", False),
        ("/hy/կապ/", "hy", False),
        ("/admin/pages/", "fr", False),
    ],
)
def test_french_pages_only_and_not_the_admin(rf, path, language, corrected):
    def view(request):
        response = HttpResponse('<html lang="fr"><p>Une question ? Oui : non</p></html>')
        response["Content-Language"] = language
        response["Content-Length"] = str(len(response.content))
        return response

    response = FrenchTypographyMiddleware(view)(rf.get(path))
    text = response.content.decode()
    assert ("question\u202f?" in text) is corrected
    assert response["Content-Length"] == str(len(response.content))


def test_the_cost_on_the_largest_french_page_stays_small(client, seeded):
    """Measured and printed; bounded loosely (the page cache pays it once per page)."""
    pages = [client.get(url).content.decode() for _p, lang, url in every_page_in_every_language()]
    largest = max(pages, key=len)
    start = time.perf_counter()
    for _ in range(20):
        french_html(largest)
    per_page = (time.perf_counter() - start) / 20
    print(f"typography: {per_page * 1000:.2f} ms for {len(largest)} characters")
    assert per_page < 0.05
