from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import EconomicSector, HomePage, KeyFigure, StandardPage, TownProfilePage


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("introduction", "body")


@register(StandardPage)
class StandardPageTranslation(TranslationOptions):
    fields = ("introduction", "body")


@register(TownProfilePage)
class TownProfilePageTranslation(TranslationOptions):
    fields = (
        "introduction",
        "hero_image_alt",
        "official_name",
        "main_town",
        "region",
        "country",
        "capital",
        "border_country",
        "shared_heritage",
        "body",
    )


@register(KeyFigure)
class KeyFigureTranslation(TranslationOptions):
    fields = ("label", "status", "note")


@register(EconomicSector)
class EconomicSectorTranslation(TranslationOptions):
    fields = ("name",)
