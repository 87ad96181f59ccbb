"""``warta ingest`` end to end: idempotent, replacing changed articles, failures reported,
schema versions checked, and a crash in the middle of a batch leaves a consistent KB."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from sqlalchemy import text

from warta.kb import KBError, KnowledgeBase, open_kb
from warta.kb.ingest import ITEM_KINDS

FIELDS = tuple(ITEM_KINDS)


def warta(*args, cwd=None, **kw):
    return subprocess.run([sys.executable, "-m", "warta", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, timeout=600, **kw)


def consistent(db: str) -> int:
    """Check that every stored article has all its items and entities, and nothing else is
    there; return the number of articles."""
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    n = 0
    for aid, doc in con.execute("SELECT id, document FROM articles"):
        doc = json.loads(doc)
        items = con.execute("SELECT count(*) FROM items WHERE article_id=?", (aid,)).fetchone()[0]
        ents = con.execute("SELECT count(*) FROM article_entities WHERE article_id=?", (aid,)).fetchone()[0]
        assert items == sum(len(doc[f]) for f in FIELDS)
        assert ents == len(doc["entities"])
        n += 1
    orphans = con.execute("SELECT count(*) FROM items WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0]
    fts = con.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
    assert orphans == 0 and fts == n
    return n


def test_ingest_is_idempotent_and_replaces_changed_articles(tmp_path, fixtures):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for name in ("noisy.txt", "cp1252.txt", "page.html", "articles.jsonl"):
        (corpus / name).write_bytes((fixtures / name).read_bytes())
    (corpus / "empty.txt").write_text("")
    db = str(tmp_path / "kb.db")
    first = warta("ingest", corpus, "--db", db)
    assert first.returncode == 0, first.stderr
    assert "failed" in first.stderr and "empty.txt" in first.stderr
    n = consistent(db)
    assert n >= 5
    again = warta("ingest", corpus, "--db", db)
    assert f"0 added, 0 replaced, {n} unchanged (skipped)" in again.stderr
    (corpus / "noisy.txt").write_text((fixtures / "noisy.txt").read_text(encoding="utf-8") + "\n\nParagraf tambahan.",
                                      encoding="utf-8")
    changed = warta("ingest", corpus, "--db", db)
    assert f"0 added, 1 replaced, {n - 1} unchanged" in changed.stderr
    assert consistent(db) == n


def test_ingest_looks_up_only_the_articles_it_reads(tmp_path, fixtures, monkeypatch):
    """What is stored is asked of the KB for the articles read, a few at a time (never
    every stored source: that grows with the KB): unchanged ones skipped, a copy under
    another name a duplicate (in the same look-up or a later one), a changed one replaced."""
    from warta.kb import ingest as ingest_mod

    corpus = tmp_path / "in"
    corpus.mkdir()
    for name in ("noisy.txt", "cp1252.txt", "page.html"):
        (corpus / name).write_bytes((fixtures / name).read_bytes())
    monkeypatch.setattr(ingest_mod, "known_sources", lambda engine: pytest.fail("every stored source read"))
    monkeypatch.setattr(ingest_mod, "LOOK_UP", 2)
    engine = KnowledgeBase(str(tmp_path / "kb.db")).engine
    assert ingest_mod.ingest([str(corpus)], engine).added == 3
    (corpus / "zz_copy.txt").write_bytes((fixtures / "noisy.txt").read_bytes())
    (corpus / "aa_copy.txt").write_bytes((fixtures / "cp1252.txt").read_bytes())
    (corpus / "noisy.txt").write_text((fixtures / "noisy.txt").read_text(encoding="utf-8") + "\n\nParagraf tambahan.",
                                      encoding="utf-8")
    again = ingest_mod.ingest([str(corpus)], engine)
    assert (again.added, again.replaced, again.skipped, again.duplicates) == (0, 1, 2, 2)
    assert consistent(str(tmp_path / "kb.db")) == 3


def test_an_article_failing_in_a_worker_is_reported_not_a_broken_pool(tmp_path, fixtures):
    """With worker processes, an article the analysis refuses (nothing left after
    cleaning) comes back as a failure; the pool survives it and the others go in (an
    InputError sent back as itself does not unpickle and broke the pool)."""
    from warta.kb.ingest import ingest

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes((fixtures / "noisy.txt").read_bytes())
    (corpus / "b.txt").write_text("Baca juga: Harga cabai naik", encoding="utf-8")
    (corpus / "c.txt").write_bytes((fixtures / "cp1252.txt").read_bytes())
    report = ingest([str(corpus)], KnowledgeBase(str(tmp_path / "kb.db")).engine, workers=2)
    assert report.added == 2
    assert [(os.path.basename(s), r) for s, r in report.failed] == [("b.txt", "no article text left after cleaning")]


def test_two_workers_make_the_kb_one_makes(tmp_path):
    """The worker processes (started at once, each analysing a short article of its own
    before the first batch) store the documents the ingest process would, and the KB says
    the same: entities, stories and facts."""
    import glob
    import shutil

    from test_incremental import snapshot  # tests/kb is on sys.path

    from warta.cli.demo import sample_dir
    from warta.kb.ingest import ingest

    corpus = tmp_path / "in"
    corpus.mkdir()
    for f in sorted(glob.glob(os.path.join(sample_dir(), "0[1-6]_*.txt"))):
        shutil.copy(f, corpus)
    kbs = {w: KnowledgeBase(str(tmp_path / f"kb{w}.db")) for w in (1, 2)}
    reports = {w: ingest([str(corpus)], kb.engine, workers=w, batch=4) for w, kb in kbs.items()}
    assert [(r.added, r.failed) for r in reports.values()] == [(6, [])] * 2

    def documents(kb):
        with kb.engine.connect() as c:
            return dict(c.execute(text("SELECT source, document FROM articles")).all())

    assert documents(kbs[2]) == documents(kbs[1])
    assert snapshot(kbs[2].engine) == snapshot(kbs[1].engine)


def test_an_article_whose_rows_cannot_be_made_is_reported_and_the_rest_stored(tmp_path, fixtures, monkeypatch):
    """Making an article's rows (now where the analysis runs) failing for one article
    reports that article; the batch's others are stored whole."""
    from warta.kb import ingest as ingest_mod

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes((fixtures / "noisy.txt").read_bytes())
    (corpus / "c.txt").write_bytes((fixtures / "cp1252.txt").read_bytes())
    made = ingest_mod.prepare

    def prepare(doc, digest, fts=True):
        if doc.source.endswith("c.txt"):
            raise ValueError("a signature that cannot be made")
        return made(doc, digest, fts)

    monkeypatch.setattr(ingest_mod, "prepare", prepare)
    db = str(tmp_path / "kb.db")
    report = ingest_mod.ingest([str(corpus)], KnowledgeBase(db).engine)
    assert report.added == 1
    assert [os.path.basename(s) for s, _ in report.failed] == ["c.txt"]
    assert "could not be stored (ValueError" in report.failed[0][1]
    assert consistent(db) == 1


