"""Statements: each figure of one article with what it measures, its subject, period and unit.

Every money amount, percentage and quantity of an article (and a bare number right after
an index word: "ke level 6.158") becomes a :class:`Statement` (:func:`statements_of`, a
pure function of the article's records):

* ``measure`` from the vocabulary of ``lang/id/measures.yaml``: the nearest measure word
  before the figure in its sentence, a word right after it ("4 orang tewas"), or its unit;
  a change ("tumbuh", "turun") takes its basis from the words after it ("secara tahunan":
  ``growth_yoy``; "dibandingkan triwulan sebelumnya": ``growth_pop``), a plan word before
  the measure word makes it ``<measure>_target``, and a figure after "naik dari" / "turun
  menjadi" is a level of the measure before, not a change ("naik dari 9,6%");
* ``subject``: the entity the clause is about (an organisation or product named before the
  figure in its clause, not one introduced as a source nor a speaker), the company taken
  up again as "perseroan"/"perusahaan", else — a *weak* subject — one inferred from the
  sentence or the one before;
* ``period``: the date expression nearest the figure in its sentence (a date after
  "dibandingkan" is a change's basis, not its period); a day only for daily values;
* ``unit`` as written ("GWh per tahun", "tenaga kerja", "IDR"), and ``step``, the value of
  the last digit written.

An article's days are statements too (:func:`day_statements`): its news day, and a day
whose weekday name is not its date's.  ``kb.facts`` groups the statements into facts.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from .. import lang
from ..words import alternation

__all__ = ["PERIODS", "SUBJECT_TYPES", "Statement", "base_measure", "day_statements", "measure_of",
           "measure_spec", "period_inside", "period_range", "sentence_at", "statements_of", "step_of", "unit_key"]

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+|\n+")
_PUNCT_BREAK = re.compile(r"[,;:](?!\d)")
_DIGIT = re.compile(r"\d")
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
_ROMAN = re.compile(r"[IVXLCDM]+")
_DIGITS = re.compile(r"\d[\d.]*(?:,\d+)?")
SUBJECT_TYPES = ("ORG", "LOC", "PRODUCT")
PERIODS = ("year", "half", "quarter", "month", "span")


# ------------------------------------------------------------------ record

@dataclass(frozen=True)
class Statement:
    item: int            # item row id (a bare number: the item nearest it)
    article: int
    kind: str            # money | percent | quantity | number
    value: float
    unit: str            # as written: a currency code, "percent", "GWh per tahun"
    qualifier: str
    text: str
    sentence: str
    measure: str
    subject: int | None  # KB entity id
    subject_name: str | None
    period: str | None
    story: int | None
    outlet: str | None = None
    shared_story: bool = False  # the story has other articles
    idr: float | None = None    # a money value in rupiah, at the article's date
    step: float = 0.0           # the value of the last digit written ("325,03": 0.01)
    weak: bool = False          # the subject is inferred, not named in the figure's clause
    subject_keys: frozenset = frozenset()  # kb id and names of the subject, for comparing

    @property
    def scale(self) -> str:
        """What values are compared in: money of any currency, else the unit."""
        if measure_spec(self.measure).get("plain") or self.kind == "number":
            return "number"  # an index level in points, rupiah or bare: one scale
        if self.kind == "money":
            return "money"
        return unit_key(self.measure, self.unit)



# ------------------------------------------------------------------ vocabulary

@functools.cache
def _vocab() -> dict:
    return lang.load("measures")


def measure_spec(measure: str) -> dict:
    return _vocab()["measures"].get(base_measure(measure), {})


@functools.cache
def base_measure(measure: str) -> str:
    """The vocabulary entry of a measure key: ``growth_yoy`` -> ``growth``."""
    for name in sorted(_vocab()["measures"], key=len, reverse=True):
        if measure == name or measure.startswith(name + "_"):
            return name
    return measure


def unit_key(measure: str, unit: str) -> str:
    unit = (unit or "").casefold()
    spec = _vocab()["measures"].get(base_measure(measure), {})
    return base_measure(measure) if unit in spec.get("units", ()) else unit


def _words(*path: str) -> list[str]:
    data = _vocab()
    for p in path:
        data = data.get(p, {}) if isinstance(data, dict) else {}
    return data or []


@functools.cache
def _pattern(words: tuple[str, ...], anchor: str = "") -> re.Pattern | None:
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(rf"{anchor}(?<!\w)(?:{alts})(?!\w)")


@functools.cache
def _measure_words(kind: str, where: str = "words") -> tuple[re.Pattern | None, dict[str, str]]:
    """One pattern of every measure word for figures of ``kind`` (longest first), and each
    word's measure (the first listed)."""
    of: dict[str, str] = {}
    for name, spec in _vocab()["measures"].items():
        if kind in spec.get("kinds", ()):
            for word in spec.get(where, ()):
                of.setdefault(word.casefold(), name)
    return _pattern(tuple(of)), of


