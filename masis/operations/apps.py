from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running the site safely: security headers, login throttling, backups."""

    name = "masis.operations"
    label = "operations"  # as before the move into masis/: same tables and migrations
    verbose_name = _("Operations")
