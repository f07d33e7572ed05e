"""The site's languages and how each one names itself."""

from django.conf import settings

SOURCE_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
TRANSLATION_LANGUAGES = [code for code in LANGUAGE_CODES if code != SOURCE_LANGUAGE]

# Each language named in itself, for the switcher (never translated).
AUTONYMS = {"fr": "Français", "en": "English", "hy": "Հայերեն"}

# Open Graph / HTML locale of each language.
LOCALES = {"fr": "fr_FR", "en": "en_GB", "hy": "hy_AM"}
