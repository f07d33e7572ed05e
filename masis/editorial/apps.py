from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The staff's side of the site: roles, moderation, editing help, translation status."""

    name = "masis.editorial"
    label = "editorial"  # as before the move into masis/: same tables and migrations
    verbose_name = _("Editorial")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import roles

        # Snippet models come and go with the apps: their permissions are granted to the roles
        # after every migrate, once their content types and permissions exist.
        post_migrate.connect(roles.grant_snippet_permissions, sender=self)
