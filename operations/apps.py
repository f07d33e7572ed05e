from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running the site safely: security headers, login throttling, backups."""

    name = "operations"
    verbose_name = _("Operations")
