"""axe-core (WCAG 2.0 and 2.1, A and AA) finds nothing on any page, in any language."""

import pytest

from masis.multilingual.languages import LANGUAGE_CODES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_every_page_answers(survey, language):
    failures = [f"{v.page.path}: HTTP {v.status}" for v in survey(language) if v.status != 200]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_axe_finds_no_violation_on_any_page(survey, language):
    visits = survey(language)
    failures = [line for v in visits for line in v.violations]
    assert not failures, f"{len(failures)} axe-core violations:\n" + "\n".join(failures)
    assert all(v.rules_passed >= 20 for v in visits), "axe ran too few rules: was it injected?"


def test_the_survey_covers_every_page_type_of_the_tree(served_site, survey):
    surveyed = {v.page.page_type for language in ("fr",) for v in survey(language)}
    assert {
        "homepage",
        "standardpage",
        "accessibilitystatementpage",
        "sitemappage",
        "contactpage",
    } <= surveyed
    assert surveyed >= {page.page_type for page in served_site.pages_in("fr")}
