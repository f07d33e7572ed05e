from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import (
    CooperationEventAttachment,
    CooperationEventImage,
    CooperationEventPage,
    Theme,
    TimelinePage,
)


@register(TimelinePage)
class TimelinePageTranslation(TranslationOptions):
    fields = ("introduction",)


@register(CooperationEventPage)
class CooperationEventPageTranslation(TranslationOptions):
    fields = ("summary", "body")
    required_languages = ("fr",)


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("fr",)


@register(CooperationEventImage)
class CooperationEventImageTranslation(TranslationOptions):
    fields = ("alt_text", "caption")
    required_languages = ("fr",)


@register(CooperationEventAttachment)
class CooperationEventAttachmentTranslation(TranslationOptions):
    fields = ("title",)
