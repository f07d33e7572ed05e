"""Hostile input: every public URL of the seeded site (page tree, sitemap, links, feeds, search,
API and filter endpoints found on the pages) driven with random and hostile query strings,
paths, headers and form posts. No response is a 500 (the test client re-raises any exception a
view lets through), none reflects the input unescaped, no redirect leaves the site.

Then hostile content: titles, text fields, snippet names and rich text (through the editor's own
server-side conversion) with <script>, javascript: links and event handlers, on every page type.
"""

import json
import re
from urllib.parse import quote, urlencode, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import RichText

from masis.multilingual.languages import LANGUAGE_CODES

from ..helpers import every_page_in_every_language, live_pages

MARK = "mzq7"
REFLECTION_PAYLOADS = [
    f"<{MARK}>",
    f'"><svg onload={MARK}>',
    f"'><img src=x onerror={MARK}>",
    f"</title><script>{MARK}</script>",
    f"javascript:{MARK}//",
]
# What must never appear verbatim in an HTML or XML response (escaped, inside an attribute or
# a text node, the payload is inert: only its raw "<", '"' or "'" would make it markup).
REFLECTED = [f"<{MARK}", f"<svg onload={MARK}", f"<img src=x onerror={MARK}", f"<script>{MARK}",
             f'"><svg onload={MARK}', "'><img src=x"]  # fmt: skip
NASTY_VALUES = [
    "",
    "-1",
    "0",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "2024-13-45",
    "０１",
    "١٢٣",
    "%",
    "%%",
    "../../etc/passwd",
    "' OR '1'='1",
    "\\",
    "null",
    "[]",
    "{}",
]
KNOWN_PARAMETERS = ["q", "page", "year", "theme", "kind", "type", "format", "limit", "offset",
                    "order", "fields", "search", "locale", "lang", "next", "child_of"]  # fmt: skip
MAX_URLS = 250

