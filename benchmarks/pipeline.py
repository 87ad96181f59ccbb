"""Per-article pipeline benchmark: reading, cleaning, NER and every extractor, one core.

    python benchmarks/pipeline.py --repeat 20 --out benchmarks/results/pipeline.json

The corpus is the bundled sample (about 2,000 characters an article), read from disk on
every pass as `warta extract` does; the first pass warms up (model load, caches) and is
not timed.  Threads are pinned to one (OMP/BLAS), so the number is per core.  Reports
articles/s, characters/s, milliseconds per stage, and peak memory (max RSS).
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse
import datetime as dt
import glob
import json
import platform
import resource
import time

from warta import extract, nlp
from warta.cli.demo import sample_dir
from warta.pipeline import prepare
from warta.sources import read


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--paths", nargs="*", default=None)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    paths = args.paths or sorted(glob.glob(os.path.join(sample_dir(), "*.txt")))
    stages = {"read+clean": 0.0, "nlp": 0.0, "extractors": 0.0, "linkers": 0.0}

    def one_pass(timed: bool) -> tuple[int, int]:
        n = chars = 0
        for art in read(paths):
            t0 = time.perf_counter()
            ready = prepare(art)
            t1 = time.perf_counter()
            found = dict(nlp.analyze(ready.text))
            t2 = time.perf_counter()
            found.update(extract.run(ready.text, ready.published))
            t3 = time.perf_counter()
            found.update(extract.link(ready.text, ready.published, found))
            t4 = time.perf_counter()
            if timed:
                for k, v in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
                    stages[k] += v
            n += 1
            chars += len(ready.text)
        return n, chars

    one_pass(False)
    start = time.perf_counter()
    total = chars = 0
    for _ in range(args.repeat):
        n, c = one_pass(True)
        total += n
        chars += c
    seconds = time.perf_counter() - start
    result = {
        "date": dt.date.today().isoformat(),
        "machine": {"python": platform.python_version(), "cpu": platform.processor() or platform.machine(),
                    "cores_used": 1, "system": platform.platform()},
        "articles": total, "mean_chars": round(chars / total),
        "articles_per_second": round(total / seconds, 1),
        "chars_per_second": round(chars / seconds),
        "ms_per_article": {k: round(1000 * v / total, 2) for k, v in stages.items()},
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print(json.dumps(result, indent=1))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=1)


if __name__ == "__main__":
    main()
