"""The town profile never shows two values for one fact (issue #20): its introduction quotes the
key figures by reference, the admin warns when the distance and direction typed disagree with the
coordinates, and the locator map is valid HTML."""

import json

import pytest

from masis.multilingual.links import page_url
from pages.models import TownProfilePage
from pages.panels import position_check

from ..helpers import edit_form_data, html

NBSP, NNBSP = "\xa0", "\u202f"


@pytest.fixture
def profile(seeded):
    return TownProfilePage.objects.get()


def plain(text):
    return text.replace(NBSP, " ").replace(NNBSP, " ")


def lead(client, page, language):
    return plain(html(client.get(page_url(page, language))).find(class_="lead").get_text())


def use_references(profile):
    """The introduction quoting the villages and inhabitants by reference, as the seed does."""
    figures = list(profile.key_figures.all())
    by_label = {figure.label_en: figure for figure in figures}
    by_label["villages"].reference = "villages"
    by_label["inhabitants"].reference = "inhabitants"
    profile.key_figures = figures  # the page's children, saved with its revision
    profile.introduction_fr = (
        "La Communauté de communes de Masis regroupe {villages} villages et compte près de "
        "{inhabitants} habitants, {position_from_capital}."
    )
    profile.introduction_en = (
        "The Masis Community brings together {villages} villages and about {inhabitants} "
        "inhabitants, {position_from_capital}."
    )
    profile.introduction_hy = (
        "Մասիս համայնքը միավորում է {villages} գյուղ և ունի մոտ {inhabitants} բնակիչ։"
    )
    profile.save_revision().publish()
    return TownProfilePage.objects.get(pk=profile.pk)


def set_villages(profile, value):
    figures = list(profile.key_figures.all())
    next(f for f in figures if f.reference == "villages").value = value
    profile.key_figures = figures
    profile.save_revision().publish()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "regroupe 27 villages et compte près de 100 000 habitants, à 18 km au sud-est"),
        ("en", "brings together 27 villages and about 100,000 inhabitants, 18 km south-east"),
        ("hy", "միավորում է 27 գյուղ և ունի մոտ 100 000 բնակիչ"),
    ],
)
def test_the_introduction_follows_the_key_figure(client, profile, language, expected):
    profile = use_references(profile)
    assert "26" in lead(client, profile, language)
    set_villages(profile, 27)
    text = lead(client, profile, language)
    assert expected in text
    assert "26" not in text and "{" not in text


def test_every_place_that_shows_the_introduction_fills_it_in(client, profile):
    profile = use_references(profile)
    set_villages(profile, 27)
    home = html(client.get("/en/"))
    card = next(p for p in home.find_all("p") if "brings together" in p.get_text())
    assert "27 villages" in card.get_text()
    doc = html(client.get(page_url(profile, "en")))
    assert "27 villages" in doc.find("meta", attrs={"name": "description"})["content"]
    structured = json.loads(doc.find("script", type="application/ld+json").string)
    assert "27 villages" in structured["description"]
    api = client.get(
        f"/api/v2/pages/{profile.pk}/?locale=en", HTTP_ACCEPT="application/json"
    ).json()
    assert "27 villages" in api["introduction"]
    results = html(client.get("/en/search/?q=villages"))
    snippets = " ".join(p.get_text() for p in results.find_all(class_="search-result__snippet"))
    assert "{villages}" not in snippets


def test_the_admin_refuses_a_reference_to_no_figure(english_admin_client, profile):
    data = edit_form_data(
        english_admin_client, profile, introduction_en="About {vilages} villages."
    )
    response = english_admin_client.post(f"/admin/pages/{profile.pk}/edit/", data)
    assert response.status_code == 200
    assert "“{vilages}” names no key figure of this page" in plain(html(response).get_text())
    assert TownProfilePage.objects.get(pk=profile.pk).introduction_en != "About {vilages} villages."


def test_the_admin_accepts_the_references_of_the_figures(english_admin_client, profile):
    data = edit_form_data(english_admin_client, profile, introduction_en="{position_from_capital}.")
    first = "key_figures-0-reference"
    data[first] = "villages"
    data["introduction_fr"] = "Masis regroupe {villages} villages."
    response = english_admin_client.post(f"/admin/pages/{profile.pk}/edit/", data)
    assert response.status_code == 302, html(response).find(class_="error-message")
    draft = TownProfilePage.objects.get(pk=profile.pk).get_latest_revision_as_object()
    assert draft.introduction_fr == "Masis regroupe {villages} villages."


def test_two_figures_may_not_share_a_reference(english_admin_client, profile):
    data = edit_form_data(english_admin_client, profile)
    data["key_figures-0-reference"] = data["key_figures-1-reference"] = "villages"
    response = english_admin_client.post(f"/admin/pages/{profile.pk}/edit/", data)
    assert response.status_code == 200
    assert "Another key figure already has this reference." in response.content.decode()


# --- Distance and direction against the coordinates -------------------------------------------


def test_the_seeded_coordinates_put_masis_south_south_west_of_yerevan(profile):
    check = position_check(profile)
    assert 13 < check.distance < 14 and 200 < check.bearing < 210
    assert check.distance_disagrees and check.direction_disagrees
    assert check.nearest_direction == "SW"


def test_the_editor_warns_while_the_position_and_coordinates_disagree(
    english_admin_client, profile
):
    doc = html(english_admin_client.get(f"/admin/pages/{profile.pk}/edit/"))
    warning = plain(doc.get_text(" "))
    assert "The coordinates put the town 13.5 km from the capital" in warning
    assert "18 km south-east" in warning


def test_no_warning_once_they_agree(english_admin_client, profile):
    profile.distance_to_capital_km = 13
    profile.direction_from_capital = "SW"
    profile.save_revision().publish()
    assert position_check(profile).distance_disagrees is False
    doc = html(english_admin_client.get(f"/admin/pages/{profile.pk}/edit/"))
    assert "The coordinates put the town" not in doc.get_text(" ")


def test_a_warning_never_stops_staff_from_saving(english_admin_client, profile):
    data = edit_form_data(
        english_admin_client, profile, distance_to_capital_km="40", direction_from_capital="N"
    )
    response = english_admin_client.post(f"/admin/pages/{profile.pk}/edit/", data)
    assert response.status_code == 302


# --- The map --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "en", "hy"])
def test_the_locator_map_figure_holds_only_the_map_and_its_caption(client, profile, language):
    doc = html(client.get(page_url(profile, language)))
    figure = doc.find("figure", class_="locator-map__figure")
    children = [child.name for child in figure.children if child.name]
    assert children == ["svg", "figcaption"]
    assert (
        doc.find(class_="locator-map__link")
        .find("a")["href"]
        .startswith("https://www.openstreetmap.org/")
    )


@pytest.mark.parametrize(("language", "unit"), [("fr", "km"), ("en", "km"), ("hy", "կմ")])
def test_the_map_scale_is_written_in_the_pages_language(client, profile, language, unit):
    svg = html(client.get(page_url(profile, language))).find("svg", class_="locator-map__svg")
    scale = next(t.get_text() for t in svg.find_all("text") if t.get_text()[:1].isdigit())
    assert scale.endswith(f" {unit}")
