"""Knowledge-base scale benchmark: adding 100 articles to KBs of growing size, and queries.

The articles are generated (``warta.kb.synthetic``: thousands of distinct people,
companies and places from the DBpedia name lists with a Zipf-like frequency, stories of
1–6 articles by different outlets over five years, money figures that agree or conflict)
and written through the ingest's own writer (``ingest.write_batch``) — the NLP stage is
skipped for them, in the empty and in the large KB alike.

For each size N: a KB of N articles is written and built once (``build.rebuild``); then,
in a fresh process (so its peak memory is that of the ingest alone), the next K articles
of the same generator are written and brought up to date (``incremental.refresh``) —
"add". The same K articles into an empty KB give the baseline; ``--runs R`` repeats the
pair R times in one sitting (each add into the large KB takes the generator's next K
articles), the file system synced before each.  Queries (median of ``--repeat`` warm
runs): in-process, and through the JSON API of a running ``warta serve`` (``api``): the
dossier of a frequent and of a rare entity, search, the largest story, a frequent
entity's timeline, conflicts.

    python benchmarks/kb_scale.py --sizes 10000 100000 --add 100 --runs 3 --out benchmarks/results/kb_scale.json
    python benchmarks/kb_scale.py --sizes 100000 --dir /data/kbs   # keep the KBs; reuse one there
    python benchmarks/kb_scale.py --sizes 10000 --db postgresql+psycopg://…/warta --empty-db postgresql+psycopg://…/warta_empty

A large KB is better built as a user's daily ingests build it than by one rebuild (which
holds every mention in memory): ``--grow N`` writes the generator's articles in chunks,
each followed by the incremental update, resumes a KB it left, and keeps copies at the
``--keep`` sizes; then measure one of them with ``--dir`` and ``--pool N``:

    python benchmarks/kb_scale.py --grow 1000000 --chunk 25000 --keep 100000 300000 --db /data/kbs/kb.db
    python benchmarks/kb_scale.py --sizes 300000 --dir /data/kbs --pool 1000000 --runs 3

Before and after a change, interleaved (each add a fresh process), each tree's ``src`` on a
copy of its own grown KB, with the added articles as generated (``spread``: five years),
re-dated to the days after the KB's (``recent``: a daily ingest) or amid them (``past``):

    python benchmarks/kb_scale.py --sizes 300000 --dir /data/kbs --pool 300000 --runs 11 \
        --trees /tmp/before/src /tmp/after/src --tree-kbs /data/kbs/kb300000.db /data/new/kb300000.db --dated recent

Several ways of dating in one sitting (``--dated recent spread``): each run adds its own articles
in each way in turn, on the same copies — or, with ``--sizes`` alone, into the KB itself:

    python benchmarks/kb_scale.py --sizes 1000000 --dir /data/kbs --pool 1000000 --runs 5 --dated recent spread

Writes a JSON object per size (add seconds, peak memory of the add, DB size, query ms).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import glob
import itertools
import json
import os
import pickle
import platform
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session

import warta.extract  # noqa: F401  (imported before any add is timed, as an ingest's analysis has imported it:
# the update's fact statements use the extractors, and since warta loads its modules lazily (dc52a41) their
# import, 0.3-0.6 s, would otherwise be counted in the add, into an empty KB and a large one alike)
from kb import serve_times  # benchmarks/kb.py
from warta.kb import build, incremental, queries, synthetic
from warta.kb.ingest import write_batch
from warta.kb.schema import ArticleRow, Base, EntityRow, StoryRow
from warta.kb.store import is_sqlite, open_kb, url_for

BATCH = 2000


def write(engine, start: int, n: int, seed: int, pool: int | None = None) -> None:
    """Articles ``start`` … ``start + n`` of the generator, written batch by batch."""
    docs = itertools.islice(synthetic.generate(start + n, seed=seed, pool=pool), start, None)
    while batch := list(itertools.islice(docs, BATCH)):
        write_batch(engine, [(d, synthetic.digest(d)) for d in batch], set())


def grow(db: str, n: int, seed: int, chunk: int, keep: list[int]) -> None:
    """The KB of ``n`` articles built as a user's daily ingests would build it: ``chunk``
    articles written, then the incremental update (``incremental.refresh``; the first
    chunk a full build), again and again — memory bounded by the chunk, not by the KB.
    Resumes a KB it left; at each size in ``keep`` a copy of the SQLite file is kept
    (``kb{size}.db`` beside it).  One JSON line per chunk: seconds, rate, memory, load."""
    engine = open_kb(db)
    have = _next(engine)
    docs = itertools.islice(synthetic.generate(n, seed=seed, pool=n), have, None)
    while have < n:
        t0 = time.perf_counter()
        step = min(chunk, n - have, *(k - have for k in keep if k > have))
        part = itertools.islice(docs, step)
        while batch := list(itertools.islice(part, BATCH)):
            write_batch(engine, [(d, synthetic.digest(d)) for d in batch], set())
        t1 = time.perf_counter()
        how = incremental.refresh(engine)
        t2 = time.perf_counter()
        have += step
        print(json.dumps({"articles": have, "write_s": round(t1 - t0, 1), "update_s": round(t2 - t1, 1), "how": how,
                          "rate": round(step / (t2 - t0), 1), "rss_mb": _rss_mb(), "load": round(os.getloadavg()[0], 2),
                          "utc": dt.datetime.now(dt.timezone.utc).strftime("%H:%M:%S")}), flush=True)
        if have in keep and is_sqlite(engine):
            with engine.connect() as c:
                c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            shutil.copyfile(db, os.path.join(os.path.dirname(os.path.abspath(db)), f"kb{have}.db"))
    engine.dispose()


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        return next(round(int(line.split()[1]) / 1024, 1) for line in fh if line.startswith("VmRSS:"))


def add(db: str, docs_file: str) -> dict:
    """Write the pickled new articles and bring the KB up to date; time and peak memory
    (the articles are generated by the parent: generating them is not the ingest's cost)."""
    with open(docs_file, "rb") as fh:
        docs = pickle.load(fh)
    engine = open_kb(db)
    t0, c0 = time.perf_counter(), _cpu_s()
    write_batch(engine, [(d, synthetic.digest(d)) for d in docs], set())
    t1, c1 = time.perf_counter(), _cpu_s()
    how = incremental.refresh(engine)
    t2, c2 = time.perf_counter(), _cpu_s()
    return {"write_s": round(t1 - t0, 3), "update_s": round(t2 - t1, 3), "total_s": round(t2 - t0, 3),
            "write_cpu_s": round(c1 - c0, 3), "update_cpu_s": round(c2 - c1, 3), "cpu_s": round(c2 - c0, 3),
            "how": how, "peak_rss_mb": _peak_mb()}


def _cpu_s() -> float:
    """This process's CPU seconds (user and system): on a shared machine less swayed than
    wall time by other jobs' use of the cores (but blind to waiting for the disk)."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def _peak_mb() -> float:
    """This process's own peak resident memory: VmHWM (on Linux ``ru_maxrss`` keeps the
    parent's peak across fork and exec, which is the builder's, not the ingest's)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _median_ms(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(times), 1)


def query_times(engine, repeat: int, db: str | None = None) -> dict:
    with Session(engine) as s:
        top = s.scalar(select(EntityRow.id).order_by(EntityRow.articles.desc()).limit(1))
        mid = s.scalar(select(EntityRow.id).where(EntityRow.articles == 3).limit(1)) or top
        story = s.scalar(select(StoryRow.id).order_by(StoryRow.size.desc(), StoryRow.id).limit(1))
        name = s.get(EntityRow, top).name
    word = name.split()[0]
    out = {"dossier_frequent_ms": _median_ms(lambda: queries.entity(engine, str(top)), repeat),
           "dossier_rare_ms": _median_ms(lambda: queries.entity(engine, str(mid)), repeat),
           "search_ms": _median_ms(lambda: queries.search(engine, word), repeat),
           "story_ms": _median_ms(lambda: queries.story(engine, story), repeat),
           "timeline_ms": _median_ms(lambda: queries.timeline(engine, str(top)), repeat),
           "conflicts_ms": _median_ms(lambda: queries.conflicts(engine), repeat),
           "frequent_entity_articles": _articles(engine, top)}
    if db is not None:
        out["api_ms"] = serve_times(db, {"dossier_frequent": f"/api/entities/{top}", "dossier_rare": f"/api/entities/{mid}",
                                         "search": f"/api/search?q={word}", "story": f"/api/stories/{story}",
                                         "timeline": f"/api/entities/{top}/timeline", "conflicts": "/api/conflicts"},
                                    repeat=max(repeat, 5))
    return out


def _articles(engine, eid: int) -> int:
    with Session(engine) as s:
        return s.get(EntityRow, eid).articles


def _subprocess_add(db: str, docs: list, tree: str | None = None) -> dict:
    """The add in a fresh process; ``tree``: a checkout's ``src`` folder first on its path."""
    with tempfile.NamedTemporaryFile(suffix=".pickle", delete=False) as fh:
        pickle.dump(docs, fh)
    env = {**os.environ, **({"PYTHONPATH": tree} if tree else {})}
    try:
        os.sync()  # the build's writes flushed: the add's own commits wait for nothing else
        out = subprocess.run([sys.executable, __file__, "--add-into", db, "--docs", fh.name],
                             check=True, capture_output=True, text=True, env=env)
    finally:
        os.remove(fh.name)
    return json.loads(out.stdout.strip().splitlines()[-1])


def recent(docs: list, day: dt.date) -> list:
    """``docs`` re-dated to ``day`` and the day after (a daily ingest is of the latest
    news, while the generator spreads its stories over five years): each keeps its
    story's articles within a day of each other; their texts and dated items unchanged."""
    return [dataclasses.replace(d, published=day + dt.timedelta(days=(d.published - synthetic.START).days % 2))
            for d in docs]


RECENT = synthetic.START + dt.timedelta(days=synthetic.DAYS + 3)  # after every day the generator gives
PAST = synthetic.START + dt.timedelta(days=synthetic.DAYS // 2)  # amid them: the articles' periods full


def _copy_kb(db: str, tag: str) -> str:
    """A copy of the KB ``db`` for one tree: a file beside it, or a PostgreSQL database
    made from it as a template (no one connected to it)."""
    if "://" not in db:
        con = sqlite3.connect(db)  # not open_kb: that would upgrade the KB all copies are made from
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        out = f"{db[:-3]}_{tag}.db"
        for x in ("-wal", "-shm"):
            if os.path.exists(out + x):
                os.remove(out + x)
        shutil.copyfile(db, out)
        return out
    base, name = db.rsplit("/", 1)
    admin = create_engine(f"{base}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}_{tag}"')
        c.exec_driver_sql(f'CREATE DATABASE "{name}_{tag}" TEMPLATE "{name}"')
    admin.dispose()
    return f"{base}/{name}_{tag}"


def _open_with(db: str, tree: str) -> float:
    """Open ``db`` once with the tree's code (an upgrade of its schema, untimed in the
    adds); its seconds."""
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", f"from warta.kb.store import open_kb; open_kb({db!r}).dispose()"],
                   check=True, env={**os.environ, "PYTHONPATH": tree})
    return round(time.perf_counter() - t, 1)


def compare_trees(n: int, k: int, seed: int, db: str, runs: int, empty_db: str, trees: list[str],
                  pool: int | None, dated: list[str], sources: list[str] | None = None) -> dict:
    """Before and after, interleaved: each tree (a checkout's ``src``) on its own copy of
    the KB ``db`` of ``n`` articles — or of its own KB of ``sources`` (the same articles
    grown by each tree's code) — upgraded by the tree's code first, untimed; in each run
    the same ``k`` new articles into an empty KB and into the tree's copy, tree after
    tree, for each way of dating them in ``dated`` in turn (each its own ``k`` articles):
    ``spread`` (the generator's dates, five years), ``recent`` (the two days after the
    KB's last) or ``past`` (two days amid the KB's five years, whose periods of
    publication hold a month of its articles already)."""
    sources = sources or [db] * len(trees)
    engine = create_engine(url_for(sources[0]))  # as stored: each tree upgrades its own copy
    have = _next(engine)
    engine.dispose()
    copies, row = {}, {"articles": n, "start": have, "dated": dated, "trees": {}, "runs": []}
    for i, (tree, source) in enumerate(zip(trees, sources)):
        engine = create_engine(url_for(source))
        assert _next(engine) == have, f"{source}: not the KB of {db}'s articles"
        engine.dispose()
        copies[tree] = _copy_kb(source, f"t{i}")
        row["trees"][tree] = {"commit": _commit(tree), "kb": source, "open_s": _open_with(copies[tree], tree)}
    news = list(itertools.islice(synthetic.generate(have + runs * len(dated) * k, seed=seed, pool=pool), have, None))
    for r, (j, how) in itertools.product(range(runs), enumerate(dated)):
        at = r * len(dated) + j
        docs = news[at * k:(at + 1) * k]
        if how in ("recent", "past"):
            docs = recent(docs, (RECENT if how == "recent" else PAST) + dt.timedelta(days=2 * at))
        for tree in trees:
            empty = _fresh(empty_db)
            load, pressure = round(os.getloadavg()[0], 2), _cpu_pressure()
            baseline = _subprocess_add(empty, docs, tree)
            big = _subprocess_add(copies[tree], docs, tree)
            row["runs"].append({"tree": tree, "dated": how, "empty": baseline, "big": big, "load": load,
                                "cpu_pressure": pressure, "utc": dt.datetime.now(dt.timezone.utc).strftime("%H:%M:%S"),
                                "ratio": round(big["total_s"] / baseline["total_s"], 2)})
            print(json.dumps(row["runs"][-1]), flush=True)
    for tree, how in itertools.product(trees, dated):
        mine = [r for r in row["runs"] if r["tree"] == tree and r["dated"] == how]
        summary = _summary(mine)
        if len(dated) == 1:
            row["trees"][tree].update(summary)
        else:
            row["trees"][tree][how] = summary
    return row


def _summary(mine: list[dict]) -> dict:
    """Medians of the adds of ``mine`` (runs of one tree), their ratio, the peak memory's range."""
    med = {side: {x: round(statistics.median(r[side][x] for r in mine), 3) for x in ("write_s", "update_s", "total_s")}
           for side in ("empty", "big")}
    cpu = {side: round(statistics.median(r[side]["cpu_s"] for r in mine), 3) for side in ("empty", "big")
           if all("cpu_s" in r[side] for r in mine)}
    return {"empty_median": med["empty"], "big_median": med["big"],
            "add_vs_empty": round(med["big"]["total_s"] / med["empty"]["total_s"], 2),
            **({"cpu_s_median": cpu, "cpu_add_vs_empty": round(cpu["big"] / cpu["empty"], 2)} if len(cpu) == 2 else {}),
            "median_of_ratios": round(statistics.median(r["ratio"] for r in mine), 2),
            "peak_mb_empty": [min(r["empty"]["peak_rss_mb"] for r in mine), max(r["empty"]["peak_rss_mb"] for r in mine)],
            "peak_mb_big": [min(r["big"]["peak_rss_mb"] for r in mine), max(r["big"]["peak_rss_mb"] for r in mine)]}


def _commit(tree: str) -> str:
    return subprocess.run(["git", "-C", tree, "rev-parse", "--short", "HEAD"], capture_output=True,
                          text=True).stdout.strip() or tree


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


def _count(engine) -> int:
    with Session(engine) as s:
        return s.scalar(select(func.count()).select_from(ArticleRow)) or 0


def _next(engine) -> int:
    """The generator's index after every article stored (``synthetic://OUTLET/INDEX``;
    the generator's articles are stored in order, so the last one's)."""
    with Session(engine) as s:
        last = s.scalar(select(ArticleRow.source).order_by(ArticleRow.id.desc()).limit(1))
    return int(last.rsplit("/", 1)[1]) + 1 if last else 0


def one_size(n: int, k: int, seed: int, repeat: int, db: str, runs: int, empty_db: str, api: bool = True,
             pool: int | None = None, dated: list[str] | None = None) -> dict:
    """Build (or reuse) the KB of ``n`` articles; ``runs`` adds of ``k`` articles into it,
    each after the same ``k`` into an empty KB; DB size; queries.  ``pool``: the corpus
    size the generator's name pools were drawn for (``--grow``'s N for its KBs).
    ``dated``: the ways of dating the added articles (``compare_trees``), each run adding
    its own ``k`` articles in each way in turn (default: the generator's dates only)."""
    dated = dated or ["spread"]
    engine = open_kb(db) if os.path.exists(db) or "://" in db else None
    have = _count(engine) if engine is not None else 0
    if engine is not None and n <= have < n + 100 * k:  # a KB this script built (and added to)
        have = _next(engine)  # the next articles of the generator
        row = {"articles": n, "reused": db, "start": have}
    else:
        if engine is not None:
            engine.dispose()
        db = _fresh(db)
        engine = open_kb(db)
        t0 = time.perf_counter()
        write(engine, 0, n, seed, pool)
        t1 = time.perf_counter()
        build.rebuild(engine)
        t2 = time.perf_counter()
        row = {"articles": n, "write_s": round(t1 - t0, 1), "write_rate": round(n / (t1 - t0), 1),
               "rebuild_s": round(t2 - t1, 1)}
        have = n
    with Session(engine) as s:
        row["entities"] = s.scalar(select(func.count(EntityRow.id)))
        row["stories_2plus"] = s.scalar(select(func.count(StoryRow.id)).where(StoryRow.size > 1))
    engine.dispose()
    row["runs"] = []
    news = list(itertools.islice(synthetic.generate(have + runs * len(dated) * k, seed=seed, pool=pool), have, None))
    for r, (j, how) in itertools.product(range(runs), enumerate(dated)):
        at = r * len(dated) + j
        empty = _fresh(empty_db)
        open_kb(empty).dispose()
        docs = news[at * k:(at + 1) * k]
        if how in ("recent", "past"):
            docs = recent(docs, (RECENT if how == "recent" else PAST) + dt.timedelta(days=2 * at))
        load, pressure = round(os.getloadavg()[0], 2), _cpu_pressure()
        baseline = _subprocess_add(empty, docs)  # the same articles, into an empty KB
        big = _subprocess_add(db, docs)
        row["runs"].append({"start": have, "dated": how, "empty": baseline, "big": big, "load": load,
                            "cpu_pressure": pressure, "utc": dt.datetime.now(dt.timezone.utc).strftime("%H:%M:%S"),
                            "ratio": round(big["total_s"] / baseline["total_s"], 2)})
        print(json.dumps(row["runs"][-1]), flush=True)
        have += k
    for how in dated:
        mine = [r for r in row["runs"] if r["dated"] == how]
        big = statistics.median(r["big"]["total_s"] for r in mine)
        empty = statistics.median(r["empty"]["total_s"] for r in mine)
        cpu = {side: statistics.median(r[side]["cpu_s"] for r in mine) for side in ("empty", "big")}
        summary = {"add_s": {"empty_median": round(empty, 3), "big_median": round(big, 3)},
                   "add_vs_empty": round(big / empty, 2),  # the medians' ratio
                   "cpu_s": {"empty_median": round(cpu["empty"], 3), "big_median": round(cpu["big"], 3)},
                   "cpu_add_vs_empty": round(cpu["big"] / cpu["empty"], 2),
                   **{k_: v for k_, v in _summary(mine).items() if k_ in ("median_of_ratios", "peak_mb_empty",
                                                                          "peak_mb_big")}}
        if len(dated) == 1:
            row.update(summary)
        else:
            row.setdefault("dated", {})[how] = summary
    engine = open_kb(db)
    row["db_mb"] = _size_mb(db, engine)
    row.update(query_times(engine, repeat, db if api else None))
    engine.dispose()
    return row


def ingest_corpus(folder: str, copies: int) -> int:
    """Real articles for the ingest rate: the sample corpus and ``../shared/corpus``, each
    written ``copies`` times under distinct names, copy k with the lines after its first
    shuffled by a generator seeded with k (distinct raw and, mostly, clean texts: none
    skipped unread).  Returns the number of files."""
    import random

    from warta.cli.demo import sample_dir

    sources = sorted(glob.glob(os.path.join(sample_dir(), "*.txt")))
    sources += sorted(glob.glob(os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "**", "*.txt"),
                                recursive=True))
    os.makedirs(folder, exist_ok=True)
    n = 0
    for i, path in enumerate(sources):
        with open(path, encoding="utf-8") as fh:
            head, *body = fh.read().split("\n")
        for k in range(copies):
            lines = body[:]
            random.Random(k).shuffle(lines)
            with open(os.path.join(folder, f"{i:03d}_{k:02d}.txt"), "w", encoding="utf-8") as out:
                out.write("\n".join([head, *lines]))
            n += 1
    return n


# one BLAS thread a process (as benchmarks/pipeline.py): N workers are N cores, and the
# one-worker run does not borrow the second core for its matrix products
ONE_BLAS_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def ingest_rates(copies: int, rounds: int, db: str | None = None, trees: list[str] | None = None,
                 engines: tuple[str, ...] = ("local", "dask")) -> dict:
    """``warta ingest`` of the real corpus (NLP included) into an empty KB with the local
    and the Dask engine, 1 and 2 workers, in turn, ``rounds`` times: wall time of the
    command (start-up and model loading included) and articles per second, one BLAS
    thread per process; each also ingests one article, the command's fixed cost (start-up,
    models, the update, a cluster's start and stop).  ``trees``: ``src`` folders of
    checkouts measured in turn, each first on ``PYTHONPATH`` (default: the installed warta);
    ``engines``: which of them."""
    tmp = tempfile.mkdtemp(prefix="warta-ingest-rate-")
    corpus, single = os.path.join(tmp, "corpus"), os.path.join(tmp, "one")
    n = ingest_corpus(corpus, copies)
    os.makedirs(single)
    shutil.copy(os.path.join(corpus, sorted(os.listdir(corpus))[0]), single)
    runs = []
    for _ in range(rounds):
        for tree in trees or [None]:
            for engine_name, workers in itertools.product(engines, (1, 2)):
                for folder, count in ((corpus, n), (single, 1)):
                    runs.append({"tree": tree, **_ingest_run(folder, count, engine_name, workers, db or os.path.join(tmp, "kb.db"), tree)})
                    print(json.dumps(runs[-1]), flush=True)
    out = {"articles": n, "copies": copies, "runs": runs, "trees": {}}
    for tree in trees or [None]:
        head = subprocess.run(["git", "-C", tree or os.path.dirname(__file__), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True).stdout.strip()
        out["trees"][str(tree)] = {"commit": head, **_rate_summary([r for r in runs if r["tree"] == tree], n, engines)}
    return out


def _ingest_run(folder: str, n: int, engine_name: str, workers: int, target: str, tree: str | None) -> dict:
    _fresh(target)
    os.sync()
    load = round(os.getloadavg()[0], 2)  # the machine is shared: how busy it was
    pressure = _cpu_pressure()
    env = {**os.environ, **ONE_BLAS_THREAD, **({"PYTHONPATH": tree} if tree else {})}
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "warta", "ingest", folder, "--db", target,
                           "--engine", engine_name, "--workers", str(workers)], capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the command and its workers, reaped
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return {"engine": engine_name, "workers": workers, "articles": n, "wall_s": round(wall, 2),
            "cpu_s": round(after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime, 2), "load_before": load,
            "load_after": round(os.getloadavg()[0], 2), "cpu_pressure_before": pressure,
            "articles_per_s": round(n / wall, 2),
            "report": next((line for line in done.stderr.splitlines()[::-1] if " added, " in line), "")[-160:]}


def _cpu_pressure() -> float | None:
    """The share of the last 10 s some task waited for a CPU (Linux PSI), in %."""
    try:
        with open("/proc/pressure/cpu", encoding="ascii") as fh:
            return float(fh.readline().split()[1].split("=")[1])
    except (OSError, IndexError, ValueError):
        return None


def _rate_summary(runs: list[dict], n: int, engines: tuple[str, ...] = ("local", "dask")) -> dict:
    """Medians per engine and workers; the speed-up of 2 workers over 1, of the whole
    command and of what is left once the one-article ingest's fixed cost is taken off."""
    out = {}
    for engine_name in engines:
        med = {(w, k): statistics.median(r["wall_s"] for r in runs if r["engine"] == engine_name
                                         and r["workers"] == w and r["articles"] == k) for w in (1, 2) for k in (n, 1)}
        out[engine_name] = {"wall_s_1_worker": med[1, n], "wall_s_2_workers": med[2, n],
                            "fixed_s_1_worker": med[1, 1], "fixed_s_2_workers": med[2, 1],
                            "cpu_s_1_worker": statistics.median(r["cpu_s"] for r in runs if r["engine"] == engine_name
                                                                and r["workers"] == 1 and r["articles"] == n),
                            "cpu_s_2_workers": statistics.median(r["cpu_s"] for r in runs if r["engine"] == engine_name
                                                                 and r["workers"] == 2 and r["articles"] == n),
                            "articles_per_s_1_worker": round(n / med[1, n], 1),
                            "articles_per_s_2_workers": round(n / med[2, n], 1),
                            "speedup_2_vs_1": round(med[1, n] / med[2, n], 2),
                            "speedup_2_vs_1_without_fixed": round((med[1, n] - med[1, 1]) / (med[2, n] - med[2, 1]), 2)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000])
    ap.add_argument("--add", type=int, default=100)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--db", default=None, help="a database URL (default: SQLite files in a temporary folder)")
    ap.add_argument("--empty-db", default=None, help="with --db: a second database, for the adds into an empty KB")
    ap.add_argument("--dir", default=None, help="the folder of the SQLite KBs (kept; a KB of the size there is reused)")
    ap.add_argument("--runs", type=int, default=1, help="adds into the large KB (and the empty one), in turn")
    ap.add_argument("--no-api", action="store_true", help="no queries through warta serve")
    ap.add_argument("--ingest-rate", type=int, default=0, metavar="COPIES",
                    help="instead: warta ingest of the real corpus written COPIES times, local and Dask, 1 and 2 workers")
    ap.add_argument("--engines", nargs="+", choices=("local", "dask"), default=["local", "dask"],
                    help="with --ingest-rate: the engines measured")
    ap.add_argument("--trees", nargs="+", default=None, metavar="SRC",
                    help="the src folders of checkouts to measure in turn (git worktree add): with --ingest-rate, or "
                         "with --sizes N (one size, its KB in --dir or --db): each on its own copy of the KB, interleaved")
    ap.add_argument("--tree-kbs", nargs="+", default=None, metavar="DB",
                    help="with --trees: each tree's own KB of the same articles (grown by its code) to copy")
    ap.add_argument("--dated", choices=("spread", "recent", "past"), nargs="+", default=["spread"],
                    help="the added articles' dates: the generator's (five years), the days after the KB's (a daily "
                         "ingest), or two days amid the KB's; several in turn in each run")
    ap.add_argument("--grow", type=int, default=0, metavar="N",
                    help="instead: build (or resume) the KB --db of N articles by chunks and incremental updates")
    ap.add_argument("--chunk", type=int, default=20000, help="with --grow: articles written before each update")
    ap.add_argument("--keep", type=int, nargs="*", default=[], help="with --grow: sizes at which a copy is kept")
    ap.add_argument("--pool", type=int, default=None,
                    help="the corpus size the name pools are drawn for (a KB made by --grow N: N)")
    ap.add_argument("--out", default=None)
    ap.add_argument("--add-into", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--docs", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.grow:
        grow(args.db, args.grow, args.seed, args.chunk, args.keep)
        return
    if args.db and not args.empty_db and not args.add_into and not args.grow:
        ap.error("--db needs --empty-db (the adds into an empty KB go there)")
    if args.add_into:
        print(json.dumps(add(args.add_into, args.docs)))
        return
    if args.ingest_rate:
        result = {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                  "machine": f"{platform.machine()} {os.cpu_count()} cpus", "python": platform.python_version(),
                  "store": "postgresql" if args.db else "sqlite", "nlp": "included (the real pipeline)",
                  "ingest_rate": ingest_rates(args.ingest_rate, args.runs, args.db, args.trees, tuple(args.engines))}
        print(json.dumps(result["ingest_rate"]))
        if args.out:
            with open(args.out, "w", encoding="utf-8") as fh:
                json.dump(result, fh, indent=2)
        return
    if args.trees:
        n = args.sizes[0]
        db = args.db or os.path.join(args.dir, f"kb{n}.db")
        row = compare_trees(n, args.add, args.seed, db, args.runs, args.empty_db or os.path.join(args.dir, "empty.db"),
                            args.trees, args.pool, args.dated, args.tree_kbs)
        result = {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                  "machine": f"{platform.machine()} {os.cpu_count()} cpus", "python": platform.python_version(),
                  "store": "postgresql" if args.db else "sqlite",
                  "nlp": "skipped (synthetic Documents written through the ingest's writer)", "add": args.add,
                  "compare": row}
        print(json.dumps(row["trees"]))
        if args.out:
            with open(args.out, "w", encoding="utf-8") as fh:
                json.dump(result, fh, indent=2)
        return
    tmp = args.dir or tempfile.mkdtemp(prefix="warta-kb-scale-")
    result = {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
              "machine": f"{platform.machine()} {os.cpu_count()} cpus, {platform.processor() or platform.system()}",
              "python": platform.python_version(), "store": "postgresql" if args.db else "sqlite",
              "nlp": "skipped (synthetic Documents written through the ingest's writer)",
              "add": args.add, "sizes": []}
    for n in args.sizes:
        db = args.db or os.path.join(tmp, f"kb{n}.db")
        empty = args.empty_db or os.path.join(tmp, "empty.db")
        row = one_size(n, args.add, args.seed, args.repeat, db, args.runs, empty, api=not args.no_api,
                       pool=args.pool, dated=args.dated)
        result["sizes"].append(row)
        print(json.dumps(row), flush=True)
        if args.out:
            with open(args.out, "w", encoding="utf-8") as fh:
                json.dump(result, fh, indent=2)


if __name__ == "__main__":
    main()