@dataclass(frozen=True)
class _Hit:
    """A match of a measure word (the interface of ``re.Match`` that is used)."""

    a: int
    b: int
    word: str

    def start(self) -> int:
        return self.a

    def end(self) -> int:
        return self.b

    def group(self) -> str:
        return self.word


def _hits(pattern: re.Pattern | None, text: str) -> list[_Hit]:
    """Every match, overlapping ones too ("di level harga": "di level", "level harga")."""
    if pattern is None:
        return []
    out, i = [], 0
    while True:
        m = pattern.search(text, i)
        if m is None:
            return out
        out.append(_Hit(m.start(), m.end(), m.group()))
        i = m.start() + 1


def _last(pattern: re.Pattern | None, text: str) -> _Hit | None:
    """The match ending last, the longest of those ending at the same place."""
    hits = _hits(pattern, text)
    return max(hits, key=lambda h: (h.b, h.b - h.a)) if hits else None



# ------------------------------------------------------------------ measure

def measure_of(kind: str, unit: str | None, before: str, after: str = "", previous: str = "") -> str | None:
    """What a figure measures, from the words before it (the last one, the longest of two
    ending at the same place), the words right after it, or its unit; a change takes its
    basis from ``after`` (``growth_yoy``), a plan word before the measure word makes it
    ``<measure>_target``; a level after "naik dari" takes the measure before it, in
    ``before`` or the ``previous`` sentence.

    >>> measure_of("percent", None, "Pendapatan perseroan tumbuh ", " secara tahunan.")
    'growth_yoy'
    >>> measure_of("quantity", "GWh", "Pemerintah menargetkan kapasitas produksi ")
    'capacity_target'
    """
    low, after_low = before.casefold(), after.casefold()
    pattern, of = _measure_words(kind)
    last = _last(pattern, low)
    while last is not None and measure_spec(of[last.group()]).get("adjacent") and low[last.end():].strip():
        last = _last(pattern, low[:last.start()] + " " * (len(low) - last.start()))  # "posisi kedua … Rp27,9 triliun"
    if last is not None:
        name = of[last.group()]
        if measure_spec(name).get("change"):
            link = low[last.end():].strip(" ,")
            if link in {w.casefold() for w in _words("level_links")}:  # "naik dari 9,6%"
                return _level_measure(kind, low[:last.start()]) or _level_measure(kind, previous.casefold())
            between = re.split(r"\d[\d.,]*", low[last.end():])[-1]  # after an earlier figure
            return name + _basis(_clause_tail(between) + " " + after_low)
        return name + _planned(name, low[:last.start()])
    pattern, of = _measure_words(kind, "after")
    if pattern is not None:
        m = pattern.match(after_low.lstrip())
        if m:
            return of[m.group()]
    unit = (unit or "").casefold()
    for name, spec in _vocab()["measures"].items():
        if kind in spec.get("kinds", ()) and unit in spec.get("units", ()):
            return name
    return None


