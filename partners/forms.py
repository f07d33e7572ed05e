from masis.editorial.forms import BasePageForm

from .validators import WEBSITE_MESSAGE


class PartnerPageForm(BasePageForm):
    """The partner page's admin form: a website that is not a web address is explained."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        website = self.fields.get("website")
        if website is not None:
            # Replaces Django's terse "Enter a valid URL." (the validator's "invalid" code).
            website.error_messages["invalid"] = WEBSITE_MESSAGE
            # "www.example.org" typed without a scheme becomes https://www.example.org.
            website.assume_scheme = "https"