hostile = hypothesis_settings(
    max_examples=50,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

_discovered = {}


def discover(client):
    """(urls, parameter names, post forms) of the public site, found once per test session."""
    if _discovered:
        return _discovered["urls"], _discovered["parameters"], _discovered["forms"]
    urls = {url for _page, _language, url in every_page_in_every_language()}
    parameters = set(KNOWN_PARAMETERS)
    forms = {}
    extra = ["/sitemap.xml", "/robots.txt", "/api/v2/", "/api/v2/pages/", "/healthz"]
    for language in LANGUAGE_CODES:
        with translation.override(language):
            try:
                extra.append(reverse("search"))
            except NoReverseMatch:
                pass
    for url in extra:
        if client.get(url).status_code == 200:
            urls.add(url)
    sitemap = client.get("/sitemap.xml")
    if sitemap.status_code == 200:
        for loc in re.findall(rb"<loc>([^<]+)</loc>", sitemap.content):
            urls.add(urlsplit(loc.decode()).path)
    for url in sorted(urls):
        response = client.get(url)
        if "html" not in response.get("Content-Type", ""):
            continue
        doc = BeautifulSoup(response.content, "html.parser")
        hrefs = [a["href"] for a in doc.find_all(["a", "link"], href=True)]
        for href in hrefs:
            parts = urlsplit(href)
            if parts.netloc not in ("", "testserver") or not parts.path.startswith("/"):
                continue
            if parts.path.startswith(("/admin/", "/static/", "/media/")):
                continue
            parameters.update(re.findall(r"(?:^|&)([^=&]+)=", parts.query))
            if len(urls) < MAX_URLS:
                urls.add(parts.path)
        for form in doc.find_all("form"):
            action = urlsplit(form.get("action") or url).path or url
            names = [f["name"] for f in form.find_all(["input", "select", "textarea"], attrs={
                "name": True}) if f.get("type") not in ("submit", "hidden")]  # fmt: skip
            if (form.get("method") or "get").lower() == "post":
                forms[action] = names
            else:
                urls.add(action)
                parameters.update(names)
    _discovered.update(urls=sorted(urls), parameters=sorted(parameters), forms=forms)
    return _discovered["urls"], _discovered["parameters"], _discovered["forms"]


def percent(data):
    return quote(data, safe="")


values = st.one_of(
    st.sampled_from(REFLECTION_PAYLOADS).map(percent),
    st.sampled_from(REFLECTION_PAYLOADS),  # raw, as a careless client would send it
    st.sampled_from(NASTY_VALUES).map(percent),
    st.binary(max_size=40).map(percent),  # invalid UTF-8, NUL bytes, control characters
    st.text(max_size=40).map(lambda text: quote(text.encode("utf-8", "surrogatepass"), safe="")),
    st.integers(min_value=2_000, max_value=20_000).map(lambda n: "A" * n),
    st.just("%00"),
    st.just("%ff%fe%fd"),
)


def query_strings(parameters):
    pair = st.tuples(st.one_of(st.sampled_from(parameters), values), values)
    return st.lists(pair, max_size=4).map(lambda pairs: "&".join(f"{k}={v}" for k, v in pairs))


def assert_safe(response, where):
    assert response.status_code < 500, where
    location = response.get("Location")
    if location:
        assert urlsplit(location).netloc in ("", "testserver"), (where, location)
    content_type = response.get("Content-Type", "")
    if response.streaming or "json" in content_type:
        if "json" in content_type:
            assert response["X-Content-Type-Options"] == "nosniff"
        return
    body = response.content.decode("utf-8", "replace")
    for dangerous in REFLECTED:
        assert dangerous not in body, (where, dangerous, content_type)
    assert "Traceback" not in body, where


@hostile
@given(data=st.data())
def test_hostile_query_strings_never_break_or_reflect(client, seeded, data):
    urls, parameters, _forms = discover(client)
    url = data.draw(st.sampled_from(urls), label="url")
    query = data.draw(query_strings(parameters), label="query")
    response = client.get(url, QUERY_STRING=query)
    assert_safe(response, (url, query[:300]))


path_suffixes = st.one_of(
    st.sampled_from(REFLECTION_PAYLOADS).map(percent),
    st.binary(min_size=1, max_size=30).map(percent),
    st.text(min_size=1, max_size=30).map(lambda t: percent(t.encode("utf-8", "surrogatepass"))),
    st.sampled_from(["%ff%fe/", "%00/", "..%2f..%2fetc%2fpasswd", "a/" * 50, "%2e%2e/", "/"]),
    st.integers(min_value=300, max_value=5000).map(lambda n: "x" * n + "/"),
)


@hostile
@given(data=st.data())
def test_hostile_paths_are_refused_cleanly(client, seeded, data):
    urls, _parameters, _forms = discover(client)
    base = data.draw(st.sampled_from([*urls, "/", "/fr/", "/zz/", "/documents/"]), label="base")
    path = base.rstrip("/") + "/" + data.draw(path_suffixes, label="suffix")
    assert_safe(client.get(path), path[:300])


API_ENDPOINTS = ["/api/v2/pages/", "/api/v2/pages/find/", "/api/v2/pages/3/"]
API_PARAMETERS = ["offset", "limit", "fields", "order", "search", "search_operator", "type",
                  "child_of", "ancestor_of", "descendant_of", "locale", "site", "id",
                  "html_path", "title", "slug", "show_in_menus", "first_published_at",
                  "seo_title", "search_description", "format"]  # fmt: skip
api_values = st.one_of(
    values,
    st.integers().map(str),
    st.integers(min_value=2**63 - 2, max_value=2**80).map(str),
    st.floats().map(str),
    st.sampled_from(["/fr/", "/fr/masis/", "/hy/%D5%AF%D5%A1%D5%BA/", "/fr/%00/", "//", "*",
                     "-title", "_,parent(title)", "*,-title", "id,title", "true", "yes"]),
)  # fmt: skip


@hostile
@given(data=st.data())
def test_hostile_api_parameters_are_400_never_500(client, seeded, data):
    endpoint = data.draw(st.sampled_from(API_ENDPOINTS), label="endpoint")
    pairs = data.draw(
        st.lists(st.tuples(st.sampled_from(API_PARAMETERS), api_values), min_size=1, max_size=3),
        label="parameters",
    )
    query = "&".join(f"{name}={value}" for name, value in pairs)
    response = client.get(endpoint, QUERY_STRING=query)
    assert_safe(response, (endpoint, query[:300]))
    if response.status_code >= 400:
        assert response["Content-Type"].startswith("application/json"), (endpoint, query)
        assert response.json()["message"], (endpoint, query)


header_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(REFLECTION_PAYLOADS),
    st.integers(min_value=500, max_value=10_000).map(lambda n: "fr-FR;q=0.9," * (n // 12)),
    st.sampled_from(["*", "hy-AM", "fr;q=abc", "en;q=1e309", ",,,", "x" * 300, "de-CH-1996"]),
)


def latin1(text):
    """As a WSGI server hands header values to Django (bytes decoded as ISO-8859-1)."""
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


@hostile
@given(data=st.data())
def test_hostile_headers_are_handled(client, seeded, data):
    urls, _parameters, _forms = discover(client)
    url = data.draw(st.sampled_from([*urls, "/"]), label="url")
    accept_language = latin1(data.draw(header_text, label="accept-language"))
    host = data.draw(
        st.one_of(st.just("testserver"), header_text.map(latin1), st.just("evil.example")),
        label="host",
    )
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=accept_language, HTTP_HOST=host)
    assert_safe(response, (url, accept_language[:100], host[:100]))
    if host not in settings.ALLOWED_HOSTS:
        assert response.status_code == 400


@hostile
@given(data=st.data())
def test_hostile_form_posts_are_answered_with_messages(client, seeded, data):
    _urls, _parameters, forms = discover(client)
    if not forms:
        pytest.skip("no public form posts data yet")
    action = data.draw(st.sampled_from(sorted(forms)), label="form")
    fields = {
        name: data.draw(st.one_of(st.sampled_from(REFLECTION_PAYLOADS), st.text(max_size=200)))
        for name in forms[action]
    }
    response = client.post(action, urlencode({k: latin1(v) for k, v in fields.items()}),
                           content_type="application/x-www-form-urlencoded")  # fmt: skip
    assert_safe(response, (action, fields))


# --- Hostile content, on every page type -------------------------------------------------------

SCRIPT_TITLE = "<script>alert('title')</script> & <b onmouseover=alert(1)>bold</b>"
SCRIPT_TEXT = "Texte <script>alert('text')</script> <img src=x onerror=alert(2)> fin"
HOSTILE_CONTENTSTATE = {
    "blocks": [
        {
            "key": "a1b2c",
            "type": "unstyled",
            "depth": 0,
            "text": "lien un, lien deux, lien trois <script>alert('rich')</script>",
            "inlineStyleRanges": [],
            "entityRanges": [
                {"offset": 0, "length": 8, "key": 0},
                {"offset": 10, "length": 9, "key": 1},
                {"offset": 21, "length": 10, "key": 2},
            ],
            "data": {},
        }
    ],
    "entityMap": {
        "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(1)"}},
        "1": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": " JaVaScRiPt:alert(2)"}},
        "2": {
            "type": "LINK",
            "mutability": "MUTABLE",
            "data": {"url": 'https://example.org/" onclick="alert(3)'},
        },
    },
}
SKIPPED_FIELDS = {"draft_title", "url_path", "slug", "path"}


