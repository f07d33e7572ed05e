from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext_lazy as _

WEBSITE_MESSAGE = _(
    "Enter the website’s full address, starting with https:// "
    "(for example https://www.aixenprovence.fr/)."
)
CONTACT_MESSAGE = _(
    "Enter a web address starting with https:// or an e-mail address written "
    "mailto:name@example.org."
)

_web_address = URLValidator(schemes=["http", "https"])


def validate_website(value):
    """A web page's address (http or https only: no ftp:, javascript: or mailto:)."""
    try:
        _web_address(value)
    except ValidationError as error:
        raise ValidationError(WEBSITE_MESSAGE, code="invalid") from error


def validate_contact_link(value):
    """A web address, or ``mailto:`` followed by one e-mail address."""
    try:
        if value.startswith("mailto:"):
            validate_email(value.removeprefix("mailto:"))
        else:
            _web_address(value)
    except ValidationError as error:
        raise ValidationError(CONTACT_MESSAGE, code="invalid") from error
