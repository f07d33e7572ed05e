"""Security headers on public pages, the admin's own policy, and no cookie for visitors."""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import override_settings

from ..helpers import every_page_in_every_language, html, live_pages

UNSAFE_SCRIPT_SOURCES = {"'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:", "data:"}
# Inline <script> elements that browsers never execute (data blocks) are allowed.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


def parse_csp(header):
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def sample_urls():
    """One page of each type in every language, plus a page that does not exist."""
    seen, urls = set(), []
    for page, language, url in every_page_in_every_language():
        if (type(page), language) not in seen:
            seen.add((type(page), language))
            urls.append(url)
    return [*urls, "/fr/cette-page-n-existe-pas/", "/hy/no-such-page/"]


def check_csp(value):
    csp = parse_csp(value)
    scripts = csp.get("script-src", csp.get("default-src"))
    assert scripts, value
    assert not UNSAFE_SCRIPT_SOURCES & set(scripts), value
    assert all(source == "'self'" or source.startswith("'nonce-") for source in scripts), value
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["default-src"] == ["'self'"]


def check_permissions_policy(value):
    features = dict(item.strip().split("=", 1) for item in value.split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "browsing-topics"):
        assert features.get(feature) == "()", (feature, value)


EXPECTED_HEADERS = {
    "Content-Security-Policy": check_csp,
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": check_permissions_policy,
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


@pytest.mark.parametrize("header", EXPECTED_HEADERS)
def test_public_responses_carry_the_header(client, seeded, header):
    expected = EXPECTED_HEADERS[header]
    urls = sample_urls()
    assert len(urls) >= 3 * 4
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert header in response, (url, header)
        if callable(expected):
            expected(response[header])
        else:
            assert response[header] == expected, (url, response[header])


def test_static_files_carry_the_headers_too(client):
    response = client.get(f"{settings.STATIC_URL}css/site.css")
    assert response.status_code == 200
    check_csp(response["Content-Security-Policy"])
    assert response["X-Content-Type-Options"] == "nosniff"


def test_public_pages_have_no_inline_script_style_or_third_party_resource(client, seeded):
    checked = 0
    for _page, _language, url in every_page_in_every_language():
        doc = html(client.get(url))
        for script in doc.find_all("script"):
            if script.get("type") in DATA_SCRIPT_TYPES:
                continue
            assert script.get("src"), (url, str(script)[:200])
            assert not script.get_text(strip=True), (url, str(script)[:200])
        # style-src 'self' blocks inline styles: they would silently not apply.
        assert not doc.find_all("style"), url
        assert not doc.find_all(style=True), (url, [str(t)[:120] for t in doc.find_all(style=True)])
        for tag in doc.find_all(True):
            handlers = [name for name in tag.attrs if name.lower().startswith("on")]
            assert not handlers, (url, str(tag)[:200])
            for attribute in ("href", "src", "action", "formaction"):
                value = (tag.get(attribute) or "").strip().lower()
                assert not value.startswith(("javascript:", "vbscript:", "data:text/html")), url
        tags = doc.find_all(["script", "img", "iframe", "source", "audio", "video"], src=True)
        resources = [t["src"] for t in tags]
        resources += [
            t["href"]
            for t in doc.find_all("link", href=True)
            if {"stylesheet", "preload", "icon", "modulepreload"} & set(t.get("rel", []))
        ]
        for resource in resources:
            host = urlsplit(resource).netloc
            assert host in ("", "testserver"), (url, resource)
        checked += 1
    assert checked == len(live_pages()) * 3


def test_anonymous_visitor_gets_no_cookie(client, seeded):
    urls = [url for _page, _language, url in every_page_in_every_language()]
    urls += ["/", "/fr/cette-page-n-existe-pas/", f"{settings.STATIC_URL}css/site.css"]
    for url in urls:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="hy")
        assert not response.cookies, (url, response.cookies.output())
    assert not client.cookies
    for candidate in ("/fr/sitemap.xml", "/sitemap.xml", "/fr/recherche/?q=Masis"):
        response = client.get(candidate)
        assert not response.cookies, (candidate, response.cookies.output())
    assert settings.CSRF_COOKIE_NAME not in client.cookies
    assert settings.LANGUAGE_COOKIE_NAME not in client.cookies
    assert settings.SESSION_COOKIE_NAME not in client.cookies


def test_wagtail_admin_has_its_own_same_origin_policy(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    csp = parse_csp(response["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    for sources in csp.values():
        for source in sources:
            assert source.startswith("'") or source in {"data:", "blob:"}, source
    login = admin_client.get("/admin/login/")
    assert parse_csp(login["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]


def test_admin_previews_get_the_admin_policy_so_the_preview_panel_can_frame_them(rf):
    """Wagtail renders a preview through the middleware with a fake public request: the inner
    response's public policy (frame-ancestors 'none') must not reach the admin."""
    from django.http import HttpResponse

    from masis.operations.csp import ContentSecurityPolicyMiddleware

    def render_preview(request):
        response = HttpResponse("<html></html>")
        response["Content-Security-Policy"] = "default-src 'self'; frame-ancestors 'none'"
        return response

    middleware = ContentSecurityPolicyMiddleware(render_preview)
    preview = middleware(rf.get("/admin/pages/4/edit/preview/?mode=fr&in_preview_panel=true"))
    assert parse_csp(preview["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]
    public = middleware(rf.get("/documents/1/plan.pdf"))
    assert public["Content-Security-Policy"] == "default-src 'self'; frame-ancestors 'none'"


def test_public_policy_follows_the_settings_it_is_built_from(client, seeded):
    """The public policy's text is built once (operations.csp): a changed setting still shows."""
    first = parse_csp(client.get("/fr/")["Content-Security-Policy"])
    changed = {
        "DIRECTIVES": {
            **settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
            "img-src": ["'self'", "https://images.example.org"],
        }
    }
    with override_settings(CONTENT_SECURITY_POLICY=changed):
        assert parse_csp(client.get("/fr/")["Content-Security-Policy"])["img-src"] == [
            "'self'",
            "https://images.example.org",
        ]
    assert parse_csp(client.get("/fr/")["Content-Security-Policy"]) == first


def test_a_view_that_updates_the_policy_gets_its_own(rf):
    from csp.decorators import csp_update
    from django.http import HttpResponse

    from masis.operations.csp import ContentSecurityPolicyMiddleware

    @csp_update({"img-src": ["https://tiles.example.org"]})
    def view(request):
        return HttpResponse("<p>map</p>")

    response = ContentSecurityPolicyMiddleware(view)(rf.get("/fr/"))
    images = parse_csp(response["Content-Security-Policy"])["img-src"]
    assert "https://tiles.example.org" in images and "'self'" in images
