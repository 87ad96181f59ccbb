"""Facts: figures keyed by what they measure, corroborated or in conflict across outlets.

Every money amount, percentage and quantity of an article (and a bare number right after
an index word: "ke level 6.158") becomes a *statement* (:func:`statements_of`):

* ``measure`` from the vocabulary of ``lang/id/measures.yaml``: the nearest measure word
  before the figure in its sentence, a word right after it ("4 orang tewas"), or its unit;
  a change ("tumbuh", "turun") takes its basis from the words after it ("secara tahunan":
  ``growth_yoy``; "dibandingkan triwulan sebelumnya": ``growth_pop``), a plan word before
  the measure word makes it ``<measure>_target``, and a figure after "naik dari" / "turun
  menjadi" is a level of the measure before, not a change ("naik dari 9,6%");
* ``subject``: the entity the clause is about (the nearest organisation, place or product
  before the figure in its clause, not one introduced as a source nor a speaker), the
  company taken up again as "perseroan"/"perusahaan", else — a *weak* subject — the
  nearest entity before it in the sentence or the one before;
* ``period``: the date expression nearest the figure in its sentence (a date after
  "dibandingkan" is a change's basis, not its period), else the last period the article
  named; a day only for daily values (an index level);
* ``unit`` as written ("GWh per tahun", "tenaga kerja", "IDR"), and how precisely the
  figure is written (the value of its last digit).

:func:`facts` groups them: within a story told by several articles, statements of one
measure and comparable unit are one fact when their subjects and periods are compatible
(see :func:`_slots`); outside shared stories, one subject, measure, unit and period make
a fact.  Values are grouped by :func:`compare`; two groups stated by different articles
that share no other value of the fact are a *conflict*, each value with its ``reason``.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from .. import lang

ABOUT_TOLERANCE = 0.10     # "sekitar Rp1,5 triliun" agrees with "Rp1,48 triliun"
ROUNDING_MAX = 0.025       # rounding to the precision written moves a value this much at most:
# "325 poin" = "325,03 poin", "5%" = "5,02%", "1,2 miliar" = "1,22 miliar"; "4%" != "4,2%"
CURRENCY_TOLERANCE = 0.05  # two currencies, converted at each article's date
MAX_RATIO = 4.0            # values further apart are different figures (a phase, a total)…
SLIP_TOLERANCE = 0.005     # …unless one is the other times 10^n: a likely slip
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+|\n+")
_PUNCT_BREAK = re.compile(r"[,;:](?!\d)")
_DIGIT = re.compile(r"\d")
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
_DIGITS = re.compile(r"\d[\d.]*(?:,\d+)?")
SUBJECT_TYPES = ("ORG", "LOC", "PRODUCT")
PERIODS = ("year", "half", "quarter", "month", "span")


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
        if _spec(self.measure).get("plain") or self.kind == "number":
            return "number"  # an index level in points, rupiah or bare: one scale
        if self.kind == "money":
            return "money"
        return _unit_key(self.measure, self.unit)


@dataclass
class Fact:
    key: tuple
    measure: str
    unit: str
    period: str | None
    subject: int | None
    subject_name: str | None
    story: int | None
    statements: list[Statement] = field(default_factory=list)
    groups: list[list[Statement]] = field(default_factory=list)
    reasons: list[dict | None] = field(default_factory=list)  # per group: why it conflicts
    flagged: bool = False  # a conflict within one statement (a weekday that is not its date's)

    @property
    def status(self) -> str:
        if len(self.groups) > 1 or self.flagged:
            return "conflict"
        return "corroborated" if len({s.article for s in self.statements}) > 1 else "single"

    @property
    def value(self) -> float:
        """The value of the largest group (the first when tied)."""
        top = max(self.groups, key=lambda g: len({s.article for s in g}))
        return top[0].value


# ------------------------------------------------------------------ vocabulary

@functools.cache
def _vocab() -> dict:
    return lang.load("measures")


def _spec(measure: str) -> dict:
    return _vocab()["measures"].get(base_measure(measure), {})


@functools.cache
def base_measure(measure: str) -> str:
    """The vocabulary entry of a measure key: ``growth_yoy`` -> ``growth``."""
    for name in sorted(_vocab()["measures"], key=len, reverse=True):
        if measure == name or measure.startswith(name + "_"):
            return name
    return measure


def _unit_key(measure: str, unit: str) -> str:
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
    while last is not None and _spec(of[last.group()]).get("adjacent") and low[last.end():].strip():
        last = _last(pattern, low[:last.start()] + " " * (len(low) - last.start()))  # "posisi kedua … Rp27,9 triliun"
    if last is not None:
        name = of[last.group()]
        if _spec(name).get("change"):
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
        if not _spec(of[m.group()]).get("change"):
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
    if not _spec(name).get("plans"):
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


# ------------------------------------------------------------------ precision and agreement

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


def compare(a: Statement, b: Statement) -> dict | None:
    """None when two values of one fact say the same thing, qualifiers and the precision
    written considered; else why they disagree: ``{"why": "differs" | "slip" | "currency" |
    "converted", …}``."""
    if a.scale == "money" and a.unit != b.unit:
        return _currencies(a, b)
    return None if _close(a, b, a.value, b.value) else _why(a.value, b.value)


def agree(a: Statement, b: Statement) -> bool:
    """Whether two values of one fact say the same thing (see :func:`compare`)."""
    return compare(a, b) is None


def _close(a: Statement, b: Statement, x: float, y: float, tolerance: float = 0.0) -> bool:
    lo, hi = sorted((abs(x), abs(y)))
    if hi == 0:
        return True
    gap = (hi - lo) / hi
    quals = {a.qualifier, b.qualifier}
    if gap <= tolerance or ("about" in quals and gap <= ABOUT_TOLERANCE + tolerance):
        return True
    if hi - lo <= max(a.step, b.step) * (1 + 1e-9) and gap <= ROUNDING_MAX:
        return True
    for s, t, sv, tv in ((a, b, x, y), (b, a, y, x)):  # "lebih dari 2.000" = 2.300; "hingga 5.000" = 4.000
        if s.qualifier == "more_than" and tv >= sv:
            return True
        if s.qualifier in ("up_to", "less_than") and tv <= sv:
            return True
    return False


def _why(x: float, y: float) -> dict:
    lo, hi = sorted((abs(x), abs(y)))
    if lo > 0 and hi / lo >= 9 and _digits(lo) >= 2:  # "2,9" against "29", not "1" against "10"
        n = round(math.log10(hi / lo))
        if n >= 1 and abs(hi / lo / 10 ** n - 1) <= SLIP_TOLERANCE:
            return {"why": "slip", "factor": 10 ** n}
    return {"why": "differs", "gap": round((hi - lo) / hi, 4) if hi else 0.0}


def _digits(value: float) -> int:
    """Significant digits of a value: 2.9e12 -> 2, 1e12 -> 1."""
    return len(f"{value:.6g}".split("e")[0].replace(".", "").strip("0"))


def _currencies(a: Statement, b: Statement) -> dict | None:
    if _close(a, b, a.value, b.value):  # "Rp400 miliar" against "US$400 miliar"
        return {"why": "currency", "units": sorted((a.unit, b.unit))}
    if a.idr is None or b.idr is None:
        return {"why": "differs", "gap": None}
    if _close(a, b, a.idr, b.idr, CURRENCY_TOLERANCE):
        return None
    out = _why(a.idr, b.idr)
    return {"why": "converted", "gap": out.get("gap"), "factor": out.get("factor")}


def _comparable(a: Statement, b: Statement) -> float:
    """The value of ``b`` in ``a``'s terms (rupiah when the currencies differ)."""
    if a.scale == "money" and a.unit != b.unit and a.idr and b.idr:
        return b.idr / a.idr * a.value
    return b.value


