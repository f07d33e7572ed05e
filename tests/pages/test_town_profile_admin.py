"""Staff edit the town profile in Wagtail's admin: bad coordinates are refused, clearly."""

import pytest

from pages.models import HomePage, StandardPage, TownProfilePage

from ..factories import make_image
from ..helpers import edit_form_data, html, set_admin_language


@pytest.fixture
def profile(seeded):
    return TownProfilePage.objects.get()


def post_edit(client, page, **changes):
    return client.post(f"/admin/pages/{page.pk}/edit/", edit_form_data(client, page, **changes))


def latest_draft(page):
    return TownProfilePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def field_errors(response, name):
    doc = html(response)
    field = doc.find(attrs={"name": name})
    assert field is not None, name
    wrapper = field.find_parent(attrs={"data-field-wrapper": True}) or field.find_parent(
        class_="w-field__wrapper"
    )
    return [e.get_text(" ", strip=True) for e in wrapper.select(".error-message")]


@pytest.mark.parametrize(
    ("language", "field", "value", "message"),
    [
        ("fr", "latitude", "91", "La latitude doit être comprise entre -90 et 90 degrés"),
        ("fr", "latitude", "-90.5", "La latitude doit être comprise entre -90 et 90 degrés"),
        ("fr", "longitude", "181", "La longitude doit être comprise entre -180 et 180 degrés"),
        ("en", "longitude", "-200", "Longitude must be between -180 and 180 degrees"),
        ("en", "capital_latitude", "140.18", "Latitude must be between -90 and 90 degrees"),
    ],
)
def test_coordinates_out_of_range_are_refused_with_a_clear_message(
    admin_client, admin_user, profile, language, field, value, message
):
    set_admin_language(admin_user, language)
    revisions = profile.revisions.count()
    response = post_edit(admin_client, profile, **{field: value})
    assert response.status_code == 200  # the form again, not a redirect
    errors = field_errors(response, field)
    assert any(message in error for error in errors), errors
    assert profile.revisions.count() == revisions
    assert getattr(latest_draft(profile), field) == getattr(profile, field) != float(value)


def test_coordinates_in_range_are_saved(admin_client, profile):
    revisions = profile.revisions.count()
    response = post_edit(admin_client, profile, latitude="-33.8688", longitude="151.2093")
    assert response.status_code == 302
    assert profile.revisions.count() == revisions + 1
    draft = latest_draft(profile)
    assert (draft.latitude, draft.longitude) == (-33.8688, 151.2093)
    # Everything else posted back unchanged, inline rows included.
    assert [f.value for f in draft.key_figures.all()] == [26, 100000, 33, 2, 1]
    assert [f.approximate for f in draft.key_figures.all()] == [False, True, False, False, False]


def test_a_latitude_without_its_longitude_is_refused(admin_client, profile):
    response = post_edit(admin_client, profile, longitude="")
    assert response.status_code == 200
    assert field_errors(response, "longitude")


def test_hero_image_needs_its_alternative_text(admin_client, profile, media_in_tmp):
    image = make_image()
    response = post_edit(admin_client, profile, hero_image=str(image.pk), hero_image_alt_fr="")
    assert response.status_code == 200
    assert field_errors(response, "hero_image_alt_fr")

    response = post_edit(
        admin_client, profile, hero_image=str(image.pk), hero_image_alt_fr="La mairie de Masis"
    )
    assert response.status_code == 302
    assert latest_draft(profile).hero_image_alt_fr == "La mairie de Masis"


def test_twinning_date_is_stored_at_its_precision(admin_client, profile):
    response = post_edit(
        admin_client, profile, twinning_date="2025-07-17", twinning_date_precision="month"
    )
    assert response.status_code == 302
    draft = latest_draft(profile)
    assert draft.twinning_agreement.isoformat() == "2025-07"
    assert draft.twinning_date.day == 1


def test_only_one_town_profile_per_site(admin_client, profile):
    home = HomePage.objects.get()
    assert not TownProfilePage.can_create_at(home)
    response = admin_client.get(f"/admin/pages/add/pages/townprofilepage/{home.pk}/")
    assert response.status_code in (302, 403)
    choices = admin_client.get(f"/admin/pages/{home.pk}/add_subpage/")
    assert choices.status_code == 200
    assert "townprofilepage" not in choices.content.decode()
    assert TownProfilePage.objects.count() == 1


def test_a_town_profile_lives_only_under_the_home_page(profile):
    home = HomePage.objects.get()
    other = StandardPage.objects.first()
    profile.delete()
    assert TownProfilePage.can_create_at(home)
    assert not TownProfilePage.can_create_at(other)
    assert not TownProfilePage.can_create_at(home.get_parent())


def test_grouped_thousands_never_reach_identifiers(admin_client, profile):
    """USE_THOUSAND_SEPARATOR groups quantities; ids in admin forms and links stay plain."""
    home = HomePage.objects.get()
    page = StandardPage(pk=12345, title_fr="Page 12345", slug_fr="page-12345")
    home.add_child(instance=page)
    grouped = ("12\u202f345", "12\xa0345", "12,345", "12 345")
    for url in (
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{profile.pk}/edit/",
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert not any(number in content for number in grouped), url
    assert str(page.pk) in admin_client.get(f"/admin/pages/{home.pk}/").content.decode()
