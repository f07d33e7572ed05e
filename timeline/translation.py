from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import TimelinePage


@register(TimelinePage)
class TimelinePageTranslation(TranslationOptions):
    fields = ("introduction",)
