"""A password validator for this site: the site's own words do not make a password.

Django's CommonPasswordValidator knows the world's common passwords, not the words anyone
would try first against this site: "jumelage", "masis", "aix", "provence"… nor the pieces of
the user's own e-mail address ("marie.dupont2026" for marie.dupont@…). Letters are compared
without case, accents, digits or punctuation: a password that is nothing but such words, in
any order or number ("Jumelage2026!", "masismasismasis"), is refused.
"""

import re
import unicodedata
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SITE_VOCABULARY = """
    jumelage jumelages jumele twinning twin partenariat partnership cooperation
    masis մասիս aix provence aixenprovence en de la le les du et
    armenie armenia armenian armenien armenienne arménie hayastan հայաստան
    erevan yerevan ararat ayrarat
    ville mairie city town commune community communaute
    france paris marseille bouches rhone
    site web website admin administrateur administrator wagtail
    password motdepasse mot passe secret bienvenue welcome bonjour
""".split()
MINIMUM_PIECE = 3  # shorter pieces of an e-mail address ("a", "jd") say nothing


def letters_only(text):
    """``text`` in lower case, without accents, digits, punctuation or spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(
        character
        for character in decomposed
        if character.isalpha() and not unicodedata.combining(character)
    )


@lru_cache(maxsize=1)
def site_words():
    return frozenset(filter(None, (letters_only(word) for word in SITE_VOCABULARY)))


def personal_words(user):
    words = set()
    for value in (getattr(user, "email", "") or "", getattr(user, "username", "") or ""):
        local_part = value.split("@")[0]
        for piece in re.split(r"[\W_\d]+", local_part):
            piece = letters_only(piece)
            if len(piece) >= MINIMUM_PIECE:
                words.add(piece)
    return words


def split_into(text, words):
    """The words of ``words`` that ``text`` is made of, in order, or None if it is not."""
    lengths = sorted({len(word) for word in words}, reverse=True)
    best = {len(text): []}
    for start in range(len(text) - 1, -1, -1):
        for length in lengths:
            end = start + length
            if end in best and text[start:end] in words:
                best[start] = [text[start:end], *best[end]]
                break
    return best.get(0)


class SiteVocabularyValidator:
    def validate(self, password, user=None):
        letters = letters_only(password)
        if not letters:
            return  # digits and punctuation only: NumericPasswordValidator's concern
        words = site_words() | personal_words(user)
        found = split_into(letters, words)
        if found:
            raise ValidationError(
                _(
                    "This password is made of words of this website or of your e-mail "
                    "address (“%(word)s”): add words of your own."
                ),
                code="password_site_vocabulary",
                params={"word": found[0]},
            )

    def get_help_text(self):
        return _(
            "Your password can’t be made only of this website’s words (twinning, Masis, Aix…) "
            "or of your e-mail address."
        )
