"""The town profile's admin form: every reference in its introduction names a value the page
holds, so that visitors never read "{vilages}"."""

from django.utils.translation import gettext_lazy as _

from masis.core.models import TEXT_REFERENCE
from masis.editorial.forms import BasePageForm
from masis.multilingual.languages import LANGUAGE_CODES

UNKNOWN_REFERENCE = _(
    "“{%(reference)s}” names no key figure of this page. Use one of: %(known)s, or give a "
    "key figure that reference."
)
DUPLICATE_REFERENCE = _("Another key figure already has this reference.")
# The texts that may quote the page's values (TownProfilePage.text_values).
TEXTS_WITH_REFERENCES = ("introduction",)


class TownProfilePageForm(BasePageForm):
    def clean(self):
        cleaned_data = super().clean()
        known = self._figure_references() | {self.instance.POSITION_REFERENCE}
        for name in TEXTS_WITH_REFERENCES:
            for code in LANGUAGE_CODES:
                field_name = f"{name}_{code}"
                text = cleaned_data.get(field_name) or ""
                unknown = [ref for ref in TEXT_REFERENCE.findall(text) if ref not in known]
                if unknown:
                    self.add_error(
                        field_name,
                        UNKNOWN_REFERENCE
                        % {
                            "reference": unknown[0],
                            "known": ", ".join(f"{{{ref}}}" for ref in sorted(known)),
                        },
                    )
        return cleaned_data

    def _figure_references(self):
        """The references of the key figures being saved; a repeated one is an error."""
        formset = self.formsets.get("key_figures")
        if formset is None or not formset.is_valid():
            return set()
        references = set()
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            reference = data.get("reference")
            if not reference or data.get("DELETE"):
                continue
            if reference in references:
                form.add_error("reference", DUPLICATE_REFERENCE)
            references.add(reference)
        return references
