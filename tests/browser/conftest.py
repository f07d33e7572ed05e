"""The site as visitors meet it: a gunicorn serving its own seeded database (DEBUG off, static files
by whitenoise), driven by Debian's Chromium through Playwright.

One browser for the whole package, one context per language; every page of the page tree (plus
the sitemap's and the home page's search results) is visited once per language by ``survey``,
which records what the tests of this package then assert: axe-core results, layout at 320 px and
at 200 % zoom, requests to other hosts, console errors, and screenshots of each page type.
"""

import json
import os
import shutil
import subprocess
import sys
import uuid
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from masis.multilingual.languages import LANGUAGE_CODES

from ..servers import ROOT, gunicorn, seeded_site
from . import probes

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
NARROW = {"width": 320, "height": 640}  # WCAG 1.4.10: 1280 px at 400 %
ZOOM_200 = {"width": 640, "height": 450}  # 1280 x 900 at 200 %


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium; in CI its absence is a failure, elsewhere a reason to skip.

    Session-scoped so that it is checked before the test database is set up."""
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium, or CHROMIUM_PATH)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


@dataclass(frozen=True)
class SitePage:
    path: str
    language: str
    page_type: str


@dataclass
class ServedSite:
    base_url: str
    env: dict
    pages: list = field(default_factory=list)

    def url(self, path):
        return urljoin(self.base_url, path)

    def pages_in(self, language):
        return [page for page in self.pages if page.language == language]

    def first_of_each_type(self, language):
        seen = {}
        for page in self.pages_in(language):
            seen.setdefault(page.page_type, page)
        return list(seen.values())

    def page_of_type(self, page_type, language="fr"):
        return next(p for p in self.pages_in(language) if p.page_type == page_type)


def _page_tree(env):
    result = subprocess.run(
        [sys.executable, "-m", "tests.browser.discovery"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return [
        SitePage(item["path"], item["language"], item["page_type"])
        for item in json.loads(result.stdout)
    ]


def _sitemap_paths(page):
    """Paths the sitemap lists, when the site has one."""
    response = page.request.get("/sitemap.xml")
    if response.status != 200:
        return []
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    root = ElementTree.fromstring(response.body())
    return [urlsplit(loc.text.strip()).path for loc in root.iter(f"{namespace}loc")]


@pytest.fixture(scope="package")
def served_site(chromium, django_db_setup):
    extra = {
        "CACHE_KEY_PREFIX": f"masis-browser-{uuid.uuid4().hex[:8]}",
        "CONTACT_EMAIL": "jumelage@example.org",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    with seeded_site("browser", **extra) as env, gunicorn(env, workers=2) as base_url:
        yield ServedSite(base_url, env, _page_tree(env))


@pytest.fixture(scope="package")
def browser(chromium, served_site):
    from playwright.sync_api import sync_playwright

    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class LanguageTab:
    """One browser context and one tab per language, reused by every test."""

    def __init__(self, browser, site, language):
        self.site = site
        self.language = language
        self.context = browser.new_context(
            base_url=site.base_url,
            viewport=DESKTOP,
            locale={"fr": "fr-FR", "en": "en-GB", "hy": "hy-AM"}[language],
            reduced_motion="reduce",
        )
        self.page = self.context.new_page()
        self.requests = []
        self.console_errors = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on(
            "console",
            lambda message: message.type == "error" and self.console_errors.append(message.text),
        )
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def goto(self, path):
        self.page.set_viewport_size(DESKTOP)
        response = self.page.goto(path, wait_until="load")
        self.page.evaluate("document.fonts.ready.then(() => true)")
        return response

    def foreign_requests(self):
        """Requests to any host but the site's own."""
        own = urlsplit(self.site.base_url).netloc
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in ("data", "blob", "about") and urlsplit(url).netloc != own
        ]