def _level_measure(kind: str, before: str) -> str | None:
    """The measure of a level after "naik dari": the non-change measure before it (in its
    sentence, else in the sentence before: "… menguasai 11,8% … Angka itu naik dari 9,6%")."""
    pattern, of = _measure_words(kind)
    for m in reversed(list(pattern.finditer(before)) if pattern else []):
        if not measure_spec(of[m.group()]).get("change"):
            return of[m.group()] + _planned(of[m.group()], before[:m.start()])
    return None


def _basis(after: str) -> str:
    """The basis named between a change word and its figure or after the figure, in its clause."""
    clause = _DIGIT.split(_PUNCT_BREAK.split(after, maxsplit=1)[0], maxsplit=1)[0]  # to the next figure
    breaks = _pattern(tuple(w.casefold() for w in _words("clause_breaks")))
    m = breaks.search(clause) if breaks is not None else None
    clause = clause[:m.start()] if m else clause
    for basis, words in _vocab().get("bases", {}).items():
        pattern = _pattern(tuple(w.casefold() for w in words))
        if pattern is not None and pattern.search(clause):
            return f"_{basis}"
    return ""


def _planned(name: str, before: str) -> str:
    if not measure_spec(name).get("plans"):
        return ""
    clause = _clause_tail(before)
    pattern = _pattern(tuple(w.casefold() for w in _words("planned")))
    return "_target" if pattern is not None and pattern.search(clause) else ""


def _clause_tail(text: str) -> str:
    """The last clause of ``text`` (after its last comma or clause word)."""
    pattern = _pattern(tuple(w.casefold() for w in _words("clause_breaks")))
    cut = 0
    for m in _PUNCT_BREAK.finditer(text):  # not a decimal comma ("23,23")
        cut = m.end()
    if pattern is not None:
        for m in pattern.finditer(text.casefold()):
            cut = max(cut, m.end())
    return text[cut:]


def step_of(text: str, value: float) -> float:
    """The value of the last digit written: "325,03 poin" -> 0.01, "Rp1,44 triliun" -> 1e10,
    "lima persen" -> 1.

    >>> step_of("Rp1,44 triliun", 1.44e12), step_of("6.146,91", 6146.91)
    (10000000000.0, 0.01)
    """
    m = _DIGITS.search(text or "")
    if not m:
        return 1.0 if value >= 1 else 0.0
    digits = m.group().rstrip(".")
    whole, _, decimals = digits.partition(",")
    try:
        written = float(whole.replace(".", "") + ("." + decimals if decimals else ""))
    except ValueError:
        return 0.0
    scale = value / written if written else 1.0
    return 10.0 ** -len(decimals) * scale



# ------------------------------------------------------------------ statements of an article

