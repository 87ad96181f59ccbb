"""The server store: the same KB on a real PostgreSQL server.

Needs a server: ``WARTA_TEST_POSTGRES`` is its URL (``.ci/run`` installs and starts one;
by hand: ``postgresql+psycopg://USER:PASS@127.0.0.1/DB``).  Each test gets a fresh schema.
"""

from __future__ import annotations


from warta.kb import KnowledgeBase
from warta.kb.build import rebuild
from warta.kb.ingest import write_batch



def test_kb_on_postgresql(pg_url, kb_documents):
    kb = KnowledgeBase(pg_url)
    write_batch(kb.engine, [(d, f"h{i}") for i, d in enumerate(kb_documents)], set())
    rebuild(kb.engine)
    assert kb.counts() == {"articles": 3, "entities": 6, "stories": 1, "conflicts": 1}
    prof = kb.entity("Budi Santoso")
    assert prof["name"] == "Budi Santoso Wirawan" and prof["articles"] == 2
    assert [r["source"] for r in kb.search("rintisan")] == ["nusa/bank.txt"]
    (conflict,) = kb.conflicts()
    assert sorted(v["value"] for v in conflict["values"]) == [12e12, 15e12]
    assert conflict["statements_total"] == len(conflict["statements"]) >= 2
    story = kb.story(conflict["story"])  # statements per fact by window function, on PostgreSQL too
    assert any(f["status"] == "conflict" for f in story["facts"])
    assert kb.timeline("Budi Santoso")["articles_shown"] == 2
    rebuild(kb.engine)  # rebuilding replaces the derived tables, ids and all
    assert kb.counts()["entities"] == 6
    again = KnowledgeBase(pg_url, readonly=True)
    assert again.stories()[0]["articles"] == 2


def test_ingest_into_postgresql_as_into_sqlite(pg_url, fixtures, tmp_path):
    paths = [str(fixtures / "noisy.txt"), str(fixtures / "articles.jsonl"), str(fixtures / "page.html")]
    kb, lite = KnowledgeBase(pg_url), KnowledgeBase(str(tmp_path / "kb.db"))
    first, expected = kb.ingest(paths), lite.ingest(paths)
    assert first.added == expected.added >= 3
    assert first.failed == expected.failed
    assert kb.counts() == lite.counts()
    second = kb.ingest(paths)
    assert second.added == 0 and second.skipped == first.added


def test_postgresql_keeps_its_article_count(pg_url):
    from test_ingest import kept_through_writes_and_removals

    kept_through_writes_and_removals(pg_url)
