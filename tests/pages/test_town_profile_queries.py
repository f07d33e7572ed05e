"""The town profile costs a fixed number of SQL queries, however much content it lists."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from masis.caching.invalidation import bump_version
from pages.models import EconomicSector, KeyFigure, TownProfilePage
from partners.models import PartnerIndexPage

from ..helpers import html

# What the page may cost at most (seeded content, cold caches).
QUERY_BUDGET = 30


def cold_get(client, url):
    """The first visit after a content change: the lists are built, not reused."""
    bump_version()
    response = client.get(url)
    assert response.status_code == 200
    return response


def add_content(profile, count):
    from partners.models import PartnerIndexPage, PartnerKind, PartnerPage
    from timeline.models import CooperationEventPage, TimelinePage
    from timeline.places import Place

    KeyFigure.objects.bulk_create(
        KeyFigure(page=profile, value=1000 + n, label_fr=f"chiffre {n}", sort_order=10 + n)
        for n in range(count)
    )
    EconomicSector.objects.bulk_create(
        EconomicSector(page=profile, name_fr=f"secteur {n}", sort_order=10 + n)
        for n in range(count)
    )
    directory = PartnerIndexPage.objects.get()
    kind = PartnerKind.objects.first()
    partners = []
    for n in range(count // 5):
        partner = PartnerPage(
            title_fr=f"Partenaire {n}", slug_fr=f"partenaire-{n}", kind=kind, city_fr="Masis"
        )
        directory.add_child(instance=partner)
        partners.append(partner)
    timeline = TimelinePage.objects.get()
    for n in range(count):
        event = CooperationEventPage(
            title_fr=f"Rencontre {n}",
            slug_fr=f"rencontre-{n}",
            start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
            place=Place.MASIS if n % 2 else Place.ARMENIA,
            summary_fr="Une rencontre.",
        )
        timeline.add_child(instance=event)
        event.partners.set(partners[n % len(partners) : n % len(partners) + 1])
        event.save()


@pytest.mark.parametrize("language", ["fr", "en", "hy"])
def test_page_costs_the_same_queries_with_50_more_figures_and_events(
    client, seeded, django_assert_num_queries, language
):
    from masis.multilingual.links import page_url

    profile = TownProfilePage.objects.get()
    url = page_url(profile, language)
    cold_get(client, url)  # once, for what a process caches for its lifetime (content types…)
    with CaptureQueriesContext(connection) as seeded_queries:
        before = cold_get(client, url)
    assert len(seeded_queries) <= QUERY_BUDGET, [q["sql"] for q in seeded_queries]

    add_content(profile, 50)
    with django_assert_num_queries(len(seeded_queries)):
        after = cold_get(client, url)

    # The new content is really on the page (the lists are not cut to hide it).
    assert (
        after.content.count(b'class="key-figure"')
        == before.content.count(b'class="key-figure"') + 50
    )
    assert "secteur 49" in after.content.decode()
    assert "Partenaire 9" in after.content.decode()
    # Only the most recent partners: the directory, linked, lists them all.
    assert after.content.count(b"town-partners__list") == 1
    partners_list = html(after).find("ul", class_="town-partners__list")
    assert len(partners_list.find_all("li")) == TownProfilePage.LOCAL_PARTNERS
    directory = PartnerIndexPage.objects.get()
    with translation.override(language):
        assert html(after).find("a", href=directory.get_url())
    assert "Rencontre 49" in after.content.decode()  # the latest event comes first
