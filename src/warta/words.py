"""Text helpers every stage shares, on plain strings: a regex alternation built from a word
list, case folding, the comparison key of a name.  A leaf: it imports nothing of warta.

>>> alternation(["dolar", "dolar AS"])
'(?:dolar\\\\s+AS|dolar)'
>>> fold("  Menteri   Perindustrian "), name_key("Bapak H. Agus-Gumiwang", drop={"bapak"})
('menteri perindustrian', 'h agus gumiwang')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable

_PUNCT = re.compile(r"[^\w\s]")


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, each escaped; spaces match any run
    of white space."""
    parts = sorted(set(words), key=lambda w: (-len(w), w))
    body = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in parts)
    return f"(?:{body})"


def fold(s: str) -> str:
    """``s`` case-folded, its white space collapsed to single spaces."""
    return " ".join(s.casefold().split())


def name_key(text: str, drop: Collection[str] = ()) -> str:
    """The comparison key of a name: NFKC, case-folded, punctuation to spaces, without the
    words of ``drop`` (honorifics, legal-form words …); "" when nothing is left."""
    words = _PUNCT.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split()
    return " ".join(w for w in words if w not in drop)
