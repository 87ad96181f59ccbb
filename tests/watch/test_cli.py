"""``warta watch`` as a user runs it: one-line errors naming the input, --once, --status."""

from __future__ import annotations

import json
import sys

import pytest

from warta.cli import main
from warta.watch.config import parse

from .conftest import serve_articles
from .server import Route, rss


def run(monkeypatch, capsys, *args) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["warta", *map(str, args)])
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("text, reason", [
    ("sources: [\n", "not valid YAML (line 2"),
    ("sources: []", "no sources"),
    ("sources:\n  - url: ftp://contoh.example/rss", "source 1: not an http(s) URL"),
    ("sources:\n  - url: http://contoh.example:99999/rss", "source 1: not a URL"),
    ("sources:\n  - {url: 'https://a.example/x', kind: podcast}", "kind must be one of"),
    ("sources:\n  - {url: 'https://a.example/x', match: '('}", "match is not a regular expression"),
    ("sources:\n  - {url: 'https://a.example/x', warna: biru}", "unknown key"),
    ("sources: [https://a.example/x, https://a.example/x]", "listed twice"),
    ("settings: {rate: cepat}\nsources: [https://a.example/x]", "rate must be a number"),
    ("settings: {kecepatan: 1}\nsources: [https://a.example/x]", "unknown setting"),
])
def test_a_bad_sources_file_is_one_line_naming_it_and_the_reason(monkeypatch, capsys, tmp_path, text, reason):
    path = tmp_path / "sumber.yaml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(monkeypatch, capsys, "watch", path, "--db", tmp_path / "kb.db", "--once")
    assert code == 2 and out == ""
    assert err.startswith(f"warta: {path}") and reason in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_missing_files_and_bad_options_are_named(monkeypatch, capsys, tmp_path):
    code, _, err = run(monkeypatch, capsys, "watch", tmp_path / "tidak-ada.yaml", "--once")
    assert code == 2 and "no such sources file" in err
    code, _, err = run(monkeypatch, capsys, "watch", "--db", tmp_path / "kb.db")
    assert code == 2 and "needs a sources file" in err
    src = tmp_path / "s.yaml"
    src.write_text("sources: [https://a.example/rss]", encoding="utf-8")
    code, _, err = run(monkeypatch, capsys, "watch", src, "--alerts", tmp_path / "r.yaml", "--once")
    assert code == 2 and "no such rules file" in err
    (tmp_path / "r.yaml").write_text("- {name: a, entity: X}", encoding="utf-8")
    code, _, err = run(monkeypatch, capsys, "watch", src, "--alerts", tmp_path / "r.yaml", "--webhook", "bukan url")
    assert code == 2 and "--webhook" in err
    code, _, err = run(monkeypatch, capsys, "watch", src, "--alerts", tmp_path / "r.yaml", "--alerts-out",
                       tmp_path / "tidak-ada" / "a.jsonl", "--once")
    assert code == 2 and "--alerts-out" in err and "cannot write there" in err
    code, _, err = run(monkeypatch, capsys, "watch", src, "--alerts-out", tmp_path / "a.jsonl", "--once")
    assert code == 2 and "need --alerts" in err
    code, _, err = run(monkeypatch, capsys, "watch", src, "--all")
    assert code == 2 and "--all goes with --once" in err


def test_once_then_status_as_table_and_json(server, monkeypatch, capsys, tmp_path):
    paths = serve_articles(server, "kopi", "nelayan")
    server.routes["/rss.xml"] = Route(rss([(server.url(p), "judul", "Mon, 03 Nov 2025 08:00:00 +0700") for p in paths]))
    src = tmp_path / "sumber.yaml"
    src.write_text(f"settings: {{rate: 0, backoff: 0.01, retries: 0}}\nsources:\n"
                   f"  - {{url: '{server.url('/rss.xml')}', outlet: Kabar Uji, interval: 600}}\n"
                   f"  - {{url: '{server.url('/mati.xml')}', name: Mati}}\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    code, out, err = run(monkeypatch, capsys, "watch", src, "--db", db, "--once")
    assert code == 0 and out == "", err
    assert "2 articles added" in err and "404" in err

    code, out, _ = run(monkeypatch, capsys, "watch", "--status", "--db", db, "--format", "json")
    rows = {r["name"]: r for r in json.loads(out)["sources"]}
    assert rows["Kabar Uji"]["new_articles"] == 2 and rows["Kabar Uji"]["last_status"] == 200
    assert rows["Mati"]["errors"] == 1 and "404" in rows["Mati"]["last_error"]
    assert rows["Kabar Uji"]["next_poll"] > rows["Kabar Uji"]["last_poll"]

    # neither is due yet (the feed's interval is 600 s, the failed source backs off 60 s) …
    code, _, err = run(monkeypatch, capsys, "watch", src, "--db", db, "--once")
    assert "0 polled" in err
    # … and --all polls both
    code, _, err = run(monkeypatch, capsys, "watch", src, "--db", db, "--once", "--all")
    assert "2 polled" in err and "0 articles added" in err
    code, out, _ = run(monkeypatch, capsys, "watch", "--status", "--db", db)
    assert "Kabar" in out and "Mati" in out and "404" in out


def test_the_outlet_named_in_the_sources_file_is_the_articles_outlet(server, kb):
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from warta.kb.schema import ArticleRow
    from warta.watch import run_round

    paths = serve_articles(server, "garam")
    server.routes["/rss.xml"] = Route(rss([(server.url(paths[0]), "garam", "Wed, 05 Nov 2025 08:00:00 +0700")]))
    cfg = parse(f"settings: {{rate: 0, interval: 0}}\nsources:\n  - {{url: '{server.url('/rss.xml')}', outlet: GARAMNEWS.id}}")
    run_round(kb, cfg)
    with Session(kb) as s:
        assert s.scalar(select(ArticleRow.outlet)) == "GARAMNEWS.id"
