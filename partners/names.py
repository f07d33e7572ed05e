"""Names that mix two languages, marked for screen readers and hyphenation.

The glossary keeps an organisation's own name in Latin script where it has no established
Armenian one: "Médecins du Monde («Աշխարհի բժիշկներ»)", "Montperrin հիվանդանոցային կենտրոն". On an
Armenian page the Latin words are French (lang="fr"); on a French or English page, Armenian words
are marked lang="hy", and the French name quoted in an English one ("Médecins du Monde (Doctors of
the World)") lang="fr".
"""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from masis.multilingual.languages import SOURCE_LANGUAGE

_LATIN = r"A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F"
_ARMENIAN = r"\u0531-\u0556\u0561-\u0587"
_WORD = r"[{0}][{0}'’\-.]*"


def _run(letters):
    word = _WORD.format(letters)
    return re.compile(rf"{word}(?:\s+{word})*")


LATIN_RUN = _run(_LATIN)
ARMENIAN_RUN = _run(_ARMENIAN)


def _wrap(pattern, text, language):
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(format_html('<span lang="{}">{}</span>', language, match.group()))
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped


def mark_languages(text, language, source_name=""):
    """``text`` (shown on a page in ``language``) as HTML, foreign words in <span lang>.

    ``source_name`` is the French form of the same name: quoted inside another language's name,
    it is French.
    """
    text = str(text or "")
    if language == "hy":
        return _wrap(LATIN_RUN, text, SOURCE_LANGUAGE)
    if language != SOURCE_LANGUAGE and source_name and source_name != text and source_name in text:
        before, after = text.split(source_name, 1)
        return format_html(
            '{}<span lang="{}">{}</span>{}',
            mark_languages(before, language),
            SOURCE_LANGUAGE,
            source_name,
            mark_languages(after, language),
        )
    return _wrap(ARMENIAN_RUN, text, "hy")
