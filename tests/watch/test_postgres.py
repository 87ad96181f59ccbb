"""The watcher on the server store: a round, a 304 round and a grown feed on PostgreSQL.

Needs ``WARTA_TEST_POSTGRES`` (the ``pg_url`` fixture of tests/conftest.py: a fresh schema a test).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from warta.kb.schema import ArticleRow
from warta.kb.store import open_kb
from warta.watch import run_round, status

from .conftest import config, feed_source, serve_articles
from .server import Route, rss

DAY = "Mon, 03 Nov 2025 08:00:00 +0700"


def test_rounds_on_postgresql(server, pg_url):
    engine = open_kb(pg_url)
    paths = serve_articles(server, "kopi", "kereta")
    feed = Route(rss([(server.url(paths[0]), "kopi", DAY)]), etag=True)
    server.routes["/rss.xml"] = feed
    cfg = config(feed_source(server))
    assert run_round(engine, cfg).added == 1
    assert run_round(engine, cfg).not_modified == 1
    feed.body = rss([(server.url(p), "judul", DAY) for p in paths])
    assert run_round(engine, cfg).added == 1
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(ArticleRow)) == 2
    assert status(engine)[0]["total_articles"] == 2
