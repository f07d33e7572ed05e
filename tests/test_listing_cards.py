"""Lists show cards read from the columns they need (pages.cards): each card must say exactly
what the page object says, in every language, and stay as cheap as it was measured to be."""

import datetime

import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from masis.core.cards import page_cards
from partners.models import PartnerPage
from timeline.cards import event_cards
from timeline.models import CooperationEventPage, Theme

from .timeline_factories import add_event, add_theme

LANGUAGES = ["fr", "en", "hy"]


@pytest.fixture
def request_(seeded):
    return RequestFactory().get("/", HTTP_HOST="localhost")


@pytest.mark.parametrize("language", LANGUAGES)
def test_event_cards_say_what_the_event_pages_say(seeded, request_, language):
    add_event(title="Sans traduction", themes=[add_theme("archives", "Archives")])
    events = CooperationEventPage.objects.live().newest_first()
    with translation.override(language):
        cards = event_cards(events, request_)
        pages = list(events)
        assert len(cards) == len(pages) >= 7
        for card, page in zip(cards, pages, strict=True):
            assert card.pk == page.pk
            assert card.url == page.get_url(request_)
            assert (card.title, card.summary) == (page.title, page.summary)
            assert card.span == page.span and card.start_year == page.start_year
            assert card.get_place_display() == page.get_place_display()
            assert [t.pk for t in card.themes_by_name] == [t.pk for t in page.themes_by_name]


@pytest.mark.parametrize("language", LANGUAGES)
def test_partner_cards_say_what_the_partner_pages_say(seeded, request_, language):
    partners = PartnerPage.objects.live().order_by("path")
    with translation.override(language):
        cards = page_cards(partners, ["city"], request_)
        pages = list(partners)
        assert len(cards) == len(pages) >= 5
        for card, page in zip(cards, pages, strict=True):
            assert (card.url, card.title, card.city) == (
                page.get_url(request_),
                page.title,
                page.city,
            )


def test_a_card_marks_the_french_values_it_shows(seeded, request_):
    event = add_event(title="Sans traduction", summary="Résumé en français.")
    event.title_en = "Translated"
    event.save()
    template = Template(
        '{% load multilingual_tags %}<b{% fallback_lang card "title" %}>{{ card.title }}</b>'
        '<i{% fallback_lang card "summary" %}>{{ card.summary }}</i>'
    )
    with translation.override("en"):
        [card] = event_cards(CooperationEventPage.objects.filter(pk=event.pk), request_)
        rendered = template.render(Context({"card": card}))
    assert rendered == '<b>Translated</b><i lang="fr">Résumé en français.</i>'


def test_event_cards_cost_the_same_queries_whatever_their_number(seeded, request_):
    """One query for the events, one for their themes when the caller has the themes at hand
    (the timeline), one more when it has not."""
    events = CooperationEventPage.objects.live().newest_first()
    event_cards(events[:1], request_)  # warm the site root paths Wagtail caches
    themes = Theme.objects.in_bulk()
    for count in (3, 30):
        for number in range(count):
            add_event(start=datetime.date(2010, 1, 1 + number % 28), themes=themes.values())
        for given, expected in ((False, 1), (themes, 2), (True, 3)):
            with CaptureQueriesContext(connection) as queries:
                cards = event_cards(events[:count], request_, themes=given)
            assert len(cards) == count
            assert len(queries) == expected


def test_themes_given_but_incomplete_are_completed(seeded, request_):
    """The timeline passes the themes it read (kept until the next change): a theme added
    since is read rather than missing (a change in between must never be a server error)."""
    theme = add_theme("archives", "Archives")
    event = add_event(themes=[theme])
    others = {t.pk: t for t in Theme.objects.exclude(pk=theme.pk)}
    events = CooperationEventPage.objects.filter(pk=event.pk)
    [card] = event_cards(events, request_, themes=others)
    assert [t.slug for t in card.themes_by_name] == ["archives"]


def test_counts_kept_between_visits_follow_publishing_at_once(client, seeded):
    """The timeline's and a partner's event counts are kept until the next content change."""
    from bs4 import BeautifulSoup

    from .timeline_factories import seed_object

    tumo = seed_object("partner-tumo")
    timeline_url, tumo_url = "/en/cooperation/", tumo.get_url()

    def shown():
        timeline = BeautifulSoup(client.get(timeline_url).content, "html.parser")
        partner = BeautifulSoup(client.get(tumo_url).content, "html.parser")
        count = timeline.find(class_="timeline-count").get_text(" ", strip=True).split()[0]
        return int(count), [a.get_text() for a in partner.select(".partner-events a")]

    before, listed = shown()
    assert listed == []
    event = add_event(title="Visite au centre Tumo", partners=[tumo])
    assert shown() == (before + 1, ["Visite au centre Tumo"])
    event.unpublish()
    assert shown() == (before, [])


def test_lists_kept_between_visits_show_an_edit_at_once(client, seeded):
    """The lists' cards are kept until the next content change, per language: an edited and
    published title shows at once in every list, in its language only."""
    from bs4 import BeautifulSoup

    from .timeline_factories import seeded_event

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
def test_the_home_sections_cards_say_what_the_section_pages_say(client, seeded, language):
    from bs4 import BeautifulSoup

    from masis.core.cards import cards_of_pages

    sections = seeded.get_children().live().in_menu().specific().order_by("path")
    with translation.override(language):
        request = RequestFactory().get("/", HTTP_HOST="localhost")
        cards = cards_of_pages(sections, ["introduction"], request)
        assert [(c.title, c.url, c.introduction) for c in cards] == [
            (s.title, s.get_url(request), getattr(s, "introduction", None)) for s in sections
        ]
        home = BeautifulSoup(client.get(seeded.get_url()).content, "html.parser")
    links = [a["href"] for a in home.select(".sections .card__title a")]
    assert links == [card.url for card in cards]
    timeline_link = home.select_one(".latest-events__all a")["href"]
    assert timeline_link in links
