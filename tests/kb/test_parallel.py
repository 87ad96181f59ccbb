"""The update's loops in forked processes (``kb.parallel``) give what one process gives."""

from __future__ import annotations

import os
import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from warta.kb import KnowledgeBase, build, incremental, parallel, synthetic
from warta.kb.ingest import write_batch
from warta.kb.schema import ArticleRow, LinkRow

from test_incremental import snapshot  # tests/kb is on sys.path


def test_map_keeps_the_order_and_runs_in_other_processes_only_when_asked():
    items = list(range(1000))
    here = os.getpid()
    offset = 7  # a closure: inherited by the forked processes, never pickled
    assert parallel.map(lambda x: (x + offset, os.getpid()), items, least=10) == [(x + 7, here) for x in items]
    with parallel.processes(2):
        got = parallel.map(lambda x: (x + offset, os.getpid()), items, least=10)
        assert [x for x, _ in got] == [x + 7 for x in items]
        # other processes, at most the two asked for (the pool starts them as work waits, so
        # on a busy machine one may take every part)
        assert here not in {pid for _, pid in got} and 1 <= len({pid for _, pid in got}) <= 2
        assert set(parallel.map(lambda x: os.getpid(), items[:9], least=10)) == {here}  # too few
    assert {pid for _, pid in parallel.map(lambda x: (x, os.getpid()), items, least=10)} == {here}  # after the block


def _links(engine) -> list[tuple]:
    with Session(engine) as s:
        src = dict(s.execute(select(ArticleRow.id, ArticleRow.source)).all())
        return sorted((src[r.a], src[r.b], r.kind, r.score, repr(sorted(r.reasons.items())))
                      for r in s.scalars(select(LinkRow)))


def test_the_update_in_two_processes_makes_the_kb_one_makes(tmp_path, monkeypatch):
    """A full build and incremental updates in shuffled batches, with the statements found
    in 2 forked processes (every loop, however short): the same entities, stories, facts
    and links as in one process."""
    monkeypatch.setattr(build, "STATED_APART", 1)
    forked = []
    plain_map = parallel.map

    def spy(fn, items, least=1000):
        forked.append(parallel._processes > 1 and len(items) >= least)
        return plain_map(fn, items, least)

    monkeypatch.setattr(parallel, "map", spy)
    docs = [(d, synthetic.digest(d)) for d in synthetic.corpus(300, seed=11)]
    shuffled = docs[:]
    random.Random(2).shuffle(shuffled)
    made = {}
    for n in (1, 2):
        kb = KnowledgeBase(str(tmp_path / f"full{n}.db"))
        write_batch(kb.engine, docs, set())
        with parallel.processes(n):
            build.rebuild(kb.engine)
        inc = KnowledgeBase(str(tmp_path / f"inc{n}.db"))
        for batch in (shuffled[:120], shuffled[120:250], shuffled[250:]):
            write_batch(inc.engine, batch, set())
            with parallel.processes(n):
                incremental.refresh(inc.engine)
        made[n] = [(snapshot(k.engine), _links(k.engine)) for k in (kb, inc)]
    assert made[2] == made[1]
    assert any(forked) and not all(forked)  # the 2-process runs forked, the 1-process runs did not
    assert len(made[1][0][0][1]) < len(docs) // 1.5  # stories of several articles were found
