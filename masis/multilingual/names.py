"""Names that mix two languages, marked for screen readers and hyphenation.

The glossary keeps an organisation's own name in Latin script where it has no established
Armenian one: "Médecins du Monde («Աշխարհի բժիշկներ»)", "Montperrin հիվանդանոցային կենտրոն". On an
Armenian page the Latin words are French (lang="fr"); on a French or English page, Armenian words
are marked lang="hy", and a French name kept in an English one lang="fr": the whole French name
quoted ("Médecins du Monde (Doctors of the World)"), or, where asked, the words the English name
keeps from the French one ("Montperrin Hospital" from "Centre hospitalier Montperrin").
"""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from .languages import SOURCE_LANGUAGE

_LATIN = r"A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F"
_ARMENIAN = r"\u0531-\u0556\u0561-\u0587"
_WORD = r"[{0}][{0}'’\-.]*"


def _run(letters):
    word = _WORD.format(letters)
    return re.compile(rf"{word}(?:\s+{word})*")


LATIN_RUN = _run(_LATIN)
ARMENIAN_RUN = _run(_ARMENIAN)
LATIN_WORD = re.compile(_WORD.format(_LATIN))


def _wrap(pattern, text, language):
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(format_html('<span lang="{}">{}</span>', language, match.group()))
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped


# Words of organisations' names that English writes as French does: found in both forms of a
# translated name ("United Nations Development Programme", "Programme des Nations unies pour le
# développement"), they are English words of the English name, not French ones it keeps.
ENGLISH_AS_FRENCH = frozenset(
    {"Action", "Association", "Centre", "Commission", "Culture", "Mission", "Nations", "Programme",
     "Services", "Union"}
)  # fmt: skip


def kept_words(text, source_name, shared_names=()):
    """A pattern for the runs of words of ``text`` also found in ``source_name`` (its French
    form), but for words of ``shared_names`` (names every language writes alike, such as the
    organisation's town) and words English writes as French does (``ENGLISH_AS_FRENCH``); None
    when there are none."""
    source_words = set(LATIN_WORD.findall(source_name)) - ENGLISH_AS_FRENCH
    shared = {word for name in shared_names for word in LATIN_WORD.findall(name or "")}
    words = [w for w in LATIN_WORD.findall(text) if w in source_words and w not in shared]
    if not words:
        return None
    alternatives = "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))
    word = rf"(?<![{_LATIN}])(?:{alternatives})(?![{_LATIN}])"
    return re.compile(rf"{word}(?:\s+{word})*")


def mark_languages(text, language, source_name="", shared_names=None):
    """``text`` (shown on a page in ``language``) as HTML, foreign words in <span lang>.

    ``source_name`` is the French form of the same name: quoted whole inside another language's
    name, it is French. With ``shared_names`` (a list, possibly empty), the words that the name
    keeps from ``source_name`` are French too, but for those of ``shared_names``.
    """
    text = str(text or "")
    if language == "hy":
        return _wrap(LATIN_RUN, text, SOURCE_LANGUAGE)
    if language == SOURCE_LANGUAGE or not source_name or source_name == text:
        return _wrap(ARMENIAN_RUN, text, "hy")
    if source_name in text:
        before, after = text.split(source_name, 1)
        return format_html(
            '{}<span lang="{}">{}</span>{}',
            mark_languages(before, language),
            SOURCE_LANGUAGE,
            source_name,
            mark_languages(after, language),
        )
    kept = kept_words(text, source_name, shared_names) if shared_names is not None else None
    if kept is None:
        return _wrap(ARMENIAN_RUN, text, "hy")
    parts, position = [], 0
    for match in kept.finditer(text):
        parts.append(mark_languages(text[position : match.start()], language))
        parts.append(format_html('<span lang="{}">{}</span>', SOURCE_LANGUAGE, match.group()))
        position = match.end()
    parts.append(mark_languages(text[position:], language))
    return mark_safe("".join(parts))  # noqa: S308 - every part is escaped or built escaped