def text_fields(model):
    """Plain text fields staff type into: titles, introductions, names (not slugs or URLs)."""
    for field in model._meta.get_fields():
        if not isinstance(field, models.CharField | models.TextField) or not field.editable:
            continue
        if isinstance(field, models.URLField | models.EmailField | models.SlugField):
            continue
        if field.choices or (field.max_length or 1000) < 40:
            continue
        if any(not isinstance(v, MaxLengthValidator) for v in field.validators):
            continue  # links and other validated values: not free text
        if field.name.split("_")[0] in {"slug", "url"} or field.name in SKIPPED_FIELDS:
            continue
        if field.model is Page and not field.name.startswith(
            ("title", "seo_title", "search_description")
        ):
            continue  # the page tree's own bookkeeping (path, url_path…)
        yield field


def editor_html(widget):
    """What the admin stores when an editor submits this rich text: Draftail's own conversion."""
    return widget.value_from_datadict({"f": json.dumps(HOSTILE_CONTENTSTATE)}, {}, "f")


def rich_text_blocks(stream_block):
    return [
        name
        for name, child in stream_block.child_blocks.items()
        if isinstance(child, blocks.RichTextBlock)
    ]


def make_hostile(page):
    for field in text_fields(type(page)):
        hostile_value = SCRIPT_TITLE if "title" in field.name else SCRIPT_TEXT
        setattr(page, field.attname, hostile_value[: field.max_length or None])
    for field in type(page)._meta.get_fields():
        if isinstance(field, RichTextField) and field.editable:
            setattr(page, field.attname, editor_html(field.formfield().widget))
        elif isinstance(field, StreamField):
            names = rich_text_blocks(field.stream_block)
            if names:
                block = field.stream_block.child_blocks[names[0]]
                value = RichText(editor_html(block.field.widget))
                setattr(page, field.attname, [(names[0], value)])
    page.save_revision().publish()


