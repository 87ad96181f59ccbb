"""The commands under hostile input: files left as they were, one-line messages, exit codes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from .conftest import BODY, one_line, warta


def test_out_untouched_when_nothing_was_written(tmp_path):
    prev = tmp_path / "prev.jsonl"
    prev.write_text("kept\n")
    (tmp_path / "empty.txt").write_text("")
    r = warta("extract", tmp_path / "empty.txt", "-o", prev)
    assert r.returncode == 2 and prev.read_text() == "kept\n"
    assert not list(tmp_path.glob(".warta-*"))


def test_out_file_gets_the_umask_mode(tmp_path):
    (tmp_path / "a.txt").write_text(BODY)
    out = tmp_path / "out.jsonl"
    r = warta("extract", tmp_path / "a.txt", "-o", out, preexec_fn=lambda: os.umask(0o022))
    assert r.returncode == 0, r.stderr
    assert out.stat().st_mode & 0o777 == 0o644


def test_sigterm_leaves_no_part_file_and_the_old_output(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    proc = subprocess.Popen([sys.executable, "-m", "warta", "extract", "-", "-o", str(out)],
                            stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".warta-*.part")) and time.monotonic() < deadline:
        time.sleep(0.1)  # the command waits on its standard input, the .part file open
    assert list(tmp_path.glob(".warta-*.part"))
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=60)
    proc.stdin.close()
    proc.stderr.close()
    assert not list(tmp_path.glob(".warta-*")) and out.read_text() == "old\n"


def test_ingest_of_only_bad_inputs_exits_2(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n" + bytes(range(256)) * 4)
    r = warta("ingest", tmp_path / "empty.txt", tmp_path / "bin.txt", "--db", tmp_path / "kb.db")
    assert r.returncode == 2, r.stderr


def test_search_marks_capitalised_hits_without_markup_errors(small_kb):
    for query in ("Smelter", "Morowali nikel", "script", "[bold]", "Koperasi"):
        r = warta("search", query, "--db", small_kb)
        assert r.returncode == 0, r.stderr
        assert "MarkupError" not in r.stderr


def test_demo_refuses_an_existing_db_before_any_work(tmp_path):
    db = tmp_path / "demo.db"
    db.write_text("")
    r = warta("demo", "--db", db)
    assert r.returncode != 0 and "exists already" in one_line(r.stderr)
    assert "articles from the bundled sample" not in r.stdout


def test_db_that_is_not_a_database_is_one_clear_line(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("these are my notes, not a database\n" * 200)
    for args in (("stories",), ("search", "x"), ("ingest", bad)):
        r = warta(*args, "--db", bad)
        line = one_line(r.stderr)
        assert r.returncode != 0 and "not a warta knowledge base" in line
        assert "SELECT" not in r.stderr and "PRAGMA" not in r.stderr
