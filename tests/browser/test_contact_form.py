"""The contact form in a real browser, through the page cache and CSRF: errors take focus and
pass axe-core, and a message can be written and sent with the keyboard alone."""

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from masis.multilingual.languages import LANGUAGE_CODES

from . import probes
from .conftest import PHONE, SCREENSHOTS

pytestmark = pytest.mark.browser


def tab_to(tab, selector, limit=80):
    for _ in range(limit):
        tab.page.keyboard.press("Tab")
        if tab.page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    pytest.fail(f"{selector} is not reachable with Tab")


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_sending_an_empty_form_focuses_the_errors_which_pass_axe(tabs, served_site, language):
    tab = tabs[language]
    contact = served_site.page_of_type("contactpage", language)
    tab.goto(contact.path)
    tab_to(tab, ".contact-form button[type=submit]")
    with tab.page.expect_navigation() as navigation:
        tab.page.keyboard.press("Enter")
    assert navigation.value.status == 200
    assert tab.page.evaluate("document.activeElement.id") == "form-errors"
    # Name, e-mail and message: the browser always sends one of the select's options.
    assert tab.page.locator(".form-field__error").count() == 3
    tab.page.evaluate(AXE_SCRIPT)
    results = tab.page.evaluate(probes.RUN_AXE, probes.AXE_OPTIONS)
    failures = probes.axe_failures(f"{contact.path} (with errors)", results)
    assert not failures, "\n".join(failures)
    tab.page.set_viewport_size(PHONE)
    tab.page.screenshot(
        path=SCREENSHOTS / f"contactpage-errors-{language}-phone.png", full_page=True
    )


def test_a_message_is_written_and_sent_with_the_keyboard_alone(tabs, served_site):
    tab = tabs["fr"]
    contact = served_site.page_of_type("contactpage", "fr")
    tab.goto(contact.path)
    tab_to(tab, "input[autocomplete=name]")
    tab.page.keyboard.type("Anahit Petrosyan")
    tab.page.keyboard.press("Tab")
    tab.page.keyboard.type("anahit@example.org")
    tab.page.keyboard.press("Tab")
    tab.page.keyboard.press("ArrowDown")  # "Participer à un échange ou à un projet"
    tab.page.keyboard.press("Tab")
    tab.page.keyboard.type("Notre chorale aimerait chanter à Aix.")
    tab_to(tab, ".contact-form button[type=submit]", limit=5)
    with tab.page.expect_navigation() as navigation:
        tab.page.keyboard.press("Enter")
    assert navigation.value.status == 200
    assert tab.page.locator("h1").inner_text() == "Merci, votre message a bien été envoyé"
    assert not tab.foreign_requests()
