"""Where one add of new articles spends its time: the write's and the update's phases, each
with its CPU seconds, wall seconds and the pages its process read and wrote, and counters of
the story step's work (partners found, articles whose features were read, pairs judged, the
articles regrouped and whose facts were made again).

The same articles are added in each way of dating (``kb_scale.py --dated``: ``spread`` as
generated, ``recent`` re-dated to the days after the KB's, ``past`` amid them), each into a
fresh copy of the KB (``--copy``, a SQLite file) or into the KB itself, one fresh process per
add; and, with ``--empty``, into an empty KB.  Pages are the bytes the process read and wrote
through system calls over 4096 (``/proc/self/io``: SQLite's page-cache misses, the WAL and the
checkpoint), so they do not vary from run to run as times do on a shared machine.

    python benchmarks/kb_add_profile.py /data/kbs/kb300000.db --pool 1000000 --dated spread recent --copy --empty
    python benchmarks/kb_add_profile.py /data/kbs/kb300000.db --pool 1000000 --copy \
        --drop-index ix_minhash_bands_bucket_band_key   # what that index costs the write

NLP is skipped (synthetic Documents written through the ingest's writer), as in kb_scale.py.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import os
import pickle
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time


def _io() -> tuple[int, int]:
    with open("/proc/self/io", encoding="ascii") as fh:
        d = dict(line.split(":") for line in fh)
    return int(d["rchar"]) // 4096, int(d["wchar"]) // 4096


def profile_add(db: str, docs_file: str, write_only: bool = False) -> dict:
    """One add, its phases timed and counted (run in a fresh process); ``write_only``: the
    write alone (the update left for later)."""
    import sqlalchemy.orm

    import warta.extract  # noqa: F401  (as kb_scale.add: imported before the clock starts)
    from warta.kb import build, incremental, ingest, store, stories, synthetic

    phases: dict[str, list] = collections.defaultdict(lambda: [0.0, 0.0, 0, 0])
    counts: collections.Counter = collections.Counter()

    def timed(mod, name: str, count=None) -> None:
        f = getattr(mod, name)

        def wrapper(*a, **k):
            t, c, i = time.perf_counter(), time.process_time(), _io()
            try:
                out = f(*a, **k)
            finally:
                j, p = _io(), phases[name]
                p[0] += time.perf_counter() - t
                p[1] += time.process_time() - c
                p[2] += j[0] - i[0]
                p[3] += j[1] - i[1]
            if count is not None:
                counts[name] += count(a, k, out)
            return out
        setattr(mod, name, wrapper)

    pairs = lambda a, k, r: sum(map(len, r.values()))  # noqa: E731
    for name in ("prepare", "_stored_texts", "_insert"):
        timed(ingest, name)
    timed(build, "rebuild")
    timed(build, "features", lambda a, k, r: len(r))
    timed(build, "statements", lambda a, k, r: len(k.get("ids") or ()))
    timed(incremental, "_entities")
    timed(incremental, "_stories")
    timed(incremental, "_facts", lambda a, k, r: len(a[1]))
    timed(incremental, "_band_partners", pairs)
    timed(incremental, "_entity_partners", pairs)
    timed(incremental, "_figure_partners", pairs)
    timed(incremental, "_regroup", lambda a, k, r: len(a[1]))
    judge = stories.judge

    def judged(*a, **k):
        counts["judged"] += 1
        return judge(*a, **k)
    stories.judge = judged
    commit = sqlalchemy.orm.SessionTransaction.commit

    def committed(self, *a, **k):
        t, c, i = time.perf_counter(), time.process_time(), _io()
        try:
            return commit(self, *a, **k)
        finally:
            j, p = _io(), phases["commit"]
            p[0] += time.perf_counter() - t
            p[1] += time.process_time() - c
            p[2] += j[0] - i[0]
            p[3] += j[1] - i[1]
    sqlalchemy.orm.SessionTransaction.commit = committed

    with open(docs_file, "rb") as fh:
        docs = pickle.load(fh)
    engine = store.open_kb(db)
    t0, c0, i0 = time.perf_counter(), time.process_time(), _io()
    ingest.write_batch(engine, [(d, synthetic.digest(d)) for d in docs], set())
    t1, c1, i1 = time.perf_counter(), time.process_time(), _io()
    how = "not run" if write_only else incremental.refresh(engine)
    t2, c2, i2 = time.perf_counter(), time.process_time(), _io()
    with open("/proc/self/status", encoding="ascii") as fh:
        peak = next(round(int(line.split()[1]) / 1024, 1) for line in fh if line.startswith("VmHWM:"))
    return {"how": how, "peak_mb": peak,
            "write": {"wall_s": round(t1 - t0, 3), "cpu_s": round(c1 - c0, 3), "read_pages": i1[0] - i0[0],
                      "written_pages": i1[1] - i0[1]},
            "update": {"wall_s": round(t2 - t1, 3), "cpu_s": round(c2 - c1, 3), "read_pages": i2[0] - i1[0],
                       "written_pages": i2[1] - i1[1]},
            "phases": {k: {"wall_s": round(v[0], 3), "cpu_s": round(v[1], 3), "read_pages": v[2],
                           "written_pages": v[3]} for k, v in phases.items()},
            "counts": dict(counts)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("db", nargs="?", help="the SQLite KB (made by kb_scale.py --grow)")
    ap.add_argument("--add", type=int, default=100)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--pool", type=int, default=None, help="as kb_scale.py --pool (a KB made by --grow N: N)")
    ap.add_argument("--dated", nargs="+", default=["spread", "recent"], choices=("spread", "recent", "past"))
    ap.add_argument("--copy", action="store_true", help="each add into a fresh copy of the KB (else into the KB)")
    ap.add_argument("--empty", action="store_true", help="also each into an empty KB")
    ap.add_argument("--drop-index", default=None, metavar="NAME",
                    help="with --copy: that index dropped from the copy first, and the write alone profiled "
                         "(what the index costs the write; the update would read without it)")
    ap.add_argument("--out", default=None)
    ap.add_argument("--write-only", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--profile-into", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--docs", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.profile_into:
        print(json.dumps(profile_add(args.profile_into, args.docs, args.write_only)))
        return
    import datetime as dt

    import kb_scale  # benchmarks/kb_scale.py
    from warta.kb import synthetic

    start = kb_scale._next(kb_scale.create_engine(kb_scale.url_for(args.db)))
    docs = list(itertools.islice(synthetic.generate(start + args.add, seed=args.seed, pool=args.pool), start, None))
    tmp = tempfile.mkdtemp(prefix="warta-add-profile-", dir=os.path.dirname(os.path.abspath(args.db)))
    result = {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "kb": args.db, "start": start,
              "add": args.add, "dropped_index": args.drop_index, "runs": []}
    try:
        for how in args.dated:
            mine = kb_scale.recent(docs, kb_scale.RECENT if how == "recent" else kb_scale.PAST) \
                if how in ("recent", "past") else docs
            targets = (["empty"] if args.empty else []) + ["big"]
            for target in targets:
                db = os.path.join(tmp, "empty.db") if target == "empty" else args.db
                for x in ("", "-wal", "-shm"):
                    if target == "empty" and os.path.exists(db + x):
                        os.remove(db + x)
                if target == "big" and args.copy:
                    db = kb_scale._copy_kb(args.db, "profile")
                    if args.drop_index:
                        con = sqlite3.connect(db)
                        con.execute(f'DROP INDEX "{args.drop_index}"')
                        con.commit()
                        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                        con.close()
                docs_file = os.path.join(tmp, "docs.pickle")
                with open(docs_file, "wb") as fh:
                    pickle.dump(mine, fh)
                os.sync()
                out = subprocess.run([sys.executable, __file__, "--profile-into", db, "--docs", docs_file,
                                      *(["--write-only"] if args.drop_index else [])],
                                     check=True, capture_output=True, text=True)
                row = {"dated": how, "into": target, "load": round(os.getloadavg()[0], 2),
                       "utc": dt.datetime.now(dt.timezone.utc).strftime("%H:%M:%S"),
                       **json.loads(out.stdout.strip().splitlines()[-1])}
                result["runs"].append(row)
                print(json.dumps(row), flush=True)
                if target == "big" and args.copy:
                    for x in ("", "-wal", "-shm"):
                        if os.path.exists(db + x):
                            os.remove(db + x)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=2)


if __name__ == "__main__":
    main()
