"""The Dask engine gives the KB the local engine gives (a LocalCluster of 2 processes)."""

from __future__ import annotations

import glob
import os
import shutil

import pytest

from warta.cli.demo import sample_dir
from warta.kb import KnowledgeBase

from test_incremental import snapshot  # noqa: E402 (tests/kb is on sys.path)

pytest.importorskip("dask.distributed")


@pytest.fixture
def corpus(tmp_path):
    """Six sample articles: two stories told by three outlets each, with a conflict."""
    folder = tmp_path / "in"
    folder.mkdir()
    for f in sorted(glob.glob(os.path.join(sample_dir(), "0[1-6]_*.txt"))):
        shutil.copy(f, folder)
    return str(folder)


def test_dask_engine_makes_the_local_engines_kb(tmp_path, corpus):
    from warta import batch

    local = KnowledgeBase(str(tmp_path / "local.db"))
    expected = local.ingest([corpus])
    kb = KnowledgeBase(str(tmp_path / "dask.db"))
    got = batch.ingest([corpus], kb.engine, workers=2, partition=2, batch=4)
    assert (got.added, got.failed) == (expected.added, []) == (6, [])
    assert snapshot(kb.engine) == snapshot(local.engine)
    again = batch.ingest([corpus], kb.engine, workers=2)  # skipped on the workers, before analysis
    assert (again.added, again.skipped) == (0, 6)


def test_dask_engine_refuses_standard_input(tmp_path):
    from warta import batch
    from warta.errors import UsageError

    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    with pytest.raises(UsageError, match="standard input"):
        batch.ingest(["-"], kb.engine)


def test_dask_engine_finds_stored_records_and_copies_by_look_up(tmp_path, corpus, monkeypatch):
    """What is stored is looked up per partition (sources by index range, contents by
    hash), never read whole: a JSON Lines file's records are skipped when ingested again,
    and the same article under another path is a duplicate."""
    import json

    from warta import batch
    from warta.kb import ingest as ingest_mod

    monkeypatch.setattr(ingest_mod, "known_sources", lambda engine: pytest.fail("every stored source read"))
    lines = tmp_path / "feed.jsonl"
    texts = [open(f, encoding="utf-8").read() for f in sorted(glob.glob(os.path.join(corpus, "*.txt")))[:2]]
    lines.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    first = batch.ingest([str(lines)], kb.engine, workers=1)
    assert (first.added, first.failed) == (2, [])
    again = batch.ingest([str(lines)], kb.engine, workers=1)
    assert (again.added, again.skipped) == (0, 2)
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(sorted(glob.glob(os.path.join(corpus, "*.txt")))[0], copy / "same.txt")
    dup = batch.ingest([str(copy)], kb.engine, workers=1)
    assert (dup.added, dup.duplicates) == (0, 1)
