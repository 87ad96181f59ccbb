"""Numbers written the Indonesian way: find them in text, then read their value.

Digits use "." for thousands and "," for decimals ("1.690", "930,25", "2.500.000"); the
English form is read when it cannot be mistaken ("1,200,000").  Scale words follow the
digits or stick to them ("Rp3 triliun", "Rp500M", "10rb"); numbers may be written as words
("dua belas", "tiga ratus lima puluh", "seribu", "satu setengah").  Vague amounts
("ratusan triliun", "puluhan ribu") are found and marked ``vague`` with no value.

This module registers no field of its own: money, percents, quantities and dates read
the numbers it finds.

>>> [(n.text, n.value) for n in find("Rp1,44 triliun untuk dua belas pabrik")]
[('1,44 triliun', 1440000000000.0), ('dua belas', 12.0)]
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from .. import lang
from ..words import alternation

_DATA = lang.load("numbers")
_DIGITS: dict[str, int] = _DATA["digits"]
_FRACTIONS: dict[str, float] = _DATA["fractions"]
_GROUP: dict[str, object] = _DATA["group"]
_ONE_OF: dict[str, int] = _DATA["one_of"]
_SCALES: dict[str, int] = _DATA["scales"]
_ONE_SCALE: dict[str, int] = _DATA["one_scale"]
_GLUED: dict[str, int] = _DATA["glued"]
_VAGUE: dict[str, int] = _DATA["vague"]
_ORDINALS: dict[str, int] = _DATA["ordinals"]
_ORDINAL_PREFIX: str = _DATA["ordinal_prefix"]

_WORD_VALUES = {**_DIGITS, **_FRACTIONS, **_GROUP, **_ONE_OF, **_SCALES, **_ONE_SCALE, **_VAGUE}
_START_WORDS = alternation([*_DIGITS, *_FRACTIONS, *_ONE_OF, *_ONE_SCALE, *_VAGUE])
_ANY_WORD = alternation(_WORD_VALUES)
_SCALE = alternation(_SCALES)

_DIGITS_RE = (
    r"(?<![\d.,/])(?:\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?"     # English: 1,200,000(.5)
    r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?"                         # Indonesian: 2.500.000,75
    rf"|\d+\.\d{{1,2}}(?=\s*(?i:{_SCALE})\b)"                 # English decimal before a scale
    r"|\d+(?:,\d+)?)(?![.,]?\d)"                             # 930,25 / 2000
)
NUMBER = re.compile(
    # start only where a word starts, or at digits glued to letters ("Rp3T"): fast skipping
    r"(?:(?<!\w)|(?<=[^\W\d_])(?=\d))"
    rf"(?:(?P<d>{_DIGITS_RE})"
    rf"(?:(?P<g>{alternation(_GLUED)})(?![A-Za-z])"
    rf"|\s*(?P<s>(?i:{_SCALE}))(?P<an>(?i:an))?(?:\s+(?P<s2>(?i:{_SCALE}))\b)?\b)?"
    rf"|(?<![\w-])(?P<w>(?i:{_START_WORDS}(?:\s+{_ANY_WORD})*))(?![\w-]))"
)
ORDINAL = re.compile(
    rf"(?<!\w)(?i:{re.escape(_ORDINAL_PREFIX)}-?(?P<d>\d+)|(?P<w>{alternation(_ORDINALS)}))(?!\w)"
)


@dataclass(frozen=True, slots=True)
class Number:
    """A number found in text: its span, value (None when vague) and how it was written."""

    start: int
    end: int
    text: str
    value: float | None
    vague: bool = False
    scale: int = 1            # the scale word's factor (1 when none)
    words: bool = False       # written in words
    approx: bool = False      # "5 jutaan": about five million


def parse_digits(s: str) -> Decimal:
    """The value of a digit string in Indonesian (or unambiguous English) notation.

    >>> parse_digits("2.500.000"), parse_digits("930,25"), parse_digits("1,200,000")
    (Decimal('2500000'), Decimal('930.25'), Decimal('1200000'))
    """
    if s.count(",") >= 2 or ("," in s and "." in s and s.index(",") < s.index(".")):
        return Decimal(s.replace(",", ""))
    if "," not in s and s.count(".") == 1 and len(s.split(".")[1]) != 3:
        return Decimal(s)                   # English decimal "1.5" (only before a scale)
    return Decimal(s.replace(".", "").replace(",", "."))


def parse_words(s: str) -> tuple[float | None, bool]:
    """``(value, vague)`` of a number in words; ``(None, True)`` for "ratusan ribu".

    >>> parse_words("tiga ratus lima puluh"), parse_words("satu setengah juta")
    ((350.0, False), (1500000.0, False))
    """
    total, group, cur = Decimal(0), Decimal(0), Decimal(0)
    for word in s.lower().split():
        if word in _VAGUE:
            return None, True
        if word in _DIGITS:
            cur = cur + _DIGITS[word] if cur % 1 else Decimal(_DIGITS[word])
        elif word in _FRACTIONS:
            cur += Decimal(str(_FRACTIONS[word]))
        elif word in _ONE_OF:
            group += _ONE_OF[word]
        elif word in _GROUP:
            factor = _GROUP[word]
            group += cur + 10 if factor == "teen" else cur * int(factor)
            cur = Decimal(0)
        else:
            scale = _SCALES.get(word) or _ONE_SCALE.get(word)
            amount = group + cur
            if word in _ONE_SCALE:
                amount = amount or 1
            total += (amount or 1) * scale
            group = cur = Decimal(0)
    return float(total + group + cur), False


def _read(m: re.Match) -> Number:
    start, end = m.span()
    if m["w"]:
        value, vague = parse_words(m["w"])
        return Number(start, end, m["w"], value, vague, words=True)
    value = parse_digits(m["d"])
    scale = 1
    if m["g"]:
        scale = _GLUED[m["g"]]
    elif m["s"]:
        scale = _SCALES[m["s"].lower()] * (_SCALES[m["s2"].lower()] if m["s2"] else 1)
    return Number(start, end, m[0], float(value * scale), scale=scale, approx=bool(m["an"]))


@functools.lru_cache(maxsize=64)
def find(text: str) -> tuple[Number, ...]:
    """Every number in ``text``, in order (cached: the extractors share one pass).

    >>> [n.value for n in find("10rb, 2.500.000 dan sejuta")]
    [10000.0, 2500000.0, 1000000.0]
    """
    return tuple(_read(m) for m in NUMBER.finditer(text))


def parse(s: str) -> float | None:
    """The value of one number phrase ("Rp" and the like not included), or None.

    >>> parse("1,44 triliun"), parse("dua belas"), parse("ratusan triliun")
    (1440000000000.0, 12.0, None)
    """
    m = NUMBER.fullmatch(s.strip())
    return _read(m).value if m else None


def ordinal(s: str) -> int | None:
    """The value of an ordinal ("ketiga", "ke-3"), or None.

    >>> ordinal("ketiga"), ordinal("ke-3"), ordinal("tiga")
    (3, 3, None)
    """
    m = ORDINAL.fullmatch(s.strip())
    if not m:
        return None
    return int(m["d"]) if m["d"] else _ORDINALS[" ".join(m["w"].lower().split())]


def format_id(value: float, decimals: int = 0) -> str:
    """``value`` written the Indonesian way ("2.500.000", "930,25"): the inverse of parsing.

    >>> format_id(2500000), format_id(930.25, 2)
    ('2.500.000', '930,25')
    """
    whole, _, frac = f"{value:,.{decimals}f}".partition(".")
    whole = whole.replace(",", ".")
    return f"{whole},{frac}" if frac else whole
