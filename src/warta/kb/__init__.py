"""The knowledge base: articles in, one entity per real thing, stories, facts, conflicts.

>>> kb = KnowledgeBase("warta.db")          # doctest: +SKIP
>>> kb.ingest(["articles/"]).added          # doctest: +SKIP
>>> kb.entity("Kemenperin")["name"]         # doctest: +SKIP
'Kementerian Perindustrian'

Modules: ``schema`` (tables), ``store`` (open, version, upgrade), ``ingest``, ``resolve``
(entities across articles), ``textsim`` + ``stories`` (near-duplicates and stories),
``facts`` (corroboration and conflicts), ``build`` (derived tables), ``queries`` (one data
function per view, shared by the CLI and the web app), ``search`` (FTS5 + stems).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine

from . import build, queries
from .store import KBError, open_kb

__all__ = ["KBError", "KnowledgeBase", "QUERIES", "open_kb"]

#: the functions of :mod:`warta.kb.queries` a :class:`KnowledgeBase` has as methods, on its
#: engine: ``kb.stories()`` is ``queries.stories(kb.engine)``
QUERIES = ("all_entities", "all_stories", "article", "article_heads", "articles", "conflicts",
           "counts", "entities", "entity", "events", "facts", "find_entities", "resolve_one",
           "search", "stories", "story", "timeline")


class KnowledgeBase:
    """A knowledge base at ``db`` (a SQLite path or a database URL); the queries of
    :data:`QUERIES` are its methods."""

    def __init__(self, db: str = "warta.db", *, readonly: bool = False) -> None:
        self.db = db
        self.engine: Engine = open_kb(db, readonly=readonly)

    def ingest(self, paths: list[str], **options: Any):
        """:func:`warta.kb.ingest.ingest` of ``paths`` into this knowledge base."""
        from .ingest import ingest

        return ingest(paths, self.engine, **options)

    def rebuild(self) -> None:
        """Recompute the derived tables (entities, stories, facts)."""
        build.rebuild(self.engine)


def _on_engine(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn(engine, …)`` as a method of :class:`KnowledgeBase` on its engine."""

    @functools.wraps(fn)
    def method(self: KnowledgeBase, *args: Any, **kw: Any) -> Any:
        return fn(self.engine, *args, **kw)

    return method


for _name in QUERIES:
    setattr(KnowledgeBase, _name, _on_engine(getattr(queries, _name)))
del _name
