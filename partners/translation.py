from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import PartnerIndexPage


@register(PartnerIndexPage)
class PartnerIndexPageTranslation(TranslationOptions):
    fields = ("introduction",)
