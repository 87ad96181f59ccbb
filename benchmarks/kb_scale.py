"""Knowledge-base scale benchmark: adding 100 articles to KBs of growing size, and queries.

The articles are generated (``warta.kb.synthetic``: thousands of distinct people,
companies and places from the DBpedia name lists with a Zipf-like frequency, stories of
1–6 articles by different outlets over five years, money figures that agree or conflict)
and written through the ingest's own writer (``ingest._write_batch``) — the NLP stage is
skipped for them, in the empty and in the large KB alike.

For each size N: a KB of N articles is written and built once (``build.rebuild``); then,
in a fresh process (so its peak memory is that of the ingest alone), the next K articles
of the same generator are written and brought up to date (``incremental.refresh``) —
"add". The same K articles into an empty KB give the baseline. Queries (median of
``--repeat`` warm runs, in-process): the dossier of a frequent and of a rare entity,
search, the largest story, a frequent entity's timeline, conflicts.

    python benchmarks/kb_scale.py --sizes 10000 100000 --add 100 --out benchmarks/results/kb_scale.json
    python benchmarks/kb_scale.py --sizes 10000 --db postgresql+psycopg://…/warta   # one KB per size

Writes a JSON object per size (add seconds, peak RSS of the add, DB size, query ms).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from warta.kb import build, incremental, queries, synthetic
from warta.kb.ingest import _write_batch
from warta.kb.schema import Base, EntityRow, StoryRow
from warta.kb.store import is_sqlite, open_kb

BATCH = 2000


def write(engine, start: int, n: int, seed: int) -> None:
    """Articles ``start`` … ``start + n`` of the generator, written batch by batch."""
    docs = synthetic.corpus(start + n, seed=seed)[start:]
    for i in range(0, len(docs), BATCH):
        _write_batch(engine, [(d, synthetic.digest(d)) for d in docs[i:i + BATCH]], set())


def add(db: str, start: int, n: int, seed: int) -> dict:
    """Write K new articles and bring the KB up to date; time and peak memory."""
    docs = synthetic.corpus(start + n, seed=seed)[start:]
    engine = open_kb(db)
    t0 = time.perf_counter()
    _write_batch(engine, [(d, synthetic.digest(d)) for d in docs], set())
    t1 = time.perf_counter()
    how = incremental.refresh(engine)
    t2 = time.perf_counter()
    return {"write_s": round(t1 - t0, 3), "update_s": round(t2 - t1, 3), "total_s": round(t2 - t0, 3),
            "how": how, "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def _median_ms(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(times), 1)


def query_times(engine, repeat: int) -> dict:
    with Session(engine) as s:
        top = s.scalar(select(EntityRow.id).order_by(EntityRow.articles.desc()).limit(1))
        mid = s.scalar(select(EntityRow.id).where(EntityRow.articles == 3).limit(1)) or top
        story = s.scalar(select(StoryRow.id).order_by(StoryRow.size.desc(), StoryRow.id).limit(1))
        name = s.get(EntityRow, top).name
    word = name.split()[0]
    return {"dossier_frequent_ms": _median_ms(lambda: queries.entity(engine, str(top)), repeat),
            "dossier_rare_ms": _median_ms(lambda: queries.entity(engine, str(mid)), repeat),
            "search_ms": _median_ms(lambda: queries.search(engine, word), repeat),
            "story_ms": _median_ms(lambda: queries.story(engine, story), repeat),
            "timeline_ms": _median_ms(lambda: queries.timeline(engine, str(top)), repeat),
            "conflicts_ms": _median_ms(lambda: queries.conflicts(engine), repeat),
            "frequent_entity_articles": _articles(engine, top)}


def _articles(engine, eid: int) -> int:
    with Session(engine) as s:
        return s.get(EntityRow, eid).articles


def _subprocess_add(db: str, start: int, n: int, seed: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--add-into", db, "--start", str(start), "--add", str(n),
                          "--seed", str(seed)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _size_mb(db: str, engine) -> float:
    if is_sqlite(engine):
        return round(sum(os.path.getsize(db + x) for x in ("", "-wal") if os.path.exists(db + x)) / 2 ** 20, 1)
    with engine.connect() as c:
        return round(c.execute(text("SELECT pg_database_size(current_database())")).scalar() / 2 ** 20, 1)


def _fresh(db: str) -> str:
    if "://" not in db:
        for x in ("", "-wal", "-shm"):
            if os.path.exists(db + x):
                os.remove(db + x)
        return db
    engine = open_kb(db)
    Base.metadata.drop_all(engine)
    engine.dispose()
    return db


def one_size(n: int, k: int, seed: int, repeat: int, db: str) -> dict:
    db = _fresh(db)
    engine = open_kb(db)
    t0 = time.perf_counter()
    write(engine, 0, n, seed)
    t1 = time.perf_counter()
    build.rebuild(engine)
    t2 = time.perf_counter()
    row = {"articles": n, "write_s": round(t1 - t0, 1), "rebuild_s": round(t2 - t1, 1)}
    with Session(engine) as s:
        row["entities"] = s.scalar(select(func.count(EntityRow.id)))
        row["stories_2plus"] = s.scalar(select(func.count(StoryRow.id)).where(StoryRow.size > 1))
    engine.dispose()
    row["add"] = _subprocess_add(db, n, k, seed)
    engine = open_kb(db)
    row["db_mb"] = _size_mb(db, engine)
    row.update(query_times(engine, repeat))
    engine.dispose()
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000])
    ap.add_argument("--add", type=int, default=100)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--db", default=None, help="a database URL (default: SQLite files in a temporary folder)")
    ap.add_argument("--out", default=None)
    ap.add_argument("--add-into", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--start", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.add_into:
        print(json.dumps(add(args.add_into, args.start, args.add, args.seed)))
        return
    tmp = tempfile.mkdtemp(prefix="warta-kb-scale-")
    result = {"date": dt.date.today().isoformat(), "machine": f"{platform.machine()} {os.cpu_count()} cpus",
              "python": platform.python_version(), "store": "postgresql" if args.db else "sqlite",
              "nlp": "skipped (synthetic Documents written through the ingest's writer)",
              "add": args.add, "sizes": []}
    for n in args.sizes:
        empty = _fresh(args.db or os.path.join(tmp, "empty.db"))
        open_kb(empty).dispose()
        baseline = _subprocess_add(empty, n, args.add, args.seed)  # the same articles, into an empty KB
        row = one_size(n, args.add, args.seed, args.repeat, args.db or os.path.join(tmp, f"kb{n}.db"))
        row["empty"] = baseline
        row["add_vs_empty"] = round(row["add"]["total_s"] / baseline["total_s"], 2)
        result["sizes"].append(row)
        print(json.dumps(row), flush=True)
        if args.out:
            with open(args.out, "w", encoding="utf-8") as fh:
                json.dump(result, fh, indent=2)


if __name__ == "__main__":
    main()
