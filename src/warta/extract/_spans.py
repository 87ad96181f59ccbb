"""Small helpers shared by the finders: data look-ups, taken spans (regex alternations are
``warta.words.alternation``)."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable


def lookup(mapping: dict[str, object], found: str) -> object:
    """The value of ``found`` in a data mapping, ignoring case and inner whitespace.

    >>> lookup({"Juta": 6}, "juta"), lookup({"dolar AS": "USD"}, "dolar  AS")
    (6, 'USD')
    """
    key = " ".join(found.split())
    if key in mapping:
        return mapping[key]
    folded = key.casefold()
    return next((v for k, v in mapping.items() if k.casefold() == folded), None)


class Taken:
    """Spans already taken, for asking whether a new one overlaps any of them in
    logarithmic time (spans sorted by start, with the furthest end reached so far).

    >>> taken = Taken([(10, 20), (0, 3)])
    >>> taken.overlaps((3, 10)), taken.overlaps((19, 25)), taken.overlaps((2, 4))
    (False, True, True)
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(itertools.accumulate((e for _, e in ordered), max))

    def overlaps(self, span: tuple[int, int]) -> bool:
        """Whether ``span`` overlaps any taken span."""
        s, e = span
        i = bisect.bisect_left(self._starts, e)  # the spans starting before ``e``
        return i > 0 and self._reach[i - 1] > s
