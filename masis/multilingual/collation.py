"""Alphabetical order in each language of the site, without a collation library.

What Unicode's collation (CLDR) does for French, English and Armenian, at the strength the
site's lists need: case and accents are ignored ("Éducation" sorts with "E", before "Santé"),
a space or punctuation between words sorts before any letter ("Aix-en-Provence" before
"Aixois"), quotes before the first letter are ignored, digits come before letters, and each
language's own script comes first (Armenian names before Latin ones on an Armenian page, after
them elsewhere).

Armenian letters follow the alphabet in Unicode's order (Ա U+0531 … Ֆ U+0556, ա U+0561 … ֆ
U+0586), with one exception that CLDR's Armenian rules correct: the ligature «և» (U+0587, encoded
after «ֆ») is the letter between «ք» and «օ» (``&ք<և`` in CLDR's ``hy`` collation). «ու» sorts
as «ո» followed by «ւ», as in CLDR.
"""

import unicodedata

from django.utils import translation

ARMENIAN_LOWER = range(0x0561, 0x0587)  # ա … ֆ, in alphabetical order
ARMENIAN_EV = "\u0587"  # և
# Each Armenian letter's rank, with room after «ք» for «և».
_ARMENIAN_RANKS = {chr(code): 2 * (code - ARMENIAN_LOWER.start) for code in ARMENIAN_LOWER}
_ARMENIAN_RANKS[ARMENIAN_EV] = _ARMENIAN_RANKS["ք"] + 1

# Latin letters that do not decompose but sort as two: "cœur" with "coeur".
LATIN_LIGATURES = {"œ": "oe", "æ": "ae"}

SEPARATOR, DIGITS, FIRST_SCRIPT, SECOND_SCRIPT, OTHER = range(5)


def _letters(text):
    """``text`` casefolded, without accents; «և» kept whole; each run of spaces and
    punctuation between words as one " " (none before the first letter: quotes are ignored)."""
    started = separated = False
    for char in text:
        parts = (
            char  # casefolding and NFKD would split «և» into «եւ»
            if char == ARMENIAN_EV
            else unicodedata.normalize("NFKD", char.casefold())
        )
        for part in parts:
            if part.isalnum():
                if separated and started:
                    yield " "
                started, separated = True, False
                yield from LATIN_LIGATURES.get(part, part)
            elif not unicodedata.combining(part):
                separated = True


def collation_key(text, language=None):
    """A sort key for ``text`` in the alphabetical order of ``language`` (the active one by
    default); equal keys are ordered by the text itself, so that the order is stable."""
    language = language or translation.get_language()
    armenian_first = language == "hy"
    key = []
    for char in _letters(str(text or "")):
        if char == " ":
            key.append((SEPARATOR, 0))
        elif char in _ARMENIAN_RANKS:
            group = FIRST_SCRIPT if armenian_first else SECOND_SCRIPT
            key.append((group, _ARMENIAN_RANKS[char]))
        elif char.isdigit():
            key.append((DIGITS, unicodedata.digit(char, 0)))
        elif "a" <= char <= "z":
            key.append((SECOND_SCRIPT if armenian_first else FIRST_SCRIPT, ord(char)))
        else:
            key.append((OTHER, ord(char)))
    return (tuple(key), str(text or ""))


def sorted_by_name(items, name=str, language=None):
    """``items`` in the alphabetical order of ``name(item)`` in ``language``."""
    return sorted(items, key=lambda item: collation_key(name(item), language))
