"""Small helpers shared by the finders: regex alternations built from data, context looks."""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str], boundary: bool = True) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace.

    >>> alternation(["dolar", "dolar AS"])
    '(?:dolar\\\\s+AS|dolar)'
    """
    parts = sorted(set(words), key=lambda w: (-len(w), w))
    body = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in parts)
    return f"(?:{body})"


def lookup(mapping: dict[str, object], found: str) -> object:
    """The value of ``found`` in a data mapping, ignoring case and inner whitespace."""
    key = " ".join(found.split())
    if key in mapping:
        return mapping[key]
    return _folded(id(mapping), mapping).get(key.casefold())


_FOLDED: dict[int, dict[str, object]] = {}


def _folded(key: int, mapping: dict[str, object]) -> dict[str, object]:
    table = _FOLDED.get(key)
    if table is None:
        table = _FOLDED[key] = {k.casefold(): v for k, v in mapping.items()}
    return table


def overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """Whether ``span`` overlaps any span in ``taken``."""
    s, e = span
    return any(s < te and ts < e for ts, te in taken)
