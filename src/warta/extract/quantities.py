"""Percentages and quantities: numbers with a percent sign or a unit.

Percents: "21%", "5,75 persen", "naik 3 basis poin" (unit ``basis_point``).  Quantities:
a number followed by a unit of measure or the thing counted — "lebih dari 2000 orang",
"250.000 ton per tahun", "1.690 perusahaan", "dua perusahaan", "14 juta unit", "29 PUJK"
— with the qualifier before it.  Money, percents, dates and years are not quantities, nor
are numbers that belong to a name ("Redmi 4A", "fase 2"), ordinals ("ke-3"), scores
("1-0"), phone numbers and ids.

Units come from ``lang/id/units.yaml``: a number before a listed unit is always a quantity
(even "2000 orang"); a number in digits before another noun is one too ("42 investasi"),
unless the word is listed as ``not_unit``; a number in words needs a listed unit or an
acronym ("tiga PUJK") so that "salah satu" and "enam koneksi" stay prose.

>>> [(q.value, q.unit, q.qualifier) for q in quantities("lebih dari 2000 orang", None)]
[(2000.0, 'orang', 'more_than')]
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from .. import lang
from ..model import Percent, Quantity
from ..words import alternation
from . import money, numbers, time
from ._context import joins_range, qualifier
from ._spans import Taken, lookup

_U = lang.load("units")
_N = lang.load("numbers")
_MEASURE: dict[str, str] = _U["measure"]
_DURATION: dict[str, str] = _U["duration"]
PERCENT_AFTER = re.compile(rf"\s*(?P<u>(?i:{alternation(_U['percent'])}))(?!\w)")
MEASURE_AFTER = re.compile(  # "1 juta (ton)": a unit an editor put in brackets counts too
    rf"\s*(?:(?P<open>[(\[])\s*)?(?P<u>(?i:{alternation(_MEASURE)}))(?![\w-])(?(open)\s*[)\]])")
DURATION_AFTER = re.compile(
    rf"\s*(?P<u>(?i:{alternation(_DURATION)}))(?![\w-])"
    rf"(?P<stop>\s+(?i:{alternation(_U['duration_stop'])})(?!\w))?")
PER_AFTER = re.compile(
    rf"\s*(?P<per>{alternation(_U['per'])})\s*(?P<p>(?i:{alternation(_U['per_period'])}))(?!\w)")
WORD_AFTER = re.compile(r"\s+(?P<w>[a-z][a-z-]*[a-z]|[A-Z]{3,}\b)(?:\s+(?P<w2>[a-z][a-z-]*[a-z]))?")
WORD_BEFORE = re.compile(r"(?P<w>[\w.-]+)\s*$")
_NOT_UNIT = {*_U["not_unit"], *_N["digits"], *_N["scales"], *_N["vague"],
             *lang.load("months"), *lang.load("days")}
_NOT_COUNT_AFTER = set(_U["not_count_after"])
_VERB_PREFIXES = tuple(_U["verb_prefixes"])
_ABSTRACT = _U["abstract"]
_CLOCK_NUMBER = r"(?<![\w.,:])\d{1,2}(?:(?P<sep>[:.])\d\d(?:[:.]\d\d)?)?(?![\w.,:]\d|\d)"
# the number first (a scan for digits), the words around it looked at after a match
CLOCK = re.compile(rf"{_CLOCK_NUMBER}(?:\s*(?P<tz>{alternation(_U['clock_after'])})(?!\w))?")
CLOCK_BEFORE = re.compile(rf"(?<![\w-])(?i:{alternation(_U['clock_before'])})\s+$")
SCORE = re.compile(r"(?<![\w.,:-])(?P<a>\d{1,2})\s*[-–:]\s*(?P<b>\d{1,2})(?![\w.,:]\d|[\d-])")
SCORE_BEFORE = re.compile(rf"(?<![\w-])(?i:{alternation(_U['score_words'])})\s+$")
_LOOK_BACK = 24
_LEVEL = _U["index_level"]
PER_WORD = re.compile(rf"\s*(?:{alternation(_U['per'])})(?!\w)")
_BEFORE = {w.casefold(): unit for unit, ws in _U["before"].items() for w in ws}  # "bermagnitudo" → magnitudo
UNIT_BEFORE = re.compile(rf"(?<!\w)(?i:(?P<w>{alternation(list(_BEFORE))}))\s+$")
LEVEL_BEFORE = re.compile(rf"(?<!\w)(?i:{alternation(_LEVEL['words'])})\s+$")


def percents(text: str, published: dt.date | None) -> list[Percent]:
    """Every percentage in ``text`` ("21%", "5,75 persen", "3 basis poin").

    >>> [(p.value, p.unit) for p in percents("naik 5,75 persen atau 3 basis poin", None)]
    [(5.75, 'percent'), (3.0, 'basis_point')]
    """
    out = []
    for n, unit, end in _percent_numbers(text):
        out.append(Percent(text=text[n.start:end], value=n.value, span=(n.start, end),
                           unit=unit, qualifier=qualifier(text, n.start)))
    return out


def _percent_numbers(text: str) -> list[tuple[numbers.Number, str, int]]:
    """Numbers that are percentages, with their unit and where the sign or word ends;
    the first of a range takes the second's sign ("5-6 persen")."""
    nums = numbers.find(text)
    found: list[tuple[numbers.Number, str, int]] = []
    for i, n in enumerate(nums):
        m = PERCENT_AFTER.match(text, n.end)
        if m and not n.vague:
            unit = str(lookup(_U["percent"], m["u"]))
            if i and (not found or found[-1][0] is not nums[i - 1]) and joins_range(text, nums[i - 1].end, n.start):
                found.append((nums[i - 1], unit, nums[i - 1].end))
            found.append((n, unit, m.end()))
    return sorted(found, key=lambda f: f[0].start)


