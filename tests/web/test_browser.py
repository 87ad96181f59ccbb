"""End to end in a real headless Chromium: ``warta serve`` runs as a subprocess on a free
port over the test KB (hand-made documents) and over the demo KB (``warta demo --db``,
the sample corpus through the whole pipeline); Playwright drives Debian's /usr/bin/chromium (no browser download).

Skipped, with the reason, only when /usr/bin/chromium or the playwright package is absent.
Screenshots go to the test's tmp_path (and to $WARTA_SCREENSHOTS when set).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _skip_reason() -> str | None:
    if not os.path.exists(CHROMIUM):
        return f"{CHROMIUM} is absent (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is absent (pip install playwright)"
    return None


REASON = _skip_reason()
if REASON:
    print(f"tests/web/test_browser.py skipped: {REASON}")
pytestmark = pytest.mark.skipif(REASON is not None, reason=REASON or "")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_command(db: str, port: int) -> list[str]:
    """``warta serve`` as the user types it (``python -m warta serve``)."""
    return [sys.executable, "-m", "warta", "serve", "--db", db, "--port", str(port)]


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def server(kb_path):
    proc, url = start(kb_path)
    yield url
    stop(proc)


def start(db: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(serve_command(db, port), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(url + "/", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            out, err = proc.communicate()
            pytest.fail(f"warta serve did not start (exit {proc.returncode}): {err[-2000:]}")
        time.sleep(0.2)


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    """``warta serve`` on the demo KB, built as a user builds it: ``warta demo --db PATH``
    (the bundled sample corpus through the whole pipeline)."""
    db = str(tmp_path_factory.mktemp("demo") / "demo.db")
    made = subprocess.run([sys.executable, "-m", "warta", "demo", "--db", db], capture_output=True, text=True)
    assert made.returncode == 0, made.stderr[-2000:]
    proc, url = start(db)
    yield url
    stop(proc)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.dialogs, pg.errors = dialogs, errors
    yield pg
    context.close()


def shot(page, tmp_path, name: str) -> None:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 1000
    if os.environ.get("WARTA_SCREENSHOTS"):
        os.makedirs(os.environ["WARTA_SCREENSHOTS"], exist_ok=True)
        shutil.copy(path, os.environ["WARTA_SCREENSHOTS"])


def test_search_dossier_timeline_story_conflict(server, page, tmp_path):
    page.goto(server + "/")
    shot(page, tmp_path, "home")
    page.fill("header input[name=q]", "Logam Sulawesi")
    page.press("header input[name=q]", "Enter")
    page.wait_for_selector("#entity-hits")
    shot(page, tmp_path, "search")
    assert page.locator("#article-hits mark").count() >= 2
    page.click("#entity-hits a.chip >> nth=0")
    page.wait_for_selector("h1.entity-name")
    assert "PT Logam Sulawesi Makmur" in page.inner_text("h1")
    items = page.locator("#timeline ol.timeline > li")
    assert items.count() >= 3
    assert page.locator("#timeline").is_visible()
    assert page.locator("svg.graph a.node").count() >= 1
    shot(page, tmp_path, "dossier")

    page.click("#facts a[href^='/stories/'] >> nth=0")
    page.wait_for_selector("table.figures")
    conflict = page.locator("td.cell-conflict")
    assert conflict.count() == 2
    assert conflict.nth(0).is_visible()
    assert "Bertentangan" in page.inner_text("tr.fact-conflict")
    assert page.locator("td.cell-corroborated").count() == 2
    shot(page, tmp_path, "story")

    link = page.locator("td.cell-conflict a.stmt").nth(0)
    figure = link.inner_text()
    link.click()
    page.wait_for_selector("#text")
    target = page.locator(".mark:target")
    assert target.count() == 1 and target.inner_text().startswith(figure)
    shot(page, tmp_path, "article")
    assert not page.errors and not page.dialogs


def test_article_with_script_is_shown_as_text(server, page, ids, tmp_path):
    page.goto(f"{server}/articles/{ids['script']}")
    page.wait_for_selector("#text")
    assert "<script>alert(1)</script>" in page.inner_text("#text")
    assert "<script>alert(1)</script>" in page.inner_text("h1")
    assert page.locator("#text script, h1 script").count() == 0
    page.wait_for_timeout(300)
    assert page.dialogs == []
    shot(page, tmp_path, "escaped")


def test_legend_hides_a_kind_and_english(server, page, ids, tmp_path):
    page.goto(f"{server}/articles/{ids['smelter_a']}?lang=en")
    assert "Entities" in page.inner_text("#entities h2")
    page.uncheck("input[data-toggle=money]")
    assert "hide-money" in page.get_attribute("#text", "class")
    shot(page, tmp_path, "legend")
    assert not page.errors


def test_demo_kb_dossier_timeline_and_story_conflict(demo_server, page, tmp_path):
    """On the demo KB: search a company, read its dossier and timeline, open its story and
    see the outlets' conflicting investment figures marked."""
    page.goto(demo_server + "/")
    page.fill("header input[name=q]", "Baterai Nusantara")
    page.press("header input[name=q]", "Enter")
    page.wait_for_selector("#entity-hits")
    page.click("#entity-hits a.chip >> nth=0")
    page.wait_for_selector("h1.entity-name")
    assert "PT Baterai Nusantara Energi Tbk" in page.inner_text("h1")
    assert page.locator("#timeline ol.timeline > li").count() >= 1
    assert page.locator("svg.graph a.node").count() >= 1
    shot(page, tmp_path, "demo-dossier")

    page.click("#facts a[href^='/stories/'] >> nth=0")
    page.wait_for_selector("table.figures")
    assert page.locator("tr.fact-conflict").count() >= 1
    row = page.locator("tr.fact-conflict", has_text="12").first
    assert row.locator("td.cell-conflict").count() >= 2
    assert "Bertentangan" in row.inner_text()
    assert row.locator("em.reason").count() >= 1               # why the value conflicts
    assert "investment_realised" not in page.inner_text("body")  # measures in words, never a key
    assert "angka bertentangan" in page.inner_text("p.meta")    # the count in the page language
    shot(page, tmp_path, "demo-story")
    assert not page.errors and not page.dialogs
