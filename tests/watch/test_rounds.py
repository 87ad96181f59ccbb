"""Rounds against a real loopback server: new articles in once, conditional GET, failures."""

from __future__ import annotations

import gzip

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from warta.kb.schema import ArticleRow, WatchUrlRow
from warta.watch import run_round, status

from .conftest import article_page, config, feed_source, serve_articles
from .server import Route, atom, news_sitemap, page, rss

DAY = "Mon, 03 Nov 2025 08:00:00 +0700"


def articles(kb) -> dict[str, str]:
    with Session(kb) as s:
        return dict(s.execute(select(ArticleRow.source, ArticleRow.title)).all())


def count(kb) -> int:
    with Session(kb) as s:
        return s.scalar(select(func.count()).select_from(ArticleRow))


def test_a_feed_that_grows_between_rounds_gives_each_article_once(server, kb):
    paths = serve_articles(server, "kopi", "kereta", "garam")
    feed = Route(etag=True, content_type="application/rss+xml")
    server.routes["/rss.xml"] = feed
    feed.body = rss([(server.url(p), "judul", DAY) for p in paths[:2]])
    cfg = config(feed_source(server))

    first = run_round(kb, cfg)
    assert (first.added, first.new_urls, first.failed) == (2, 2, [])
    assert set(articles(kb)) == {server.url(p) for p in paths[:2]}

    # unchanged feed: a 304, nothing fetched again
    second = run_round(kb, cfg)
    assert (second.not_modified, second.added) == (1, 0)
    assert server.log[-1][1].get("If-None-Match") == feed.tag()

    # a new item at the top: only it is fetched
    feed.body = rss([(server.url(p), "judul", DAY) for p in reversed(paths)])
    third = run_round(kb, cfg)
    assert third.added == 1 and count(kb) == 3
    assert all(server.hits(p) == 1 for p in paths)
    row = status(kb)[0]
    assert (row["new_articles"], row["total_articles"], row["errors"]) == (1, 3, 0)


def test_last_modified_is_sent_back_and_a_304_keeps_the_validators(server, kb):
    paths = serve_articles(server, "kopi")
    server.routes["/atom.xml"] = Route(atom([(server.url(paths[0]), "kopi", "2025-11-03T08:00:00Z")]),
                                       last_modified=1_762_000_000, content_type="application/atom+xml")
    cfg = config(feed_source(server, "/atom.xml"))
    assert run_round(kb, cfg).added == 1
    assert run_round(kb, cfg).not_modified == 1
    assert run_round(kb, cfg).not_modified == 1  # the validator survived the 304
    assert "If-Modified-Since" in server.log[-1][1]


def test_news_sitemap_redirect_and_gzip(server, kb):
    paths = serve_articles(server, "sawit", "nelayan")
    server.routes["/sitemap-news.xml"] = Route(location="/sitemaps/news.xml", status=301)
    server.routes["/sitemaps/news.xml"] = Route(news_sitemap([(server.url(p), "judul", "2025-11-06T10:00:00+07:00")
                                                              for p in paths]),
                                                content_type="application/xml", gzip=True)
    server.routes[paths[0]].gzip = True
    server.routes[paths[1]] = Route(location=paths[1] + "?amp=0", status=302)
    server.routes[paths[1] + "?amp=0"] = Route(article_page("nelayan"))
    report = run_round(kb, config(feed_source(server, "/sitemap-news.xml", kind="sitemap")))
    assert report.added == 2, report.failed
    assert any("Sawit Borneo" in t for t in articles(kb).values())
    with Session(kb) as s:  # the article is named by its listed URL, its page by where it ended
        url = s.scalar(select(ArticleRow.url).where(ArticleRow.source == server.url(paths[1])))
    assert url.endswith("?amp=0")


def test_a_section_page_lists_its_article_links(server, kb):
    paths = serve_articles(server, "garam", "kopi")
    links = "".join(f'<li><a href="{p}">berita</a></li>' for p in paths)
    server.routes["/ekonomi"] = Route(f"<html><body><nav><a href='/'>Beranda</a><a href='/tentang-kami'>Tentang</a>"
                                      f"</nav><ul>{links}</ul><a href='http://lain.invalid/a/b-c-d'>luar</a>"
                                      "</body></html>".encode())
    report = run_round(kb, config(feed_source(server, "/ekonomi", kind="section")))
    assert report.added == 2 and report.failed == []


