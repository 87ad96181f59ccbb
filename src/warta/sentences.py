"""Where a sentence ends, written once: a stop before a capital or a number, and a line
break; never a stop after an abbreviation of ``lang/id/sentence_breaks.yaml`` ("PT. Maju",
"Co., Ltd. …", "Dr. Ir. …") or after a single letter.  Imports nothing of warta but ``lang``.

Two users: the NLP pipeline's ``warta_paragraphs`` component (spaCy's sentencizer corrected
by :func:`is_abbreviation`, where the abbreviations that close a company name, "Tbk.", may
end a sentence) and the fact linkers' fallback splitter (:func:`split`, :func:`repair` of
the NLP stage's spans), also used to tell whether two places share a sentence
(:func:`crosses`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from . import lang

Span = tuple[int, int]

BREAK = re.compile(r"[.!?…]+[\"”’»)]*(?=\s+[\"“‘«(]?[A-Z0-9])|\n+")


@functools.cache
def _abbreviations(closing: bool) -> frozenset[str]:
    data = lang.load("sentence_breaks")
    words = {w.casefold() for w in data["abbreviations"]}
    return frozenset(words if closing else words - {w.casefold() for w in data["closing"]})


def is_abbreviation(word: str, closing: bool = True) -> bool:
    """Whether a stop after ``word`` closes an abbreviation, not a sentence (with
    ``closing`` False, the abbreviations that end company names may end a sentence).

    >>> is_abbreviation("PT"), is_abbreviation("Tbk"), is_abbreviation("Tbk", closing=False)
    (True, True, False)
    """
    return word.casefold() in _abbreviations(closing)


def _abbreviation_before(text: str, dot: int) -> bool:
    word = re.search(r"(\w+)$", text[max(0, dot - 12):dot])
    return bool(word) and (is_abbreviation(word.group(1)) or len(word.group(1)) == 1)


def _breaks(text: str, start: int = 0) -> Iterable[re.Match]:
    for m in BREAK.finditer(text, start):  # the whole text: a break looks at what follows
        if not (m.group().startswith(".") and _abbreviation_before(text, m.start())):
            yield m


def split(text: str) -> list[Span]:
    """Sentence spans of ``text``, without surrounding white space.

    >>> split("PT. Maju Tbk. tumbuh. Laba naik.\\nBaru")
    [(0, 21), (22, 32), (33, 37)]
    """
    out, start = [], 0
    for m in _breaks(text):
        end = m.end() if not m.group().startswith("\n") else m.start()
        _add(out, text, start, end)
        start = m.end()
    _add(out, text, start, len(text))
    return out


def crosses(text: str, start: int, end: int) -> bool:
    """Whether a sentence ends between ``start`` and ``end``.

    >>> t = "Laba naik pada 12 Mei. Tahun 2025 baik."
    >>> crosses(t, 17, 28), crosses(t, 10, 17)
    (True, False)
    """
    first = next(iter(_breaks(text, start)), None)
    return first is not None and first.start() < end


def repair(text: str, given: Iterable[Span]) -> list[Span]:
    """Sentence spans from elsewhere (the NLP stage), trimmed of white space and joined
    again where one was cut after an abbreviation ("PT. Maju …", "Co., Ltd. …")."""
    out: list[Span] = []
    for s, e in given:
        before = len(out)
        _add(out, text, s, e)
        if len(out) > before and len(out) > 1:
            ps, pe = out[-2]
            if text[pe - 1] == "." and _abbreviation_before(text, pe - 1):
                out[-2:] = [(ps, out[-1][1])]
    return out


def _add(out: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))
