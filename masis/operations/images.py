"""The admin's image upload form (WAGTAILIMAGES_IMAGE_FORM_BASE): an image file cut short (a
truncated PNG or JPEG) is a form error naming the file, not a server error.

Wagtail reads the image's size through Pillow while validating it; Pillow raises OSError ("image
file is truncated"), SyntaxError or struct.error on a damaged file, which Wagtail lets through.
"""

import struct

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

DAMAGED_IMAGE_ERRORS = (OSError, SyntaxError, struct.error, EOFError)


class CompleteImageField(WagtailImageField):
    def to_python(self, data):
        try:
            return super().to_python(data)
        except DAMAGED_IMAGE_ERRORS:
            name = getattr(data, "name", "") or _("the file")
            raise ValidationError(
                _(
                    "“%(name)s” is not a complete image: it may have been cut short while it "
                    "was copied or sent. Please upload it again."
                )
                % {"name": name},
                code="damaged_image",
            ) from None


class ImageForm(BaseImageForm):
    file = CompleteImageField(label=gettext_lazy("File"), widget=BaseImageForm.Meta.widgets["file"])
