"""Merging the events linker's drafts: one event per happening.

Mentions of the same happening merge into the first (its missing arguments filled from the
later ones, lists joined, confidence raised), by each type's ``merge`` in
``lang/id/event_triggers.yaml``: one meeting and one visit per article, one investment per
amount, one market share per company, one statement per speaker, one factory per company
or place, one partnership per set of parties sharing a member.  A draft that points back
("pabrik tersebut") joins the last one of its type.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..words import fold


#: how a type's mentions merge: fields whose values must agree, or a rule by name
Merge = tuple[str, ...] | str | None


@dataclasses.dataclass
class Draft:
    """An event being built: merged with others before it becomes an ``Event``."""

    type: str
    trigger: str
    args: dict[str, Any]
    span: tuple[int, int]
    confidence: float
    anaphoric: bool = False  # names no actor: joins the last draft of its type if any
    weak: bool = False       # names neither who nor where: kept only to add to another


def _key(d: Draft, fields: tuple[str, ...] | None, acts: dict[str, str]) -> tuple:
    """The merge key of ``d``: its type and the values of ``fields`` (None: its span, so
    that it merges with nothing by key)."""
    if fields is None:
        return (d.type, d.span)
    return (d.type, *(_value(d, f, acts) for f in fields))


def _value(d: Draft, field: str, acts: dict[str, str]) -> Any:
    if field == "trigger":
        word = fold(d.trigger)
        return acts.get(word, word)
    value = d.args.get(field)
    if field == "amount":
        return round(value or 0, -3)
    return tuple(sorted(value)) if isinstance(value, list) else value


def merge(drafts: list[Draft], rules: dict[str, Merge], acts: dict[str, str] | None = None) -> list[Draft]:
    """One draft per happening: by each type's merge rule (``rules``: type → fields that
    must agree, or a rule by name of ``MATCHERS``; ``acts``: folded trigger words → the
    word of the act they name).  A draft that names neither who nor where only adds to
    one before it."""
    acts = acts or {}
    out: list[Draft] = []
    index: dict[tuple, Draft] = {}
    for d in drafts:
        rule = rules.get(d.type)
        fields = None if rule is None or isinstance(rule, str) else tuple(rule)
        same = MATCHERS[rule](out, d) if isinstance(rule, str) else index.get(_key(d, fields, acts))
        if d.anaphoric and same is None:
            same = next((o for o in reversed(out) if o.type == d.type), None)
        if same is None and d.weak:
            continue
        if same is None:
            out.append(d)
            index.setdefault(_key(d, fields, acts), d)
            continue
        _absorb(same, d)
    return out


def _same_facility(kept: list[Draft], d: Draft) -> Draft | None:
    for old in kept:
        if old.type != "FACILITY":
            continue
        for field in ("company", "place"):
            a, b = d.args.get(field), old.args.get(field)
            if a and b and (set(fold(a).split()) <= set(fold(b).split()) or set(fold(b).split()) <= set(fold(a).split())):
                return old
    return None


def _same_partnership(kept: list[Draft], d: Draft) -> Draft | None:
    """A partnership sharing its parties with one told of before is that one: two of them,
    or the one party of either ("A bermitra dengan B … kerja sama A"); one shared party
    between two pairs is two partnerships ("X, perusahaan patungan A dan B" and "C
    menandatangani nota kesepahaman dengan X").  Not when each came about through a
    different named event ("melalui Suppliers Summit … dan MIDC …")."""
    parties = set(d.args.get("parties") or [])
    via = d.args.get("via")

    def shares(o: Draft) -> bool:
        theirs = set(o.args.get("parties") or [])
        both = parties & theirs
        return len(both) >= 2 or bool(both) and min(len(parties), len(theirs)) == 1

    return next((o for o in kept if o.type == "PARTNERSHIP" and shares(o)
                 and not (via and o.args.get("via") and via != o.args["via"])), None)


MATCHERS = {"company_or_place": _same_facility, "shared_party": _same_partnership}


def _absorb(into: Draft, other: Draft) -> None:
    """Fill ``into``'s missing arguments from ``other`` (lists are joined)."""
    for k, val in other.args.items():
        have = into.args.get(k)
        if isinstance(have, list) and isinstance(val, list):
            into.args[k] = list(dict.fromkeys(have + val))
        elif have in (None, "", []):
            into.args[k] = val
    into.confidence = min(0.95, into.confidence + 0.05)
