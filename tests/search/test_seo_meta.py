"""Each page, in each language: <title>, meta description, canonical, Open Graph, Twitter card."""

from urllib.parse import unquote, urlsplit

import pytest
from django.utils import translation

from masis.multilingual.languages import LANGUAGE_CODES, LOCALES
from pages.models import StandardPage

from ..factories import aix_and_armenia, make_image
from ..helpers import every_page_in_every_language, html


def meta(doc, key):
    """content of <meta property=key> or <meta name=key> (None when absent)."""
    tag = doc.find("meta", attrs={"property": key}) or doc.find("meta", attrs={"name": key})
    return tag


def content(doc, key):
    tag = meta(doc, key)
    return tag["content"] if tag else None


def test_every_page_has_its_metadata_in_its_language(client, seeded):
    for page, language, url in every_page_in_every_language():
        doc = html(client.get(url))
        with translation.override(language):
            title = page.title
        assert doc.title.get_text().startswith(title), url
        description = meta(doc, "description")
        own = getattr(page, f"search_description_{language}") or getattr(
            page.specific, f"introduction_{language}", ""
        )
        with translation.override(language):  # the page's {references}, filled in
            own = page.specific.fill_in(own)
        if own:
            assert description["content"] == own, url
            assert description.get("lang") is None
        canonical = doc.find("link", rel="canonical")["href"]
        assert unquote(urlsplit(canonical).path) == unquote(url)
        assert content(doc, "og:url") == canonical
        assert content(doc, "og:title") == title
        if description:
            assert content(doc, "og:description") == description["content"]
            assert content(doc, "twitter:description") == description["content"]
        assert content(doc, "og:locale") == LOCALES[language]
        alternates = {
            tag["content"] for tag in doc.find_all("meta", property="og:locale:alternate")
        }
        assert alternates == {LOCALES[code] for code in LANGUAGE_CODES if code != language}
        assert content(doc, "og:site_name")
        assert content(doc, "og:type") == "website"
        assert content(doc, "twitter:card") == "summary"
        assert content(doc, "twitter:title") == title


def test_locales_are_those_of_france_britain_and_armenia():
    assert LOCALES == {"fr": "fr_FR", "en": "en_GB", "hy": "hy_AM"}


def test_seed_pages_all_have_a_description(client, seeded):
    for _page, _language, url in every_page_in_every_language():
        assert content(html(client.get(url)), "description"), url


def test_search_description_wins_over_the_introduction_in_the_same_language(client, seeded):
    page = aix_and_armenia()
    page.search_description_fr = "Le jumelage et la mémoire arménienne d’Aix."
    page.save_revision().publish()
    assert content(html(client.get("/fr/aix-et-l-armenie/")), "description") == (
        "Le jumelage et la mémoire arménienne d’Aix."
    )
    # English has no search description of its own: its introduction beats the French one.
    assert content(html(client.get("/en/aix-and-armenia/")), "description") == page.introduction_en


def test_a_french_fallback_description_is_marked_lang_fr(client, seeded):
    page = aix_and_armenia()
    page.introduction_hy = ""
    page.save_revision().publish()
    # Armenian text of the page's body comes before any French fallback.
    description = meta(html(client.get("/hy/էքսը-և-հայաստանը/")), "description")
    assert description["content"].startswith("Իր միջազգային քաղաքականության")
    assert description.get("lang") is None
    page.body_hy = "[]"
    page.save_revision().publish()
    doc = html(client.get("/hy/էքսը-և-հայաստանը/"))
    description = meta(doc, "description")
    assert description["content"] == page.introduction_fr
    assert description["lang"] == "fr"
    assert meta(doc, "og:description")["lang"] == "fr"


def test_seo_title_is_used_for_the_title_element_and_sharing(client, seeded):
    page = aix_and_armenia()
    page.seo_title_en = "Aix and Armenia: a long friendship"
    page.save_revision().publish()
    doc = html(client.get("/en/aix-and-armenia/"))
    assert doc.title.get_text().startswith("Aix and Armenia: a long friendship – ")
    assert content(doc, "og:title") == "Aix and Armenia: a long friendship"
    assert doc.h1.get_text(strip=True) == page.title_en
    # The French page keeps its own title: an English SEO title is never shown to it.
    assert html(client.get("/fr/aix-et-l-armenie/")).title.get_text().startswith(page.title_fr)


def test_long_descriptions_are_cut_after_a_word(client, seeded):
    page = aix_and_armenia()
    page.introduction_en = "Friendship " * 60
    page.save_revision().publish()
    description = content(html(client.get("/en/aix-and-armenia/")), "description")
    assert len(description) <= 300
    assert description.endswith("Friendship…")


@pytest.fixture
def photo(media_in_tmp):
    return make_image(
        "La Rotonde",
        colour=(122, 46, 29),
        size=(1600, 1000),
        description="La fontaine de la Rotonde à Aix",
    )


def test_a_page_with_an_image_shares_a_rendition_of_it(client, seeded, photo, monkeypatch):
    monkeypatch.setattr(StandardPage, "get_social_image", lambda page: photo, raising=False)
    doc = html(client.get("/en/aix-and-armenia/"))
    image_url = content(doc, "og:image")
    assert image_url.startswith("http://testserver/")
    assert "rotonde" in image_url
    assert int(content(doc, "og:image:width")) <= 1200
    assert int(content(doc, "og:image:height")) <= 630
    assert content(doc, "og:image:alt") == "La fontaine de la Rotonde à Aix"
    assert content(doc, "twitter:card") == "summary_large_image"
    assert content(doc, "twitter:image") == image_url
    rendition = photo.renditions.get()
    assert image_url.endswith(rendition.url)


def test_a_partner_shares_its_logo_with_its_own_alternative_text(client, seeded, photo):
    from partners.models import PartnerPage

    if not hasattr(PartnerPage, "logo_alt_text"):
        pytest.skip("partners have no logo yet")
    partner = PartnerPage.objects.live().order_by("path").first()
    partner.logo = photo
    partner.logo_alt_text_fr = "Logo de l’organisation"
    partner.logo_alt_text_en = "The organisation's logo"
    partner.save_revision().publish()
    for language, alt in (("fr", "Logo de l’organisation"), ("en", "The organisation's logo")):
        with translation.override(language):
            doc = html(client.get(partner.get_url()))
        assert content(doc, "og:image").startswith("http://testserver/")
        assert content(doc, "og:image:alt") == alt
        assert content(doc, "twitter:card") == "summary_large_image"


def test_the_town_profile_shares_its_hero_image(client, seeded, photo):
    from pages.models import TownProfilePage

    if not hasattr(TownProfilePage, "hero_image_alt"):
        pytest.skip("the town profile has no hero image yet")
    profile = TownProfilePage.objects.get()
    profile.hero_image = photo
    profile.hero_image_alt_fr = "Vue de Masis"
    profile.hero_image_alt_hy = "Մասիսի տեսարան"
    profile.save_revision().publish()
    with translation.override("hy"):
        doc = html(client.get(profile.get_url()))
    assert content(doc, "og:image").startswith("http://testserver/")
    assert content(doc, "og:image:alt") == "Մասիսի տեսարան"


def test_views_without_a_page_have_metadata_too(client, seeded):
    doc = html(client.get("/en/search/"))
    assert doc.title.get_text().startswith("Search – ")
    assert content(doc, "og:title") == "Search"
    assert content(doc, "description")
    assert content(doc, "og:locale") == "en_GB"
    assert content(doc, "og:url") == "http://testserver/en/search/"
