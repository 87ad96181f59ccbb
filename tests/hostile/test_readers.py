"""Readers under hostile input: one bad record costs only itself, sizes are bounded, text in
any Unicode form is read, globs never walk a directory twice."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import time

import pytest

from warta.errors import InputError, MalformedInput, TooLarge
from warta.model import Article
from warta.sources import expand, read

from .conftest import BODY


def items(*paths):
    return list(read([str(p) for p in paths]))


def test_lone_surrogate_skips_only_its_article(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text('{"title": "\\ud800 x", "text": "%s"}\n{"title": "ok", "text": "%s"}\n' % (BODY, BODY))
    got = items(f)
    assert isinstance(got[0], MalformedInput) and got[0].source.endswith("a.jsonl:1")
    assert "lone surrogate" in got[0].reason
    assert isinstance(got[1], Article) and got[1].title == "ok"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_or_without_bom(tmp_path, encoding):
    f = tmp_path / "a.txt"
    f.write_bytes(("Harga “beras” naik — kata dia. " + BODY).encode(encoding))
    (art,) = items(f)
    assert isinstance(art, Article) and art.raw.startswith("Harga “beras” naik — kata dia.")


def test_nul_removed_after_the_first_8k(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(BODY.encode() * 60 + b"x\x00y" + b"\x00" * 3)
    (art,) = items(f)
    assert "\x00" not in art.raw and art.raw.endswith("xy")


def test_nul_escape_in_json_removed(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"text": BODY + "\u0000z", "title": "a\u0000b"}) + "\n")
    (art,) = items(f)
    assert "\x00" not in art.raw and art.title == "ab"


def test_gzip_bomb_refused_in_bounded_memory(tmp_path):
    bomb = tmp_path / "bomb.warc.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as fh:
        for _ in range(100):
            fh.write(b"\x00" * (1 << 20))  # 100 MB of zeros, ~100 KB packed
    # the child's own peak: VmHWM of its memory map (ru_maxrss survives exec on Linux, so it
    # would report the pytest process the child was forked from)
    probe = ("import re, resource, sys; from warta.sources import read; "
             "r = list(read([sys.argv[1]])); print(type(r[0]).__name__, r[0].reason); "
             "s = open('/proc/self/status').read() if sys.platform == 'linux' else ''; "
             "m = re.search(r'VmHWM:\\s+(\\d+)', s); "
             "print(m.group(1) if m else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    for env in ({}, {"WARTA_MAX_GZIP_RATIO": "0"}):  # the ratio, then the line limit
        out = subprocess.run([sys.executable, "-c", probe, str(bomb)], capture_output=True, text=True,
                             env={**os.environ, **env}, timeout=300)
        kind_reason, rss = out.stdout.strip().splitlines()
        assert kind_reason.startswith("TooLarge") and "WARTA_MAX_" in kind_reason
        assert len(kind_reason) < 300 and "\\x00" not in kind_reason
        assert int(rss) < 600_000, f"peak {int(rss) // 1024} MB"


def test_record_limit_is_configurable_and_named(tmp_path, monkeypatch):
    monkeypatch.setenv("WARTA_MAX_RECORD_BYTES", "5000")
    big = tmp_path / "big.txt"
    big.write_text(BODY * 100)
    lines = tmp_path / "a.jsonl"
    lines.write_text(json.dumps({"text": BODY * 100}) + "\n" + json.dumps({"text": BODY}) + "\n")
    got = items(big, lines)
    assert isinstance(got[0], TooLarge) and "WARTA_MAX_RECORD_BYTES" in got[0].reason
    assert isinstance(got[1], TooLarge) and got[1].source.endswith("a.jsonl:1")
    assert isinstance(got[2], Article)


def test_messages_quote_at_most_80_characters_of_the_input(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text("{" + "x" * 100_000 + "\n")
    (err,) = items(f)
    assert isinstance(err, InputError) and len(str(err)) < len(str(f)) + 200


def test_deep_json_nesting_is_a_named_error(tmp_path):
    f = tmp_path / "a.json"
    f.write_text("[" + '{"a":[' * 50_000)
    f2 = tmp_path / "b.jsonl"
    f2.write_text('{"a":' * 100_000 + "\n" + json.dumps({"text": BODY}) + "\n")
    got = items(f, f2)
    assert isinstance(got[0], InputError)
    assert isinstance(got[1], InputError) and isinstance(got[2], Article)


def _pretty(path, n: int) -> float:
    path.write_text("[\n" + json.dumps({"text": BODY, "tags": list(range(n))}, indent=1) + "\n]\n")
    start = time.perf_counter()
    (art,) = items(path)
    assert isinstance(art, Article)
    return time.perf_counter() - start


def test_pretty_printed_element_read_in_linear_time(tmp_path):
    small = min(_pretty(tmp_path / "s.json", 50_000) for _ in range(2))
    large = min(_pretty(tmp_path / "l.json", 400_000) for _ in range(2))
    assert large < 8 * 3 * small + 0.05, (small, large)  # 8× the lines: linear ≈ 8×, quadratic 64×


def test_glob_through_symlink_loops_walks_each_directory_once(tmp_path):
    d = tmp_path / "corpus" / "d"
    d.mkdir(parents=True)
    (d / "a.txt").write_text(BODY)
    os.symlink("..", d / "up")
    os.symlink("..", d / "up2")
    start = time.perf_counter()
    found = list(expand([str(tmp_path / "corpus" / "**" / "*.txt")]))
    assert found == [str(d / "a.txt")]
    assert time.perf_counter() - start < 5


def test_tsv_beside_the_articles_is_not_an_article(tmp_path):
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "labels.tsv").write_text("a\tb\n")
    (tmp_path / "manifest.csv").write_text("a,b\n")
    assert list(expand([str(tmp_path)])) == [str(tmp_path / "a.txt")]
