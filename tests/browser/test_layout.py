"""Small screens and zoom: no sideways scrolling at 320 px, no overlapping text at 200 % zoom,
and screenshots of each page type at phone and desktop widths for a person to look at."""

import struct

import pytest

from masis.multilingual.languages import LANGUAGE_CODES

from .conftest import DESKTOP, PHONE, SCREENSHOTS

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_no_page_scrolls_sideways_at_320_px(survey, language):
    failures = [
        f"{v.page.path}: {v.overflow_320['overflow']}px too wide, "
        f"sticking out: {'; '.join(v.overflow_320['culprits'])}"
        for v in survey(language)
        if v.overflow_320["overflow"] > 0
    ]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_text_does_not_overlap_or_overflow_at_200_percent_zoom(survey, language):
    failures = [f"{v.page.path}: {problem}" for v in survey(language) for problem in v.overlaps_200]
    failures += [
        f"{v.page.path}: {v.overflow_200['overflow']}px too wide at 200 %"
        for v in survey(language)
        if v.overflow_200["overflow"] > 0
    ]
    assert not failures, "\n".join(failures)


def png_size(path):
    with open(path, "rb") as image:
        header = image.read(24)
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", header[16:24])


def test_screenshots_of_each_page_type_at_phone_and_desktop_widths(served_site, survey):
    expected = []
    for language in LANGUAGE_CODES:
        survey(language)
        for page in served_site.first_of_each_type(language):
            for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
                expected.append((SCREENSHOTS / f"{page.page_type}-{language}-{name}.png", viewport))
    for path, viewport in expected:
        assert path.exists(), path
        width, height = png_size(path)
        assert width == viewport["width"] and height >= viewport["height"] / 2, path


EVENT_ROWS = """items => items.map(item => {
    const date = item.querySelector('.partner-events__date').getBoundingClientRect();
    const title = item.querySelector('.partner-events__title').getBoundingClientRect();
    return [Math.round(title.left), Math.round(title.top - date.top)];
})"""


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_a_partners_events_line_up_dates_and_titles_in_two_columns(tabs, served_site, language):
    # Armenian dates are the longest ("2024 թ. սեպտեմբեր"): a column sized for French ones
    # pushed some titles right, or under their date, on a desktop screen.
    tab, failures, longest = tabs[language], [], 0
    for partner in served_site.pages_in(language):
        if partner.page_type != "partnerpage":
            continue
        tab.goto(partner.path)
        rows = tab.page.eval_on_selector_all(".partner-events__item", EVENT_ROWS)
        longest = max(longest, len(rows))
        if len({left for left, _top in rows}) > 1 or any(top for _left, top in rows):
            failures.append(f"{partner.path}: titles at (left, below their date) {rows}")
    assert longest >= 5
    assert not failures, "\n".join(failures)
