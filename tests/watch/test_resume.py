"""A watcher killed mid-round resumes: nothing it stored is fetched again, nothing is lost."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from warta.kb.schema import ArticleRow, WatchUrlRow
from warta.watch import load, run_round, state

from .conftest import ARTICLES, config, feed_source, serve_articles
from .server import Route, rss

DAY = "Tue, 04 Nov 2025 08:00:00 +0700"


def sources_in(kb) -> list[str]:
    with Session(kb) as s:
        return list(s.scalars(select(ArticleRow.source)))


def test_killed_with_sigkill_mid_round_resumes_and_stores_every_article_once(server, tmp_path):
    paths = serve_articles(server, *ARTICLES)
    slow = paths[2]
    server.routes[slow].delay = 60  # the watcher is killed while it waits for this page
    server.routes["/rss.xml"] = Route(rss([(server.url(p), "judul", DAY) for p in paths]), etag=True)
    sources = tmp_path / "sources.yaml"
    sources.write_text(f"settings: {{batch: 2, rate: 0, timeout: 90, retries: 0}}\n"
                       f"sources:\n  - url: {server.url('/rss.xml')}\n    outlet: Kabar Uji\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    cmd = [sys.executable, "-m", "warta", "watch", str(sources), "--db", str(db), "--once"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while server.hits(slow) == 0 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert server.hits(slow) == 1, proc.stderr.read().decode() if proc.poll() is not None else "never asked"
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    from warta.kb.store import open_kb
    kb = open_kb(str(db))
    first = sources_in(kb)
    assert sorted(first) == sorted(server.url(p) for p in paths[:2])  # the first batch is in

    server.routes[slow].delay = 0  # restarted (in this process: the state is all in the KB)
    report = run_round(kb, load(str(sources)))
    assert report.added == 3 and report.failed == []
    assert sorted(sources_in(kb)) == sorted(server.url(p) for p in paths)
    # the batch in flight when it died (two pages) is asked again; the stored one is not
    assert [server.hits(p) for p in paths] == [1, 1, 2, 2, 1]
    with Session(kb) as s:
        assert set(s.scalars(select(WatchUrlRow.state))) == {"done"}


def test_a_crash_between_the_write_and_the_mark_refetches_nothing(server, kb, monkeypatch):
    paths = serve_articles(server, "kopi", "garam")
    server.routes["/rss.xml"] = Route(rss([(server.url(p), "judul", DAY) for p in paths]))
    cfg = config(feed_source(server))
    real = state.mark

    def crash(engine, outcomes, now):
        if any(o.get("state") == "stored" for o in outcomes.values()):
            raise SystemExit("killed")
        return real(engine, outcomes, now)

    monkeypatch.setattr(state, "mark", crash)
    with pytest.raises(SystemExit):
        run_round(kb, cfg)
    monkeypatch.setattr(state, "mark", real)
    assert len(sources_in(kb)) == 2  # written, but the URLs still pending

    report = run_round(kb, cfg)
    assert report.added == 0 and report.fetched == 0
    assert [server.hits(p) for p in paths] == [1, 1]
    with Session(kb) as s:
        assert s.scalar(select(func.count()).select_from(ArticleRow)) == 2
        assert set(s.scalars(select(WatchUrlRow.state))) == {"done"}
        assert all(s.scalars(select(WatchUrlRow.article_id)))


def test_the_same_url_in_two_sources_is_fetched_once(server, kb):
    paths = serve_articles(server, "sawit")
    server.routes["/rss.xml"] = Route(rss([(server.url(paths[0]), "sawit", DAY)]))
    server.routes["/lain.xml"] = Route(rss([(server.url(paths[0]) + "#komentar", "sawit", DAY)]))
    report = run_round(kb, config(feed_source(server), feed_source(server, "/lain.xml")))
    assert report.added == 1 and server.hits(paths[0]) == 1


def test_two_listed_urls_that_end_at_the_same_page_are_stored_once(server, kb):
    paths = serve_articles(server, "nelayan")
    for alias in ("/r/1", "/r/2"):  # tracking links that redirect to the article
        server.routes[alias] = Route(location=paths[0], status=302)
    server.routes["/rss.xml"] = Route(rss([(server.url("/r/1"), "nelayan", DAY), (server.url("/r/2"), "nelayan", DAY)]))
    report = run_round(kb, config(feed_source(server)))
    assert report.added == 1 and len(sources_in(kb)) == 1
    with Session(kb) as s:
        notes = list(s.scalars(select(WatchUrlRow.error).where(WatchUrlRow.error.is_not(None))))
    assert len(notes) == 1 and notes[0].startswith("same text as")


def test_the_same_text_under_another_address_is_not_stored_again(server, kb):
    from .conftest import article_page

    paths = serve_articles(server, "garam")
    server.routes["/cetak/garam-madura-2025"] = Route(article_page("garam", site="Kabar Uji Cetak"))
    server.routes["/rss.xml"] = Route(rss([(server.url(paths[0]), "garam", DAY)]))
    assert run_round(kb, config(feed_source(server))).added == 1
    server.routes["/rss.xml"] = Route(rss([(server.url("/cetak/garam-madura-2025"), "garam", DAY)]))
    report = run_round(kb, config(feed_source(server)))
    assert report.added == 0 and len(sources_in(kb)) == 1
    with Session(kb) as s:
        note = s.scalar(select(WatchUrlRow.error).where(WatchUrlRow.url == server.url("/cetak/garam-madura-2025")))
    assert note.startswith("same text as")
