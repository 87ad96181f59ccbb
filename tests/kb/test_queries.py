"""The query commands on a small KB: stories, story, entity (--why), timeline, conflicts,
search, export — as JSON, JSON Lines, tables, CSV and Parquet."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

from warta.kb import KnowledgeBase


def warta(*args):
    r = subprocess.run([sys.executable, "-m", "warta", *map(str, args)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_stories_group_the_two_factory_articles(kb_path):
    rows = json.loads(warta("stories", "--db", kb_path, "--format", "json"))
    assert len(rows) == 1
    assert rows[0]["articles"] == 2 and rows[0]["outlets"] == ["KABARINDUSTRI.ID", "WARTAEKONOMI.co"]
    assert rows[0]["conflicts"] == 1
    alone = json.loads(warta("stories", "--db", kb_path, "--format", "json", "--min-articles", "1"))
    assert len(alone) == 2


def test_story_shows_the_conflict_and_the_corroboration(kb_path):
    story = json.loads(warta("story", "1", "--db", kb_path, "--format", "json"))
    by_measure = {f["measure"]: f for f in story["facts"]}
    inv = by_measure["investment"]
    assert inv["status"] == "conflict"
    assert sorted(v["value"] for v in inv["values"]) == [12e12, 15e12]
    assert {s["outlet"] for s in inv["statements"]} == {"KABARINDUSTRI.ID", "WARTAEKONOMI.co"}
    assert all("investasi" in s["sentence"] for s in inv["statements"])
    jobs = by_measure["workers"]
    assert jobs["status"] == "corroborated" and jobs["sources"] == 2 and jobs["value"] == 3000
    table = warta("story", "1", "--db", kb_path)
    assert "conflict" in table and "corroborated" in table


def test_entity_profile_merges_short_names_and_explains_why(kb_path):
    prof = json.loads(warta("entity", "Budi Santoso", "--db", kb_path, "--format", "json"))
    assert prof["name"] == "Budi Santoso Wirawan" and prof["type"] == "PER" and prof["articles"] == 2
    assert {a["alias"] for a in prof["aliases"]} == {"Budi Santoso Wirawan", "Budi Santoso"}
    assert {r["title"] for r in prof["roles"]} == {"Menteri Perindustrian"}
    assert prof["merges"][0]["rule"] == "short_name"
    assert any(r["name"] == "Karawang" for r in prof["related"])
    why = warta("entity", "budi santoso wirawan", "--db", kb_path, "--why")
    assert "short_name" in why
    org = json.loads(warta("entity", "PT Baterai Nusantara Energi", "--db", kb_path, "--format", "json"))
    assert org["articles"] == 2 and org["merges"][0]["rule"] == "exact"
    assert [e["what"] for e in org["events"]] == ["INVESTMENT"]


def test_timeline_is_in_date_order_with_sentences(kb_path):
    data = json.loads(warta("timeline", "Baterai Nusantara Energi", "--db", kb_path, "--format", "json"))
    dates = [e["date"] for e in data["timeline"]]
    assert dates == sorted(dates) and dates[0] == "2025-10-14"
    kinds = {(e["kind"], e["what"]) for e in data["timeline"]}
    assert ("event", "INVESTMENT") in kinds and ("fact", "investment") in kinds
    assert all(e["sentence"] for e in data["timeline"])


def test_conflicts_lists_both_values_with_sources(kb_path):
    lines = warta("conflicts", "--db", kb_path, "--format", "jsonl").splitlines()
    assert len(lines) == 1
    fact = json.loads(lines[0])
    assert {s["text"] for s in fact["statements"]} == {"Rp12 triliun", "Rp15 triliun"}


@pytest.mark.parametrize("query, source", [
    ("meresmikan", "kabar/pabrik.txt"),
    ("resmi", "kabar/pabrik.txt"),            # the stem finds the derived word
    ('"perusahaan rintisan"', "nusa/bank.txt"),
])
def test_search_with_stems_and_phrases(kb_path, query, source):
    rows = json.loads(warta("search", query, "--db", kb_path, "--format", "json"))
    assert [r["source"] for r in rows] == [source]
    assert "[" in rows[0]["snippet"]


def test_search_never_passes_fts_syntax_through(kb_path):
    assert json.loads(warta("search", 'pabrik" OR NEAR(', "--db", kb_path, "--format", "json")) == []
    assert KnowledgeBase(kb_path).search("AND OR NOT *") == []


def test_export_articles_carry_story_and_kb_ids(kb_path, tmp_path):
    out = tmp_path / "articles.jsonl"
    warta("export", "--what", "articles", "--db", kb_path, "--out", out)
    rows = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 3
    factory = [r for r in rows if r["source"] != "nusa/bank.txt"]
    assert factory[0]["story"] == factory[1]["story"] != rows[2]["story"]
    budi = {e["kb_id"] for r in factory for e in r["entities"] if e["type"] == "PER"}
    assert len(budi) == 1


def test_export_csv_and_parquet(kb_path, tmp_path):
    warta("export", "--what", "facts", "--format", "csv", "--db", kb_path, "--out", tmp_path / "f.csv")
    rows = list(csv.DictReader((tmp_path / "f.csv").open(encoding="utf-8")))
    assert {r["status"] for r in rows} >= {"conflict", "corroborated"}
    warta("export", "--what", "entities", "--format", "parquet", "--db", kb_path, "--out", tmp_path / "e.parquet")
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "e.parquet")
    assert "Budi Santoso Wirawan" in table.column("name").to_pylist()


def test_unknown_entity_and_story_are_clear_errors(kb_path):
    r = subprocess.run([sys.executable, "-m", "warta", "entity", "Tidak Ada", "--db", kb_path],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "no entity by that name" in r.stderr
    r = subprocess.run([sys.executable, "-m", "warta", "story", "99", "--db", kb_path], capture_output=True, text=True)
    assert r.returncode == 2 and "no such story" in r.stderr


def test_a_profile_reads_the_latest_articles_of_a_frequent_entity(tmp_path):
    """The latest articles of an entity in more articles than a profile shows, found from
    the (entity, day) index: the same as sorting all of its articles by date (undated
    last, then by id), with articles dated only to a month and undated ones among them."""
    import dataclasses

    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from warta.kb import incremental, queries, synthetic
    from warta.kb.ingest import write_batch
    from warta.kb.schema import ArticleRow, EntityRow, MentionRow

    docs = synthetic.corpus(300, seed=4)
    for i in range(0, 300, 7):
        docs[i] = dataclasses.replace(docs[i], published=None if i % 2 else docs[i].published,
                                      published_precision=None if i % 2 else "month")
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    write_batch(kb.engine, [(d, synthetic.digest(d)) for d in docs], set())
    incremental.refresh(kb.engine)
    with Session(kb.engine) as s:
        top = s.scalars(select(EntityRow).order_by(EntityRow.articles.desc())).first()
        assert top.articles > 60
        mine = select(MentionRow.article_id).where(MentionRow.entity_id == top.id)
        for limit in (10, 50):
            every = s.scalars(select(ArticleRow.id).where(ArticleRow.id.in_(mine))
                              .order_by(ArticleRow.published.desc().nulls_last(), ArticleRow.id.desc())).all()
            assert queries._latest_articles(s, top.id, limit) == sorted(every[:limit])


def test_search_of_a_frequent_word_ranks_its_latest_matches(tmp_path, monkeypatch):
    """A word in more articles than ``SEARCH_RANKED`` is ranked among its latest matches
    (the highest ids) only; with fewer matches every one is ranked."""
    from warta.kb import incremental, queries, synthetic
    from warta.kb.ingest import write_batch

    docs = synthetic.corpus(120, seed=5)
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    write_batch(kb.engine, [(d, synthetic.digest(d)) for d in docs], set())
    incremental.refresh(kb.engine)
    import collections
    import re

    words = collections.Counter(w for d in docs for w in set(re.findall(r"\b[a-z]{6,}\b", d.text)))
    word = next(w for w, n in words.most_common() if 10 <= n <= 60)
    every = queries.search(kb.engine, word, limit=1000)
    assert len(every) >= 10
    monkeypatch.setattr(queries, "SEARCH_RANKED", 5)
    latest = sorted(r["id"] for r in every)[-5:]
    assert sorted(r["id"] for r in queries.search(kb.engine, word, limit=1000)) == latest


def test_a_timeline_shows_the_facts_stated_in_its_articles(tmp_path):
    """The timeline's facts are the statements of the entity's facts made in the articles
    it shows, in fact order: the same as reading every statement and keeping those."""
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from warta.kb import incremental, queries, synthetic
    from warta.kb.ingest import write_batch
    from warta.kb.schema import EntityRow, FactRow

    docs = synthetic.corpus(300, seed=4)
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    write_batch(kb.engine, [(d, synthetic.digest(d)) for d in docs], set())
    incremental.refresh(kb.engine)
    with Session(kb.engine) as s:
        top = s.scalar(select(FactRow.subject_id).where(FactRow.subject_id.is_not(None))
                       .group_by(FactRow.subject_id).order_by(func.count().desc()).limit(1))
        shown = queries._latest_articles(s, top, 10)
        rows = list(s.scalars(select(FactRow).where(FactRow.subject_id == top).order_by(FactRow.id)))
        every = [(f.id, st["article"], st["value"]) for f, fact in zip(rows, queries._facts_of(s, rows))
                 for st in fact["statements"] if st["article"] in shown]
        assert every
        assert [(f.id, st.article_id, st.value) for f, st in queries._statements_in(s, top, shown)] == every
        assert s.get(EntityRow, top) is not None
