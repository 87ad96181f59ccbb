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

from typing import Any

from sqlalchemy import Engine

from . import build, queries
from .store import KBError, open_kb

__all__ = ["KBError", "KnowledgeBase", "open_kb"]


class KnowledgeBase:
    """A knowledge base at ``db`` (a SQLite path or a database URL)."""

    def __init__(self, db: str = "warta.db", *, readonly: bool = False) -> None:
        self.db = db
        self.engine: Engine = open_kb(db, readonly=readonly)

    def ingest(self, paths: list[str], **options: Any):
        from .ingest import ingest

        return ingest(paths, self.engine, **options)

    def rebuild(self) -> None:
        build.rebuild(self.engine)

    def __getattr__(self, name: str):
        """Every query of ``kb.queries`` as a method: ``kb.stories()``, ``kb.entity(name)``…"""
        fn = getattr(queries, name, None)
        if fn is None or name.startswith("_") or not callable(fn):
            raise AttributeError(name)
        return lambda *args, **kw: fn(self.engine, *args, **kw)
