from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationStatusReport(models.Model):
    """No table: carries the permission to read the translation-status report.

    Like Wagtail's own ``wagtailadmin.Admin`` (which carries ``access_admin``), so that the
    report is granted to groups like any other permission.
    """

    class Meta:
        managed = False
        default_permissions = ("view",)
        verbose_name = _("translation status report")

    def __str__(self):
        return str(self._meta.verbose_name)
