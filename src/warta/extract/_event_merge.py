"""Merging the events linker's drafts: one event per happening.

Mentions of the same happening merge into the first (its missing arguments filled from the
later ones, lists joined, confidence raised): one meeting and one visit per article, one
investment per amount, one market share per company, one statement per speaker, one
factory per company or place, one partnership per set of parties sharing a member.  A
draft that points back ("pabrik tersebut") joins the last one of its type.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ._facts import norm


@dataclasses.dataclass
class Draft:
    """An event being built: merged with others before it becomes an ``Event``."""

    type: str
    trigger: str
    args: dict[str, Any]
    span: tuple[int, int]
    confidence: float
    anaphoric: bool = False  # names no actor: joins the last draft of its type if any


def _key(d: Draft) -> tuple:
    a = d.args
    if d.type in ("MEETING", "VISIT"):
        return (d.type,)
    if d.type == "INVESTMENT":
        return (d.type, a.get("currency"), round(a.get("amount") or 0, -3))
    if d.type == "MARKET_SHARE":
        return (d.type, a.get("company"))
    if d.type == "WORKFORCE":
        return (d.type, a.get("count"))
    if d.type == "STATEMENT":
        return (d.type, a.get("speaker"))
    if d.type == "PRODUCT_LAUNCH":
        return (d.type, a.get("product"))
    if d.type == "POLICY":
        return (d.type, a.get("issuer"), a.get("target"), a.get("date"), norm(d.trigger))
    if d.type == "PARTNERSHIP":
        return (d.type, tuple(sorted(a.get("parties") or [])))
    if d.type in ("ACQUISITION",):
        return (d.type, a.get("target"))
    return (d.type, d.span)


def merge(drafts: list[Draft]) -> list[Draft]:
    """One draft per happening: same key, or (factories) same company or same place.  A
    draft that names neither who nor where only adds to one before it."""
    out: list[Draft] = []
    index: dict[tuple, Draft] = {}
    for d in drafts:
        same = _same_facility(out, d) if d.type == "FACILITY" else \
            _same_partnership(out, d) if d.type == "PARTNERSHIP" else index.get(_key(d))
        if d.anaphoric and same is None:
            same = next((o for o in reversed(out) if o.type == d.type), None)
        weak = d.args.pop("weak", False)
        if same is None and weak:
            continue
        if same is None:
            out.append(d)
            index.setdefault(_key(d), d)
            continue
        _absorb(same, d)
    return out


def _same_facility(kept: list[Draft], d: Draft) -> Draft | None:
    for old in kept:
        if old.type != "FACILITY":
            continue
        for field in ("company", "place"):
            a, b = d.args.get(field), old.args.get(field)
            if a and b and (set(norm(a).split()) <= set(norm(b).split()) or set(norm(b).split()) <= set(norm(a).split())):
                return old
    return None


def _same_partnership(kept: list[Draft], d: Draft) -> Draft | None:
    """A partnership sharing a party with one told of before is that one, unless each came
    about through a different named event ("melalui Suppliers Summit … dan MIDC …")."""
    parties = set(d.args.get("parties") or [])
    via = d.args.get("via")
    return next((o for o in kept if o.type == "PARTNERSHIP" and parties & set(o.args.get("parties") or [])
                 and not (via and o.args.get("via") and via != o.args["via"])), None)


def _absorb(into: Draft, other: Draft) -> None:
    """Fill ``into``'s missing arguments from ``other`` (lists are joined)."""
    for k, val in other.args.items():
        have = into.args.get(k)
        if isinstance(have, list) and isinstance(val, list):
            into.args[k] = list(dict.fromkeys(have + val))
        elif have in (None, "", []):
            into.args[k] = val
    into.confidence = min(0.95, into.confidence + 0.05)
