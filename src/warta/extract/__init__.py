"""Extractors: find spans in the clean text, then interpret them into records.

The pipeline order is written here, once:

* ``EXTRACTORS`` map a field of the contract (``Document``) to a pure function
  ``(text, published) -> list[record]`` that needs nothing but the text: money, percents,
  quantities, dates (:func:`run`).
* then the fact linkers (:func:`link`), given the entities the NLP stage found (and its
  sentences): first the entity fixes (``people.fix``: a person after a title is
  PER), then ``LINKERS`` in order — roles, quotes (they read the roles: "kata Menperin"),
  events (they read both).  Each linker is ``(Facts) -> list[record]``: ``Facts`` is a
  frozen record of the article's one :class:`View` and the records found before it.

Module dependencies point one way: ``_spans``, ``_context``, ``_facts`` → ``numbers`` →
``money``/``time`` → ``quantities``; ``_facts`` → ``titles`` → ``people``, ``roles``,
``quotes`` → ``events``; this module imports them all and nothing imports it back.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from . import events, money, people, quantities, quotes, roles, time
from ._facts import Facts, View

Extractor = Callable[[str, "dt.date | None"], list[Any]]
Linker = Callable[[Facts], list[Any]]

#: field of the Document -> its extractor, in the order they run
EXTRACTORS: dict[str, Extractor] = {
    "money": money.money,
    "percents": quantities.percents,
    "quantities": quantities.quantities,
    "dates": time.dates,
}
#: the fact linkers, in the order they run (each sees the fields of those before it)
LINKERS: tuple[tuple[str, Linker], ...] = (
    ("roles", roles.roles),
    ("quotes", quotes.quotes),
    ("events", events.events),
)

__all__ = ["EXTRACTORS", "Facts", "LINKERS", "View", "link", "run"]


def run(text: str, published: dt.date | None = None) -> dict[str, list[Any]]:
    """Every extractor's records for ``text``, keyed by Document field.

    >>> [m.amount for m in run("Investasi Rp3 triliun.")["money"]]
    [3000000000000.0]
    """
    return {name: fn(text, published) for name, fn in EXTRACTORS.items()}


def link(text: str, published: dt.date | None, found: dict[str, Any]) -> dict[str, list[Any]]:
    """The fixed ``entities`` and every linker's records, from what the NLP stage and the
    extractors ``found`` (``entities``, optionally ``sentences``, the EXTRACTORS fields)."""
    given = View.of(text, found.get("entities") or [], found.get("sentences"))
    entities = people.fix(given)
    view = given.with_entities(entities)
    facts = Facts(view, published, **{f: list(found.get(f) or []) for f in EXTRACTORS})
    out: dict[str, list[Any]] = {"entities": entities}
    for name, linker in LINKERS:
        out[name] = linker(facts)
        facts = dataclasses.replace(facts, **{name: out[name]})
    return out
