"""A database seeded before issue #20 catches up with the seed, but only where staff never touched
what the seed made: the legal notice and the personal data page become page types of their own,
and TUMO leaves the partner directory."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from institutional.models import ContactPage, LegalNoticePage, PersonalDataPage
from masis.core.seeding import Loader
from masis.multilingual.links import page_url
from pages.models import SeedRecord, StandardPage
from partners.models import PartnerIndexPage, PartnerKind, PartnerPage

from ..helpers import html


@pytest.fixture
def loader(seeded):
    return Loader(SeedRecord)


def seed_as_before(loader, key, parent, model, **fields):
    """What the seed of an earlier version made under ``key``, in place of today's object."""
    current = loader.existing(key)
    if current is not None:
        current.delete()
    SeedRecord.objects.filter(key=key).delete()
    return loader.page(key, parent, model, **fields)


def old_legal_pages(loader):
    home = loader.existing("home")
    legal = seed_as_before(
        loader,
        "legal-notice",
        home,
        StandardPage,
        title={"fr": "Mentions légales", "en": "Legal notice"},
        slug={"fr": "mentions-legales", "en": "legal-notice"},
        show_in_footer=True,
    )
    personal = seed_as_before(
        loader,
        "personal-data",
        home,
        StandardPage,
        title={"fr": "Données personnelles", "en": "Personal data"},
        slug={"fr": "donnees-personnelles", "en": "personal-data"},
        show_in_footer=True,
    )
    # The contact page's privacy notice linked the old personal data page.
    contact = ContactPage.objects.get()
    contact.privacy_notice_fr = f'<p>Voir <a linktype="page" id="{personal.pk}">ici</a>.</p>'
    contact.save_revision().publish()
    return legal, personal


def test_untouched_old_legal_pages_become_the_new_page_types(client, loader):
    legal, personal = old_legal_pages(loader)
    call_command("load_masis_content", verbosity=0)
    new_legal, new_personal = loader.existing("legal-notice"), loader.existing("personal-data")
    assert isinstance(new_legal, LegalNoticePage) and isinstance(new_personal, PersonalDataPage)
    # Same ids, same addresses: links to them still lead to them.
    assert (new_legal.pk, new_personal.pk) == (legal.pk, personal.pk)
    assert page_url(new_legal, "fr") == "/fr/mentions-legales/"
    assert not StandardPage.objects.filter(pk__in=[legal.pk, personal.pk]).exists()
    privacy = html(client.get("/fr/contact/")).find(class_="contact-form__privacy")
    assert privacy.find("a")["href"] == "/fr/donnees-personnelles/"
    assert client.get("/fr/donnees-personnelles/").status_code == 200


def test_old_legal_pages_staff_edited_are_kept_as_they_are(loader, editor_user):
    legal, personal = old_legal_pages(loader)
    legal.title_fr = "Mentions légales du jumelage"
    legal.save_revision(user=editor_user).publish(user=editor_user)
    call_command("load_masis_content", verbosity=0)
    assert isinstance(loader.existing("legal-notice"), StandardPage)
    assert loader.existing("legal-notice").title_fr == "Mentions légales du jumelage"
    assert isinstance(loader.existing("personal-data"), PersonalDataPage)  # this one untouched


def test_a_page_staff_moved_or_unpublished_counts_as_touched(loader, editor_user):
    def fresh(page):
        return Page.objects.get(pk=page.pk).specific

    legal, _personal = old_legal_pages(loader)
    assert loader.untouched(fresh(legal))
    legal.unpublish()
    assert not loader.untouched(fresh(legal))
    fresh(legal).save_revision().publish()
    assert not loader.untouched(fresh(legal))  # two revisions
    _legal, personal = old_legal_pages(loader)
    assert loader.untouched(fresh(personal))
    fresh(personal).move(personal.get_parent(), pos="first-child", user=editor_user)
    assert not loader.untouched(fresh(personal))


def old_tumo(loader):
    index = loader.existing("partner-index")
    kind, _created = PartnerKind.objects.get_or_create(
        identifier="school", defaults={"name_fr": "École", "name_plural_fr": "Écoles"}
    )
    return seed_as_before(
        loader,
        "partner-tumo",
        index,
        PartnerPage,
        title={"fr": "École TUMO", "en": "TUMO school", "hy": "«Թումո» կենտրոն"},
        slug={"fr": "ecole-tumo", "en": "tumo-school", "hy": "թումո"},
        short_name={"fr": "TUMO", "en": "TUMO", "hy": "Թումո"},
        kind=kind,
        city={"fr": "Masis", "en": "Masis", "hy": "Մասիս"},
    )


def test_the_seed_has_no_tumo_partner(seeded):
    assert not PartnerPage.objects.filter(slug_fr="ecole-tumo").exists()
    assert not SeedRecord.objects.filter(key="partner-tumo").exists()


def test_an_untouched_tumo_partner_leaves_the_directory(client, loader):
    tumo = old_tumo(loader)
    assert client.get("/fr/partenaires/ecole-tumo/").status_code == 200
    call_command("load_masis_content", verbosity=0)
    assert not PartnerPage.objects.filter(pk=tumo.pk).exists()
    assert not SeedRecord.objects.filter(key="partner-tumo").exists()
    assert client.get("/fr/partenaires/ecole-tumo/").status_code == 404
    directory = html(client.get(page_url(PartnerIndexPage.objects.get(), "fr")))
    assert "TUMO" not in directory.main.get_text()
    # It stays among the town profile's schools.
    assert "TUMO" in html(client.get("/fr/masis/")).find(class_="town-schools").get_text()


def test_a_tumo_partner_staff_edited_stays(loader, editor_user):
    tumo = old_tumo(loader)
    tumo.save_revision(user=editor_user).publish(user=editor_user)
    call_command("load_masis_content", verbosity=0)
    assert PartnerPage.objects.filter(pk=tumo.pk).exists()
    assert SeedRecord.objects.filter(key="partner-tumo").exists()


def test_loading_again_changes_nothing(loader):
    before = {record.key: record.object_id for record in SeedRecord.objects.all()}
    call_command("load_masis_content", verbosity=0)
    assert {record.key: record.object_id for record in SeedRecord.objects.all()} == before