@pytest.fixture(scope="package")
def tabs(browser, served_site):
    tabs = {code: LanguageTab(browser, served_site, code) for code in LANGUAGE_CODES}
    for tab in tabs.values():
        _add_linked_views(tab, served_site)
    yield tabs
    for tab in tabs.values():
        tab.context.close()


def _add_linked_views(tab, site):
    """Pages that are not in the page tree: the sitemap's, and the search forms' results."""
    known = {page.path for page in site.pages}
    home = next(page for page in site.pages_in(tab.language) if page.page_type == "homepage")
    tab.goto(home.path)
    extra = [(path, "sitemap") for path in _sitemap_paths(tab.page)]
    forms = tab.page.eval_on_selector_all(
        "form[method=get], form:not([method])",
        "forms => forms.map(f => [f.action, (f.querySelector('input[type=search], "
        "input[type=text]') || {}).name])",
    )
    for action, name in forms:
        if name:
            query = urlencode({name: "Masis"})
            extra.append((f"{urlsplit(action).path}?{query}", "search_results"))
    for path, page_type in extra:
        if path not in known and path.startswith(f"/{tab.language}/"):
            site.pages.append(SitePage(path, tab.language, page_type))
            known.add(path)


@dataclass
class Visit:
    page: SitePage
    status: int
    violations: list
    rules_passed: int
    rules_incomplete: int
    overflow_320: dict
    overlaps_200: list
    overflow_200: dict
    foreign_requests: list
    console_errors: list


def _screenshot(tab, page, viewport, name):
    tab.page.set_viewport_size(viewport)
    tab.page.screenshot(path=SCREENSHOTS / name, full_page=True)


def visit(tab, page, screenshot):
    """Everything the package checks on one page, in one visit."""
    tab.requests.clear()
    tab.console_errors.clear()
    response = tab.goto(page.path)
    tab.page.evaluate(AXE_SCRIPT)
    axe = tab.page.evaluate(probes.RUN_AXE, probes.AXE_OPTIONS)
    if screenshot:
        _screenshot(tab, page, DESKTOP, f"{page.page_type}-{page.language}-desktop.png")
    tab.page.set_viewport_size(NARROW)
    overflow_320 = tab.page.evaluate(probes.OVERFLOW)
    tab.page.set_viewport_size(ZOOM_200)
    overlaps_200 = tab.page.evaluate(probes.TEXT_OVERLAPS)
    overflow_200 = tab.page.evaluate(probes.OVERFLOW)
    if screenshot:
        _screenshot(tab, page, PHONE, f"{page.page_type}-{page.language}-phone.png")
    tab.page.wait_for_load_state("networkidle")
    return Visit(
        page=page,
        status=response.status if response else 0,
        violations=probes.axe_failures(page.path, axe),
        rules_passed=len(axe["passes"]),
        rules_incomplete=len(axe["incomplete"]),
        overflow_320=overflow_320,
        overlaps_200=overlaps_200,
        overflow_200=overflow_200,
        foreign_requests=tab.foreign_requests(),
        console_errors=list(tab.console_errors),
    )


@pytest.fixture(scope="package")
def survey(tabs, served_site):
    """{language: [Visit]}: every page visited once per language, on demand."""
    visits = {}

    def visits_in(language):
        if language not in visits:
            shot = set()
            visits[language] = []
            for page in served_site.pages_in(language):
                first = page.page_type not in shot
                shot.add(page.page_type)
                visits[language].append(visit(tabs[language], page, screenshot=first))
            _write_report(visits)
        return visits[language]

    return visits_in


def _write_report(visits):
    report = [
        {
            "path": v.page.path,
            "language": v.page.language,
            "page_type": v.page.page_type,
            "status": v.status,
            "axe_violations": len(v.violations),
            "axe_rules_passed": v.rules_passed,
            "axe_rules_incomplete": v.rules_incomplete,
        }
        for language_visits in visits.values()
        for v in language_visits
    ]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "axe-report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1))
