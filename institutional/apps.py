from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InstitutionalConfig(AppConfig):
    name = "institutional"
    verbose_name = _("Institutional pages")
