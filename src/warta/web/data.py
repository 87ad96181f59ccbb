"""Queries the web pages need beyond ``kb.queries``: where, in its article, each statement
of a fact was made (the item's span), so a figure can link to its sentence.

One query for all the facts of a page, never one per fact.
"""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from ..kb.schema import FactSourceRow, ItemRow


def statement_spans(engine: Engine, fact_ids: list[int]) -> dict[tuple[int, int, str], tuple[int, int]]:
    """``(fact id, article id, statement text) → (start, end)`` of the item in its article."""
    if not fact_ids:
        return {}
    with Session(engine) as s:
        rows = s.execute(select(FactSourceRow.fact_id, FactSourceRow.article_id, FactSourceRow.text,
                                ItemRow.start, ItemRow.end)
                         .join(ItemRow, ItemRow.id == FactSourceRow.item_id)
                         .where(FactSourceRow.fact_id.in_(fact_ids))).all()
    return {(f, a, t): (lo, hi) for f, a, t, lo, hi in rows if lo is not None and hi is not None}