def sentence_at(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence holding ``[start, end)``: from the end of the last sentence
    break within ``text[:start]`` to the first break at or after ``end``."""
    starts, ends = _breaks(text)
    i = bisect.bisect_left(starts, start)  # the breaks that begin before start: [:i]
    left = ends[i - 1] if i else 0
    if i and left > start:  # a break running past start ends there: scan it as cut
        left = ends[i - 2] if i > 1 else 0
        for m in _SENTENCE_END.finditer(text, starts[i - 1], start):
            left = m.end()
    j = bisect.bisect_left(starts, end)
    if j and ends[j - 1] > end:  # inside a break: where a search from end finds one
        m = _SENTENCE_END.search(text, end)
        return left, (m.start() if m else len(text))
    return left, (starts[j] if j < len(starts) else len(text))


@functools.lru_cache(maxsize=8)
def _breaks(text: str) -> tuple[list[int], list[int]]:
    """The starts and ends of ``text``'s sentence breaks, found once per text (an article's
    figures ask for their sentences one by one; a scan from the start each time cost a
    quarter of ``statements_of``)."""
    found = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(text)]
    return [a for a, _ in found], [b for _, b in found]


def statements_of(article: dict, figures: list[dict], entities: list[dict], dates: list[dict],
                  story: int | None, shared_story: bool = False) -> list[Statement]:
    """The statements of one article.  ``figures``: item dicts with ``id, kind, value, unit,
    qualifier, text, start, end`` (and ``idr`` for money); ``entities``: ``kb_id, name,
    type, spans``; ``dates``: ``value, precision, start, end``."""
    text = article["text"]
    dates = [d for d in dates if d.get("start") is None or d["end"] > d["start"]]  # not the page's date line
    figures = [f for f in figures if f.get("value") is not None and f.get("start") is not None
               and f.get("range") is None]  # "Rp3 juta hingga Rp4 juta": bounds, not a figure
    figures = figures + _bare_numbers(text, figures)
    out = day_statements(article, dates, story, shared_story)
    entities = _with_unmarked(text, entities)
    mentions = _mentions(text, entities)
    bases: dict[int, str] = {}  # sentence start -> the basis of its last change figure
    previous = None
    for f in sorted(figures, key=lambda f: f["start"]):
        restates = _restates(text, previous, f)
        previous = f
        if restates:
            continue  # "500 juta yuan atau setara Rp1,1 triliun": the same figure again
        s0, s1 = sentence_at(text, f["start"], f["end"])
        p0 = _previous(text, s0)
        measure = measure_of(f["kind"], f["unit"], text[s0:f["start"]], text[f["end"]:s1],
                             text[p0:s0] if p0 >= 0 else "")
        if measure is None:
            continue
        period = _period(text, dates, f, s0, s1, measure)
        if measure_spec(measure).get("change"):
            if measure == base_measure(measure):  # no basis written beside it
                context = period or _period(text, dates, f, s0, s1, measure, reach="article")
                measure += _date_basis(text, dates, s0, s1, context) or bases.get(_previous(text, s0), "")
            bases[s0] = measure[len(base_measure(measure)):]
        subject, weak = _subject(text, mentions, s0, f["start"], measure)
        keys = frozenset()
        if subject:
            keys = frozenset({f"id:{subject[0]}", f"name:{subject[1].casefold()}", f"name:{subject[2].casefold()}"}
                             - {"id:None"})
        out.append(Statement(
            item=f.get("id") or 0, article=article["id"], kind=f["kind"], value=float(f["value"]),
            unit=f["unit"] or "", qualifier=f.get("qualifier") or "exact",
            text=f["text"] or "", sentence=text[s0:s1].strip(), measure=measure,
            subject=subject[0] if subject else None, subject_name=subject[1] if subject else None,
            period=period, story=story, outlet=article.get("outlet"),
            shared_story=shared_story, idr=f.get("idr"), step=step_of(f["text"] or "", float(f["value"])),
            weak=weak, subject_keys=keys))
    return out


@functools.cache
def _equivalence() -> re.Pattern:
    words = lang.load("event_triggers").get("equivalence", [])
    return re.compile(rf"\W{{0,3}}(?:{alternation(words)})\s*$", re.I)


def _restates(text: str, before: dict | None, f: dict) -> bool:
    """Whether money figure ``f`` restates the money figure right before it in another
    currency or rounding ("… 500 juta yuan atau setara Rp1,1 triliun", "US$1 miliar atau
    sekitar Rp16 triliun")."""
    if before is None or f["kind"] != "money" or before["kind"] != "money":
        return False
    between = text[before["end"]:f["start"]]
    return len(between) <= 24 and _equivalence().fullmatch(between) is not None


def _previous(text: str, s0: int) -> int:
    """The start of the sentence before the one starting at ``s0``."""
    return sentence_at(text, max(s0 - 2, 0), max(s0 - 2, 0))[0] if s0 else -1


def _date_basis(text: str, dates: list[dict], s0: int, s1: int, period: str | None) -> str:
    """A change's basis from the date it is compared with ("dibandingkan periode
    Januari-Maret 2020" for a figure of 2021-Q1: y/y)."""
    own = period_range(period) if period else None
    if own is None:
        return ""
    for d in dates:
        if d.get("start") is None or not (s0 <= d["start"] < s1) or not _basis_date(text, s0, d):
            continue
        other = period_range(d["value"]) if d.get("value") else None
        if other is None:
            continue
        if (other[0].replace(year=other[0].year + 1), other[1].year + 1) == (own[0], own[1].year) \
                and other[0].month == own[0].month:
            return "_yoy"
        if other[1] + dt.timedelta(days=1) == own[0] and (other[1] - other[0]) == (own[1] - own[0]) or \
                other[1] + dt.timedelta(days=1) == own[0] and abs((other[1] - other[0]).days - (own[1] - own[0]).days) <= 3:
            return "_pop"
    return ""


def _with_unmarked(text: str, entities: list[dict]) -> list[dict]:
    """The entities with the places where their written forms recur unmarked (the NER
    tags "Penanaman Modal Asing" once, the text says "penanaman modal asing" later)."""
    out = []
    folded = _fold(text)
    for e in entities:
        spans = set(tuple(x) for x in e["spans"])
        forms = {text[a:b] for a, b in spans} | {e["name"]}
        for form in (f for f in forms if len(f) >= 5):  # a name of several words in any case;
            flags = re.IGNORECASE if " " in form else 0  # one word ("Kemenperin") as written
            for m0, m1 in _occurrences(form, flags, text, folded):
                if not any(a < m1 and m0 < b for a, b in spans):
                    spans.add((m0, m1))
        out.append({**e, "spans": sorted(spans)})
    return out


# the characters other than an ASCII letter's two cases that Python's re.IGNORECASE matches
# it with (found by trying every code point), written as that letter
_IGNORECASE_EXTRA = str.maketrans({"\u0130": "i", "\u0131": "i", "\u212a": "k", "\u017f": "s"})


def _fold(text: str) -> str:
    """``text`` as a case-blind match of an ASCII form sees it, character for character
    (U+0130 is the one character whose lower case is two)."""
    return text.translate(_IGNORECASE_EXTRA).lower()


def _occurrences(form: str, flags: int, text: str, folded: str) -> Iterator[tuple[int, int]]:
    """The spans of ``re.finditer(rf"(?<!\\w){re.escape(form)}(?!\\w)", text, flags)``,
    found by ``str.find`` (in ``folded`` for a case-blind ASCII form: the same length as
    ``text``, and equal where the regex would match); the regex scans were most of
    :func:`_with_unmarked`."""
    if flags and not form.isascii():
        yield from (m.span() for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text, flags=flags))
        return
    where, wanted = (folded, form.lower()) if flags else (text, form)
    i = where.find(wanted)
    while i >= 0:
        end = i + len(wanted)
        if (i == 0 or not _word(text[i - 1])) and (end == len(text) or not _word(text[end])):
            yield i, end
            i = where.find(wanted, end)
        else:
            i = where.find(wanted, i + 1)


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # re's \w on str


