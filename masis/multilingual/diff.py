"""What changed between two texts, word by word, as HTML (``<del>`` and ``<ins>``)."""

import difflib
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

_WORDS = re.compile(r"\s+|[^\s]+")


def html_diff(old, new):
    """``new`` with the words removed since ``old`` in ``<del>`` and those added in ``<ins>``;
    line breaks kept. Escaped: safe to show in the admin."""
    old_words, new_words = _WORDS.findall(old or ""), _WORDS.findall(new or "")
    parts = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        removed = escape("".join(old_words[old_start:old_end]))
        added = escape("".join(new_words[new_start:new_end]))
        if operation == "equal":
            parts.append(added)
            continue
        if removed.strip():
            parts.append(f"<del>{removed}</del>")
        if added.strip():
            parts.append(f"<ins>{added}</ins>")
        elif added:
            parts.append(added)
    return mark_safe("".join(parts).replace("\n", "<br>"))
