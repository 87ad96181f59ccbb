"""warta's NLP layer: the spaCy pipeline (NER model + rules + sentence splitter) and the
records it yields.  The spaCy ``Doc`` never leaves this package: callers get
:class:`~warta.model.Entity` records and character spans.

>>> from warta import nlp
>>> [(e.name, e.type) for e in nlp.entities("Menteri Perindustrian Agus Gumiwang "
...     "Kartasasmita bertemu Xiaomi di Shanghai.")]                  # doctest: +SKIP
[('Agus Gumiwang Kartasasmita', 'PER'), ('Xiaomi', 'ORG'), ('Shanghai', 'LOC')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..model import Entity
from . import harvest
from .pipeline import MODEL_DIR, build, load

__all__ = ["MODEL_DIR", "analyze", "analyze_many", "build", "entities", "load"]


def _result(doc) -> dict[str, Any]:
    return {"entities": harvest.entities(doc), "sentences": harvest.sentences(doc)}


def entities(text: str) -> list[Entity]:
    """The consolidated entities of ``text``."""
    return harvest.entities(load()(text))


def analyze(text: str) -> dict[str, Any]:
    """``{"entities": [Entity…], "sentences": [(start, end)…]}`` for ``text``."""
    return _result(load()(text))


def analyze_many(texts: Iterable[str], batch_size: int = 32) -> Iterator[dict[str, Any]]:
    """:func:`analyze` over many texts, batched through ``nlp.pipe`` for throughput."""
    for doc in load().pipe(texts, batch_size=batch_size):
        yield _result(doc)