def test_a_kb_of_another_version_is_refused_or_upgraded(tmp_path):
    db = str(tmp_path / "kb.db")
    KnowledgeBase(db)
    con = sqlite3.connect(db)
    con.execute("UPDATE warta_meta SET value='99' WHERE key='schema_version'")
    con.commit()
    with pytest.raises(KBError, match="newer warta"):
        open_kb(db)
    con.execute("UPDATE warta_meta SET value='0' WHERE key='schema_version'")
    con.commit()
    with pytest.raises(KBError, match="no upgrade from schema 0"):
        open_kb(db)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)")
    r = warta("stories", "--db", other)
    assert r.returncode == 2 and "not made by warta" in r.stderr and "Traceback" not in r.stderr


def test_upgrade_runs_registered_migrations(tmp_path, monkeypatch):
    from warta.kb import store

    db = str(tmp_path / "kb.db")
    engine = open_kb(db)
    with engine.begin() as conn:
        conn.execute(text("UPDATE warta_meta SET value=:v WHERE key='schema_version'"),
                     {"v": str(store.SCHEMA_VERSION - 1)})
    ran = []
    monkeypatch.setitem(store.MIGRATIONS, store.SCHEMA_VERSION - 1, lambda s: ran.append(True))
    engine = open_kb(db)
    assert ran == [True]
    assert store.get_meta(engine, "schema_version") == str(store.SCHEMA_VERSION)