def _bare_numbers(text: str, figures: list[dict]) -> list[dict]:
    """Numbers right after a word of a measure that takes bare numbers ("ke level 6.158")
    that no extractor listed."""
    from ..extract import numbers

    pattern, of = _measure_words("number")
    if pattern is None:
        return []
    taken = [(f["start"], f["end"]) for f in figures]
    out = []
    for m in pattern.finditer(text.casefold()):
        rest = text[m.end():m.end() + 24]
        n = re.match(r"\s+(\d[\d.,]*\d|\d)(?!\s*(?:%|persen))", rest)
        if not n:
            continue
        start = m.end() + n.start(1)
        end = m.end() + n.end(1)
        if any(a < end and start < b for a, b in taken):
            continue
        value = numbers.parse(n.group(1).rstrip(".,"))
        anchor = min(figures, key=lambda f: abs(f["start"] - start), default=None)
        if value is not None and anchor is not None:  # stored with the item nearest it (its sentence)
            out.append({"id": anchor.get("id"), "kind": "number", "value": value, "unit": "", "text": n.group(1),
                        "qualifier": "exact", "start": start, "end": end})
    return out



# ------------------------------------------------------------------ subject

def _mentions(text: str, entities: list[dict]) -> tuple[list[tuple], set[int]]:
    """The article's mentions a figure's subject is chosen from, ``(start, end, entity)``
    in text order, and the starts of those introduced as sources: the same for every
    figure of the article, so made once."""
    every = sorted(((a, b, e) for e in entities for a, b in e["spans"]
                    if e["type"] in SUBJECT_TYPES or e["type"] == "PER"), key=lambda m: m[0])
    return every, _introduced_mentions(text, every)


