"""The three staff roles of the site.

The groups, their page, collection and admin permissions and the moderation workflow are created
by the data migration ``0002_roles``. Snippet permissions cannot be written there: snippet models
are added by other apps over time, and their permissions only exist once those apps have migrated.
They are granted after every ``migrate`` by :func:`grant_snippet_permissions`, so a new snippet
is editable by the editors and translators as soon as it exists.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS

# Group names are what staff read in the admin: French, like the site's content.
EDITORS = "Communication"
TRANSLATORS = "Traduction"
MODERATORS = "Modération"
ROLES = (EDITORS, TRANSLATORS, MODERATORS)

# The workflow on the root of the page tree: a translator's submission goes to the moderators.
WORKFLOW_NAME = "Modération"
TASK_NAME = "Relecture par la Modération"

# What each role may do with every snippet model (Django/Wagtail permission actions).
SNIPPET_ACTIONS = {
    EDITORS: ("add", "change", "delete", "view", "publish", "lock", "unlock"),
    TRANSLATORS: ("change", "view"),
}


def snippet_models():
    from wagtail import hooks
    from wagtail.snippets.models import get_snippet_models

    hooks.search_for_hooks()  # snippets registered in wagtail_hooks modules
    return get_snippet_models()


def grant_snippet_permissions(using=DEFAULT_DB_ALIAS, **kwargs):
    """Give the editors and translators their permissions on every registered snippet model."""
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    groups = {group.name: group for group in Group.objects.using(using).filter(name__in=ROLES)}
    if not groups:
        return
    for model in snippet_models():
        # The model's app may come after this one in INSTALLED_APPS: make sure its content
        # type and permissions exist before granting them.
        create_permissions(global_apps.get_app_config(model._meta.app_label), 0, using=using)
        content_type = ContentType.objects.db_manager(using).get_for_model(model)
        for name, actions in SNIPPET_ACTIONS.items():
            if name not in groups:
                continue
            codenames = [f"{action}_{model._meta.model_name}" for action in actions]
            permissions = Permission.objects.using(using).filter(
                content_type=content_type, codename__in=codenames
            )
            groups[name].permissions.add(*permissions)