def _far(a: Statement, b: Statement) -> bool:
    """Too far apart to be one figure, unless one is the other times 10^n (a slip)."""
    reason = compare(a, b)
    if reason and reason.get("why") in ("slip", "currency") or reason and reason.get("factor"):
        return False
    lo, hi = sorted((abs(a.value), abs(_comparable(a, b))))
    return hi > MAX_RATIO * max(lo, 1e-9)


# ------------------------------------------------------------------ grouping

def facts(statements: list[Statement]) -> list[Fact]:
    """Statements grouped into facts, each with its value groups (see module docstring)."""
    keyed: dict[tuple, list[Statement]] = {}
    days = [s for s in statements if s.kind == "date"]
    statements = [s for s in statements if s.kind != "date"]
    for s in statements:
        if s.shared_story:
            key = ("story", s.story, s.measure, s.scale)
        elif s.subject is not None and s.period:
            key = ("subject", s.subject, s.measure, s.scale, s.period)
        else:
            key = ("article", s.article, s.measure, s.scale, s.subject, s.period)
        keyed.setdefault(key, []).append(s)
    out = []
    for key, group in keyed.items():
        slots = _slots(group) if key[0] == "story" else [group]
        for slot in slots:
            out.extend(_split(key, slot))
    return out + date_conflicts(days)


