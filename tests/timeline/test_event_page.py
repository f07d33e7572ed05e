"""Each event page: date, place, themes, partners, body, images, documents, previous/next event
and honest schema.org/Event data, in fr/en/hy."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.documents.models import Document

from masis.core.seeding import Loader
from masis.multilingual.links import page_url
from pages.models import SeedRecord
from timeline.models import CooperationEventAttachment, Theme

from ..factories import SEEDED_EVENT_KEYS, add_event, make_partner, seeded_event, timeline_page
from ..helpers import html, json_ld


def get(client, event, language):
    response = client.get(page_url(event, language))
    assert response.status_code == 200
    return response


def facts(response):
    dl = html(response).find("dl", class_="event-facts")
    return {div.dt.get_text(strip=True): div.dd for div in dl.find_all("div")}


def a_partner(title="Partenaire de test"):
    """A published partner page, French only, made by the partners section's own factory."""
    return make_partner(title)


@pytest.mark.parametrize("key", SEEDED_EVENT_KEYS)
@pytest.mark.parametrize("language", ["fr", "en", "hy"])
def test_every_seeded_event_page_answers_in_every_language(client, seeded, key, language):
    event = seeded_event(key)
    doc = html(get(client, event, language))
    with translation.override(language):
        assert doc.h1.get_text(strip=True) == event.title
        assert doc.find("p", class_="lead").get_text(strip=True) == event.summary
    assert doc.h1.get("lang") is None
    assert doc.find("div", class_="prose").get("lang") is None


def test_event_page_shows_date_place_and_themes(client, seeded):
    event = seeded_event("event-youth-centre")
    shown = facts(get(client, event, "hy"))
    assert shown["Ամսաթիվ"].time["datetime"] == "2024-06"
    assert shown["Ամսաթիվ"].time.get_text() == "2024 թ. հունիս"
    assert shown["Վայր"].get_text(strip=True) == "Մասիս"
    theme_links = {a.get_text(): a["href"] for a in shown["Թեմաներ"].find_all("a")}
    index = page_url(timeline_page(), "hy")
    assert theme_links == {
        "Երիտասարդություն": f"{index}?theme=youth",
        "Կրթություն": f"{index}?theme=education",
    }
    shown = facts(get(client, seeded_event("event-cross-visits"), "fr"))
    times = [t["datetime"] for t in shown["Date"].find_all("time")]
    assert times == ["2023", "2024"]
    assert shown["Lieu"].get_text(strip=True) == "Aix-en-Provence et Masis"


def test_the_fortnight_page_gives_the_whole_programme(client, seeded):
    event = seeded_event("event-armenia-fortnight")
    text = {
        lang: html(get(client, event, lang)).find("div", class_="prose").get_text()
        for lang in ("fr", "en", "hy")
    }
    for word in (
        "cinéma",
        "théâtre",
        "conférence",
        "littérature",
        "gastronomie",
        "André Manoukian",
        "délégation officielle",
    ):
        assert word in text["fr"]
    for word in (
        "cinema",
        "theatre",
        "conference",
        "literature",
        "gastronomy",
        "André Manoukian",
        "official delegation",
    ):
        assert word in text["en"]
    for word in (
        "կինո",
        "թատրոն",
        "դասախոսություն",
        "գրականություն",
        "խոհանոց",
        "Անդրե Մանուկյան",
        "պատվիրակությ",
    ):
        assert word in text["hy"]


def test_french_names_inside_armenian_text_are_marked(client, seeded):
    doc = html(get(client, seeded_event("event-call-for-projects"), "hy"))
    marked = {
        span.get_text() for span in doc.find("div", class_="prose").find_all("span", lang="fr")
    }
    assert {"DCTCIV", "Médecins du Monde", "Montperrin", "CCAS"} <= marked


def test_partners_are_linked_in_the_page_language(client, seeded):
    event = seeded_event("event-undp-mission")
    partner = a_partner()
    event.partners.add(partner)
    event.save_revision().publish()
    hidden = a_partner("Partenaire retiré")
    hidden.unpublish()
    event.partners.add(hidden)
    event.save_revision().publish()

    shown = facts(get(client, event, "en"))
    links = {a.get_text(strip=True): a for a in shown["Partners"].find_all("a")}
    assert "Partenaire de test" in links
    assert links["Partenaire de test"]["href"] == page_url(partner, "en")
    assert links["Partenaire de test"]["lang"] == "fr"  # no English title: French, marked
    assert "Partenaire retiré" not in links
    assert partner.cooperation_events.live().filter(pk=event.pk).exists()


def test_seeded_partners_are_linked_where_they_exist(seeded):
    expected = {
        "event-cross-visits": ["partner-aix", "partner-masis"],
        "event-youth-centre": ["partner-masis", "partner-aix"],
        "event-armenia-fortnight": ["partner-aix", "partner-masis"],
        "event-book-exchange": ["partner-aix", "partner-masis"],
        "event-undp-mission": ["partner-aix", "partner-undp"],
        "event-call-for-projects": [
            "partner-aix",
            "partner-dctciv",
            "partner-mdm",
            "partner-montperrin",
            "partner-ccas",
        ],
    }
    loader = Loader(SeedRecord)
    for key, partner_keys in expected.items():
        # Loader.existing is None for a partner the partners section has not seeded.
        existing = {partner.pk for k in partner_keys if (partner := loader.existing(k))}
        assert {partner.pk for partner in seeded_event(key).partners.all()} == existing


