from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from .models import (
    AccessibilityStatementPage,
    ContactFormField,
    ContactPage,
    LegalNoticePage,
    LegalNoticeSettings,
    PersonalDataPage,
    SiteMapPage,
)


@register(AccessibilityStatementPage)
class AccessibilityStatementPageTranslation(TranslationOptions):
    fields = (
        "introduction",
        "audited_by",
        "non_compliant_content",
        "disproportionate_burden",
        "out_of_scope_content",
        "test_environment",
        "test_tools",
        "feedback_postal_address",
        "recourse",
        "multi_year_plan",
        "action_plan",
    )


@register(LegalNoticeSettings)
class LegalNoticeSettingsTranslation(TranslationOptions):
    # What a visitor reads as text; telephone numbers are the same in every language.
    fields = (
        "publisher_name",
        "publisher_address",
        "publication_director",
        "host_name",
        "host_address",
    )


@register(LegalNoticePage)
class LegalNoticePageTranslation(TranslationOptions):
    fields = ("introduction", "body")


@register(PersonalDataPage)
class PersonalDataPageTranslation(TranslationOptions):
    fields = ("introduction", "body", "contact_legal_basis")


@register(SiteMapPage)
class SiteMapPageTranslation(TranslationOptions):
    fields = ("introduction",)


@register(ContactPage)
class ContactPageTranslation(TranslationOptions):
    fields = ("introduction", "privacy_notice", "thank_you_text")


@register(ContactFormField)
class ContactFormFieldTranslation(TranslationOptions):
    fields = ("label", "help_text", "choices", "default_value")
