"""Titles in an article's tokens: the helpers the roles, quotes and the entity fixes share.

The vocabulary is ``lang/id/titles.yaml`` (:func:`warta.lang.titles`); this module finds
it in a :class:`~warta.extract._facts.View`'s tokens ("Menteri Perindustrian" opening at
a token, a head ending at one), writes abbreviated titles out ("Menperin" → "Menteri
Perindustrian") and finds the person a title names among the article's roles.  It imports
no other linker: roles, quotes, events and the entity fixes import it.
"""

from __future__ import annotations

import re

from .. import lang
from ..model import Role
from ..words import fold
from ._facts import View


def head_at(v: View, i: int, stop: int | None = None) -> int:
    """Length in tokens of the longest title head starting at token ``i`` (0: none)."""
    stop = len(v.tokens) if stop is None else stop
    if i >= stop:
        return 0
    folded = v.folded
    for head in lang.titles().head_first.get(folded[i], ()):
        n = len(head)
        if i + n <= stop and all(folded[i + j] == head[j] for j in range(1, n)):
            return n
    return 0


def head_ending_at(v: View, k: int) -> int:
    """Start token of the longest head that ends at token ``k`` (-1: none)."""
    for n in range(lang.titles().head_len, 0, -1):
        if k - n + 1 >= 0 and head_at(v, k - n + 1, k + 1) == n:
            return k - n + 1
    return -1


def word(v: View, k: int) -> str:
    """Token ``k`` folded for matching (case and surrounding punctuation off)."""
    return v.folded[k]


def open_paren(v: View, k: int) -> int:
    """The token of the "(" that the ")" at token ``k`` closes, within ten tokens (-1: none)."""
    for j in range(k - 1, max(-1, k - 10), -1):
        if v.tokens[j][2] == "(":
            return j
        if v.tokens[j][2] == ")":
            return -1
    return -1


def expand(title: str) -> tuple[str, str | None]:
    """A title with a leading abbreviation written out, and the org the table gives.

    >>> expand("Menperin")
    ('Menteri Perindustrian', 'Kementerian Perindustrian')
    """
    t = lang.titles()
    words = title.split()
    hit, rest = None, ""
    for n in (2, 1) if len(words) > 1 else (1,):  # "Menko Perekonomian"; glued too ("Menko Polhukam")
        head = words[:n]
        hit = t.abbreviations.get(" ".join(head).casefold()) or t.abbreviations.get("".join(head).casefold())
        if hit:
            rest = " ".join(words[n:])
            break
    full = f"{hit[0]} {rest}".strip() if hit else title
    org = hit[1] if hit and not rest else None
    return full, org or t.orgs.get(fold(full)) or office(full)


def office(title: str) -> str | None:
    """The office a post names by its field (``titles.yaml``'s ``offices``).

    >>> office("Menteri Koperasi"), office("Wakil Menteri BUMN II"), office("Menteri")
    ('Kementerian Koperasi', 'Kementerian BUMN', None)
    """
    words = title.split()
    if len(words) > 2 and re.fullmatch(r"[IVX]+", words[-1]):
        words = words[:-1]  # "Wakil Menteri Keuangan II": the second deputy of one ministry
    folded = [w.casefold() for w in words]
    for head, name in lang.titles().offices:
        n = len(head.split())
        if folded[:n] == head.split() and len(words) > n and words[n][:1].isupper():
            return " ".join([name, *words[n:]])
    return None


def person_by_title(phrase: str, roles: list[Role]) -> str | None:
    """The person whose role ``phrase`` names ("Menperin" → the Menteri Perindustrian of
    ``roles``), or None.

    >>> person_by_title("Menperin", [Role("Agus", "Menteri Perindustrian", None, (0, 4))])
    'Agus'
    """
    words = phrase.split()
    if not words:
        return None
    want = fold(expand(" ".join(words[:4]))[0])
    first = fold(expand(words[0])[0])
    for role in roles:
        have = fold(role.title)
        if want in have or (first and first in have and len(first.split()) > 1):
            return role.person
    return None


def is_title_word(w: str) -> bool:
    """Whether ``w`` (folded) may open a speaker's title: a head's word, a prefix
    ("mantan") or an anaphor ("tersebut")."""
    t = lang.titles()
    return w in t.head_words or w in t.prefixes or w in t.anaphors
