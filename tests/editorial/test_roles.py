"""The three staff roles through the real admin: what each may do, and what it may not."""

import datetime

import pytest
from django.contrib.admin.utils import quote
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Page, Revision, WorkflowState

from masis.editorial.roles import EDITORS, MODERATORS, TRANSLATORS
from masis.multilingual.translation_status import snippet_kinds
from pages.models import StandardPage

from ..factories import standard_page
from ..helpers import edit_form_data, paragraphs


def assert_denied(response):
    """Wagtail refuses with 403, or by sending the user back to the dashboard with a message."""
    assert response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    ), (response.status_code, response.get("Location"))


@pytest.fixture
def page(seeded):
    return standard_page(seeded, "atelier")


def test_the_migration_creates_the_three_roles_on_the_root_of_the_tree(db):
    root = Page.get_first_root_node()
    grants = {
        name: {p.permission.codename for p in Group.objects.get(name=name).page_permissions.all()}
        for name in (EDITORS, TRANSLATORS, MODERATORS)
    }
    assert grants[EDITORS] >= {"add_page", "change_page", "publish_page", "bulk_delete_page"}
    assert grants[TRANSLATORS] == {"change_page"}
    assert grants[MODERATORS] == set()
    assert {p.page_id for g in Group.objects.all() for p in g.page_permissions.all()} == {root.pk}
    # Wagtail's sample groups are gone: staff see only the site's roles.
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_the_site_root_sends_submissions_to_the_moderators(seeded):
    workflow = seeded.get_workflow()
    assert workflow is not None and workflow.active
    tasks = [task.specific for task in workflow.tasks]
    assert [list(task.groups.values_list("name", flat=True)) for task in tasks] == [[MODERATORS]]


# --- Editors ---------------------------------------------------------------------------------