def quantities(text: str, published: dt.date | None) -> list[Quantity]:
    """Every count or measure with its unit in ``text`` (money, percents, dates excluded).

    >>> [(q.value, q.unit) for q in quantities("250.000 ton per tahun dan 20 staf", None)]
    [(250000.0, 'ton per tahun'), (20.0, 'staf')]
    """
    taken = Taken([*((f.start, f.end) for f, _ in money.find(text)),
                   *((n.start, end) for n, _, end in _percent_numbers(text)),
                   *((f.start, f.end) for f in time.find(text)), *_clocks_and_scores(text)])
    out = []
    nums = numbers.find(text)
    for i, n in enumerate(nums):
        if taken.overlaps((n.start, n.end)):
            continue
        first = _range_start(text, nums, i)
        before = None if first is not None or n.vague else _unit_before(text, n)
        if before:
            out.append(Quantity(text=text[n.start - len(before[1]):n.end], value=n.value, unit=before[0],
                                span=(n.start - len(before[1]), n.end), qualifier=qualifier(text, n.start)))
            continue
        if first is None and _index_level(text, n):
            out.append(Quantity(text=n.text, value=n.value, unit=str(_LEVEL["unit"]), span=(n.start, n.end),
                                qualifier=qualifier(text, n.start)))
            continue
        found = _unit(text, n) if first is None and _counts(text, n) else first
        if found is None:
            continue
        unit, end = found
        value = None if n.vague else n.value
        if end <= n.end and nums[i + 1].scale > 1 and n.scale == 1 and value is not None:
            value *= nums[i + 1].scale     # "36-38 juta unit": the scale is shared
        out.append(Quantity(text=text[n.start:end], value=value, unit=unit, span=(n.start, max(end, n.end)),
                            qualifier=qualifier(text, n.start), vague=n.vague))
    return out


def _clocks_and_scores(text: str) -> list[tuple[int, int]]:
    """Spans of clock times ("pukul 11.30", "11:19:31", "11.50 WIB") and match scores
    ("1-0", "skor 0-3"): their numbers count nothing."""
    spans = []
    for m in CLOCK.finditer(text):
        pre = CLOCK_BEFORE.search(text, max(0, m.start() - _LOOK_BACK), m.start())
        if m["sep"] == ":" or (pre or m["tz"]) and (m["sep"] or m["tz"] or pre):
            spans.append((pre.start() if pre else m.start(), m.end()))
    for m in SCORE.finditer(text):
        word = SCORE_BEFORE.search(text, max(0, m.start() - _LOOK_BACK), m.start())
        if word or int(m["a"]) >= int(m["b"]):
            spans.append((word.start() if word else m.start(), m.end()))
    return spans


def _unit_before(text: str, n: numbers.Number) -> tuple[str, str] | None:
    """The unit a measure word before the number names ("bermagnitudo 5,6" → magnitudo),
    with the words from it to the number; None when there is none."""
    m = UNIT_BEFORE.search(text, max(0, n.start - 30), n.start)
    if m is None:
        return None
    return _BEFORE[m["w"].casefold()], text[m.start():n.start]


def _index_level(text: str, n: numbers.Number) -> bool:
    """Whether the number is a market index's level ("ke level 6.146,91"): after a level
    word, large enough, nothing glued after it."""
    if n.vague or n.value is None or n.value < _LEVEL["least"] or n.words or _yearlike(n):
        return False
    after = text[n.end:n.end + 1]
    if MEASURE_AFTER.match(text, n.end) or DURATION_AFTER.match(text, n.end):
        return False
    return bool(LEVEL_BEFORE.search(text, max(0, n.start - 12), n.start)) and not after.isalnum() \
        and after not in "-/" and not PER_WORD.match(text, n.end)   # "15.500 per dolar AS": a rate