def _subject(text: str, mentions: tuple[list[tuple], set[int]], s0: int, at: int, measure: str):
    """``((kb_id, name, surface), weak)``: the entity the figure's clause is about, else an
    inferred one (weak), else ``(None, True)``; ``mentions``: :func:`_mentions`."""
    every, sources = mentions
    clause_start = at - len(_clause_tail(text[s0:at]))
    # in its clause: a named organisation or product first, else a "person" who is not the
    # speaker (the NER calls many a company a person: "Nippon Shokubai siap berinvestasi"),
    # else a place
    in_clause = [m for m in every if clause_start <= m[0] and m[1] <= at and m[0] not in sources
                 and not (m[2]["type"] == "PER" and _speaker(text, m[1], at))]
    in_clause = sorted(in_clause + _terms(text, clause_start, at, every), key=lambda m: m[0])
    for rank in (("ORG", "PRODUCT", "PER"), ("LOC",)):
        ranked = [m for m in in_clause if m[2]["type"] in rank]
        if ranked:
            return _named(text, ranked[-1]), False
    people = measure_spec(measure).get("people")
    mentions = [m for m in every if m[2]["type"] != "PER" or people or _ACRONYM.fullmatch(text[m[0]:m[1]])]
    mentions = sorted(mentions + _terms(text, s0, at, every), key=lambda m: m[0])
    before = [m for m in mentions if s0 <= m[0] and m[1] <= at and m[0] not in sources]  # an all-capitals
    # "person" ("IHSG") is a body or an index
    acronyms = _acronyms(text, clause_start, at, mentions)
    if acronyms:  # a name the NER did not tag ("IHSG amblas 325 poin")
        return (None, acronyms[-1].group(), acronyms[-1].group()), False
    anaphor = _pattern(tuple(w.casefold() for w in _words("company_anaphors")))
    if anaphor is not None and anaphor.search(text[s0:at].casefold()):
        company = [m for m in mentions if m[1] <= at and m[2]["type"] == "ORG" and m[2]["kb_id"] is not None
                   and not _public(m[2]["name"])]
        if company:
            return _named(text, company[-1]), False
    if before:
        return _named(text, before[-1]), True
    if measure_spec(measure).get("company"):
        counts = Counter(m[2]["kb_id"] for m in mentions if m[2]["type"] == "ORG" and m[2]["kb_id"] is not None
                         and not _public(m[2]["name"]))
        if counts:
            top = counts.most_common(1)[0][0]
            return _named(text, next(m for m in mentions if m[2]["kb_id"] == top)), True
    p0 = _previous(text, s0)
    earlier = [m for m in mentions if p0 <= m[0] and m[1] <= s0 and m[0] not in sources]
    if earlier:  # the first entity of the sentence before
        return _named(text, earlier[0]), True
    untagged = _acronyms(text, max(p0, 0), s0, mentions)
    if untagged:
        return (None, untagged[0].group(), untagged[0].group()), True
    return None, True


@functools.cache
def _term_pattern() -> tuple[re.Pattern, dict[str, str]]:
    """The everyday terms of ``lang/id/concepts.yaml`` ("PMDN" as written, "penanaman modal
    dalam negeri" in any case), and each written form's folded key → its abbreviation."""
    terms = lang.load("concepts")["acronyms"]
    by_form = {a: a for a in terms} | {long.casefold(): a for a, long in terms.items()}
    longs = list(terms.values())
    alt = f"{alternation(terms)}|(?i:{alternation(longs)})"
    return re.compile(rf"(?<!\w)(?:{alt})(?!\w)"), by_form


