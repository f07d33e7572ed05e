"""The seed creates the six dated events of the source text, in fr/en/hy, exactly as precise as
the source, with their themes, places and partners; running it again changes nothing."""

import datetime

import pytest
from django.core.management import call_command

from masis.multilingual.fields import is_translated
from timeline.models import CooperationEventPage, Theme

from ..factories import seed_object, seeded_event, timeline_page

D = datetime.date

EXPECTED = {
    # key: (start, start precision, end, end precision, place, theme slugs)
    "event-cross-visits": (
        D(2023, 1, 1),
        "year",
        D(2024, 1, 1),
        "year",
        "aix-and-masis",
        {"institutional"},
    ),
    "event-youth-centre": (D(2024, 6, 1), "month", None, None, "masis", {"youth", "education"}),
    "event-armenia-fortnight": (
        D(2024, 9, 1),
        "month",
        None,
        None,
        "aix",
        {"culture", "institutional"},
    ),
    "event-book-exchange": (
        D(2024, 11, 1),
        "month",
        None,
        None,
        "aix-and-masis",
        {"culture", "education"},
    ),
    "event-undp-mission": (D(2025, 2, 1), "month", None, None, "armenia", {"humanitarian"}),
    "event-call-for-projects": (
        D(2025, 7, 1),
        "month",
        None,
        None,
        "",
        {"health", "institutional"},
    ),
}


def test_the_seed_creates_exactly_the_six_events_under_the_timeline(seeded):
    events = CooperationEventPage.objects.child_of(timeline_page()).live()
    assert {event.pk for event in events} == {seeded_event(key).pk for key in EXPECTED}


@pytest.mark.parametrize("key", EXPECTED)
def test_seeded_dates_places_and_themes_are_those_of_the_source(seeded, key):
    start, start_precision, end, end_precision, place, themes = EXPECTED[key]
    event = seeded_event(key)
    assert (event.start_date, event.start_precision) == (start, start_precision)
    assert event.end_date == end
    if end is not None:
        assert event.end_precision == end_precision
    assert event.place == place
    assert {theme.slug for theme in event.themes.all()} == themes


@pytest.mark.parametrize("key", EXPECTED)
@pytest.mark.parametrize("language", ["en", "hy"])
def test_seeded_events_are_translated(seeded, key, language):
    event = seeded_event(key)
    for field in ("title", "slug", "summary", "body"):
        assert is_translated(event, field, language), (key, field, language)


def test_seeded_texts_follow_the_glossary(seeded):
    def text(key, field, language):
        value = getattr(seeded_event(key), f"{field}_{language}")
        return str(value.raw_data) if field == "body" else value

    assert "Centre de la jeunesse Aix-en-Provence" in text("event-youth-centre", "title", "fr")
    assert "Aix-en-Provence Youth Centre" in text("event-youth-centre", "title", "en")
    assert "«Էքս-ան-Պրովանս» երիտասարդական կենտրոն" in text("event-youth-centre", "title", "hy")
    assert "Repère Jeunesse" in text("event-youth-centre", "body", "fr")
    assert "Armenia Fortnight" in text("event-armenia-fortnight", "title", "en")
    assert "Հայաստանին նվիրված երկշաբաթյա միջոցառումներ" in text(
        "event-armenia-fortnight", "title", "hy"
    )
    assert "Անդրե Մանուկյան" in text("event-armenia-fortnight", "body", "hy")
    assert "Nagorno-Karabakh" in text("event-undp-mission", "body", "en")
    assert "Լեռնային Ղարաբաղ" in text("event-undp-mission", "body", "hy")
    assert "ՄԱԶԾ" in text("event-undp-mission", "title", "hy")
    assert "UNDP (United Nations Development Programme)" in text("event-undp-mission", "body", "en")
    assert "«Հայաստան 2025» դրամաշնորհային մրցույթ" in text(
        "event-call-for-projects", "title", "hy"
    )
    assert "“Armenia 2025” call for projects" in text("event-call-for-projects", "title", "en")
    for name in ("Médecins du Monde", "Montperrin", "CCAS", "DCTCIV"):
        assert name in text("event-call-for-projects", "body", "fr")
    assert "հոգեկան առողջ" in text("event-call-for-projects", "body", "hy")
    assert "decentralised cooperation" in text("event-cross-visits", "summary", "en")
    assert "ապակենտրոնացված համագործակցության" in text("event-cross-visits", "summary", "hy")


def test_themes_are_seeded_translated_under_their_keys(seeded):
    for slug in ("youth", "culture", "education", "health", "institutional", "humanitarian"):
        theme = seed_object(f"theme-{slug}")
        assert isinstance(theme, Theme)
        assert theme.slug == slug
        assert theme.name_fr and theme.name_en and theme.name_hy


def test_running_the_seed_again_changes_nothing(seeded):
    event = seeded_event("event-youth-centre")
    event.title_en = "Edited by staff"
    event.save_revision().publish()
    before = CooperationEventPage.objects.count(), Theme.objects.count()
    call_command("load_masis_content", verbosity=0)
    assert (CooperationEventPage.objects.count(), Theme.objects.count()) == before
    assert seeded_event("event-youth-centre").title_en == "Edited by staff"