def _generated_kb(db: str, n: int, seed: int):
    """A KB of ``n`` generated articles, the first dated only to its month, its derived
    tables made: the start of the migration tests, which then take it back to an old schema."""
    from warta.kb import incremental, synthetic
    from warta.kb.ingest import write_batch

    engine = open_kb(db)
    docs = synthetic.corpus(n, seed=seed)
    docs[0] = dataclasses.replace(docs[0], published_precision="month")
    write_batch(engine, [(d, synthetic.digest(d)) for d in docs], set())
    incremental.refresh(engine)
    return engine


def test_schema_2_is_upgraded_with_the_days_the_writer_stores(tmp_path):
    """A KB of schema 2 (no ``day`` columns, the old indexes) gets the days a new KB's
    writer stores, and the new indexes instead of the old ones; its derived tables stay."""
    db = str(tmp_path / "kb.db")
    engine = _generated_kb(db, 40, seed=2)
    con = sqlite3.connect(db)
    query = ("SELECT a.source, m.day, i.day FROM articles a JOIN article_entities m ON m.article_id = a.id "
             "JOIN items i ON i.article_id = a.id ORDER BY m.id, i.id")
    written = con.execute(query).fetchall()
    stories = con.execute("SELECT id, story_id FROM articles ORDER BY id").fetchall()
    assert written[0][1] is None and written[-1][1] is not None
    for sql in ("DROP INDEX ix_article_entities_entity_day", "DROP INDEX ix_items_figure",
                "ALTER TABLE article_entities DROP COLUMN day", "ALTER TABLE items DROP COLUMN day",
                "CREATE INDEX ix_article_entities_entity_id ON article_entities (entity_id)",
                "CREATE INDEX ix_items_kind_value ON items (kind, value)",
                "UPDATE warta_meta SET value='2' WHERE key='schema_version'"):
        con.execute(sql)
    con.commit()
    engine.dispose()
    open_kb(db).dispose()
    assert con.execute(query).fetchall() == written
    assert con.execute("SELECT id, story_id FROM articles ORDER BY id").fetchall() == stories
    indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"ix_article_entities_entity_day", "ix_items_figure"} <= indexes
    assert not {"ix_article_entities_entity_id", "ix_items_kind_value"} & indexes


def test_schema_1_is_upgraded_with_its_band_rows_filed_by_period(tmp_path):
    """A KB of schema 1 (no band table) gets every article's LSH band rows, each with its
    article's period (``stories.text_bucket``), through all the migrations."""
    from warta.kb.stories import text_bucket

    db, articles = str(tmp_path / "kb.db"), 30
    engine = _generated_kb(db, articles, seed=3)
    engine.dispose()
    con = sqlite3.connect(db)
    for sql in ("DROP TABLE minhash_bands", "DROP INDEX ix_aliases_rkey", "ALTER TABLE aliases DROP COLUMN rkey",
                "DROP INDEX ix_article_entities_entity_day", "DROP INDEX ix_items_figure",
                "ALTER TABLE article_entities DROP COLUMN day", "ALTER TABLE items DROP COLUMN day",
                "UPDATE warta_meta SET value='1' WHERE key='schema_version'"):
        con.execute(sql)
    con.commit()
    open_kb(db).dispose()
    rows = con.execute("SELECT a.published, a.published_precision, b.bucket FROM minhash_bands b "
                       "JOIN articles a ON a.id = b.article_id").fetchall()
    assert len(rows) == 21 * articles
    assert all(bucket == text_bucket(dt.date.fromisoformat(day), precision) for day, precision, bucket in rows)
    assert {bucket for _, _, bucket in rows} >= {-1}


def _counts(db) -> tuple[str, int]:
    """The article count the KB keeps, and the articles counted."""
    engine = open_kb(str(db))
    with engine.connect() as conn:
        kept = conn.execute(text("SELECT value FROM warta_meta WHERE key = 'article_count'")).scalar()
        counted = conn.execute(text("SELECT count(*) FROM articles")).scalar()
    engine.dispose()
    return kept, counted