def test_an_editor_creates_and_publishes_a_page_directly(editor, seeded):
    add_url = f"/admin/pages/add/pages/standardpage/{seeded.pk}/"
    assert editor.get(add_url).status_code == 200
    response = editor.post(
        add_url,
        {
            "title_fr": "Nouvelle page",
            "slug_fr": "nouvelle-page",
            "body_fr-count": "0",
            "body_en-count": "0",
            "body_hy-count": "0",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302
    created = StandardPage.objects.get(slug_fr="nouvelle-page")
    assert created.live
    assert not WorkflowState.objects.filter(object_id=str(created.pk)).exists()


def test_an_editor_publishes_changes_without_going_through_moderation(editor, page):
    data = edit_form_data(editor, page, title_en="Workshop", slug_en="workshop")
    response = editor.post(f"/admin/pages/{page.pk}/edit/", {**data, "action-publish": "1"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title_en == "Workshop" and not page.has_unpublished_changes
    assert page.current_workflow_state is None


def test_an_editor_unpublishes_moves_and_deletes_pages(editor, seeded, page):
    assert editor.get(f"/admin/pages/{page.pk}/unpublish/").status_code == 200
    assert editor.post(f"/admin/pages/{page.pk}/unpublish/").status_code == 302
    page.refresh_from_db()
    assert not page.live

    target = standard_page(seeded, "rubrique")
    assert editor.get(f"/admin/pages/{page.pk}/move/").status_code == 200
    response = editor.post(f"/admin/pages/{page.pk}/move/{target.pk}/confirm/")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.get_parent().pk == target.pk

    assert editor.get(f"/admin/pages/{page.pk}/delete/").status_code == 200
    assert editor.post(f"/admin/pages/{page.pk}/delete/").status_code == 302
    assert not StandardPage.objects.filter(pk=page.pk).exists()


def test_an_editor_schedules_a_publication(editor, page):
    go_live = timezone.localtime() + datetime.timedelta(days=3)
    data = edit_form_data(
        editor, page, title_fr="Page programmée", go_live_at=go_live.strftime("%Y-%m-%d %H:%M")
    )
    response = editor.post(f"/admin/pages/{page.pk}/edit/", {**data, "action-publish": "1"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title_fr == "Page atelier"  # not before its time
    scheduled = Revision.page_revisions.get(
        object_id=str(page.pk), approved_go_live_at__isnull=False
    )

    # The time comes (moved here rather than waited for): Wagtail's command publishes it.
    past = timezone.now() - datetime.timedelta(minutes=1)
    scheduled.approved_go_live_at = past
    scheduled.content["go_live_at"] = past.isoformat()
    scheduled.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live and page.title_fr == "Page programmée"


def test_an_editor_manages_images_documents_and_snippets(editor):
    for url in [
        "/admin/images/",
        "/admin/images/add/",
        "/admin/documents/",
        "/admin/documents/add/",
    ]:
        assert editor.get(url).status_code == 200, url
    kinds = snippet_kinds()
    assert kinds, "the site has translatable snippets (themes, partner kinds…)"
    for kind in kinds:
        viewset = kind.model.snippet_viewset
        for name in ("list", "add"):
            url = reverse(viewset.get_url_name(name))
            assert editor.get(url).status_code == 200, url


def test_an_editor_cannot_manage_users(editor):
    assert_denied(editor.get("/admin/users/"))
    assert_denied(editor.get("/admin/groups/"))


# --- Translators -----------------------------------------------------------------------------


def test_a_translator_edits_but_cannot_publish(translator, page):
    data = edit_form_data(translator, page, title_hy="Արհեստանոց")
    response = translator.post(f"/admin/pages/{page.pk}/edit/", {**data, "action-publish": "1"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.title_hy in (None, "")  # the live page is unchanged
    assert page.has_unpublished_changes  # the work is kept as a draft
    assert page.get_latest_revision_as_object().title_hy == "Արհեստանոց"


@pytest.mark.parametrize("action", ["unpublish", "delete", "move", "copy"])
def test_a_translator_cannot_unpublish_delete_move_or_copy_a_page(translator, page, action):
    assert_denied(translator.get(f"/admin/pages/{page.pk}/{action}/"))


def test_a_translator_cannot_delete_or_move_even_a_page_never_published(translator, seeded):
    draft = standard_page(seeded, "brouillon", live=False)
    assert_denied(translator.get(f"/admin/pages/{draft.pk}/delete/"))
    assert_denied(translator.post(f"/admin/pages/{draft.pk}/delete/"))
    assert_denied(translator.get(f"/admin/pages/{draft.pk}/move/"))
    assert StandardPage.objects.filter(pk=draft.pk).exists()


def test_a_translator_cannot_create_pages_or_touch_settings_users_and_media(translator, seeded):
    assert_denied(translator.get(f"/admin/pages/add/pages/standardpage/{seeded.pk}/"))
    settings_urls = [
        reverse("wagtailsettings:edit", args=[model._meta.app_label, model._meta.model_name])
        for model in settings_registry
    ]
    assert settings_urls
    for url in [*settings_urls, "/admin/users/", "/admin/groups/", "/admin/images/add/"]:
        response = translator.get(url, follow=True)
        assert response.redirect_chain[-1][0] == "/admin/", url


def test_a_translator_edits_snippets_but_does_not_add_or_delete_them(translator):
    for kind in snippet_kinds():
        item = kind.model._default_manager.first()
        if item is None:
            continue
        viewset = kind.model.snippet_viewset
        edit_url = reverse(viewset.get_url_name("edit"), args=[quote(item.pk)])
        delete_url = reverse(viewset.get_url_name("delete"), args=[quote(item.pk)])
        assert translator.get(edit_url).status_code == 200, edit_url
        assert_denied(translator.get(reverse(viewset.get_url_name("add"))))
        assert_denied(translator.get(delete_url))


# --- Moderation ------------------------------------------------------------------------------


def submit_armenian_translation(translator, page):
    data = edit_form_data(
        translator,
        page,
        title_hy="Արհեստանոց",
        slug_hy="արհեստանոց",
        introduction_hy="Ներածություն հայերեն։",
        body_hy=paragraphs("<p>Պարբերություն հայերեն։</p>"),
    )
    response = translator.post(f"/admin/pages/{page.pk}/edit/", {**data, "action-submit": "1"})
    assert response.status_code == 302
    page.refresh_from_db()
    return page.current_workflow_state


def test_a_translation_submitted_goes_live_once_a_moderator_approves(translator, moderator, page):
    state = submit_armenian_translation(translator, page)
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not page.title_hy  # not live yet

    dashboard = moderator.get("/admin/")
    assert dashboard.status_code == 200
    assert "Page atelier" in dashboard.content.decode()  # awaiting the moderator's review
    assert moderator.get(f"/admin/pages/{page.pk}/edit/").status_code == 200

    task_state = state.current_task_state
    response = moderator.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.title_hy == "Արհեստանոց" and page.slug_hy == "արհեստանոց"
    assert page.introduction_hy == "Ներածություն հայերեն։"
    assert "Պարբերություն" in str(page.body_hy)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_a_moderator_sends_a_translation_back_for_changes(translator, moderator, page):
    state = submit_armenian_translation(translator, page)
    response = moderator.post(
        f"/admin/pages/workflow/action/{page.pk}/reject/{state.current_task_state.pk}/",
        {"comment": "Vérifier le titre."},
    )
    assert response.status_code == 302
    state.refresh_from_db()
    page.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not page.title_hy


def test_a_moderator_does_not_edit_pages_outside_moderation_nor_publish(moderator, page):
    assert_denied(moderator.get(f"/admin/pages/{page.pk}/edit/"))
    assert_denied(moderator.get(f"/admin/pages/{page.pk}/unpublish/"))
    assert_denied(moderator.get("/admin/images/"))


def test_snippet_permissions_follow_every_registered_snippet(db):
    editors = Group.objects.get(name=EDITORS)
    translators = Group.objects.get(name=TRANSLATORS)
    for kind in snippet_kinds():
        model_name = kind.model._meta.model_name
        editor_codes = set(editors.permissions.values_list("codename", flat=True))
        translator_codes = set(translators.permissions.values_list("codename", flat=True))
        assert {f"add_{model_name}", f"change_{model_name}", f"delete_{model_name}"} <= editor_codes
        assert f"change_{model_name}" in translator_codes
        assert f"delete_{model_name}" not in translator_codes
