"""Facts: figures keyed by what they measure, corroborated or in conflict across outlets.

Every money amount, percentage and quantity of an article becomes a *statement*: a value
with what it measures — ``measure`` from the nearest measure word before it in its
sentence, or from its unit (``lang/id/kb.yaml``) —, its ``subject`` (the nearest
organisation, person or place named before it in the sentence, else the article's most
named organisation), its unit (currency or unit word) and its ``period`` (a date in the
same sentence).  A figure whose measure cannot be told is not a fact.

Statements with the same key — the story (for articles of one story) or the subject (across
the KB), the measure, the unit and the period — are one fact.  Their values are grouped by
:func:`agree`; one group stated by several articles is *corroborated*; two groups from
different articles are a *conflict*, unless the values are more than ``MAX_RATIO`` apart
(then they measure different things: a phase against a total, say).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .. import lang

EXACT_TOLERANCE = 0.005   # "Rp1,44 triliun" and "Rp1,443 triliun" are the same figure
ABOUT_TOLERANCE = 0.10    # "sekitar Rp1,5 triliun" agrees with "Rp1,48 triliun"
MAX_RATIO = 4.0
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+|\n+")


@dataclass(frozen=True)
class Statement:
    item: int            # item row id
    article: int
    kind: str            # money | percent | quantity
    value: float
    unit: str
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

    @property
    def status(self) -> str:
        if len(self.groups) > 1:
            return "conflict"
        return "corroborated" if len({s.article for s in self.statements}) > 1 else "single"

    @property
    def value(self) -> float:
        """The value of the largest group (the first when tied)."""
        top = max(self.groups, key=lambda g: len({s.article for s in g}))
        return top[0].value


def sentence_at(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence holding ``[start, end)``."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end)
    return left, (m.start() if m else len(text))


@functools.cache
def _measure_words(kind: str) -> tuple[re.Pattern | None, dict[str, str]]:
    """One pattern of every measure word for figures of ``kind`` (longest first, so that
    "realisasi investasi" is found whole), and each word's measure (the first listed)."""
    of: dict[str, str] = {}
    for name, spec in lang.load("kb")["measures"].items():
        if kind in spec.get("kinds", ()):
            for word in spec.get("words", ()):
                of.setdefault(word.casefold(), name)
    if not of:
        return None, of
    words = sorted(of, key=lambda w: (-len(w), w))
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b"), of


def measure_of(kind: str, unit: str | None, before: str) -> str | None:
    """What a figure measures, from the words before it (the last one, the longest of two
    ending at the same place), else its unit."""
    pattern, of = _measure_words(kind)
    last = None
    if pattern is not None:
        for last in pattern.finditer(before.casefold()):
            pass
    if last is not None:
        return of[last.group()]
    unit = (unit or "").casefold()
    for name, spec in lang.load("kb")["measures"].items():
        if kind in spec.get("kinds", ()) and unit in spec.get("units", ()):
            return name
    return None


def agree(a: Statement, b: Statement) -> bool:
    """Whether two values of one fact say the same thing, qualifiers considered."""
    lo, hi = sorted((a.value, b.value))
    if hi == 0:
        return lo == 0
    quals = {a.qualifier, b.qualifier}
    if "about" in quals and (hi - lo) / hi <= ABOUT_TOLERANCE:
        return True
    if (hi - lo) / hi <= EXACT_TOLERANCE:
        return True
    for x, y in ((a, b), (b, a)):  # "lebih dari 2.000" agrees with 2.300; "hingga 5.000" with 4.000
        if x.qualifier == "more_than" and y.value >= x.value:
            return True
        if x.qualifier in ("up_to", "less_than") and y.value <= x.value:
            return True
    return False


def facts(statements: list[Statement]) -> list[Fact]:
    """Statements grouped into facts, each with its value groups (see module docstring)."""
    keyed: dict[tuple, Fact] = {}
    for s in statements:
        if s.shared_story:
            key = ("story", s.story, s.measure, s.unit)  # one event: its period is shared
        elif s.subject is not None and s.period:
            key = ("subject", s.subject, s.measure, s.unit, s.period)
        else:
            key = ("article", s.article, s.measure, s.unit, s.subject, s.period)
        fact = keyed.setdefault(key, Fact(key, s.measure, s.unit, s.period, s.subject,
                                          s.subject_name, s.story))
        fact.statements.append(s)
    out = []
    for fact in keyed.values():
        out.extend(_split(fact))
    return out


@dataclass
class _Group:
    """Statements of one value group, with one statement per distinct value and
    qualifier (all that :func:`agree` looks at)."""

    statements: list[Statement]
    index: int = 0  # order of creation
    kinds: dict[tuple[float, str], Statement] = field(default_factory=dict)
    low: float = float("inf")
    ceiling: bool = False  # holds an "up to" / "less than" value: any smaller value may agree

    def add(self, s: Statement) -> None:
        self.statements.append(s)
        self.kinds.setdefault((s.value, s.qualifier), s)
        self.low = min(self.low, s.value)
        self.ceiling = self.ceiling or s.qualifier in ("up_to", "less_than")