def test_failures_are_named_and_never_stop_the_round(server, kb):
    good, missing, broken, slow, huge, latin = serve_articles(server, "kopi", "kereta", "garam", "sawit",
                                                              "nelayan", "kopi", prefix="/x/")[0:1] + [
        "/x/hilang-2025-1", "/x/rusak-2025-2", "/x/lambat-2025-3", "/x/besar-2025-4", "/x/latin-2025-5"]
    server.routes[broken] = Route(b"boom", status=500)
    server.routes[slow] = Route(article_page("sawit"), delay=1.0)
    server.routes[huge] = Route(page("Besar sekali", ["kata " * 60_000], "2025-11-05"))
    title, paras, day = "Petani cabai Garut untung besar", [
        "Harga cabai rawit di Garut naik menjadi Rp85.000 per kilogram pada pekan pertama November 2025, "
        "kata Ketua Kelompok Tani Mekarsari, Ujang Suherman, di Garut, Jawa Barat.",
        "Menurut Ujang, petani menjual 12 ton cabai ke pasar induk Kramat Jati setiap pekan. "
        "\"Musim hujan membuat pasokan berkurang,\" ujar Ujang."], "2025-11-08"
    # cp1252 bytes (ç, é, “ ”) under a header that says UTF-8
    latin_page = page(title, paras + ["Toko “Café Garut” menjual kopi dan crème."], day, charset="cp1252")
    server.routes[latin] = Route(latin_page, content_type="text/html; charset=utf-8")
    server.routes["/rss.xml"] = Route(rss([(server.url(p), "judul", DAY)
                                           for p in (good, missing, broken, slow, huge, latin)]))
    server.routes["/broken.xml"] = Route(b"<rss><channel><item><title>tanpa penutup", content_type="application/xml")
    server.routes["/down.xml"] = Route(b"", status=500)
    cfg = config(feed_source(server), feed_source(server, "/broken.xml"), feed_source(server, "/down.xml"),
                 feed_source(server, "/gone.xml"), timeout=0.3, retries=1)

    report = run_round(kb, cfg)
    assert report.added == 2, report.failed
    reasons = dict(report.failed)
    assert "404" in reasons[server.url(missing)]
    assert "500" in reasons[server.url(broken)]
    assert "timed out" in reasons[server.url(slow)]
    assert "max_bytes" in reasons[server.url(huge)]
    assert server.hits(broken) == 2  # retried once
    errors = dict(report.source_errors)
    assert "parse error" in errors[server.url("/broken.xml")] or "malformed" in errors[server.url("/broken.xml")]
    assert "500" in errors[server.url("/down.xml")] and "404" in errors[server.url("/gone.xml")]
    stored = articles(kb)
    assert "Café Garut" in next(t for s, t in stored.items() if s.endswith(latin)) or any(
        "Café" in a for a in _texts(kb))

    # next round: the 5xx and the timeout are tried again, the 404 and the oversized page are not
    server.routes[slow].delay = 0
    server.routes[broken] = Route(article_page("garam"))
    again = run_round(kb, cfg)
    assert again.added == 2 and server.hits(missing) == 1 and server.hits(huge) == 1
    rows = {r["url"]: r for r in status(kb)}
    assert rows[server.url("/down.xml")]["errors"] == 2
    assert rows[server.url("/rss.xml")]["failed_articles"] == 2


def _texts(kb) -> list[str]:
    with Session(kb) as s:
        return list(s.scalars(select(ArticleRow.text)))


def test_malformed_feed_with_links_is_recovered_with_a_warning(server, kb):
    paths = serve_articles(server, "nelayan")
    server.routes["/rss.xml"] = Route(rss([(server.url(paths[0]), "Nelayan & kapal", DAY)])
                                      .replace(b"&amp;", b"&").replace(b"</channel></rss>", b""))
    report = run_round(kb, config(feed_source(server)))
    assert report.added == 1
    assert "malformed XML" in status(kb)[0]["last_error"]


