"""The base of every page type: what the site's pages share, as overrides of Wagtail's own."""

import re

from django.utils import translation
from wagtail.models import Page

from masis.editorial.forms import BasePageForm
from masis.editorial.permissions import EditorialPagePermissionTester
from masis.multilingual.fields import stored_value
from masis.multilingual.languages import AUTONYMS, LANGUAGE_CODES, SOURCE_LANGUAGE
from masis.multilingual.names import mark_languages

# A reference in a page's text to one of its values, filled in when the text is shown: {villages}.
TEXT_REFERENCE = re.compile(r"\{([a-z0-9_-]+)\}")


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

    def text_values(self):
        """{name: text} that this page's texts may show by writing ``{name}``: a value kept in
        one field (a key figure) and quoted in a text then never disagrees with it. The text
        is in the active language's format (numbers: "100 000", "100,000"). None by default."""
        return {}

    def fill_in(self, text):
        """``text`` with its ``{name}`` references to ``text_values()`` filled in; an unknown
        reference is left as it is (the admin form refuses them)."""
        if not text or "{" not in text:
            return text
        values = self.text_values()
        if not values:
            return text
        return TEXT_REFERENCE.sub(lambda match: values.get(match.group(1), match.group()), text)

    def marked_title(self):
        """The title as HTML for an element in the active language, the words it holds in
        another language in <span lang> (``multilingual.names``). Where the whole title falls
        back to French, the element carries lang="fr" itself (``{% fallback_lang %}``)."""
        source = stored_value(self, "title", SOURCE_LANGUAGE)
        return mark_languages(self.title, translation.get_language(), source)