def _split(fact: Fact) -> list[Fact]:
    """Group the values; groups too far apart to be one figure become facts of their own."""
    every: list[_Group] = []
    live: list[_Group] = []  # in order of creation: the groups later values may still join
    for s in sorted(fact.statements, key=lambda s: (-s.value, s.article)):
        # values come largest first: a group whose smallest value is beyond the widest
        # tolerance above this one, with no "up to" value, cannot agree with it nor with
        # any later value — unless that is a "more than" value (it agrees with every
        # larger one), so those look at every group
        live = [g for g in live if g.ceiling or g.low * (1 - ABOUT_TOLERANCE) * (1 - 1e-9) <= s.value]
        home = next((g for g in (every if s.qualifier == "more_than" else live)
                     if any(agree(s, t) for t in g.kinds.values())), None)
        if home is None:
            home = _Group([], index=len(every))
            every.append(home)
        if home not in live:
            bisect.insort(live, home, key=lambda g: g.index)
        home.add(s)
    groups = [g.statements for g in every]
    parts: list[list[list[Statement]]] = []
    for g in groups:  # groups within MAX_RATIO of each other can conflict
        for p in parts:
            if max(p[0][0].value, g[0].value) <= MAX_RATIO * max(min(p[0][0].value, g[0].value), 1e-9):
                p.append(g)
                break
        else:
            parts.append([g])
    out = []
    for p in parts:
        out.extend(_conflict_or_not(fact, p))
    return out


def _conflict_or_not(fact: Fact, groups: list[list[Statement]]) -> list[Fact]:
    """One fact when its groups come from different articles (a conflict, or one group);
    groups from the same article only are different figures of that article."""
    articles = [{s.article for s in g} for g in groups]
    clash = [g for g, arts in zip(groups, articles)
             if any(not (arts & other) for other in articles if other is not arts)]
    if len(groups) > 1 and len(clash) < 2:
        return [_make(fact, [g]) for g in groups]
    return [_make(fact, groups)]


def _make(fact: Fact, groups: list[list[Statement]]) -> Fact:
    subjects = Counter((s.subject, s.subject_name) for g in groups for s in g if s.subject)
    subject, name = subjects.most_common(1)[0][0] if subjects else (fact.subject, fact.subject_name)
    return Fact(fact.key, fact.measure, fact.unit, fact.period, subject, name, fact.story,
                [s for g in groups for s in g], groups)


def statements_of(article: dict, figures: list[dict], entities: list[dict], dates: list[dict],
                  story: int | None, shared_story: bool = False) -> list[Statement]:
    """The statements of one article.  ``figures``: item dicts with ``id, kind, value, unit,
    qualifier, text, start, end``; ``entities``: ``kb_id, name, type, spans``; ``dates``:
    ``value, precision, start, end``."""
    text = article["text"]
    main_org = _main(entities, "ORG")
    out = []
    for f in figures:
        if f["value"] is None or f["start"] is None:
            continue
        s0, s1 = sentence_at(text, f["start"], f["end"])
        measure = measure_of(f["kind"], f["unit"], text[s0:f["start"]])
        if measure is None:
            continue
        unit = (f["unit"] or "").casefold()
        if unit in lang.load("kb")["measures"][measure].get("units", ()):
            unit = measure  # "3.000 pekerja" and "3.000 tenaga kerja" count the same thing
        subject = _nearest(entities, s0, f["start"]) or main_org
        period = _period(dates, s0, s1)
        out.append(Statement(
            item=f["id"], article=article["id"], kind=f["kind"], value=float(f["value"]),
            unit=unit, qualifier=f.get("qualifier") or "exact",
            text=f["text"] or "", sentence=text[s0:s1].strip(), measure=measure,
            subject=subject[0] if subject else None, subject_name=subject[1] if subject else None,
            period=period, story=story, outlet=article.get("outlet"), shared_story=shared_story))
    return out


def _nearest(entities: list[dict], lo: int, hi: int) -> tuple[int, str] | None:
    best = None
    for e in entities:
        if e["type"] not in ("ORG", "PER", "LOC", "PRODUCT"):
            continue
        for a, b in e["spans"]:
            if lo <= a and b <= hi and (best is None or a > best[0]):
                rank = a + (1 if e["type"] == "ORG" else 0)
                best = (rank, (e["kb_id"], e["name"]))
    return best[1] if best else None


def _main(entities: list[dict], type_: str) -> tuple[int, str] | None:
    ranked = sorted((e for e in entities if e["type"] == type_), key=lambda e: -len(e["spans"]))
    return (ranked[0]["kb_id"], ranked[0]["name"]) if ranked else None


def _period(dates: list[dict], lo: int, hi: int) -> str | None:
    inside = [d for d in dates if d["start"] is not None and lo <= d["start"] < hi and d["value"]
              and d.get("precision") in ("year", "half", "quarter", "month", "span")]
    return inside[0]["value"] if inside else None
