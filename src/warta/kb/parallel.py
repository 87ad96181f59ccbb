"""The update's per-article work spread over the ingest's cores.

After the last batch, ``warta ingest --workers N`` brings the KB up to date
(``incremental.refresh``) in the one ingest process while its N analysing processes have
stopped: on a day's batch of a few thousand articles that update was a fifth of the
command, on one core.  Finding each article's fact statements (``facts.statements_of``,
a fifth of the update of 2,854 real articles) is a pure function of rows already read,
so within ``processes(N)`` it runs in N processes forked for the loop: forked, they hold
the loop's data without its being sent; the results come back in order, so the KB is the
one a single process makes.  (Judging the candidate pairs was tried too and left out:
its results, a link for most pairs, cost more to send back than the judging saved —
143,102 pairs 8.1 s in one process, 11.0 s in two, on a loaded machine.)

    with parallel.processes(2):
        incremental.refresh(engine)

Anywhere else (the default), or where ``fork`` is not available, or for a loop of fewer
than ``least`` items, ``map`` is the plain loop.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

_processes = 1
_job: tuple[Callable, Sequence] | None = None  # the loop a forked process runs a part of


@contextlib.contextmanager
def processes(n: int) -> Iterator[None]:
    """Within the block, ``map`` runs its loop in ``n`` forked processes."""
    global _processes
    before, _processes = _processes, max(1, n)
    try:
        yield
    finally:
        _processes = before


def _forkable() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _part(span: tuple[int, int]) -> list:
    fn, items = _job
    return [fn(x) for x in items[span[0]:span[1]]]


def map(fn: Callable[[Any], Any], items: Sequence, least: int = 1000) -> list:
    """``[fn(x) for x in items]``; within ``processes(n)``, n > 1, and with at least
    ``least`` items, computed by n forked processes (``fn`` and ``items`` are inherited, not
    pickled: a closure will do; the results must pickle)."""
    n = _processes
    if n < 2 or len(items) < least or not _forkable():
        return [fn(x) for x in items]
    global _job
    step = -(-len(items) // (4 * n))  # four parts a process: one slow part does not hold the rest
    spans = [(i, min(i + step, len(items))) for i in range(0, len(items), step)]
    _job = (fn, items)
    try:
        with ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("fork")) as pool:
            out: list = []
            for part in pool.map(_part, spans):
                out += part
            return out
    finally:
        _job = None
