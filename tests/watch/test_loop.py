"""The loop: rounds until stopped; Ctrl-C finishes the batch in hand, the rest waits for the
next run."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from sqlalchemy import select
from sqlalchemy.orm import Session

from warta.kb.schema import ArticleRow, WatchUrlRow
from warta.kb.store import open_kb
from warta.watch import loop, run_round

from .conftest import ARTICLES, config, feed_source, serve_articles
from .server import Route, rss

DAY = "Wed, 05 Nov 2025 08:00:00 +0700"


def test_a_stop_between_batches_leaves_the_rest_pending_for_the_next_round(server, kb):
    paths = serve_articles(server, *ARTICLES)
    server.routes["/rss.xml"] = Route(rss([(server.url(p), "judul", DAY) for p in paths]))
    cfg = config(feed_source(server))  # batch: 4
    asked = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) > 1  # the first batch runs, then a stop is asked

    first = run_round(kb, cfg, stop=stop)
    assert first.stopped and first.added == 4
    second = run_round(kb, cfg)
    assert second.added == 1 and all(server.hits(p) == 1 for p in paths)


def test_loop_runs_rounds_and_sleeps_until_the_next_poll(server, kb):
    paths = serve_articles(server, "kopi", "garam")
    feed = Route(rss([(server.url(paths[0]), "kopi", DAY)]), etag=True)
    server.routes["/rss.xml"] = feed
    reports, waits = [], []

    def wait(seconds: float) -> bool:
        waits.append(seconds)
        feed.body = rss([(server.url(p), "judul", DAY) for p in paths])  # a new item appears meanwhile
        return False

    done = loop(kb, config(feed_source(server)), stop=lambda: False, wait=wait, report=reports.append, rounds=3)
    assert done == 3 and [r.added for r in reports] == [1, 1, 0]
    assert len(waits) == 2 and all(0 <= w <= 300 for w in waits)
    assert reports[2].not_modified == 1


def test_ctrl_c_finishes_the_batch_in_hand_then_exits(server, tmp_path):
    paths = serve_articles(server, *ARTICLES)
    server.routes[paths[1]].delay = 1.0  # SIGINT arrives while the first batch is being fetched
    server.routes["/rss.xml"] = Route(rss([(server.url(p), "judul", DAY) for p in paths]))
    sources = tmp_path / "sources.yaml"
    sources.write_text(f"settings: {{batch: 2, rate: 0, interval: 600}}\nsources: ['{server.url('/rss.xml')}']\n",
                       encoding="utf-8")
    db = tmp_path / "kb.db"
    proc = subprocess.Popen([sys.executable, "-m", "warta", "watch", str(sources), "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while server.hits(paths[1]) == 0 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.02)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "stopped after the batch in hand" in err
    kb = open_kb(str(db))
    with Session(kb) as s:
        stored = set(s.scalars(select(ArticleRow.source)))
        pending = set(s.scalars(select(WatchUrlRow.url).where(WatchUrlRow.state == "pending")))
    assert stored == {server.url(p) for p in paths[:2]}  # the batch in hand, whole
    assert pending == {server.url(p) for p in paths[2:]}
