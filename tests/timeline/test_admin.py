"""Staff edit events and themes in Wagtail's admin; inconsistent dates are refused with a clear,
translated message next to the field."""

from timeline.models import CooperationEventPage, Theme

from ..factories import seeded_event, timeline_page
from ..helpers import edit_form_data, html


def test_add_form_offers_dates_with_precision_place_themes_and_translations(admin_client):
    response = admin_client.get(
        f"/admin/pages/add/timeline/cooperationeventpage/{timeline_page().pk}/"
    )
    assert response.status_code == 200
    doc = html(response)
    for name in ("start_date", "end_date", "title_fr", "title_en", "title_hy", "summary_hy"):
        assert doc.find(attrs={"name": name}) is not None, name
    precisions = [
        o["value"] for o in doc.find("select", attrs={"name": "start_precision"})("option")
    ]
    assert precisions == ["day", "month", "year"]
    places = [
        o["value"] for o in doc.find("select", attrs={"name": "place"})("option") if o["value"]
    ]
    assert places == ["aix", "masis", "aix-and-masis", "armenia", "france", "online"]
    assert len(doc.find_all("input", attrs={"name": "themes"})) == Theme.objects.count()


def test_an_end_before_the_start_is_refused_in_the_admin_in_french(admin_client):
    event = seeded_event("event-armenia-fortnight")
    url = f"/admin/pages/{event.pk}/edit/"
    data = edit_form_data(admin_client, event)
    assert data["start_date"] == "2024-09-01"
    data["end_date"] = "2024-06-01"
    data["end_precision"] = "month"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    text = html(response).get_text(" ")
    assert "La fin (juin 2024) précède le début (septembre 2024)." in text
    assert CooperationEventPage.objects.get(pk=event.pk).end_date is None


def test_a_hidden_day_is_refused_in_the_admin(admin_client):
    event = seeded_event("event-youth-centre")
    url = f"/admin/pages/{event.pk}/edit/"
    data = edit_form_data(admin_client, event)
    data["start_date"] = "2024-06-15"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "choisissez le premier jour du mois (01/06/2024)" in html(response).get_text(" ")
    assert CooperationEventPage.objects.get(pk=event.pk).start_date.day == 1


def test_a_consistent_edit_is_saved(admin_client):
    event = seeded_event("event-undp-mission")
    url = f"/admin/pages/{event.pk}/edit/"
    data = edit_form_data(admin_client, event)
    data["end_date"] = "2025-03-01"
    data["end_precision"] = "month"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    draft = CooperationEventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    assert (draft.end_date.isoformat(), draft.end_precision) == ("2025-03-01", "month")


def test_themes_are_snippets_edited_in_every_language(admin_client):
    response = admin_client.get("/admin/snippets/timeline/theme/")
    assert response.status_code == 200
    assert "Jeunesse" in response.content.decode()
    response = admin_client.get("/admin/snippets/timeline/theme/add/")
    assert response.status_code == 200
    doc = html(response)
    for name in ("name_fr", "name_en", "name_hy", "slug"):
        assert doc.find(attrs={"name": name}) is not None, name


def test_preview_shows_unsaved_changes_of_an_event(admin_client):
    event = seeded_event("event-book-exchange")
    data = edit_form_data(admin_client, event)
    data["title_fr"] = "Échanges de livres (aperçu)"
    preview_url = f"/admin/pages/{event.pk}/edit/preview/"
    assert admin_client.post(preview_url, data).json()["is_valid"] is True
    response = admin_client.get(preview_url, {"mode": ""})
    assert response.status_code == 200
    assert html(response).h1.get_text(strip=True) == "Échanges de livres (aperçu)"
