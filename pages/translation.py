from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import HomePage, StandardPage, TownProfilePage


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("introduction", "body")


@register(StandardPage)
class StandardPageTranslation(TranslationOptions):
    fields = ("introduction", "body")


@register(TownProfilePage)
class TownProfilePageTranslation(TranslationOptions):
    fields = ("introduction", "body")