def _terms(text: str, lo: int, hi: int, mentions: list) -> list[tuple]:
    """The everyday terms between ``lo`` and ``hi`` ("realisasi investasi PMDN",
    "penanaman modal dalam negeri"), named by their abbreviation, as mentions of what a
    figure is about: no entities (warta.nlp keeps them out), yet the figure's subject when
    the clause names one after any entity."""
    pattern, by_form = _term_pattern()
    return [(m.start(), m.end(), {"type": "ORG", "name": by_form.get(m.group(), by_form.get(m.group().casefold())),
                                  "kb_id": None})
            for m in pattern.finditer(text, lo, hi)
            if not any(a < m.end() and m.start() < b for a, b, _ in mentions)]


def _acronyms(text: str, lo: int, hi: int, mentions: list) -> list[re.Match]:
    """All-capital names between ``lo`` and ``hi`` that no entity covers, not a Roman
    numeral, a currency code nor a time zone after a time ("11.18 WIB")."""
    return [m for m in _ACRONYM.finditer(text, lo, hi)
            if not _ROMAN.fullmatch(m.group())  # "kuartal III"
            and not re.search(r"\d\s*$", text[max(0, m.start() - 3):m.start()])
            and m.group() not in _currency_codes()
            and not any(a < m.end() and m.start() < b for a, b, _ in mentions)]


@functools.cache
def _currency_codes() -> frozenset[str]:
    data = lang.load("currencies")
    return frozenset(data.get("before", {})) | frozenset(data.get("before", {}).values())


def _introduced_mentions(text: str, mentions: list) -> set[int]:
    """Starts of the mentions introduced as sources ("menurut X", "data X (X)")."""
    out: set[int] = set()
    prev: tuple[int, int] | None = None
    for a, b, _ in mentions:
        bracketed = prev is not None and prev[0] in out and text[prev[1]:a].strip() == "("
        if bracketed or _introduced(text, 0, a):
            out.add(a)
        prev = (a, b)
    return out


def _named(text: str, mention) -> tuple[int, str, str]:
    a, b, e = mention
    return e["kb_id"], e["name"], text[a:b]


def _introduced(text: str, s0: int, at: int) -> bool:
    """Whether the entity at ``at`` is introduced as a source ("menurut X", "data X")."""
    pattern = _pattern(tuple(w.casefold() for w in _words("sources")))
    head = text[max(s0, at - 24):at].casefold()
    return pattern is not None and any(m.end() >= len(head) - 1 for m in pattern.finditer(head))


def _speaker(text: str, end: int, at: int) -> bool:
    """Whether the entity ending at ``end`` is followed by a speech verb before the figure."""
    verbs = lang.load("event_triggers").get("statement_verbs", [])  # "mengatakan", not "mengaku siap"
    pattern = _pattern(tuple(v.casefold() for v in verbs))
    return pattern is not None and pattern.search(text[end:at].casefold()) is not None


def _public(name: str) -> bool:
    return any(name.startswith(w) for w in lang.load("event_triggers").get("public_bodies", []))



# ------------------------------------------------------------------ period

def _period(text: str, dates: list[dict], f: dict, s0: int, s1: int, measure: str,
            reach: str = "previous") -> str | None:
    """The date expression governing the figure: the nearest in its sentence (not a
    change's basis), else, for a change, the period of the sentence before ("Angka tersebut
    tumbuh 3%"; with ``reach="article"`` the last the article named, to read a basis from),
    for a daily value the last day the article named."""
    spec = measure_spec(measure)
    kinds = PERIODS + (("day",) if spec.get("daily") else ())
    change = bool(spec.get("change"))
    usable = [d for d in dates if d.get("start") is not None and d.get("value")
              and d.get("precision") in kinds and "X" not in d["value"]]
    inside = [d for d in usable if s0 <= d["start"] < s1 and not (change and _basis_date(text, s0, d))]
    if inside:
        near = min(inside, key=lambda d: (min(abs(d["start"] - f["end"]), abs(f["start"] - d["end"])),
                                          d["start"] > f["start"]))
        return near["value"]
    if not (change or spec.get("daily")) or reach == "sentence":
        return None
    lo = _previous(text, s0) if change and reach == "previous" else 0
    earlier = [d for d in usable if lo <= d["start"] < s0 and not _basis_date(text, 0, d)]
    return earlier[-1]["value"] if earlier else None


