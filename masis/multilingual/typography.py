"""French typography, applied once to the HTML of French pages as they leave the site.

In French text a narrow no-break space (U+202F) comes before ``;`` ``!`` ``?``, a no-break space
(U+00A0) before ``:`` and inside « ». Editors and translators type ordinary spaces, or none;
rather than fix every string, the page's text is corrected on its way out: only text, never a
tag, an attribute, a script, code or a time, and only where the text is French (an element with
another ``lang`` is left alone). A URL in the text is left as it is, and a colon between digits
(10:30) is not punctuation.

The HTML is split with regular expressions, not parsed into a tree: the site's pages are
well formed, and this keeps the cost to about a millisecond for a large page, paid once per page
in the page cache (``FrenchTypographyMiddleware`` sits inside ``PageCacheMiddleware``).
"""

import re

from django.conf import settings

NBSP = "\u00a0"
NNBSP = "\u202f"

# A tag, with quoted attribute values that may hold ">"; comments and doctypes.
TAG = re.compile(
    r"""<!--.*?-->"""
    r"""|<![^>]*>"""
    r"""|<(/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""",
    re.DOTALL,
)
LANG_ATTRIBUTE = re.compile(r"""\slang\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
# Elements whose text is not prose: code, times, what the visitor typed, scripts.
VERBATIM = {"code", "kbd", "pre", "samp", "script", "style", "textarea", "time", "var"}
# Elements that never have content or an end tag.
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
RAW_TEXT = {"script", "style", "textarea"}

ENTITY = re.compile(r"(&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)")
NBSP_ENTITY = re.compile(r"&(?:nbsp|#160|#[xX]0*[aA]0);")
URL = re.compile(r"((?:[a-z][a-z0-9+.-]*://|www\.|mailto:)\S+)", re.IGNORECASE)

SPACES = "[ \t\r\n\u00a0\u202f]+"
# Punctuation is only punctuation before a space, the end of the text or more punctuation:
# "?kind=ngo", ":param" and "10:30" are left alone. Typed without its space, it takes one only
# after a letter, a digit, a closing bracket or quote: "https://" stays.
AFTER_WORD = r"(?:(?<=[^\W_])|(?<=[)\]»”’]))"
BEFORE_SPACE = r"(?=\s|$)"
ENDS = r"(?=[\s»)\]”’.,;:!?…]|$)"
RULES = [
    (re.compile(rf"{SPACES}([;!?]){ENDS}"), NNBSP + r"\1"),
    (re.compile(rf"{AFTER_WORD}([;!?]){BEFORE_SPACE}"), NNBSP + r"\1"),
    (re.compile(rf"{SPACES}:{ENDS}"), NBSP + ":"),
    (re.compile(rf"{AFTER_WORD}:{BEFORE_SPACE}"), NBSP + ":"),
    (re.compile(rf"«(?:{SPACES})?"), "«" + NBSP),
    (re.compile(rf"(?:{SPACES})?»"), NBSP + "»"),
]


def _punctuate(text):
    for pattern, replacement in RULES:
        text = pattern.sub(replacement, text)
    return text


# Most text nodes hold none of the punctuation concerned: they are returned as they are.
CONCERNED = re.compile(r"[;:!?«»]")


def french_text(text):
    """``text`` (HTML text, entities allowed) with French spacing; URLs and entities kept."""
    if not CONCERNED.search(text):
        return text
    text = NBSP_ENTITY.sub(NBSP, text)
    pieces = []
    for index, part in enumerate(URL.split(text)):
        if index % 2:  # a URL
            pieces.append(part)
            continue
        for position, piece in enumerate(ENTITY.split(part)):
            pieces.append(piece if position % 2 else _punctuate(piece))
    return "".join(pieces)


class _Element:
    __slots__ = ("name", "french", "verbatim", "nested")

    def __init__(self, name, french, verbatim):
        self.name, self.french, self.verbatim, self.nested = name, french, verbatim, 0


def _lang(attributes):
    match = LANG_ATTRIBUTE.search(attributes)
    if match is None:
        return None
    return next(value for value in match.groups() if value is not None).strip().lower()


def french_html(html):
    """``html`` with French typography in the text of its French parts."""
    # Only elements that change something are stacked: one with a lang, or verbatim content.
    stack = [_Element("", False, False)]
    out = []
    position = 0
    for match in TAG.finditer(html):
        start = match.start()
        if start < position:  # inside a script or style skipped below
            continue
        top = stack[-1]
        if start > position:
            text = html[position:start]
            out.append(french_text(text) if top.french and not top.verbatim else text)
        out.append(match.group())
        position = match.end()
        closing, name, attributes = match.group(1), match.group(2), match.group(3)
        if name is None:  # a comment or a doctype
            continue
        name = name.lower()
        if closing:
            if top.name == name:
                if top.nested:
                    top.nested -= 1
                elif len(stack) > 1:
                    stack.pop()
            continue
        if name in VOID or attributes.rstrip().endswith("/"):
            continue
        if name in RAW_TEXT:  # copy everything up to the end tag as it is
            end = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(html, position)
            stop = end.start() if end else len(html)
            out.append(html[position:stop])
            position = stop
            continue
        lang = _lang(attributes)
        if lang is not None or name in VERBATIM:
            french = top.french if lang is None else lang.split("-")[0] == "fr"
            stack.append(_Element(name, french, top.verbatim or name in VERBATIM))
        elif top.name == name:
            top.nested += 1
    text = html[position:]
    out.append(french_text(text) if stack[-1].french and not stack[-1].verbatim else text)
    return "".join(out)


def _is_french_html(request, response):
    if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
        return False
    if not response.get("Content-Language", "").lower().startswith("fr"):
        return False
    admin_prefixes = (getattr(settings, "ADMIN_URL_PREFIX", "/admin/"), "/django-admin/")
    return not request.path.startswith(admin_prefixes)


class FrenchTypographyMiddleware:
    """French spacing in the text of French HTML pages (not in the admin).

    Place it right after ``PageCacheMiddleware`` and before ``SiteLocaleMiddleware``, which
    sets the response's ``Content-Language``: the cache then keeps the corrected page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _is_french_html(request, response):
            charset = response.charset or "utf-8"
            response.content = french_html(response.content.decode(charset)).encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
