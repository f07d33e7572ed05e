"""Synthetic content for the benchmark: copies of the seeded events and partners.

Copies keep every field and relation of the originals (themes, partners, images), so the pages
under load look like real ones; only titles, slugs and dates change.
"""

import datetime
import itertools

from django.db import transaction
from django.utils import translation

from partners.models import PartnerIndexPage, PartnerPage
from timeline.models import CooperationEventPage, TimelinePage

LANGUAGES = ("fr", "en", "hy")


def _copy(page, parent, number, extra=None):
    attrs = {}
    for code in LANGUAGES:
        title = getattr(page, f"title_{code}") or page.title_fr
        slug = getattr(page, f"slug_{code}") or page.slug_fr
        attrs[f"title_{code}"] = f"{title} ({number})"
        attrs[f"slug_{code}"] = f"{slug}-{number}"
    attrs.update(extra or {})
    return page.copy(to=parent, update_attrs=attrs, keep_live=True, copy_revisions=False)


@transaction.atomic
def load(events=300, partners=100):
    with translation.override("fr"):
        timeline = TimelinePage.objects.get()
        originals = list(CooperationEventPage.objects.live().order_by("path"))
        for number, event in zip(range(events), itertools.cycle(originals)):
            year = 2000 + number % 25
            extra = {"start_date": event.start_date.replace(year=year)}
            if event.end_date:
                extra["end_date"] = event.end_date.replace(year=year + 1)
            _copy(event, timeline, number, extra)
        index = PartnerIndexPage.objects.get()
        originals = list(PartnerPage.objects.live().order_by("path"))
        for number, partner in zip(range(partners), itertools.cycle(originals)):
            _copy(partner, index, number)


def minimal_page():
    """A StandardPage with a title and one paragraph: the baseline of an uncached page."""
    from masis.core.seeding import paragraphs
    from pages.models import HomePage, StandardPage

    home = HomePage.objects.get()
    page = StandardPage(
        title_fr="Page minimale",
        slug_fr="page-minimale",
        body_fr=paragraphs("Un paragraphe."),
        show_in_menus=False,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def main():
    load()
    minimal_page()
    print(datetime.datetime.now().isoformat(), "synthetic content loaded")
