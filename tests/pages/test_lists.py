"""Lists (the home's sections, the timeline, a partner's events, the town profile's lists) say
what the pages they list say, and follow every change at once."""

import pytest
from django.utils import translation

from ..factories import add_event

LANGUAGES = ["fr", "en", "hy"]


def test_counts_follow_publishing_at_once(client, seeded):
    """The timeline's and a partner's event counts follow a publication and an unpublication."""
    from bs4 import BeautifulSoup

    from ..factories import make_partner

    newcomer = make_partner("Nouveau partenaire")
    timeline_url, newcomer_url = "/en/cooperation/", newcomer.get_url()

    def shown():
        timeline = BeautifulSoup(client.get(timeline_url).content, "html.parser")
        partner = BeautifulSoup(client.get(newcomer_url).content, "html.parser")
        count = timeline.find(class_="timeline-count").get_text(" ", strip=True).split()[0]
        return int(count), [a.get_text() for a in partner.select(".partner-events a")]

    before, listed = shown()
    assert listed == []
    event = add_event(title="Visite chez le nouveau partenaire", partners=[newcomer])
    assert shown() == (before + 1, ["Visite chez le nouveau partenaire"])
    event.unpublish()
    assert shown() == (before, [])


def test_lists_show_an_edit_at_once(client, seeded):
    """An edited and published title shows at once in every list, in its language only."""
    from bs4 import BeautifulSoup

    from ..factories import seeded_event

    event = seeded_event("event-call-for-projects")
    partner = event.partners.order_by("path").first()
    with translation.override("en"):
        lists = ["/en/", "/en/cooperation/", partner.get_url()]

    def titles(url):
        page = BeautifulSoup(client.get(url).content, "html.parser")
        return {a.get_text(strip=True) for a in page.select("main a")}

    old_title = event.title_en
    for url in lists:
        assert old_title in titles(url), url
    french = titles("/fr/cooperation/")
    event.title_en = "A title edited in English"
    event.save_revision().publish()
    for url in lists:
        assert "A title edited in English" in titles(url) and old_title not in titles(url), url
    assert titles("/fr/cooperation/") == french


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_sections_say_what_the_section_pages_say(client, seeded, language):
    from bs4 import BeautifulSoup

    sections = seeded.get_children().live().in_menu().specific().order_by("path")
    with translation.override(language):
        home = BeautifulSoup(client.get(seeded.get_url()).content, "html.parser")
        expected = [(s.get_url(), s.title) for s in sections]
    links = [(a["href"], a.get_text()) for a in home.select(".sections .card__title a")]
    assert links == expected
    links = [href for href, _title in links]
    timeline_link = home.select_one(".latest-events__all a")["href"]
    assert timeline_link in links