# ------------------------------------------------------------------ dates

def date_conflicts(days: list[Statement]) -> list[Fact]:
    """Dates that disagree: a weekday that is not its date's ("Senin (27/4/2021)", a
    Tuesday), and two articles of one story whose news days differ by one to three days
    when neither names the other's day (the evening of one day and the small hours of the
    next are one night)."""
    out = []
    for s in days:
        if s.measure == "weekday":
            out.append(Fact(("weekday", s.article, s.item), "date", "day", s.period, None, None, s.story,
                            [s], [[s]], [{"why": "weekday", "weekday": s.unit}], flagged=True))
    news = [s for s in days if s.measure == "date" and s.shared_story]
    named = {(s.article, s.value) for s in days}
    for i, a in enumerate(news):
        for b in news[i + 1:]:
            gap = abs(a.value - b.value)
            if a.story != b.story or a.article == b.article or not 1 <= gap <= 3:
                continue
            if (a.article, b.value) in named or (b.article, a.value) in named or _one_night(a, b):
                continue
            first, second = sorted((a, b), key=lambda s: s.value)
            out.append(Fact(("day", a.story, first.article, second.article), "date", "day", None, None, None,
                            a.story, [first, second], [[first], [second]], [None, {"why": "day", "days": int(gap)}]))
    return out


def _one_night(a: Statement, b: Statement) -> bool:
    """"Rabu malam" and "Kamis dini hari" one day later: the same night."""
    first, second = sorted((a, b), key=lambda s: s.value)
    return second.value - first.value == 1 and first.qualifier == "night" and second.qualifier == "small_hours"


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


def _slots(statements: list[Statement]) -> list[list[Statement]]:
    """Statements of one story and measure, parted by subject and period: a named subject
    meets only the same subject; an inferred (weak) one meets other inferred ones or its
    own; periods meet when equal, unknown, or one inside the other."""
    slots: list[dict] = []
    for s in sorted(statements, key=lambda s: (s.weak, s.period is None, s.article, s.item)):
        fits = [sl for sl in slots if _fits(s, sl)]
        home = next((sl for sl in fits if any(agree(s, t) for t in sl["members"])), None)
        keyed = [sl for sl in fits if s.subject_keys & sl["keys"]]
        if home is None and (len(fits) == 1 or len(keyed) == 1):
            home = fits[0] if len(fits) == 1 else keyed[0]
        if home is None:
            home = {"members": [], "keys": s.subject_keys, "weak": s.weak, "period": s.period}
            slots.append(home)
        home["members"].append(s)
        if s.period and (home["period"] is None or period_inside(s.period, home["period"])):
            home["period"] = s.period
    return [sl["members"] for sl in slots]


def _fits(s: Statement, slot: dict) -> bool:
    if not _periods_meet(s.period, slot["period"]):
        return False
    if s.weak and slot["weak"]:
        return True
    return bool(s.subject_keys & slot["keys"])


