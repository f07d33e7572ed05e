"""Pages load nothing from another host, and run without errors (CSP refusals included)."""

import pytest

from masis.multilingual.languages import LANGUAGE_CODES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_pages_request_nothing_from_another_host(survey, language):
    failures = [f"{v.page.path}: {url}" for v in survey(language) for url in v.foreign_requests]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_pages_log_no_error_in_the_console(survey, language):
    failures = [f"{v.page.path}: {error}" for v in survey(language) for error in v.console_errors]
    assert not failures, "\n".join(failures)
