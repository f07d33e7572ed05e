"""Everything works without a mouse: skip link, every control reachable with Tab and visibly
focused, no keyboard trap, the language switcher, and the forms that filter or search."""

from urllib.parse import parse_qs, urlsplit

import pytest

from masis.multilingual.languages import LANGUAGE_CODES

from . import probes

pytestmark = pytest.mark.browser


def press_tab(tab, times=1, shift=False):
    for _ in range(times):
        tab.page.keyboard.press("Shift+Tab" if shift else "Tab")
    return tab.page.evaluate(probes.FOCUSED)


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(tabs, served_site):
    failures = []
    for language in LANGUAGE_CODES:
        tab = tabs[language]
        for page in served_site.first_of_each_type(language):
            tab.goto(page.path)
            focused = press_tab(tab)
            if not focused or not focused["name"].startswith("a.skip-link"):
                failures.append(f"{page.path}: first Tab stop is {focused and focused['name']}")
                continue
            if problem := probes.focus_problem(focused):
                failures.append(f"{page.path}: the skip link {problem}")
            tab.page.keyboard.press("Enter")
            if tab.page.evaluate("document.activeElement.id") != "main":
                failures.append(f"{page.path}: the skip link does not move focus to <main>")
                continue
            after = press_tab(tab)
            inside = tab.page.evaluate(
                "() => document.querySelector('main').compareDocumentPosition("
                "document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING"
            )
            if after and not inside:
                failures.append(f"{page.path}: Tab after the skip link goes to {after['name']}")
    assert not failures, "\n".join(failures)


def tab_through(tab, path):
    """Tab from the top of the page until focus comes back to the first stop.

    Returns (names of the focusable elements, indexes in the order reached, problems).
    """
    tab.goto(path)
    names = tab.page.evaluate(probes.TAG_FOCUSABLES)
    reached, problems = [], []
    for _ in range(2 * len(names) + 10):
        focused = press_tab(tab)
        if focused is None:  # focus left the document, between the last stop and the first
            continue
        if focused["index"] == 0 and reached:
            break
        reached.append(focused["index"])
        if problem := probes.focus_problem(focused):
            problems.append(f"{path}: {focused['name']} {problem}")
    else:
        problems.append(f"{path}: Tab never came back to the first stop (keyboard trap?)")
    missed = [names[index] for index in range(len(names)) if index not in reached]
    problems += [f"{path}: {name} cannot be reached with Tab" for name in missed]
    return names, reached, problems


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_every_control_is_reached_with_tab_visibly_and_without_a_trap(tabs, served_site, language):
    failures = []
    for page in served_site.first_of_each_type(language):
        names, reached, problems = tab_through(tabs[language], page.path)
        failures += problems
        if len(names) < 5:
            failures.append(f"{page.path}: only {len(names)} focusable elements found")
        # Backwards too: from the second stop, Shift+Tab returns to the first.
        if len(reached) > 1:
            press_tab(tabs[language])
            back = press_tab(tabs[language], shift=True)
            if not back or back["index"] != reached[0]:
                failures.append(f"{page.path}: Shift+Tab does not go back to the first stop")
    assert not failures, "\n".join(failures)


SWITCHES = [("fr", "en"), ("en", "hy"), ("hy", "fr")]


@pytest.mark.parametrize(("language", "target"), SWITCHES)
def test_language_switcher_works_from_the_keyboard(tabs, served_site, language, target):
    tab = tabs[language]
    page = served_site.page_of_type("accessibilitystatementpage", language)
    tab.goto(page.path)
    expected = tab.page.get_attribute(f'link[rel=alternate][hreflang="{target}"]', "href")
    for _ in range(30):
        focused = press_tab(tab)
        if (
            focused
            and focused["name"].startswith("a")
            and tab.page.evaluate(
                f"document.activeElement.matches('.language-switcher a[hreflang=\"{target}\"]')"
            )
        ):
            break
    else:
        pytest.fail(f"{page.path}: the {target} link of the switcher is not reachable with Tab")
    with tab.page.expect_navigation():
        tab.page.keyboard.press("Enter")
    assert tab.page.evaluate("document.documentElement.lang") == target
    assert urlsplit(tab.page.url).path == urlsplit(expected).path


MARK_FORMS = """() => {
  const forms = [...document.querySelectorAll('form')].filter(
    f => (f.getAttribute('method') || 'get').toLowerCase() === 'get');
  forms.forEach((f, i) => f.dataset.kbdForm = i);
  return forms.map(f => [f.action, [...f.elements].map(e => e.name).filter(Boolean).join(',')]);
}"""
FOCUS_IN_FORM = """() => {
  const el = document.activeElement;
  return {form: el && el.form ? el.form.dataset.kbdForm : null, tag: el.tagName.toLowerCase(),
          type: el.type || '', name: el.name || ''};
}"""


def use_form_with_keyboard(tab, path, form_index):
    """Tab into the form, change its first control, Tab to its button and press Enter."""
    tab.goto(path)
    tab.page.evaluate(MARK_FORMS)
    changed = None
    for _ in range(200):
        tab.page.keyboard.press("Tab")
        focus = tab.page.evaluate(FOCUS_IN_FORM)
        if focus["form"] != str(form_index):
            continue
        if changed is None:
            if focus["tag"] == "select":
                tab.page.keyboard.press("ArrowDown")
            elif focus["type"] in ("checkbox", "radio"):
                tab.page.keyboard.press("Space")
            elif focus["tag"] in ("input", "textarea"):
                tab.page.keyboard.type("Masis")
            else:
                continue
            changed = focus["name"]
        elif focus["type"] == "submit" or focus["tag"] == "button":
            with tab.page.expect_navigation() as navigation:
                tab.page.keyboard.press("Enter")
            return changed, navigation.value
    return changed, None


def test_search_and_filter_forms_work_from_the_keyboard(tabs, served_site):
    tab = tabs["fr"]
    failures, tested = [], set()
    for page in served_site.first_of_each_type("fr"):
        tab.goto(page.path)
        for index, (action, names) in enumerate(tab.page.evaluate(MARK_FORMS)):
            if (action, names) in tested:
                continue
            tested.add((action, names))
            changed, response = use_form_with_keyboard(tab, page.path, index)
            if response is None:
                failures.append(f"{page.path}: form {action} cannot be sent from the keyboard")
                continue
            query = parse_qs(urlsplit(tab.page.url).query)
            if response.status != 200 or changed not in query:
                failures.append(
                    f"{page.path}: form {action} sent by keyboard gave HTTP {response.status} "
                    f"at {tab.page.url} (field changed: {changed})"
                )
            elif tab.page.evaluate("document.documentElement.lang") != "fr":
                failures.append(f"{page.path}: form {action} left the page's language")
    assert tested, "no search or filter form found on any page"
    assert not failures, "\n".join(failures)
