"""The Dask engine: the same per-article function mapped over partitions of input files.

``ingest(paths, engine, scheduler=None, workers=2)`` splits the input files into
partitions; each partition goes to a ``dask.distributed`` worker, which reads its files,
skips the articles already in the KB unchanged, and analyses the rest
(``kb.ingest.analyse_rows``: the NER model is loaded once per worker process and kept;
the MinHash, the stems for search and the record's JSON are made there too).  The rows
stream back as partitions finish, and the one writer — this process — stores them in
transactional batches (``kb.ingest.store``) with the guarantees of
the local engine: the same content under another source counted as a duplicate, a
changed article replacing its old version, a batch written whole or not at all, and at
the end the derived tables brought up to date (``kb.incremental.refresh``).

With no ``scheduler`` address a ``LocalCluster`` of ``workers`` processes is started (and
stopped at the end); with one, the workers of that cluster are used — they must see the
input files at the same paths (a shared file system) and have warta installed.
"""

from __future__ import annotations

import dataclasses
import sys
import threading
from collections.abc import Callable, Iterator

from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session

from .errors import InputError, UsageError
from .kb import incremental, parallel
from .kb.ingest import (BATCH, IngestReport, analyse_rows, canonical_source, content_hash, is_fresh, look_up,
                        store)
from .kb.schema import ArticleRow
from .kb.store import fts_available
from .sources import expand, read

PARTITION = 8     # input files per task
IN_FLIGHT = 3     # tasks queued per worker: enough to keep it busy, few enough to bound memory


def analyse_partition(paths: list[str], known: dict[str, str], fields: dict[str, str] | None,
                      fts: bool = True) -> list[tuple]:
    """On a worker: read ``paths``, skip what ``known`` holds unchanged, analyse the rest
    into their rows (``fts``: with the stems for search).  Returns ``("doc", Prepared,
    hash)``, ``("skipped", source)`` or ``("failed", source, reason)`` per article."""
    out: list[tuple] = []
    for item in read(paths, fields=fields):
        if isinstance(item, InputError):
            out.append(("failed", item.source, item.reason))
            continue
        item = dataclasses.replace(item, source=canonical_source(item.source))
        digest = content_hash(item)
        if known.get(item.source) == digest:
            out.append(("skipped", item.source))
            continue
        rows = analyse_rows((item, digest), fts)
        out.append(("failed", rows.source, rows.reason) if isinstance(rows, InputError) else ("doc", rows, digest))
    return out


def _known_for(paths: list[str], engine: Engine) -> dict[str, str]:
    """The stored sources of ``paths`` and their content hashes: each file's, and its
    records' (``file:LINE``, ``file#N``) — index ranges of ``articles.source``, whatever the
    size of the KB."""
    conditions = []
    for p in paths:
        c = canonical_source(p)
        conditions += [ArticleRow.source == c,
                       (ArticleRow.source >= c + ":") & (ArticleRow.source < c + ";"),
                       (ArticleRow.source >= c + "#") & (ArticleRow.source < c + "$")]
    if not conditions:
        return {}
    with Session(engine) as s:
        return dict(s.execute(select(ArticleRow.source, ArticleRow.content_hash).where(or_(*conditions))).all())


def _partitions(paths: list[str], size: int) -> Iterator[list[str]]:
    for i in range(0, len(paths), size):
        yield paths[i:i + size]


def _client(scheduler: str | None, workers: int):
    """A client on ``scheduler``, or on a new LocalCluster of ``workers`` processes."""
    import dask
    from dask.distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="20s"), None
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"--scheduler {scheduler}: no Dask scheduler answers ({exc})") from None
    with dask.config.set({"distributed.nanny.pre-spawn-environ": _worker_environ(),
                          "distributed.worker.multiprocessing-method": _start_method()}):
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
    return Client(cluster), cluster


def _start_method() -> str:
    """How the LocalCluster starts its worker processes: forked from this one on Linux,
    which holds the imported analysis and KB code already (a worker started afresh
    imports Python, Dask and warta again: a one-article ingest with 2 workers took 11.7 s
    spawned, 7.0-7.9 s forked, same sitting); elsewhere Dask's own setting (spawn)."""
    import dask

    return "fork" if sys.platform.startswith("linux") else dask.config.get("distributed.worker.multiprocessing-method")


def _worker_environ() -> dict:
    """Dask's environment for a new worker process without its ``MALLOC_TRIM_THRESHOLD_``:
    returning every freed 64 KiB to the system made the analysis of an article 12 % slower
    (34 -> 38 ms of CPU on one core, measured in turn on the real corpus), since the NLP
    stage allocates and frees much; the model stays in memory anyway."""
    import dask

    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    return environ


def _results(client, parts: Iterator[list[str]], engine: Engine, fields, slots: int,
             fts: bool) -> Iterator[list[tuple]]:
    """Partition results as they finish, with at most ``slots`` partitions queued."""
    from dask.distributed import as_completed

    queue = as_completed()
    for part in parts:
        queue.add(client.submit(analyse_partition, part, _known_for(part, engine), fields, fts,
                                 pure=False))
        if queue.count() >= slots:
            yield next(queue).result()
    for future in queue:
        yield future.result()


def ingest(paths: list[str], engine: Engine, *, scheduler: str | None = None, workers: int = 2,
           fields: dict[str, str] | None = None, batch: int = BATCH, partition: int = PARTITION,
           progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """``kb.ingest.ingest`` on a Dask cluster: analysis on the workers, writing here."""
    files = list(expand(paths))
    if "-" in files:
        raise UsageError("-: standard input cannot be read by Dask workers; give files (or use --engine local)")
    report = IngestReport()
    known: dict[str, str] = {}  # what this ingest has stored or found stored (looked up, never read whole)
    contents: set[str] = set()
    client, cluster = _client(scheduler, workers)
    slots = IN_FLIGHT * max(len(client.scheduler_info().get("workers", {})), 1)
    pending: list[tuple] = []
    replaced: set[str] = set()
    try:
        for result in _results(client, _partitions(files, partition), engine, fields, slots,
                               fts_available(engine)):
            look_up(engine, [(r[1].source, r[2]) for r in result if r[0] == "doc"], known, contents)
            for r in result:
                _take(r, known, contents, report, pending, replaced)
                if len(pending) >= batch:
                    _flush(engine, pending, replaced, report, progress)
        _flush(engine, pending, replaced, report, progress)
    except BaseException:
        _close(client, cluster)
        raise
    # a LocalCluster takes seconds to stop (its worker processes exit): meanwhile, the update
    closing = threading.Thread(target=_close, args=(client, cluster), name="warta-dask-close")
    closing.start()
    try:
        with parallel.processes(workers if cluster is not None else 1):  # a LocalCluster's cores, now free
            incremental.refresh(engine)
    finally:
        closing.join()
    return report


def _close(client, cluster) -> None:
    client.close()
    if cluster is not None:
        cluster.close()


def _take(r: tuple, known: dict, contents: set, report: IngestReport, pending: list, replaced: set) -> None:
    """One worker result into the report or the next batch (duplicates as the local engine)."""
    if r[0] == "failed":
        report.failed.append((r[1], r[2]))
        return
    if r[0] == "skipped":
        report.skipped += 1
        return
    rows, digest = r[1], r[2]
    if is_fresh(rows.source, digest, known, contents, report, replaced):
        pending.append(rows)


def _flush(engine: Engine, pending: list, replaced: set, report: IngestReport, progress) -> None:
    if not pending:
        return
    store(engine, pending, replaced, report)
    replaced.difference_update(r.source for r in pending)
    pending.clear()
    if progress:
        progress(report)
