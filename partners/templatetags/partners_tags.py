from django import template
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.images.models import Picture, SourceImageIOError

from masis.multilingual.fields import falls_back

from ..models import LOGO_FILTER_SPECS, LOGO_SIZES

register = template.Library()

MONOGRAM_TONES = 4


@register.simple_tag
def partner_name(partner, field_name="title"):
    """A partner's name (or ``short_name``) with its words of another language marked.

    Where the whole field falls back to French, the enclosing element carries lang="fr"
    (``{% fallback_lang %}``) and the text is left as it is.
    """
    if falls_back(partner, field_name, translation.get_language()):
        return getattr(partner, field_name)
    return partner.marked_name(field_name)


@register.simple_tag
def partner_logo(partner, css_class="partner-logo", eager=False):
    """The logo as <picture> (AVIF, WebP, PNG fallback, 1x/2x), or the partner's monogram.

    Lazy, unless ``eager``: the first image on screen (a partner's own page) loads at once.

    A missing logo file shows the monogram too: never a broken image.
    """
    logo = partner.logo
    if logo is not None:
        try:
            renditions = logo.get_renditions(*LOGO_FILTER_SPECS)
        except SourceImageIOError:
            renditions = None
        if renditions:
            attrs = {
                "alt": partner.logo_alt_text,
                "sizes": LOGO_SIZES,
                "loading": "eager" if eager else "lazy",
                "decoding": "async",
                "class": css_class,
            }
            if falls_back(partner, "logo_alt_text", translation.get_language()):
                attrs["lang"] = "fr"
            return Picture(renditions, attrs).__html__()
    return monogram(partner, css_class)


def monogram(partner, css_class):
    letters = partner.monogram
    return render_to_string(
        "partners/includes/monogram.html",
        {
            "letters": letters,
            "lang": partner.monogram_language,
            "css_class": css_class,
            "tone": (partner.pk or 0) % MONOGRAM_TONES,
            "font_size": {1: 48, 2: 44, 3: 36, 4: 30}.get(len(letters), 24),
            "squeeze": len(letters) > 4,
        },
    )
