"""The knowledge base under faults: path spellings, kills, a damaged or read-only file,
awkward paths, a full disk — nothing lost, nothing duplicated, every message one line."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from sqlalchemy import event, text

from warta.kb.ingest import write_batch, ingest
from warta.kb.store import DamagedKB, DiskFull, KBError, open_kb

from .conftest import BODY, build_kb, one_line, warta


def _count(db) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile-corpus") / "corpus"
    d.mkdir()
    (d / "a.txt").write_text(BODY)
    (d / "b.txt").write_text(BODY.replace("Karawang", "Batang").replace("800", "950"))
    return d


def test_one_folder_under_two_spellings_is_the_same_articles(tmp_path, corpus, monkeypatch):
    db = tmp_path / "kb.db"
    engine = open_kb(str(db))
    monkeypatch.chdir(corpus.parent)
    first = ingest(["corpus"], engine)
    again = ingest([str(corpus.resolve()), "./corpus/../corpus"], engine)
    copy = tmp_path / "copy"
    shutil.copytree(corpus, copy)
    moved = ingest([str(copy)], engine)
    assert first.added == 2 and again.added == 0 and again.skipped == 4
    assert moved.added == 0 and moved.duplicates == 2
    assert _count(db) == 2
    with engine.connect() as conn:
        sources = [r[0] for r in conn.execute(text("SELECT source FROM articles"))]
    assert all(os.path.isabs(s) for s in sources)


def test_half_made_kb_is_finished_not_refused(tmp_path):
    db = tmp_path / "kb.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE warta_meta (key VARCHAR(64) PRIMARY KEY, value TEXT)")
    con.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY)")
    con.commit()
    con.close()
    with pytest.raises(KBError, match="unfinished"):
        open_kb(str(db), readonly=True)
    engine = open_kb(str(db))
    engine.dispose()
    open_kb(str(db), readonly=True).dispose()


def test_sigkill_while_the_schema_is_made_leaves_nothing_or_a_whole_kb(tmp_path):
    code = "import sys; from warta.kb.store import open_kb; open_kb(sys.argv[1])"
    rng = random.Random(18)
    for n in range(6):
        db = tmp_path / f"kb{n}.db"
        proc = subprocess.Popen([sys.executable, "-c", code, str(db)])
        deadline = time.monotonic() + 30
        while not db.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.05))
        proc.kill()
        proc.wait()
        open_kb(str(db)).dispose()  # finishes or creates: never refuses
        open_kb(str(db), readonly=True).dispose()


def _children(pid: int) -> set[int]:
    found = set()
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                found.update(int(c) for c in fh.read().split())
        except OSError:
            pass
    return found


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="needs Linux /proc")
def test_workers_die_with_a_killed_ingest(tmp_path, corpus):
    proc = subprocess.Popen([sys.executable, "-m", "warta", "ingest", str(corpus), "--workers", "2",
                             "--db", str(tmp_path / "kb.db")], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the workers never started"
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 20
    while any(os.path.exists(f"/proc/{w}") for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = [w for w in workers if os.path.exists(f"/proc/{w}")
             and "zombie" not in open(f"/proc/{w}/status").read()]
    assert not alive


def _damage(db: str) -> None:
    size = os.path.getsize(db)
    rng = random.Random(40)
    with open(db, "r+b") as fh:
        for _ in range(40):
            fh.seek(rng.randrange(4096, size - 512))
            fh.write(rng.randbytes(512))


def test_damaged_kb_is_named_not_half_served(tmp_path):
    db = build_kb(str(tmp_path / "kb.db"))
    _damage(db)
    with pytest.raises(DamagedKB, match="damaged"):
        open_kb(db, readonly=True)
    for args in (("stories",), ("search", "smelter"), ("export",)):
        r = warta(*args, "--db", db)
        assert r.returncode != 0 and "damaged" in one_line(r.stderr)
    from warta.web import create_app

    with pytest.raises(KBError):
        create_app(db)


def test_readonly_folder_falls_back_to_an_immutable_read(tmp_path, monkeypatch):
    db = build_kb(str(tmp_path / "kb.db"))
    from warta.kb import store

    real = store._sqlite_engine

    def no_shm(path, mode):  # what a read-only folder does to a WAL database
        if mode == "ro":
            def refuse(*_a, **_k):
                raise sqlite3.OperationalError("unable to open database file")
            engine = real(path, mode)
            event.listen(engine, "connect", refuse)
            return engine
        return real(path, mode)

    monkeypatch.setattr(store, "_sqlite_engine", no_shm)
    engine = open_kb(db, readonly=True)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM articles")).scalar() == 4


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_readonly_folder_for_real(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    db = build_kb(str(folder / "kb.db"))
    os.chmod(folder, 0o555)
    try:
        r = warta("stories", "--db", db, "--min-articles", "1", "-f", "json")
        assert r.returncode == 0, r.stderr
    finally:
        os.chmod(folder, 0o755)


@pytest.mark.parametrize("name", ["a?b.db", "a#b.db", "a%20b.db", "we?ird#na%me.db"])
def test_awkward_db_paths(tmp_path, name):
    db = str(tmp_path / name)
    build_kb(db)
    assert sorted(os.listdir(tmp_path))[0] == name  # no stray file beside it
    with open_kb(db, readonly=True).connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM articles")).scalar() == 4
    missing = str(tmp_path / ("missing-" + name))
    with pytest.raises(KBError, match="no knowledge base"):
        open_kb(missing, readonly=True)
    assert not os.path.exists(missing) and not os.path.exists(missing.split("?")[0])


def test_disk_full_is_named_and_the_kb_intact(tmp_path):
    import dataclasses

    from .conftest import _web_conftest

    db = build_kb(str(tmp_path / "kb.db"))
    engine = open_kb(db)
    engine.dispose()

    @event.listens_for(engine, "connect")
    def no_room(dbapi_conn, _record):  # the file may not grow: SQLITE_FULL, as on a full disk
        pages = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages}")

    docs = [dataclasses.replace(d, source=f"new-{i}", text=d.text * 200)
            for i, d in enumerate(_web_conftest().documents())]
    with pytest.raises(DiskFull) as caught:
        write_batch(engine, [(d, f"h{i}") for i, d in enumerate(docs)], set())
    message = str(caught.value)
    assert message.startswith("disk full: ") and db in message and "intact" in message
    engine.dispose()
    assert _count(db) == 4
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
