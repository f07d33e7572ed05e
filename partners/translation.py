from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import PartnerIndexPage, PartnerKind, PartnerPage


@register(PartnerIndexPage)
class PartnerIndexPageTranslation(TranslationOptions):
    fields = ("introduction",)


@register(PartnerKind)
class PartnerKindTranslation(TranslationOptions):
    fields = ("name", "name_plural")
    required_languages = ("fr",)


@register(PartnerPage)
class PartnerPageTranslation(TranslationOptions):
    fields = ("short_name", "city", "country", "logo_alt_text", "description", "role")