def test_robots_txt_disallow_is_honoured_and_shown(server, kb):
    paths = serve_articles(server, "kopi", "garam", prefix="/berita/")
    private = serve_articles(server, "kereta", prefix="/premium/")
    server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /premium/\nDisallow: /tertutup.xml\n",
                                         content_type="text/plain")
    server.routes["/rss.xml"] = Route(rss([(server.url(p), "judul", DAY) for p in paths + private]))
    server.routes["/tertutup.xml"] = Route(rss([]))
    report = run_round(kb, config(feed_source(server), feed_source(server, "/tertutup.xml")))
    assert report.added == 2
    assert server.hits(private[0]) == 0 and server.hits("/tertutup.xml") == 0
    assert "robots.txt" in dict(report.failed)[server.url(private[0])]
    assert "robots.txt" in dict(report.source_errors)[server.url("/tertutup.xml")]
    assert server.hits("/robots.txt") == 1  # read once per host per round
    with Session(kb) as s:
        assert s.scalar(select(WatchUrlRow.state).where(WatchUrlRow.url == server.url(private[0]))) == "failed"


def test_the_user_agent_is_sent(server, kb):
    serve_articles(server, "kopi")
    server.routes["/rss.xml"] = Route(rss([]))
    run_round(kb, config(feed_source(server), user_agent="warta-uji/1.0 (+mailto:uji@example.org)"))
    assert {h.get("User-Agent") for _, h in server.log} == {"warta-uji/1.0 (+mailto:uji@example.org)"}
    assert "gzip" in server.log[0][1].get("Accept-Encoding", "")


def test_gzip_handled_for_feeds(server, kb):
    paths = serve_articles(server, "kopi")
    server.routes["/rss.xml"] = Route(rss([(server.url(paths[0]), "kopi", DAY)]), gzip=True)
    assert run_round(kb, config(feed_source(server))).added == 1
    assert gzip.decompress(gzip.compress(b"x")) == b"x"


def test_an_article_the_database_refuses_fails_alone(server, kb, monkeypatch):
    from warta.watch import run as run_module

    paths = serve_articles(server, "kopi", "garam", "sawit")
    server.routes["/rss.xml"] = Route(rss([(server.url(p), "judul", DAY) for p in paths]))
    real = run_module.write_batch

    def picky(engine, batch, replaced):
        if any("Sumenep" in doc.text for doc, _ in batch):
            raise ValueError("a value this database cannot take")
        return real(engine, batch, replaced)

    monkeypatch.setattr(run_module, "write_batch", picky)
    report = run_round(kb, config(feed_source(server)))
    assert report.added == 2
    assert "not stored (ValueError" in dict(report.failed)[server.url(paths[1])]


def test_a_source_that_breaks_the_reader_is_its_own_error(server, kb, monkeypatch):
    from warta.watch import listing

    serve_articles(server, "kopi")
    server.routes["/rss.xml"] = Route(rss([]))
    server.routes["/dua.xml"] = Route(rss([]))
    real = listing.read

    def boom(kind, body, source, match=None):
        if source.endswith("/dua.xml"):
            raise RuntimeError("surprise")
        return real(kind, body, source, match)

    monkeypatch.setattr(listing, "read", boom)
    report = run_round(kb, config(feed_source(server), feed_source(server, "/dua.xml")))
    assert report.polled == 2
    assert "internal error (RuntimeError: surprise)" in dict(report.source_errors)[server.url("/dua.xml")]


def test_a_server_dripping_bytes_is_cut_at_the_total_deadline(server, kb):
    import socket
    import threading

    drip = socket.socket()
    drip.bind(("127.0.0.1", 0))
    drip.listen()
    stop = threading.Event()

    def serve():
        conn, _ = drip.accept()
        conn.recv(4096)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: 100000\r\n\r\n")
        while not stop.wait(0.05):  # a byte every 50 ms: no single read times out
            try:
                conn.sendall(b" ")
            except OSError:
                break
        conn.close()

    threading.Thread(target=serve, daemon=True).start()
    url = f"http://127.0.0.1:{drip.getsockname()[1]}/rss.xml"
    from warta.watch.config import Source
    try:
        report = run_round(kb, config(Source(url=url, name="drip", interval=0.0), timeout=0.2, retries=0))
    finally:
        stop.set()
        drip.close()
    assert "timed out" in dict(report.source_errors)[url]


