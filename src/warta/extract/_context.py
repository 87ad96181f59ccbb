"""Words around a number, read from data: qualifiers ("lebih dari") and range joiners
("hingga", "-").  Shared by money, percents and quantities."""

from __future__ import annotations

import re

from .. import lang
from ..words import alternation
from ._spans import lookup

_Q = lang.load("qualifiers")
QUALIFIERS_BEFORE: dict[str, str] = _Q["before"]
QUALIFIER_BEFORE = re.compile(rf"(?<![\w-])(?P<q>(?i:{alternation(QUALIFIERS_BEFORE)}))\s*$")
RANGE_JOIN = re.compile(rf"\s*(?i:{alternation(_Q['range_join'])})\s*")
RANGE_START = re.compile(rf"(?<!\w)(?i:{alternation(_Q['range_start'])})\s+$")
WINDOW = 28


def qualifier(text: str, start: int) -> str:
    """The qualifier written just before ``start`` ("exact" when none).

    >>> qualifier("investasi lebih dari ", 21), qualifier("investasi ", 10)
    ('more_than', 'exact')
    """
    m = QUALIFIER_BEFORE.search(text, max(0, start - WINDOW), start)
    return str(lookup(QUALIFIERS_BEFORE, m["q"].lower())) if m else "exact"


def joins_range(text: str, end: int, start: int) -> bool:
    """Whether ``text[end:start]`` joins two amounts into a range ("-", "hingga")."""
    return RANGE_JOIN.fullmatch(text, end, start) is not None


def range_opened(text: str, start: int) -> int:
    """Where a range opened by "antara"/"dari" begins before ``start`` (else ``start``)."""
    m = RANGE_START.search(text, max(0, start - WINDOW), start)
    return m.start() if m else start