def _basis_date(text: str, s0: int, d: dict) -> bool:
    """Whether a date is what something is compared with ("dibandingkan periode X")."""
    pattern = _pattern(tuple(w.casefold() for w in _words("comparison")))
    head = text[max(s0, d["start"] - 30):d["start"]].casefold()
    return pattern is not None and any(m.end() >= len(head) - 12 for m in pattern.finditer(head))


def period_inside(inner: str, outer: str) -> bool:
    """Whether period ``inner`` lies within ``outer`` ("2021-Q1" in "2021", a day in its month)."""
    a, b = period_range(inner), period_range(outer)
    return inner != outer and a is not None and b is not None and b[0] <= a[0] and a[1] <= b[1]


def period_range(period: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of an ISO period: "2025", "2025-H1", "2025-Q3", "2025-10",
    "2025-10-14", "2025-01/2025-09"."""
    if "/" in period:
        lo, hi = (period_range(p) for p in period.split("/", 1))
        return (lo[0], hi[1]) if lo and hi else None
    m = re.fullmatch(r"(\d{4})(?:-(?:(H)([12])|(Q)([1-4])|(\d{2}))(?:-(\d{2}))?)?", period)
    if not m:
        return None
    year = int(m.group(1))
    if m.group(7):
        day = dt.date(year, int(m.group(6)), int(m.group(7)))
        return day, day
    if m.group(2) or m.group(4):
        months = 6 if m.group(2) else 3
        first = (int(m.group(3) or m.group(5)) - 1) * months + 1
        last = first + months - 1
    elif m.group(6):
        first = last = int(m.group(6))
    else:
        first, last = 1, 12
    end = dt.date(year + last // 12, last % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(year, first, 1), end



# ------------------------------------------------------------------ days

def day_statements(article: dict, dates: list[dict], story: int | None, shared_story: bool) -> list[Statement]:
    """An article's days as statements: its news day (the first day in its first sentences)
    and each day-date whose weekday name is not the date's weekday."""
    text = article["text"]
    names = {k.casefold(): v for k, v in lang.load("days").items()}
    word = _pattern(tuple(names))
    out = []
    days = [d for d in dates if d.get("precision") == "day" and d.get("value") and d.get("start") is not None
            and re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["value"])]
    lead_end = _lead_end(text)
    for i, d in enumerate(days):
        day = dt.date.fromisoformat(d["value"])
        near = text[max(0, d["start"] - 12):d["end"]].casefold()
        said = [m.group() for m in word.finditer(near)] if word is not None else []
        tail = text[d["end"]:d["end"] + 16].casefold()
        when = next((k for k in ("night", "small_hours") if any(w in tail for w in _words(k))), "exact")
        common = dict(item=d.get("id") or 0, article=article["id"], kind="date", value=float(day.toordinal()),
                      qualifier=when, text=text[d["start"]:d["end"]], sentence=text[slice(*sentence_at(text, d["start"], d["end"]))].strip(),
                      subject=None, subject_name=None, period=d["value"], story=story,
                      outlet=article.get("outlet"), shared_story=shared_story)
        if said and names[said[-1]] != day.isoweekday():
            out.append(Statement(unit=said[-1], measure="weekday", **common))
        out.append(Statement(unit="day", measure="date" if d["start"] < lead_end and i == 0 else "day", **common))
    return out


def _lead_end(text: str, sentences: int = 3) -> int:
    end = 0
    for _ in range(sentences):
        end = sentence_at(text, end, end)[1] + 1
    return end