def _periods_meet(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b or period_inside(a, b) or period_inside(b, a)


def period_inside(inner: str, outer: str) -> bool:
    """Whether period ``inner`` lies within ``outer`` ("2021-Q1" in "2021", a day in its month)."""
    a, b = _range(inner), _range(outer)
    return inner != outer and a is not None and b is not None and b[0] <= a[0] and a[1] <= b[1]


def _range(period: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of an ISO period: "2025", "2025-H1", "2025-Q3", "2025-10",
    "2025-10-14", "2025-01/2025-09"."""
    if "/" in period:
        lo, hi = (_range(p) for p in period.split("/", 1))
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


def _split(key: tuple, statements: list[Statement]) -> list[Fact]:
    """Group the values; groups too far apart to be one figure become facts of their own."""
    groups: list[list[Statement]] = []
    for s in sorted(statements, key=lambda s: (-abs(s.value), s.article, s.item)):
        home = next((g for g in groups if any(agree(s, t) for t in g)), None)
        if home is None:
            groups.append([s])
        else:
            home.append(s)
    parts: list[list[list[Statement]]] = []
    for g in groups:
        home = next((p for p in parts if not _far(p[0][0], g[0])), None)
        if home is None:
            parts.append([g])
        else:
            home.append(g)
    out = []
    for p in parts:
        out.extend(_conflict_or_not(key, p))
    return out


def _conflict_or_not(key: tuple, groups: list[list[Statement]]) -> list[Fact]:
    """One fact when its groups clash: two groups from different articles that share no
    other value of the fact (articles that agree on one value and differ on another list
    several figures, not one told two ways); otherwise each group is a fact of its own."""
    arts = [frozenset(s.article for s in g) for g in groups]
    together = {(a, b) for x in arts for a in x for b in x}
    clash = [i for i, x in enumerate(arts)
             if any(not (x & y) and any((a, b) not in together for a in x for b in y)
                    for j, y in enumerate(arts) if j != i)]
    if len(groups) > 1 and len(clash) < 2:
        return [_make(key, [g]) for g in groups]
    keep = [groups[i] for i in clash] + [g for i, g in enumerate(groups) if i not in clash]
    keep.sort(key=lambda g: (-len({s.article for s in g}), -abs(g[0].value)))
    fact = _make(key, keep)
    top = keep[0][0]
    fact.reasons = [None] + [compare(top, g[0]) for g in keep[1:]]
    return [fact]


def _make(key: tuple, groups: list[list[Statement]]) -> Fact:
    every = [s for g in groups for s in g]
    named = Counter((s.subject, s.subject_name) for s in every if s.subject and not s.weak)
    subjects = named or Counter((s.subject, s.subject_name) for s in every if s.subject)
    subject, name = subjects.most_common(1)[0][0] if subjects else (None, None)
    periods = [s.period for s in every if s.period]
    period = max(periods, key=len) if periods else None
    units = Counter(s.unit for s in every)
    return Fact(key, every[0].measure, units.most_common(1)[0][0], period, subject, name,
                every[0].story, every, groups, [None] * len(groups))


# ------------------------------------------------------------------ statements of an article

def sentence_at(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence holding ``[start, end)``."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end)
    return left, (m.start() if m else len(text))


def statements_of(article: dict, figures: list[dict], entities: list[dict], dates: list[dict],
                  story: int | None, shared_story: bool = False) -> list[Statement]:
    """The statements of one article.  ``figures``: item dicts with ``id, kind, value, unit,
    qualifier, text, start, end`` (and ``idr`` for money); ``entities``: ``kb_id, name,
    type, spans``; ``dates``: ``value, precision, start, end``."""
    text = article["text"]
    figures = [f for f in figures if f.get("value") is not None and f.get("start") is not None
               and f.get("range") is None]  # "Rp3 juta hingga Rp4 juta": bounds, not a figure
    figures = figures + _bare_numbers(text, figures)
    out = day_statements(article, dates, story, shared_story)
    entities = _with_unmarked(text, entities)
    bases: dict[int, str] = {}  # sentence start -> the basis of its last change figure
    for f in sorted(figures, key=lambda f: f["start"]):
        s0, s1 = sentence_at(text, f["start"], f["end"])
        p0 = _previous(text, s0)
        measure = measure_of(f["kind"], f["unit"], text[s0:f["start"]], text[f["end"]:s1],
                             text[p0:s0] if p0 >= 0 else "")
        if measure is None:
            continue
        period = _period(text, dates, f, s0, s1, measure)
        if _spec(measure).get("change"):
            if measure == base_measure(measure):  # no basis written beside it
                context = period or _period(text, dates, f, s0, s1, measure, reach="article")
                measure += _date_basis(text, dates, s0, s1, context) or bases.get(_previous(text, s0), "")
            bases[s0] = measure[len(base_measure(measure)):]
        subject, weak = _subject(text, entities, s0, f["start"], measure)
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


def _previous(text: str, s0: int) -> int:
    """The start of the sentence before the one starting at ``s0``."""
    return sentence_at(text, max(s0 - 2, 0), max(s0 - 2, 0))[0] if s0 else -1


def _date_basis(text: str, dates: list[dict], s0: int, s1: int, period: str | None) -> str:
    """A change's basis from the date it is compared with ("dibandingkan periode
    Januari-Maret 2020" for a figure of 2021-Q1: y/y)."""
    own = _range(period) if period else None
    if own is None:
        return ""
    for d in dates:
        if d.get("start") is None or not (s0 <= d["start"] < s1) or not _basis_date(text, s0, d):
            continue
        other = _range(d["value"]) if d.get("value") else None
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
    for e in entities:
        spans = set(tuple(x) for x in e["spans"])
        forms = {text[a:b] for a, b in spans} | {e["name"]}
        forms = {f for f in forms if len(f) >= 6 and " " in f}
        for form in forms:
            for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text, flags=re.IGNORECASE):
                if not any(a < m.end() and m.start() < b for a, b in spans):
                    spans.add((m.start(), m.end()))
        out.append({**e, "spans": sorted(spans)})
    return out


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


def _subject(text: str, entities: list[dict], s0: int, at: int, measure: str):
    """``((kb_id, name, surface), weak)``: the entity the figure's clause is about, else an
    inferred one (weak), else ``(None, True)``."""
    every = sorted(((a, b, e) for e in entities for a, b in e["spans"]
                    if e["type"] in SUBJECT_TYPES or e["type"] == "PER"), key=lambda m: m[0])
    sources = _introduced_mentions(text, every)
    clause_start = at - len(_clause_tail(text[s0:at]))
    # in its clause: a named organisation or product first, else a "person" who is not the
    # speaker (the NER calls many a company a person: "Nippon Shokubai siap berinvestasi"),
    # else a place
    in_clause = [m for m in every if clause_start <= m[0] and m[1] <= at and m[0] not in sources
                 and not (m[2]["type"] == "PER" and _speaker(text, m[1], at))]
    for rank in (("ORG", "PRODUCT", "PER"), ("LOC",)):
        ranked = [m for m in in_clause if m[2]["type"] in rank]
        if ranked:
            return _named(text, ranked[-1]), False
    people = _spec(measure).get("people")
    mentions = [m for m in every if m[2]["type"] != "PER" or people or _ACRONYM.fullmatch(text[m[0]:m[1]])]
    before = [m for m in mentions if s0 <= m[0] and m[1] <= at and m[0] not in sources]  # an all-capitals
    # "person" ("IHSG") is a body or an index
    acronyms = _acronyms(text, clause_start, at, mentions)
    if acronyms:  # a name the NER did not tag ("IHSG amblas 325 poin")
        return (None, acronyms[-1].group(), acronyms[-1].group()), False
    anaphor = _pattern(tuple(w.casefold() for w in _words("company_anaphors")))
    if anaphor is not None and anaphor.search(text[s0:at].casefold()):
        company = [m for m in mentions if m[1] <= at and m[2]["type"] == "ORG" and not _public(m[2]["name"])]
        if company:
            return _named(text, company[-1]), False
    if before:
        return _named(text, before[-1]), True
    if _spec(measure).get("company"):
        counts = Counter(m[2]["kb_id"] for m in mentions if m[2]["type"] == "ORG" and not _public(m[2]["name"]))
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


def _acronyms(text: str, lo: int, hi: int, mentions: list) -> list[re.Match]:
    """All-capital names between ``lo`` and ``hi`` that no entity covers, not a currency
    code nor a time zone after a time ("11.18 WIB")."""
    return [m for m in _ACRONYM.finditer(text, lo, hi)
            if not re.search(r"\d\s*$", text[max(0, m.start() - 3):m.start()])
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


def _period(text: str, dates: list[dict], f: dict, s0: int, s1: int, measure: str,
            reach: str = "previous") -> str | None:
    """The date expression governing the figure: the nearest in its sentence (not a
    change's basis), else, for a change, the period of the sentence before ("Angka tersebut
    tumbuh 3%"; with ``reach="article"`` the last the article named, to read a basis from),
    for a daily value the last day the article named."""
    spec = _spec(measure)
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