def kept_through_writes_and_removals(db):
    """The KB's own article count equals the articles counted after writes (copies left
    out), a replacement, removals and a direct insert: the triggers see every writer."""
    from warta.kb import synthetic
    from warta.kb.ingest import remove, write_batch

    engine = open_kb(str(db))
    assert _counts(db) == ("0", 0)
    docs = synthetic.corpus(12, seed=5)
    write_batch(engine, [(d, synthetic.digest(d)) for d in docs + docs[:2]], set())
    assert _counts(db) == ("12", 12)
    write_batch(engine, [(dataclasses.replace(docs[3], text=docs[3].text + " (updated)"), "x")], {docs[3].source})
    assert _counts(db) == ("12", 12)
    remove(engine, [docs[0].source, docs[1].source])
    assert _counts(db) == ("10", 10)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO articles (source, content_hash, text, document, ingested_at) "
                          "SELECT source || '-copy', content_hash, text, document, ingested_at FROM articles"))
    assert _counts(db) == ("20", 20)
    engine.dispose()


def test_the_kb_keeps_its_article_count(tmp_path):
    kept_through_writes_and_removals(tmp_path / "kb.db")


def test_schema_7_is_upgraded_with_its_articles_counted(tmp_path):
    """A KB of schema 7 (no count kept) gets its articles counted once and the triggers that
    keep the count; its updates then read the count (the same result as counting)."""
    from warta.kb import incremental, synthetic
    from warta.kb.ingest import write_batch

    db = str(tmp_path / "kb.db")
    _generated_kb(db, 25, seed=4).dispose()
    con = sqlite3.connect(db)
    for sql in ("DROP TRIGGER articles_counted_in", "DROP TRIGGER articles_counted_out",
                "DELETE FROM warta_meta WHERE key = 'article_count'",
                "UPDATE warta_meta SET value='7' WHERE key='schema_version'"):
        con.execute(sql)
    con.commit()
    assert _counts(db) == ("25", 25)
    triggers = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"articles_counted_in", "articles_counted_out"} <= triggers
    engine = open_kb(db)
    more = synthetic.corpus(27, seed=4)[25:]
    write_batch(engine, [(d, synthetic.digest(d)) for d in more], set())
    assert incremental.refresh(engine) == "incremental"
    assert _counts(db) == ("27", 27)


def test_missing_kb_is_a_clear_error(tmp_path):
    r = warta("entity", "Kemenperin", "--db", tmp_path / "none.db")
    assert r.returncode == 2
    assert "no knowledge base here" in r.stderr and "Traceback" not in r.stderr


def test_killed_in_the_middle_leaves_whole_batches_and_resumes(tmp_path, fixtures):
    base = (fixtures / "noisy.txt").read_text(encoding="utf-8")
    big = tmp_path / "big.jsonl"
    with big.open("w", encoding="utf-8") as fh:
        for i in range(400):
            # each clean text its own (the same clean text under another URL is a duplicate)
            body = base.replace("2025", str(1990 + i % 40)).replace("Rp450 miliar", f"Rp{100 + i} miliar")
            fh.write(json.dumps({"text": body, "title": f"Artikel {i}", "url": f"https://contoh.id/{i}"}) + "\n")
    db = str(tmp_path / "kb.db")
    proc = subprocess.Popen([sys.executable, "-m", "warta", "ingest", str(big), "--db", db, "--batch-size", "7"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        try:
            con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
            stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            con.close()
        except sqlite3.Error:
            stored = 0
        if stored >= 7:
            break
        time.sleep(0.005)
    assert proc.poll() is None, "ingest finished before it could be killed: make the corpus bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    n = consistent(db)
    assert 7 <= n < 400 and n % 7 == 0  # whole batches only
    rest = warta("ingest", big, "--db", db, "--batch-size", "50")
    assert rest.returncode == 0, rest.stderr
    assert f"{400 - n} added, 0 replaced, {n} unchanged" in rest.stderr
    assert consistent(db) == 400
