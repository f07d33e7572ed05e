"""The dashboard panel: how many pages are still to translate into each language, and how
many have translations made from a French text that has changed since."""

from django.utils.translation import gettext, ngettext
from wagtail.admin.ui.components import Component

from masis.multilingual.languages import TRANSLATION_LANGUAGES
from masis.multilingual.translation_status import LANGUAGE_NAMES, Status, pages_by_status

from .views import EVERY_PAGE_TYPE, report_url


def pages_to_translate_text(language, count):
    if language == "en":
        text = ngettext(
            "%(count)s page to translate into English",
            "%(count)s pages to translate into English",
            count,
        )
    elif language == "hy":
        text = ngettext(
            "%(count)s page to translate into Armenian",
            "%(count)s pages to translate into Armenian",
            count,
        )
    else:
        text = ngettext(
            "%(count)s page to translate into %(language)s",
            "%(count)s pages to translate into %(language)s",
            count,
        )
    return text % {"count": count, "language": LANGUAGE_NAMES.get(language, language)}


def pages_outdated_text(language, count):
    if language == "en":
        text = ngettext(
            "%(count)s page whose English translation is outdated",
            "%(count)s pages whose English translation is outdated",
            count,
        )
    elif language == "hy":
        text = ngettext(
            "%(count)s page whose Armenian translation is outdated",
            "%(count)s pages whose Armenian translation is outdated",
            count,
        )
    else:
        text = ngettext(
            "%(count)s page whose %(language)s translation is outdated",
            "%(count)s pages whose %(language)s translation is outdated",
            count,
        )
    return text % {"count": count, "language": LANGUAGE_NAMES.get(language, language)}


class TranslationProgressPanel(Component):
    name = "translation_progress"
    template_name = "editorial/translation_progress_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        counts = pages_by_status(TRANSLATION_LANGUAGES)
        unfinished = [Status.PARTIAL.value, Status.MISSING.value]
        return {
            "languages": [
                {
                    "code": code,
                    "count": count,
                    "text": pages_to_translate_text(code, count),
                    "url": report_url(language=code, kind=EVERY_PAGE_TYPE, status=unfinished),
                }
                for code, count in counts["to_translate"].items()
            ],
            "outdated": [
                {
                    "code": code,
                    "count": count,
                    "text": pages_outdated_text(code, count),
                    "url": report_url(
                        language=code, kind=EVERY_PAGE_TYPE, status=[Status.OUTDATED.value]
                    ),
                }
                for code, count in counts["outdated"].items()
            ],
            "report_url": report_url(),
            "heading": gettext("Translations"),
        }