def _range_start(text: str, nums: tuple[numbers.Number, ...], i: int) -> tuple[str, int] | None:
    """For the first number of a range ("36-38 juta unit"): the second's unit, ending at
    the first number (so that its text is its own)."""
    n = nums[i]
    if i + 1 >= len(nums) or not joins_range(text, n.end, nums[i + 1].start) or n.vague:
        return None
    second = nums[i + 1]
    if _unit(text, n) is not None:
        return None
    found = _unit(text, second)
    return (found[0], n.end) if found else None


def _counts(text: str, n: numbers.Number) -> bool:
    """Whether the number could be a count: not glued to letters, not an ordinal or a
    number in a name, not a score or a fraction."""
    before = text[n.start - 1] if n.start else " "
    after = text[n.end] if n.end < len(text) else " "
    if before == "-" and text[n.start - 2: n.start - 1].isdigit():
        before = " "                        # the second number of a range "36-38"
    if before.isalnum() or before in "-/" or after.isalnum() or after in "/":
        return False
    if after == "-" and text[n.end + 1: n.end + 2].isdigit():
        return False
    m = WORD_BEFORE.search(text, max(0, n.start - 20), n.start)
    return not (m and m["w"].lower() in _NOT_COUNT_AFTER)


def _unit(text: str, n: numbers.Number) -> tuple[str, int] | None:
    """``(unit, end)`` of the unit after the number, or None when it counts nothing."""
    m = MEASURE_AFTER.match(text, n.end)
    if m:
        return _per(text, str(lookup(_MEASURE, m["u"])), m.end())
    m = DURATION_AFTER.match(text, n.end)
    if m:
        return None if m["stop"] else (str(lookup(_DURATION, m["u"])), m.end())
    if n.vague or _name_before(text, n):
        return None
    m = WORD_AFTER.match(text, n.end)
    if not m or m["w"].lower() in _NOT_UNIT:
        return None
    acronym = m["w"].isupper()
    if not acronym and (_yearlike(n) or _id_like(n)):
        return None
    if n.words and not acronym and ((n.value or 0) < 1 or _abstract(m["w"].lower())):
        return None               # "separuh pengiriman", "enam koneksi": no count
    if m["w2"] and not acronym and m["w2"] not in _NOT_UNIT and not _verb_like(m["w2"]):
        return _per(text, f"{m['w']} {m['w2']}", m.end("w2"))
    return _per(text, m["w"], m.end("w"))


def _verb_like(word: str) -> bool:
    """Whether a word after a counted noun is a verb that says what befell the count, not a
    second word of its unit ("164 penumpang dinyatakan hilang", "1.200 rumah terendam"): a
    verb prefix of ``units.yaml`` (``verb_prefixes``) on a root of the dictionary."""
    from ..nlp.patterns import stemmer
    return word.startswith(_VERB_PREFIXES) and stemmer().stem(word) != word


def _abstract(word: str) -> bool:
    """Whether a noun is shaped like an abstract one (``units.yaml`` → ``abstract``)."""
    a = _ABSTRACT
    return word.endswith(tuple(a["endings"])) or \
        word.startswith(a["nominal_prefix"]) and word.endswith(a["nominal_suffix"]) and len(word) > 6


def _per(text: str, unit: str, end: int) -> tuple[str, int]:
    m = PER_AFTER.match(text, end)
    return (f"{unit} per {m['p'].lower()}", m.end()) if m else (unit, end)


def _name_before(text: str, n: numbers.Number) -> bool:
    """A capitalised word just before the number makes it part of a name ("Pad 8",
    "Bintang Delapan")."""
    m = WORD_BEFORE.search(text, max(0, n.start - 30), n.start)
    if m and _opens_sentence(text, m.start()) and m["w"].lower() in _common_words():
        return False              # "Sekitar 3.000 personel", "Sebanyak 20 rumah": a sentence's first word
    return bool(m and m["w"][:1].isupper() and (not n.words or n.text[:1].isupper()))


def _opens_sentence(text: str, i: int) -> bool:
    before = text[:i].rstrip(" \t")
    return not before or before[-1] in ".!?\n\"“”"


@functools.cache
def _common_words() -> frozenset[str]:
    """The language's ordinary words (``lang/id/common_words.tsv``)."""
    return frozenset(row[0] for row in lang.load("common_words"))


def _yearlike(n: numbers.Number) -> bool:
    return n.text.isdigit() and len(n.text) == 4 and 1800 <= int(n.text) <= 2100


def _id_like(n: numbers.Number) -> bool:
    """Long unseparated digit strings and ones starting with 0: ids and phone numbers."""
    return n.text.isdigit() and (len(n.text) >= 5 or (len(n.text) > 1 and n.text[0] == "0"))
