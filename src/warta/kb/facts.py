"""Facts: statements keyed by what they measure, corroborated or in conflict across outlets.

:func:`facts` groups the statements of ``kb.statements``: within a story told by several
articles, statements of one measure and comparable unit are one fact when their subjects
and periods are compatible (:func:`_slots`); outside shared stories, one subject, measure,
unit and period make a fact.  Values are grouped by :func:`compare` — qualifiers, the
precision written, currencies converted at each article's date; two groups stated by
different articles that share no other value of the fact are a *conflict*, each value
with its ``reason`` (``differs``, ``slip`` for a factor of 10^n, ``currency``,
``converted``); :func:`date_conflicts` adds the dates that disagree (``weekday``, ``day``).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from .statements import (Statement, base_measure, day_statements, measure_of, period_inside, sentence_at,
                         statements_of, step_of)

__all__ = ["Fact", "Statement", "agree", "base_measure", "compare", "date_conflicts", "day_statements",
           "facts", "measure_of", "period_inside", "sentence_at", "statements_of", "step_of"]

ABOUT_TOLERANCE = 0.10     # "sekitar Rp1,5 triliun" agrees with "Rp1,48 triliun"
ROUNDING_MAX = 0.025       # rounding to the precision written moves a value this much at most:
# "325 poin" = "325,03 poin", "5%" = "5,02%", "1,2 miliar" = "1,22 miliar"; "4%" != "4,2%"
CURRENCY_TOLERANCE = 0.05  # two currencies, converted at each article's date
MAX_RATIO = 4.0            # values further apart are different figures (a phase, a total)…
SLIP_TOLERANCE = 0.005     # …unless one is the other times 10^n: a likely slip


# ------------------------------------------------------------------ the record

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



# ------------------------------------------------------------------ agreement

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
