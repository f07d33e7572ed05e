"""The base of every page type: what the site's pages share, as overrides of Wagtail's own."""

from django.utils import translation
from wagtail.models import Page

from masis.editorial.forms import BasePageForm
from masis.editorial.permissions import EditorialPagePermissionTester
from masis.multilingual.languages import AUTONYMS, LANGUAGE_CODES


class BasePage(Page):
    """Every page type inherits it: the roles' permissions, a preview in each language, the
    form with the language notes and slug checks."""

    base_form_class = BasePageForm

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        """Wagtail's rules, tightened for the roles (``EditorialPagePermissionTester``)."""
        return EditorialPagePermissionTester(user, self)

    @property
    def preview_modes(self):
        return [(code, AUTONYMS[code]) for code in LANGUAGE_CODES]

    def make_preview_request(
        self, original_request=None, preview_mode=None, extra_request_attrs=None
    ):
        """Render the preview in the language of its mode.

        The simulated request goes to the page's URL in that language (built while it is
        active), and carries ``preview_language`` so that the locale middleware serves it in
        that language even where the URL says nothing (an unsaved page's URL is "/").
        """
        if preview_mode not in LANGUAGE_CODES:  # a page type with preview modes of its own
            return super().make_preview_request(original_request, preview_mode, extra_request_attrs)
        extra_request_attrs = {**(extra_request_attrs or {}), "preview_language": preview_mode}
        with translation.override(preview_mode):
            return super().make_preview_request(original_request, preview_mode, extra_request_attrs)
