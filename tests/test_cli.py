"""``warta extract`` and ``warta demo`` as a user runs them: exit codes, stderr, files."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def warta(*args, stdin: bytes | None = None, cwd=None):
    env = {**os.environ, "COLUMNS": "200"}  # tables as wide as a terminal, not 80 columns
    return subprocess.run([sys.executable, "-m", "warta", *map(str, args)], input=stdin,
                          capture_output=True, cwd=cwd, timeout=300, env=env)


@pytest.fixture
def mixed(tmp_path, fixtures):
    """Good articles among a binary file, an empty file and a cp1252 file."""
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(512))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "kopi.txt").write_bytes((fixtures / "cp1252.txt").read_bytes())
    (tmp_path / "sepatu.txt").write_bytes((fixtures / "noisy.txt").read_bytes())
    return tmp_path


def test_bad_inputs_are_named_and_skipped(mixed):
    r = warta("extract", mixed)
    assert r.returncode == 0
    docs = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert sorted(os.path.basename(d["source"]) for d in docs) == ["kopi.txt", "sepatu.txt"]
    err = r.stderr.decode()
    assert "photo.txt: binary file" in err and "empty.txt: empty input" in err
    assert "Traceback" not in err
    kopi = next(d for d in docs if d["source"].endswith("kopi.txt"))
    assert kopi["title"] == "Harga Kopi Naik di Pasar Caf\u00e9" and kopi["dateline"] == "Jakarta"
    assert kopi["published"] == "2025-03-03" and "\u201csetempat\u201d" in kopi["text"]


def test_nothing_processed_exits_2(mixed):
    r = warta("extract", mixed / "photo.txt", mixed / "empty.txt")
    assert r.returncode == 2 and r.stdout == b""
    assert "nothing could be processed" in r.stderr.decode()


def test_strict_fails_and_writes_no_file(mixed, tmp_path):
    out = tmp_path / "out.jsonl"
    r = warta("extract", mixed / "kopi.txt", mixed / "empty.txt", "--strict", "--out", out)
    assert r.returncode == 1 and not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
    assert "empty.txt" in r.stderr.decode()


def test_out_file_json(mixed, tmp_path):
    out = tmp_path / "facts.json"
    r = warta("extract", mixed / "kopi.txt", mixed / "sepatu.txt", "--format", "json", "--out", out)
    assert r.returncode == 0 and r.stdout == b""
    docs = json.loads(out.read_text(encoding="utf-8"))
    assert [d["title"] for d in docs] == ["Harga Kopi Naik di Pasar Caf\u00e9", "Pabrik Sepatu Baru Dibuka di Kendal"]
    for key in ("entities", "roles", "money", "percents", "quantities", "dates", "quotes", "events"):
        assert isinstance(docs[0][key], list)


def test_stdin(fixtures):
    r = warta("extract", "-", stdin=(fixtures / "noisy.txt").read_bytes())
    assert r.returncode == 0
    [doc] = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert doc["source"] == "<stdin>" and doc["outlet"] == "KABARSEMARANG.ID"


def test_field_option_and_bad_field(fixtures):
    r = warta("extract", fixtures / "articles.jsonl", "--field", "text=isi", "--field", "title=judul")
    titles = [json.loads(line)["title"] for line in r.stdout.decode().splitlines()]
    assert titles == ["Nelayan Natuna Dapat Kapal Baru"]
    bad = warta("extract", fixtures / "articles.jsonl", "--field", "teks")
    assert bad.returncode == 2 and "--field teks" in bad.stderr.decode()
    assert "Traceback" not in bad.stderr.decode()


def test_missing_path_is_one_line():
    r = warta("extract", "no/such/file.txt")
    assert r.returncode == 2
    assert r.stderr.decode().strip() == "warta: no/such/file.txt: no such file or directory"


def test_table_format(fixtures):
    r = warta("extract", fixtures / "noisy.txt", "--format", "table")
    out = r.stdout.decode()
    assert r.returncode == 0 and "Pabrik Sepatu Baru Dibuka" in out and "KABARSEMARANG.ID" in out
    # the facts themselves, kind by kind: a role, a quote with its speaker, events with arguments
    assert "roles (1)" in out and "Direktur Utama" in out
    assert "quotes (1)" in out and "Kami ingin produk Kendal dipakai di seluruh dunia" in out
    assert "FACILITY" in out and "place: Kawasan Industri Kendal" in out and "count: 1,200" in out
    assert "450,000,000,000" in out


def test_demo_runs_on_the_bundled_corpus():
    r = warta("demo")
    assert r.returncode == 0, r.stderr.decode()
    out = r.stdout.decode()
    assert "articles from the bundled sample corpus" in out
    assert "Traceback" not in r.stderr.decode()
