"""Extractors: find spans in the clean text, then interpret them into records.

Two kinds, run in this order by :func:`analyze`:

* ``EXTRACTORS`` map a field of the contract (``Document``) to a pure function
  ``(text, published) -> list[record]`` that needs nothing but the text: money, percents,
  quantities, dates.
* ``LINKERS`` map a field to ``(text, published, found) -> list[record]``, where ``found``
  holds what earlier steps produced: ``entities`` (from ``nlp``), ``sentences`` (a list of
  ``(start, end)`` spans), and every ``EXTRACTORS`` field.  Roles, quotes and events are
  linkers: they tie people, amounts and dates together.  A linker may also return a
  corrected ``entities`` list under that key (a person after a title is PER).

The same functions back the spaCy components in ``nlp/``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

Extractor = Callable[[str, "dt.date | None"], list[Any]]
Linker = Callable[[str, "dt.date | None", dict[str, Any]], list[Any]]

# field of the Document -> extractor; modules register theirs on import (see _register)
EXTRACTORS: dict[str, Extractor] = {}
LINKERS: dict[str, Linker] = {}


def run(text: str, published: dt.date | None = None) -> dict[str, list[Any]]:
    """Every extractor's records for ``text``, keyed by Document field."""
    _register()
    return {name: fn(text, published) for name, fn in EXTRACTORS.items()}


def link(text: str, published: dt.date | None, found: dict[str, Any]) -> dict[str, list[Any]]:
    """Every linker's records, each seeing ``found`` plus what earlier linkers gave."""
    _register()
    found = dict(found)
    out: dict[str, list[Any]] = {}
    for name, fn in LINKERS.items():
        out[name] = found[name] = fn(text, published, found)
    return out


def _register() -> None:
    """Import the extractor modules once, so that they fill the tables above."""
    import importlib
    import pkgutil

    if getattr(_register, "done", False):
        return
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")
    _register.done = True  # type: ignore[attr-defined]
