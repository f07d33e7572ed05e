"""Page permissions of the roles, where Wagtail's defaults give translators too much.

Wagtail lets anyone with *change* permission delete — and therefore move — a page that has never
been published. Translators have *change* permission (they edit every language field) but must
not delete, move or copy pages: here those actions also take *publish* (or *add*, for copying)
permission, which only editors have. Every page type returns this tester from
``permissions_for_user`` (``masis.core.models.BasePage``), so that the admin's buttons, menus
and views, which all ask the tester, agree.
"""

from wagtail.models import PagePermissionTester


class EditorialPagePermissionTester(PagePermissionTester):
    def _has(self, action):
        return self.user.is_active and (self.user.is_superuser or action in self.permissions)

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk=ignore_bulk) and self._has("publish")

    def can_copy(self):
        return super().can_copy() and self._has("add")