def test_at_most_per_host_requests_at_once(server, kb):
    paths = serve_articles(server, *["kopi", "kereta", "garam", "sawit", "nelayan"])
    for p in paths:
        server.routes[p].delay = 0.15
    server.routes["/rss.xml"] = Route(rss([(server.url(p), "judul", DAY) for p in paths]))
    cfg = config(feed_source(server), per_host=2)
    cfg = type(cfg)(cfg.sources, cfg.fetch, cfg.interval, batch=5, max_attempts=3)
    assert run_round(kb, cfg).added == 5
    assert server.most_active == 2


def test_crawl_delay_of_robots_txt_slows_the_host():
    import asyncio

    from warta.watch.fetch import Fetcher, Settings

    from .server import Server

    with Server() as srv:
        srv.routes["/robots.txt"] = Route(b"User-agent: *\nCrawl-delay: 3\n", content_type="text/plain")
        srv.routes["/a"] = Route(b"ok")

        async def go():
            async with Fetcher(Settings(rate=0.0)) as f:
                got = await f.get(srv.url("/a"))
                return got, f.hosts[srv.base].rate

        got, rate = asyncio.run(go())
    assert got.ok and got.body == b"ok" and rate == 3.0


def test_a_sitemap_index_is_followed_to_its_news_sitemaps(server, kb):
    paths = serve_articles(server, "kopi", "garam")
    for n, p in enumerate(paths):
        server.routes[f"/sitemap-news-{n}.xml"] = Route(news_sitemap([(server.url(p), "judul", "2025-11-05")]))
    index = "".join(f"<sitemap><loc>{server.url(f'/sitemap-news-{n}.xml')}</loc></sitemap>" for n in range(2))
    server.routes["/sitemap.xml"] = Route(('<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
                                           f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{index}</sitemapindex>')
                                          .encode())
    report = run_round(kb, config(feed_source(server, "/sitemap.xml", kind="sitemap")))
    assert report.added == 2 and report.new_urls == 2


def test_a_source_that_recovers_shows_no_error(server, kb):
    server.routes["/rss.xml"] = Route(b"", status=503)
    cfg = config(feed_source(server), retries=0)
    run_round(kb, cfg)
    (row,) = status(kb)
    assert row["errors"] == 1 and "503" in row["last_error"]
    server.routes["/rss.xml"] = Route(rss([]))
    run_round(kb, cfg)
    (row,) = status(kb)
    assert row["errors"] == 0 and row["last_error"] is None and row["last_error_at"] and row["last_status"] == 200


def test_a_robots_txt_that_fails_refuses_the_host_for_the_round(server, kb):
    serve_articles(server, "kopi")
    server.routes["/robots.txt"] = Route(b"", status=503)
    server.routes["/rss.xml"] = Route(rss([]))
    report = run_round(kb, config(feed_source(server), retries=0))
    assert "robots.txt" in dict(report.source_errors)[server.url("/rss.xml")]
    assert server.hits("/rss.xml") == 0
    server.routes["/robots.txt"] = Route(b"User-agent: *\nAllow: /\n", content_type="text/plain")
    assert run_round(kb, config(feed_source(server), retries=0)).source_errors == []


def test_requests_to_one_host_are_spaced_by_the_rate(server, kb):
    paths = serve_articles(server, "kopi", "kereta", "garam")
    server.routes["/rss.xml"] = Route(rss([(server.url(p), "judul", DAY) for p in paths]))
    assert run_round(kb, config(feed_source(server), rate=0.1, per_host=4)).added == 3
    starts = [t for _, t in server.times]  # robots.txt, the feed, three pages
    assert len(starts) == 5
    assert min(b - a for a, b in zip(starts, starts[1:])) >= 0.09


def test_robots_txt_rules_for_warta_itself_apply(server, kb):
    server.routes["/robots.txt"] = Route(b"User-agent: warta\nDisallow: /\n\nUser-agent: *\nAllow: /\n",
                                         content_type="text/plain")
    server.routes["/rss.xml"] = Route(rss([]))
    report = run_round(kb, config(feed_source(server)))
    assert "disallows" in dict(report.source_errors)[server.url("/rss.xml")]
    assert server.hits("/rss.xml") == 0
