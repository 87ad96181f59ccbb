"""``warta watch`` benchmark: the CPU one round costs when nothing is new.

    python benchmarks/watch.py --rounds 5 --out benchmarks/results/watch.json

50 RSS feeds of 100 items each (``--feeds``, ``--items``) are served by a loopback HTTP
server in a child process (its CPU is not counted); the watcher's KB already knows every
item URL (the state a watcher is in after it has caught up).  Two cases, each ``--rounds``
rounds after one untimed warm-up round:

- ``304``: the server answers conditional GETs, so each poll is one 304;
- ``200``: the server ignores validators, so each feed is read whole and its 100 links
  looked up in the state.

Timed: the watcher process's CPU (``time.process_time``: user + system, all threads) for
``run_round`` — polls, robots.txt, parsing, state reads and writes, the KB refresh check.
The fetch settings use ``rate: 0`` and ``per_host: 8``: every feed is on 127.0.0.1 here,
where they would be on 50 hosts in use; waiting costs no CPU either way.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "watch"))


def feed_path(n: int) -> str:
    return f"/rss/{n:03d}.xml"


def item_url(base: str, n: int, k: int) -> str:
    return f"{base}/berita/{n:03d}/2025/11/kabar-ekonomi-nomor-{k:04d}"


def serve(port_file: str, feeds: int, items: int, etag: bool) -> None:
    """The child: serve ``feeds`` feeds of ``items`` items until killed."""
    import server as S

    srv = S.Server()
    base = srv.base
    for n in range(feeds):
        body = S.rss([(item_url(base, n, k), f"Kabar ekonomi {n}-{k}", "Mon, 10 Nov 2025 08:00:00 +0700")
                      for k in range(items)], title=f"Kabar {n}")
        srv.routes[feed_path(n)] = S.Route(body, etag=etag, content_type="application/rss+xml")
    srv.routes["/robots.txt"] = S.Route(b"User-agent: *\nDisallow: /privat/\n", content_type="text/plain")
    Path(port_file).write_text(base, encoding="utf-8")
    srv.serve_forever()


def start(feeds: int, items: int, etag: bool) -> tuple[subprocess.Popen, str]:
    port_file = tempfile.mktemp(prefix="warta-watch-bench-")
    proc = subprocess.Popen([sys.executable, __file__, "--serve", port_file, "--feeds", str(feeds),
                             "--items", str(items)] + (["--etag"] if etag else []))
    deadline = time.monotonic() + 30
    while not os.path.exists(port_file) or not Path(port_file).read_text():
        if proc.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("the benchmark server did not start")
        time.sleep(0.05)
    time.sleep(0.1)
    base = Path(port_file).read_text(encoding="utf-8")
    os.unlink(port_file)
    return proc, base


def caught_up(engine, config, base: str, feeds: int, items: int) -> None:
    """The state of a watcher that has stored every listed article: all URLs done."""
    from sqlalchemy import update
    from sqlalchemy.orm import Session

    from warta.kb.ingest import canonical_source
    from warta.kb.schema import WatchUrlRow
    from warta.watch import state

    state.ensure_tables(engine)
    ids = state.sync_sources(engine, config.sources)
    now = state.utcnow()
    for n, src in enumerate(config.sources):
        listed = [(canonical_source(item_url(base, n, k)), {"url": item_url(base, n, k)}) for k in range(items)]
        state.record_poll(engine, ids[src.url], now=now, interval=0, status=200, error=None, items=listed)
    with Session(engine) as s, s.begin():
        s.execute(update(WatchUrlRow).values(state="done", fetched_at=now))


def case(feeds: int, items: int, rounds: int, etag: bool) -> dict:
    from warta.kb.store import open_kb
    from warta.watch import run_round
    from warta.watch.config import Config, Source
    from warta.watch.fetch import Settings

    proc, base = start(feeds, items, etag)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            engine = open_kb(os.path.join(tmp, "bench.db"))
            sources = tuple(Source(url=base + feed_path(n), name=f"kabar-{n}", interval=0.0) for n in range(feeds))
            config = Config(sources, Settings(rate=0.0, per_host=8, concurrency=16, timeout=30, retries=0))
            caught_up(engine, config, base, feeds, items)
            warm = run_round(engine, config)  # untimed: imports, the first poll (validators stored)
            assert warm.added == 0 and not warm.source_errors, warm.summary()
            cpu, wall = [], []
            for _ in range(rounds):
                c0, w0 = time.process_time(), time.perf_counter()
                report = run_round(engine, config)
                cpu.append(time.process_time() - c0)
                wall.append(time.perf_counter() - w0)
                assert report.polled == feeds and report.added == 0 and report.new_urls == 0, report.summary()
                assert report.not_modified == (feeds if etag else 0), report.summary()
    finally:
        proc.kill()
        proc.wait()
    return {"server": "304 Not Modified" if etag else "200, whole feed", "rounds": rounds,
            "cpu_s_per_round": round(sum(cpu) / len(cpu), 3), "cpu_s_max": round(max(cpu), 3),
            "wall_s_per_round": round(sum(wall) / len(wall), 3)}


def cpu_model() -> str | None:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--feeds", type=int, default=50)
    ap.add_argument("--items", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--out", help="write the results (JSON) here")
    ap.add_argument("--serve", help=argparse.SUPPRESS)
    ap.add_argument("--etag", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.serve:
        serve(args.serve, args.feeds, args.items, args.etag)
        return
    load = os.getloadavg()[0]  # other work on the machine inflates CPU seconds too (caches, clocks)
    results = {"what": f"warta watch: one round over {args.feeds} RSS feeds of {args.items} items, nothing new, "
                       "loopback server in a child process; CPU of the watcher process",
               "feeds": args.feeds, "items": args.items,
               "cases": [case(args.feeds, args.items, args.rounds, etag) for etag in (True, False)],
               "python": platform.python_version(), "machine": platform.machine(),
               "processor": cpu_model(), "cpus": os.cpu_count(),
               "load_average_1min_before": round(load, 2), "load_average_1min_after": round(os.getloadavg()[0], 2),
               "date": dt.date.today().isoformat()}
    print(json.dumps(results, indent=2))
    if args.out:
        Path(args.out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