def test_documents_show_their_format_and_size(client, seeded):
    event = seeded_event("event-book-exchange")
    document = Document.objects.create(title="Liste des livres échangés")
    document.file.save("liste-des-livres.pdf", ContentFile(b"%PDF-1.4\n" + b"x" * 1_250_000))
    document.file_size = document.file.size
    document.save()
    CooperationEventAttachment.objects.create(
        page=event, document=document, title_fr="Liste des livres", title_en=""
    )
    try:
        doc = html(get(client, event, "fr"))
        item = doc.find("ul", class_="document-list").li
        assert item.a.get_text() == "Liste des livres"
        assert item.a["href"] == document.url
        assert item.find(class_="document-link__meta").get_text() == "(PDF, 1,2\xa0Mo)"
        item = html(get(client, event, "en")).find("ul", class_="document-list").li
        assert item.find(class_="document-link__meta").get_text() == "(PDF, 1.2\xa0MB)"
        assert item.a["lang"] == "fr"
        item = html(get(client, event, "hy")).find("ul", class_="document-list").li
        assert item.find(class_="document-link__meta").get_text() == "(PDF, 1,2\xa0ՄԲ)"
    finally:
        document.file.delete(save=False)


def test_previous_and_next_events_follow_the_dates(client, seeded):
    pager = html(get(client, seeded_event("event-armenia-fortnight"), "fr")).find(
        "nav", class_="event-pager"
    )
    previous = pager.find("a", rel="prev")
    following = pager.find("a", rel="next")
    assert previous.get_text() == "Inauguration du Centre de la jeunesse Aix-en-Provence"
    assert following.get_text() == "Échanges de livres entre les bibliothèques"
    assert previous["href"] == page_url(seeded_event("event-youth-centre"), "fr")

    first = html(get(client, seeded_event("event-cross-visits"), "fr")).find(
        "nav", class_="event-pager"
    )
    assert first.find("a", rel="prev") is None
    last = html(get(client, seeded_event("event-call-for-projects"), "fr")).find(
        "nav", class_="event-pager"
    )
    assert last.find("a", rel="next") is None
    assert last.find("a", rel="prev").get_text() == "Mission du PNUD en Arménie"


def test_an_unpublished_event_is_skipped_by_previous_and_next(client, seeded):
    draft = add_event(
        title="Brouillon",
        start=seeded_event("event-youth-centre").start_date,
        start_precision="day",
        publish=False,
    )
    pager = html(get(client, seeded_event("event-armenia-fortnight"), "fr")).find(
        "nav", class_="event-pager"
    )
    assert pager.find("a", rel="prev").get_text() != draft.title


def test_json_ld_dates_are_as_precise_as_the_event(client, seeded):
    data = json_ld(get(client, seeded_event("event-youth-centre"), "en"), of_type="Event")
    assert data["@context"] == "https://schema.org"
    assert data["startDate"] == "2024-06"
    assert "endDate" not in data
    assert data["name"] == "Opening of the Aix-en-Provence Youth Centre"
    assert data["url"].startswith("http://testserver/en/cooperation/")
    assert data["location"]["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "AM",
        "addressLocality": "Masis",
    }
    data = json_ld(get(client, seeded_event("event-cross-visits"), "hy"), of_type="Event")
    assert (data["startDate"], data["endDate"]) == ("2023", "2024")
    assert [place["name"] for place in data["location"]] == ["Էքս-ան-Պրովանս", "Մասիս"]
    assert data["inLanguage"] == "hy"


def test_json_ld_cannot_break_out_of_its_script(client, seeded):
    event = seeded_event("event-book-exchange")
    event.summary_fr = "Livres </script><script>alert(1)</script>"
    event.save_revision().publish()
    response = get(client, event, "fr")
    assert b"<script>alert(1)" not in response.content
    assert json_ld(response, of_type="Event")["description"] == event.summary_fr


def test_json_ld_names_the_live_partners_as_contributors_not_organisers(client, seeded):
    event = seeded_event("event-undp-mission")
    partner = a_partner("Organisation partenaire")
    event.partners.add(partner)
    event.save_revision().publish()
    data = json_ld(get(client, event, "fr"), of_type="Event")
    contributors = {item["name"]: item["url"] for item in data["contributor"]}
    assert contributors["Organisation partenaire"] == "http://testserver" + page_url(partner, "fr")
    # The source says the UNDP organised the mission; its partners only took part.
    assert "organizer" not in data


@pytest.mark.parametrize("language", ["fr", "en", "hy"])
def test_an_event_whose_place_the_sources_do_not_give_shows_none(client, seeded, language):
    event = seeded_event("event-call-for-projects")
    assert event.place == ""
    response = get(client, event, language)
    facts = html(response).select_one(".event-facts")
    with translation.override(language):
        assert translation.gettext("Place") not in facts.get_text()
    data = json_ld(response, of_type="Event")
    assert "location" not in data and "eventAttendanceMode" not in data
    calendar = client.get(page_url(event, language) + "calendar/").content.decode()
    assert "LOCATION" not in calendar


def test_event_page_queries_do_not_grow_with_themes_partners_and_documents(client, seeded):
    event = seeded_event("event-youth-centre")
    url = page_url(event, "fr")

    def count():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    before = count()
    for number in range(5):
        event.themes.add(Theme.objects.create(slug=f"extra-{number}", name_fr=f"Thème {number}"))
        event.partners.add(a_partner(f"Partenaire {number}"))
        document = Document.objects.create(
            title=f"Document {number}", file="documents/x.pdf", file_size=2048
        )
        CooperationEventAttachment.objects.create(page=event, document=document)
    event.save_revision().publish()
    assert count() == before
