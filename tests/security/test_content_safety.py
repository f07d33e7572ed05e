"""No content is lost by editing: every save keeps a revision that can be restored, and a page
is deleted only after a confirmation step, by a role allowed to (see also
tests/editorial/test_roles.py)."""

import pytest

from masis.editorial.roles import TRANSLATORS
from pages.models import StandardPage

from ..factories import staff_member, standard_page
from ..helpers import edit_form_data, logged_in


@pytest.fixture
def page(seeded):
    return standard_page(seeded, "archives")


def publish(client, page, **changes):
    data = edit_form_data(client, page, **changes)
    data["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.status_code


def test_every_published_change_keeps_a_revision_that_can_be_restored(editor, page):
    before = page.revisions.count()
    publish(editor, page, title_fr="Archives du jumelage")
    publish(editor, page, title_fr="Archives du jumelage (2024)")
    page.refresh_from_db()
    assert page.title_fr == "Archives du jumelage (2024)"
    revisions = list(page.revisions.order_by("created_at", "pk"))
    assert len(revisions) == before + 2
    assert revisions[-2].as_object().title_fr == "Archives du jumelage"
    history = editor.get(f"/admin/pages/{page.pk}/history/")
    assert history.status_code == 200
    # An earlier revision opens in the editor, ready to be published again.
    old = editor.get(f"/admin/pages/{page.pk}/revisions/{revisions[-2].pk}/revert/")
    assert old.status_code == 200
    assert 'value="Archives du jumelage"' in old.content.decode()


def test_deleting_a_page_asks_for_confirmation_first(editor, page):
    confirm = editor.get(f"/admin/pages/{page.pk}/delete/")
    assert confirm.status_code == 200
    assert b'method="POST"' in confirm.content or b'method="post"' in confirm.content
    assert StandardPage.objects.filter(pk=page.pk).exists()
    assert editor.post(f"/admin/pages/{page.pk}/delete/").status_code == 302
    assert not StandardPage.objects.filter(pk=page.pk).exists()


def test_only_editors_may_delete_a_page(page, db):
    translator = logged_in(staff_member(TRANSLATORS))
    for method in (translator.get, translator.post):
        response = method(f"/admin/pages/{page.pk}/delete/")
        assert response.status_code in (302, 403)
        assert response.get("Location", "/admin/") == "/admin/"
    assert StandardPage.objects.filter(pk=page.pk).exists()
