"""Page permissions of the roles, where Wagtail's defaults give translators too much.

Wagtail lets anyone with *change* permission delete — and therefore move — a page that has never
been published. Translators have *change* permission (they edit every language field) but must
not delete, move or copy pages: here those actions also take *publish* (or *add*, for copying)
permission, which only editors have. Wagtail lets page classes override ``permissions_for_user``;
this override is installed once on ``Page`` so that every page type shares it, and the admin's
buttons, menus and views, which all ask the tester, agree.
"""

from wagtail.models import Page, PagePermissionTester


class EditorialPagePermissionTester(PagePermissionTester):
    def _has(self, action):
        return self.user.is_active and (self.user.is_superuser or action in self.permissions)

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk=ignore_bulk) and self._has("publish")

    def can_copy(self):
        return super().can_copy() and self._has("add")


def permissions_for_user(page, user):
    """Return what ``user`` may do with ``page``: Wagtail's rules, tightened as above."""
    return EditorialPagePermissionTester(user, page)


def install():
    Page.permissions_for_user = permissions_for_user
