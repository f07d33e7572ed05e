"""The three staff roles and the moderation workflow.

- Communication (editors): add, change, publish, delete (with children), lock and unlock pages
  anywhere in the tree; add, change, delete and choose images and documents.
- Traduction (translators): change pages (every language field), choose images and documents;
  no publishing, deleting, moving, settings or users.
- Modération (moderators): approve or reject what is submitted to them.

All three reach the admin and the translation-status report. Page and collection permissions are
granted on the roots of the page tree and of the collections, so they hold whatever the site's
home page becomes. Snippet permissions are granted after migrating (see editorial.roles).

Wagtail's sample groups ("Editors", "Moderators") and workflow ("Moderators approval") are removed
when nobody uses them, so that staff see only the site's roles; the root of the tree gets the
"Modération" workflow instead.
"""

from django.db import migrations

EDITORS, TRANSLATORS, MODERATORS = "Communication", "Traduction", "Modération"
WORKFLOW_NAME = "Modération"
TASK_NAME = "Relecture par la Modération"

MEDIA = ("image", "document")
PAGE_PERMISSIONS = {
    EDITORS: ("add", "change", "publish", "bulk_delete", "lock", "unlock"),
    TRANSLATORS: ("change",),
    MODERATORS: (),
}
COLLECTION_PERMISSIONS = {
    EDITORS: ("add", "change", "delete", "choose"),
    TRANSLATORS: ("choose",),
    MODERATORS: (),
}
# (app label, model, codename, name) granted to every role.
SHARED_PERMISSIONS = (
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    (
        "editorial",
        "translationstatusreport",
        "view_translationstatusreport",
        "Can view translation status report",
    ),
)
WAGTAIL_SAMPLE_GROUPS = ("Editors", "Moderators")
WAGTAIL_SAMPLE_WORKFLOW = "Moderators approval"


def permission(apps, app_label, model, codename, name=None):
    """The permission, created if its app has not created it yet (a fresh database)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": name or codename.replace("_", " ").capitalize()},
    )
    return found


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    shared = [permission(apps, *spec) for spec in SHARED_PERMISSIONS]
    groups = {}
    for name in (EDITORS, TRANSLATORS, MODERATORS):
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(*shared)
        for action in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root_page,
                permission=permission(apps, "wagtailcore", "page", f"{action}_page"),
            )
        for media in MEDIA:
            app_label = f"wagtail{media}s"
            for action in COLLECTION_PERMISSIONS[name]:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=permission(apps, app_label, media, f"{action}_{media}"),
                )

    Group.objects.filter(name__in=WAGTAIL_SAMPLE_GROUPS, user__isnull=True).delete()
    create_workflow(apps, root_page, groups[MODERATORS])


def create_workflow(apps, root_page, moderators):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK_NAME, defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(moderators)
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})

    # Wagtail's sample workflow: gone if it never ran, switched off otherwise.
    for sample in Workflow.objects.filter(name=WAGTAIL_SAMPLE_WORKFLOW):
        if sample.workflow_states.exists() or sample.workflow_pages.exists():
            sample.active = False
            sample.save(update_fields=["active"])
            continue
        sample_tasks = [link.task_id for link in sample.workflow_tasks.all()]
        sample.delete()
        GroupApprovalTask.objects.filter(
            pk__in=sample_tasks, task_states__isnull=True, workflow_tasks__isnull=True
        ).delete()


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow.objects.filter(name=WORKFLOW_NAME, workflow_states__isnull=True).delete()
    GroupApprovalTask.objects.filter(name=TASK_NAME, task_states__isnull=True).delete()
    Group.objects.filter(name__in=(EDITORS, TRANSLATORS, MODERATORS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
