"""load_masis_content is repeatable and never overwrites what staff changed."""

from django.core.management import call_command
from wagtail.models import Page, Revision

from pages.models import SeedRecord, StandardPage


def counts():
    return Page.objects.count(), Revision.objects.count(), SeedRecord.objects.count()


def test_a_second_run_creates_nothing(seeded):
    before = counts()
    call_command("load_masis_content", verbosity=0)
    assert counts() == before


def test_a_page_edited_by_staff_is_kept_as_edited(seeded):
    page = StandardPage.objects.get(slug_fr="aix-et-l-armenie")
    page.title_en = "Aix and Armenia, a friendship"
    page.slug_fr = "aix-en-provence-et-armenie"
    page.save_revision().publish()

    call_command("load_masis_content", verbosity=0)

    page.refresh_from_db()
    assert page.title_en == "Aix and Armenia, a friendship"
    assert page.slug_fr == "aix-en-provence-et-armenie"
    assert StandardPage.objects.filter(title_fr=page.title_fr).count() == 1


def test_a_page_deleted_by_staff_is_not_recreated(seeded):
    StandardPage.objects.get(slug_fr="aix-et-l-armenie").delete()
    call_command("load_masis_content", verbosity=0)
    assert not StandardPage.objects.filter(slug_fr="aix-et-l-armenie").exists()


def test_seed_fills_three_languages(seeded):
    page = StandardPage.objects.get(slug_fr="aix-et-l-armenie")
    assert "génocide arménien de 1915" in str(page.body_fr)
    assert "Armenian Genocide of 1915" in str(page.body_en)
    assert "Հայոց ցեղասպանությունը" in str(page.body_hy)
    assert "Թորոսի" in str(page.body_hy) and "Toros" in str(page.body_en)
