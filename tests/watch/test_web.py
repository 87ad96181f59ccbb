"""The watch status in the web app: ``/api/watch`` and the ``/watch`` page (TestClient, then
a real headless Chromium on ``warta serve``)."""

from __future__ import annotations

import os
import socket
import time

import pytest
from fastapi.testclient import TestClient

from warta.kb.store import open_kb
from warta.watch import run_round
from warta.watch.config import Source
from warta.web.app import create_app

from .conftest import config, feed_source, serve_articles
from .server import Route, rss

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def watched(server, tmp_path):
    """A KB after one round: a feed that worked, one that answered 500, one named with markup."""
    db = str(tmp_path / "kb.db")
    paths = serve_articles(server, "kopi", "sawit")
    server.routes["/rss.xml"] = Route(rss([(server.url(p), "judul", "Mon, 03 Nov 2025 08:00:00 +0700") for p in paths]))
    server.routes["/rusak.xml"] = Route(b"", status=500)
    server.routes["/aneh.xml"] = Route(b"<html><body>bukan feed</body></html>")
    cfg = config(feed_source(server, name="Kabar Uji"), feed_source(server, "/rusak.xml", name="Rusak"),
                 Source(url=server.url("/aneh.xml"), name="<script>alert(1)</script>", interval=0.0), retries=0)
    run_round(open_kb(db), cfg)
    return db


def test_api_and_page_list_sources_with_errors(watched):
    client = TestClient(create_app(watched))
    data = client.get("/api/watch").json()
    rows = {r["name"]: r for r in data["sources"]}
    assert rows["Kabar Uji"]["new_articles"] == 2 and rows["Kabar Uji"]["errors"] == 0
    assert "500" in rows["Rusak"]["last_error"]
    assert "not an RSS or Atom feed" in rows["<script>alert(1)</script>"]["last_error"]
    assert "/api/watch" in client.get("/openapi.json").json()["paths"]

    html = client.get("/watch").text
    assert "Sumber yang dipantau" in html and "Kabar Uji" in html and "HTTP 500" in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "Watched sources" in client.get("/watch?lang=en").text


def test_page_on_a_kb_never_watched(tmp_path):
    db = str(tmp_path / "kosong.db")
    open_kb(db)
    client = TestClient(create_app(db))
    assert client.get("/api/watch").json() == {"sources": [], "failures": []}
    assert "Belum ada sumber" in client.get("/watch").text


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)")
def test_the_watch_page_in_chromium(watched):
    """The app served by uvicorn on the loopback (in a thread of this process: ``warta serve``
    itself is what tests/web/test_browser.py starts), driven by a real headless Chromium."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is absent")
    import threading

    import uvicorn

    port = _port()
    server = uvicorn.Server(uvicorn.Config(create_app(watched), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        with sync_api.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=["--headless", "--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            dialogs, errors = [], []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(url + "/")
            page.click("text=Sumber yang dipantau")
            page.wait_for_selector("#watch-sources")
            assert page.locator("#watch-sources tbody tr").count() == 3
            failing = page.locator("#watch-sources tr.failing")
            assert failing.count() == 2 and "HTTP 500" in " ".join(failing.all_inner_texts())
            assert "Kabar Uji" in page.locator("#watch-sources tr.ok").inner_text()
            page.goto(url + "/watch?lang=en")
            assert page.locator("h1").inner_text() == "Watched sources"
            assert dialogs == [] and errors == []
            browser.close()
    finally:
        server.should_exit = True
        thread.join(10)
