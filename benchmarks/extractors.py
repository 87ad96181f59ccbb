"""Extractor benchmark: money, percents, quantities and dates on ~2,000-character articles.

    python benchmarks/extractors.py --repeat 30 --out benchmarks/results/extractors.json

The corpus is the golden articles in ``tests/golden/extract-*`` plus, when present, the
real articles in ``../shared/corpus`` (clean text, cut to 2,000 characters).  One core
(affinity pinned where the OS allows).  The first pass is not timed: it pays the one-off
costs (language data, regex compilation, the ECB rate table), reported apart as
``first_use_ms``.  The finders' per-text caches are cleared before each article, so that
every article is scanned afresh (the four extractors still share one scan, as in use).
Reports articles/s, milliseconds per article per extractor, and peak memory (max RSS).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
FIELDS = ("money", "percents", "quantities", "dates")


def corpus() -> list[tuple[str, dt.date | None]]:
    """(text, published) of each benchmark article, about 2,000 characters each."""
    from warta.pipeline import prepare
    from warta.sources import read

    texts = []
    for path in sorted((ROOT / "tests" / "golden").glob("extract-*/expected.json")):
        published = json.loads(path.read_text(encoding="utf-8"))["published"]
        texts.append(((path.parent / "input.txt").read_text(encoding="utf-8"),
                      dt.date.fromisoformat(published) if published else None))
    if SHARED.is_dir():
        for article in read([str(SHARED)]):
            ready = prepare(article)
            texts.append((ready.text, ready.published))
    return [(t[:2000], p) for t, p in texts]


def clear_caches() -> None:
    from warta.extract import numbers, time as time_

    numbers.find.cache_clear()
    time_.find.cache_clear()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    rss_start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    t0 = time.perf_counter()
    from warta import extract

    for path in sorted((ROOT / "tests" / "golden").glob("extract-*/input.txt")):
        extract.run(path.read_text(encoding="utf-8"), dt.date(2025, 1, 2))
    rss_extractors = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    docs = corpus()                     # reading ../shared loads the cleaner (and its imports)
    for text, published in docs:        # warm-up: data, regexes, ECB table
        extract.run(text, published)
    first_use = time.perf_counter() - t0

    per_field = dict.fromkeys(FIELDS, 0.0)
    n = chars = 0
    for _ in range(args.repeat):
        for text, published in docs:
            clear_caches()
            for field in FIELDS:
                s = time.perf_counter()
                extract.EXTRACTORS[field](text, published)
                per_field[field] += time.perf_counter() - s
            n += 1
            chars += len(text)
    total = sum(per_field.values())
    result = {
        "benchmark": "extractors (money, percents, quantities, dates)",
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "articles": len(docs), "repeat": args.repeat,
        "mean_chars": round(chars / n),
        "articles_per_s": round(n / total, 1),
        "ms_per_article": round(total / n * 1000, 3),
        "ms_per_article_by_extractor": {f: round(v / n * 1000, 3) for f, v in per_field.items()},
        "first_use_ms": round(first_use * 1000, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_at_start_mb": round(rss_start / 1024, 1),
        "peak_rss_extractors_only_mb": round(rss_extractors / 1024, 1),
        "note": ("ms by extractor is attributed to the first caller of a shared scan: money runs "
                 "numbers.find, quantities runs time.find; the others reuse the cached scans"),
        "machine": {"python": sys.version.split()[0], "implementation": platform.python_implementation(),
                    "platform": platform.platform(), "processor": platform.processor() or platform.machine(),
                    "cpu_count": os.cpu_count(), "cores_used": 1},
    }
    text = json.dumps(result, indent=1)
    print(text)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