def assert_neutralised(body, where):
    doc = BeautifulSoup(body, "html.parser")
    for script in doc.find_all("script"):
        if script.get("type") in ("application/ld+json", "application/json"):
            # Data blocks may carry the text, with "<" escaped so that it cannot close them.
            assert "<" not in script.get_text(), (where, str(script)[:200])
        else:
            assert "alert(" not in script.get_text(), (where, str(script)[:200])
    for tag in doc.find_all(True):
        handlers = [name for name in tag.attrs if name.lower().startswith("on")]
        assert not handlers, (where, str(tag)[:200])
        href = re.sub(r"\s", "", (tag.get("href") or "")).lower()
        assert not href.startswith("javascript:"), (where, str(tag)[:200])


def test_hostile_content_is_neutralised_on_every_page_type(client, seeded):
    by_type = {}
    for page in live_pages():
        by_type.setdefault(type(page), page)
    assert len(by_type) >= 4
    for page in by_type.values():
        make_hostile(page)
    for page_type, page in by_type.items():
        page = Page.objects.get(pk=page.pk).specific
        for language in LANGUAGE_CODES:
            with translation.override(language):
                url = page.get_url()
                title = page.title
            response = client.get(url)
            assert response.status_code == 200, (page_type.__name__, url)
            body = response.content.decode()
            assert_neutralised(body, (page_type.__name__, language))
            # Shown as text, not dropped: the visitor reads exactly what the editor typed.
            doc = BeautifulSoup(body, "html.parser")
            assert doc.h1.get_text(strip=True) == title.strip(), (page_type.__name__, language)


def test_hostile_snippet_names_are_escaped_wherever_they_show(client, seeded):
    from wagtail.snippets.models import get_snippet_models

    changed = 0
    for model in get_snippet_models():
        fields = list(text_fields(model))
        for instance in model._default_manager.all()[:5]:
            for field in fields:
                setattr(instance, field.attname, SCRIPT_TITLE[: field.max_length or None])
            instance.save()
            changed += 1
    if not changed:
        pytest.skip("no snippet instances in the seed yet")
    for _page, language, url in every_page_in_every_language():
        response = client.get(url)
        assert response.status_code == 200, url
        assert_neutralised(response.content.decode(), (url, language))
